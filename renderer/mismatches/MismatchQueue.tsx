import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { mismatchSchema } from '../../shared/contract/identity';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { RecordOverlay } from '../beneficiaries/RecordOverlay';
import { fieldLabel, valueText } from '../beneficiaries/history-values';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { DuplicatePairs } from './DuplicatePairs';

type Mismatch = z.infer<typeof mismatchSchema>;
const STATUSES = ['open', 'accepted', 'kept', 'resolved'] as const;
type StatusFilter = (typeof STATUSES)[number] | 'all';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; rows: Mismatch[] };

/** Hàng đợi sai lệch: differences between records and the chip card or population data, waiting for a decision. */
export function MismatchQueue() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    client.call('mismatches.list', { status: status === 'all' ? null : status })
      .then((rows) => live && setLoad({ state: 'done', rows }), (e: unknown) => live && setLoad({ state: 'failed', message: messageOf(e) }));
    return () => { live = false; };
  }, [client, status, attempt]);

  const openOnKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpenId(id);
    }
  };

  return (
    <RecordOverlay openId={openId} onClose={() => { setOpenId(null); setAttempt((a) => a + 1); }}>
      <section className="page mismatch-page" data-testid="mismatch-queue" aria-labelledby="mismatch-title">
        <h1 id="mismatch-title">{t('mismatches.title')}</h1>
        <p className="muted">{t('mismatches.intro')}</p>
        <div className="toolbar">
          <div className="filter">
            <label htmlFor="mismatch-status">{t('mismatches.statusFilter')}</label>
            <select id="mismatch-status" data-testid="mismatch-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              {[...STATUSES, 'all' as const].map((s) => <option key={s} value={s}>{t(`mismatches.statuses.${s}`)}</option>)}
            </select>
          </div>
          <span className="list-meta-inline" data-testid="mismatch-count" aria-live="polite" aria-busy={load.state === 'loading'}>
            {load.state === 'done' ? t('mismatches.count', { n: formatCount(load.rows.length) }) : load.state === 'loading' ? t('common.loading') : ''}
          </span>
        </div>
        {load.state === 'failed' && <ErrorMessage message={load.message} onRetry={() => setAttempt((a) => a + 1)} retryLabel={t('common.retry')} />}
        {load.state === 'done' && load.rows.length === 0 && <p className="empty panel" data-testid="mismatch-empty">{t('mismatches.empty')}</p>}
        {load.state === 'done' && load.rows.length > 0 && (
          <div className="panel flush">
            <table className="table clickable" data-testid="mismatch-table">
              <thead>
                <tr>
                  <th>{t('mismatches.columns.fullName')}</th><th>{t('mismatches.columns.field')}</th>
                  <th>{t('mismatches.columns.recordValue')}</th><th>{t('mismatches.columns.sourceValue')}</th>
                  <th>{t('mismatches.columns.source')}</th><th>{t('mismatches.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {load.rows.map((m) => (
                  <tr key={m.id} tabIndex={0} data-testid="mismatch-row" data-beneficiary={m.beneficiaryId}
                    onClick={() => setOpenId(m.beneficiaryId)} onKeyDown={(e) => openOnKey(e, m.beneficiaryId)}>
                    <td className="strong">{m.fullName}</td>
                    <td>{m.field ? fieldLabel(t, m.field) : t(`mismatches.kinds.${m.kind}`, { defaultValue: m.kind })}</td>
                    <td className="old-value">{valueText(t, m.field, m.recordValue)}</td>
                    <td className="new-value">{valueText(t, m.field, m.sourceValue)}</td>
                    <td>{t(`mismatches.sources.${m.source}`, { defaultValue: m.source })}</td>
                    <td><span className={`status mismatch-${m.status}`}>{t(`mismatches.statuses.${m.status}`, { defaultValue: m.status })}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted small">{t('mismatches.howToResolve')}</p>
        <DuplicatePairs />
      </section>
    </RecordOverlay>
  );
}

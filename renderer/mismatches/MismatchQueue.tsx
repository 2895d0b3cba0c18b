import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  MISMATCH_KINDS, MISMATCH_SOURCES, type MismatchFilter, type MismatchItem, type matchingProgressSchema,
} from '../../shared/contract/identity';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { RecordOverlay } from '../beneficiaries/RecordOverlay';
import { fieldLabel, valueText } from '../beneficiaries/history-values';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { DuplicatePairs } from './DuplicatePairs';
import { MarkedPair } from './MarkedDifference';
import { MatchingProgress } from './MatchingProgress';
import { MatchingRoundTrip } from './MatchingRoundTrip';
import { ConfirmDialog } from '../payout/Dialog';
import '../payout/payout.css';

const STATUSES = ['open', 'accepted', 'kept', 'resolved', 'resend'] as const;
type StatusFilter = (typeof STATUSES)[number] | 'all';
type Decision = 'accept' | 'keep' | 'resolve' | 'resend';
type Progress = z.infer<typeof matchingProgressSchema>;

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; rows: MismatchItem[] };

const TEXT_FIELDS = new Set(['fullName', 'hometown', 'permanentAddress', 'ethnicity', 'village', 'birth', 'idNumber', 'oldIdNumber']);

/** Hàng đợi sai lệch: differences between records and the chip card, the population database or a later list, decided here. */
export function MismatchQueue() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [kind, setKind] = useState<string>('');
  const [difference, setDifference] = useState<string>('');
  const [village, setVillage] = useState<string>('');
  const [batch, setBatch] = useState<string>('');
  const [source, setSource] = useState<string>('');
  const [olderThan, setOlderThan] = useState<string>('');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [noteFor, setNoteFor] = useState<{ ids: string[]; decision: Decision } | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [bulk, setBulk] = useState<{ decision: Decision; label: string; narrower: Partial<MismatchFilter> } | null>(null);
  const refresh = useCallback(() => setAttempt((a) => a + 1), []);

  const filter: MismatchFilter = {
    status: status === 'all' ? null : status, kind: (kind || null) as MismatchFilter['kind'], difference: (difference || null) as MismatchFilter['difference'],
    village: village || null, batch: batch || null, source: (source || null) as MismatchFilter['source'], olderThanDays: olderThan ? Number(olderThan) : null,
  };
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    client.call('mismatches.list', JSON.parse(filterKey) as MismatchFilter)
      .then((rows) => live && setLoad({ state: 'done', rows }), (e: unknown) => live && setLoad({ state: 'failed', message: messageOf(e) }));
    client.call('match.progress', {}).then((p) => live && setProgress(p), () => undefined);
    return () => { live = false; };
  }, [client, filterKey, attempt]);

  const openOnKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpenId(id);
    }
  };

  async function decide(ids: string[] | null, decision: Decision, withNote: string | null, narrower: Partial<MismatchFilter> = {}) {
    setMessage(null);
    try {
      const out = ids
        ? await client.call('mismatches.decide', { ids, decision, note: withNote })
        : await client.call('mismatches.decideAll', { filter: { ...filter, ...narrower, status: 'open' }, decision, note: withNote });
      setMessage({ tone: 'ok', text: t('mismatches.decided', { n: formatCount(out.decided), skipped: formatCount(out.skipped) }) });
      setNoteFor(null);
      setNote('');
      refresh();
    } catch (e) {
      setMessage({ tone: 'error', text: messageOf(e) });
    }
  }

  function ask(ids: string[], decision: Decision) {
    if (decision === 'keep') { setNoteFor({ ids, decision }); setNoteError(null); return; }
    void decide(ids, decision, null);
  }

  /** A bulk decision on every open item of the current filters (narrowed further), after a confirmation. */
  function confirmBulk(decision: Decision, label: string, narrower: Partial<MismatchFilter> = {}) {
    setBulk({ decision, label, narrower });
  }

  const villages = progress?.villages.map((v) => v.village).filter((v): v is string => !!v) ?? [];
  const rows = load.state === 'done' ? load.rows : [];
  return (
    <RecordOverlay openId={openId} onClose={() => { setOpenId(null); refresh(); }}>
      <section className="page mismatch-page" data-testid="mismatch-queue" aria-labelledby="mismatch-title">
        <h1 id="mismatch-title">{t('mismatches.title')}</h1>
        <p className="muted">{t('mismatches.intro')}</p>
        {progress && <MatchingProgress progress={progress} />}
        <MatchingRoundTrip onChanged={refresh} />
        <div className="toolbar wrap" role="group" aria-label={t('mismatches.filters')}>
          <div className="filter">
            <label htmlFor="mismatch-status">{t('mismatches.statusFilter')}</label>
            <select id="mismatch-status" data-testid="mismatch-status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              {[...STATUSES, 'all' as const].map((s) => <option key={s} value={s}>{t(`mismatches.statuses.${s}`)}</option>)}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="mismatch-kind">{t('mismatches.kindFilter')}</label>
            <select id="mismatch-kind" data-testid="mismatch-kind" value={`${kind}|${difference}`} onChange={(e) => { const [k, d] = e.target.value.split('|'); setKind(k); setDifference(d); }}>
              <option value="|">{t('mismatches.any')}</option>
              <option value="differs|real">{t('mismatches.differences.real')}</option>
              <option value="differs|spelling">{t('mismatches.differences.spelling')}</option>
              <option value="differs|enriched">{t('mismatches.differences.enriched')}</option>
              {MISMATCH_KINDS.filter((k) => k !== 'differs').map((k) => <option key={k} value={`${k}|`}>{t(`mismatches.kinds.${k}`)}</option>)}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="mismatch-village">{t('mismatches.villageFilter')}</label>
            <select id="mismatch-village" data-testid="mismatch-village" value={village} onChange={(e) => setVillage(e.target.value)}>
              <option value="">{t('mismatches.any')}</option>
              {villages.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="mismatch-batch">{t('mismatches.batchFilter')}</label>
            <select id="mismatch-batch" data-testid="mismatch-batch" value={batch} onChange={(e) => setBatch(e.target.value)}>
              <option value="">{t('mismatches.any')}</option>
              {progress?.batches.map((b) => <option key={b.number} value={b.number}>{b.number}</option>)}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="mismatch-source">{t('mismatches.sourceFilter')}</label>
            <select id="mismatch-source" data-testid="mismatch-source" value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="">{t('mismatches.any')}</option>
              {MISMATCH_SOURCES.map((s) => <option key={s} value={s}>{t(`mismatches.sources.${s}`)}</option>)}
            </select>
          </div>
          <div className="filter">
            <label htmlFor="mismatch-age">{t('mismatches.ageFilter')}</label>
            <select id="mismatch-age" data-testid="mismatch-age" value={olderThan} onChange={(e) => setOlderThan(e.target.value)}>
              <option value="">{t('mismatches.any')}</option>
              {['7', '30', '90'].map((d) => <option key={d} value={d}>{t('mismatches.olderThan', { n: d })}</option>)}
            </select>
          </div>
          <span className="list-meta-inline" data-testid="mismatch-count" aria-live="polite" aria-busy={load.state === 'loading'}>
            {load.state === 'done' ? t('mismatches.count', { n: formatCount(load.rows.length) }) : load.state === 'loading' ? t('common.loading') : ''}
          </span>
        </div>
        {status === 'open' && rows.length > 0 && (
          <div className="toolbar wrap" data-testid="mismatch-bulk">
            {rows.some((r) => r.difference === 'spelling') && (
              <button type="button" data-testid="bulk-accept-spelling" onClick={() => confirmBulk('accept', t('mismatches.bulkAcceptSpelling'), { kind: 'differs', difference: 'spelling' })}>
                {t('mismatches.bulkAcceptSpelling')}
              </button>
            )}
            {kind === 'not-found' && village && (
              <button type="button" data-testid="bulk-resend-village" onClick={() => confirmBulk('resend', t('mismatches.bulkResendVillage', { village }))}>
                {t('mismatches.bulkResendVillage', { village })}
              </button>
            )}
            {kind !== 'not-found' && <span className="muted small">{t('mismatches.bulkHint')}</span>}
          </div>
        )}
        {message && <p className={message.tone === 'ok' ? 'notice' : 'error'} role={message.tone === 'ok' ? 'status' : 'alert'} data-testid="mismatch-message">{message.text}</p>}
        {noteFor && (
          <div className="confirm-box" role="dialog" aria-labelledby="keep-note-title" data-testid="keep-note">
            <p id="keep-note-title" className="confirm-question">{t('mismatches.keepTitle')}</p>
            <label htmlFor="keep-note-input">{t('mismatches.keepNote')}</label>
            <textarea id="keep-note-input" data-testid="keep-note-input" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!noteError} aria-describedby="keep-note-error" />
            {noteError && <p id="keep-note-error" className="field-error" role="alert">{noteError}</p>}
            <div className="actions">
              <button type="button" className="primary" data-testid="keep-note-save" onClick={() => { if (!note.trim()) setNoteError(t('mismatches.keepNoteNeeded')); else void decide(noteFor.ids, 'keep', note.trim()); }}>{t('mismatches.decisions.keep')}</button>
              <button type="button" onClick={() => setNoteFor(null)}>{t('matching.cancel')}</button>
            </div>
          </div>
        )}
        {bulk && (
          <ConfirmDialog testId="bulk-dialog" title={bulk.label} confirmLabel={t('mismatches.bulkRun')} onCancel={() => setBulk(null)}
            body={<p>{t('mismatches.bulkConfirm', { what: bulk.label })}</p>}
            onConfirm={async () => { await decide(null, bulk.decision, null, bulk.narrower); setBulk(null); }} />
        )}
        {load.state === 'failed' && <ErrorMessage message={load.message} onRetry={refresh} retryLabel={t('common.retry')} />}
        {load.state === 'done' && load.rows.length === 0 && <p className="empty panel" data-testid="mismatch-empty">{t('mismatches.empty')}</p>}
        {load.state === 'done' && load.rows.length > 0 && (
          <div className="panel flush table-scroll">
            <table className="table clickable" data-testid="mismatch-table">
              <thead>
                <tr>
                  <th>{t('mismatches.columns.fullName')}</th><th>{t('mismatches.columns.field')}</th>
                  <th>{t('mismatches.columns.recordValue')}</th><th>{t('mismatches.columns.sourceValue')}</th>
                  <th>{t('mismatches.columns.source')}</th><th>{t('mismatches.columns.decide')}</th><th>{t('mismatches.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {load.rows.map((m) => (
                  <tr key={m.id} tabIndex={0} data-testid="mismatch-row" data-beneficiary={m.beneficiaryId} data-difference={m.difference ?? ''}
                    onClick={() => setOpenId(m.beneficiaryId)} onKeyDown={(e) => openOnKey(e, m.beneficiaryId)}>
                    <td className="strong">{m.fullName}{m.village && <><br /><span className="muted small">{m.village}</span></>}</td>
                    <td>
                      {m.field && m.kind !== 'differs' && <>{t(`mismatches.kinds.${m.kind}`, { defaultValue: m.kind })}: </>}
                      {m.field ? fieldLabel(t, m.field) : t(`mismatches.kinds.${m.kind}`, { defaultValue: m.kind })}
                      {m.difference && m.difference !== 'real' && <><br /><span className="muted small">{t(`mismatches.differences.${m.difference}`)}</span></>}
                    </td>
                    {m.field && TEXT_FIELDS.has(m.field)
                      ? <MarkedPair ours={valueText(t, m.field, m.recordValue)} theirs={m.sourceValue === null ? null : valueText(t, m.field, m.sourceValue)} />
                      : <><td className="old-value">{valueText(t, m.field, m.recordValue)}</td><td className="new-value">{m.sourceValue === null ? '—' : valueText(t, m.field, m.sourceValue)}</td></>}
                    <td>{t(`mismatches.sources.${m.source}`, { defaultValue: m.source })}{m.batch && <><br /><span className="muted small">{m.batch}</span></>}{m.note && <><br /><span className="muted small">{m.note}</span></>}</td>
                    <td onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                      {m.status === 'open' && (
                        <span className="row-actions">
                          {m.kind === 'differs' && m.field && m.sourceValue !== null && <button type="button" className="small" data-testid="decide-accept" onClick={() => ask([m.id], 'accept')}>{t('mismatches.decisions.accept')}</button>}
                          <button type="button" className="small" data-testid="decide-keep" onClick={() => ask([m.id], 'keep')}>{t('mismatches.decisions.keep')}</button>
                          <button type="button" className="small" data-testid="decide-resolve" onClick={() => ask([m.id], 'resolve')}>{t('mismatches.decisions.resolve')}</button>
                          {m.source === 'population' && <button type="button" className="small" data-testid="decide-resend" onClick={() => ask([m.id], 'resend')}>{t('mismatches.decisions.resend')}</button>}
                        </span>
                      )}
                    </td>
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

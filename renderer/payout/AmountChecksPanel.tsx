import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { amountCheckSchema } from '../../shared/contract/payout';
import { formatCount, formatVnd } from '../../shared/format/money';
import { can, type Role } from '../../shared/contract/roles';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { ReasonDialog } from './Dialog';
import { formatPeriod } from '../../shared/payout/periods';

type AmountCheck = z.infer<typeof amountCheckSchema>;

/** Kiểm tra mức: the imported "mức trợ cấp" beside the computed amount; the clerk says which is right, with a reason. */
export function AmountChecksPanel({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [rows, setRows] = useState<AmountCheck[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<AmountCheck | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setRows(await client.call('payout.amountChecks', { status }));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, status]);
  useEffect(() => { void load(); }, [load]);
  const writer = can(role, 'beneficiaries.write');
  return (
    <div data-testid="amount-checks-panel">
      <p className="muted">{t('payout.checks.intro')}</p>
      <div className="toolbar">
        <div className="payout-tabs" role="tablist">
          {(['open', 'resolved'] as const).map((s) => (
            <button key={s} type="button" role="tab" aria-selected={status === s} className={status === s ? 'active' : ''} onClick={() => setStatus(s)} data-testid={`checks-${s}`}>
              {t(`payout.checks.${s}`)}
            </button>
          ))}
        </div>
        {rows && <span className="muted">{t('payout.checks.count', { n: formatCount(rows.length) })}</span>}
      </div>
      {notice && <p className="ok-text" role="status">{notice}</p>}
      <ErrorMessage message={error} />
      {rows && rows.length === 0 && <p className="empty panel" data-testid="checks-empty">{t('payout.checks.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="payout-lines-wrap">
          <table className="table" data-testid="checks-table">
            <thead><tr><th>{t('payout.name')}</th><th>{t('payout.village')}</th><th>{t('payout.regime')}</th><th>{t('payout.period')}</th>
              <th className="amount">{t('payout.checks.imported')}</th><th className="amount">{t('payout.checks.computed')}</th><th className="amount">{t('payout.checks.difference')}</th><th /></tr></thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid="check-row">
                  <td className="strong">{c.fullName}</td><td>{c.village}</td><td>{t(`payout.regimes.${c.regime}`, { defaultValue: c.regime })}</td><td>{formatPeriod(c.period)}</td>
                  <td className="amount">{formatVnd(c.importedAmount)}</td><td className="amount">{formatVnd(c.computedAmount)}{c.computedAmount === 0 && <div className="muted small">{t('payout.checks.outsideAge')}</div>}</td>
                  <td className="amount">{formatVnd(c.importedAmount - c.computedAmount)}</td>
                  <td>{writer && c.status === 'open' && <button type="button" className="small" onClick={() => setDeciding(c)} data-testid="check-decide">{t('payout.checks.decide')}</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deciding && (
        <ReasonDialog testId="check-dialog" title={t('payout.checks.decideTitle', { name: deciding.fullName })}
          intro={<p>{t('payout.checks.figures', { imported: formatVnd(deciding.importedAmount), computed: formatVnd(deciding.computedAmount) })}</p>}
          choices={[{ value: 'computed', label: t('payout.checks.keepComputed') }, { value: 'imported', label: t('payout.checks.keepImported') }]}
          choiceLabel={t('payout.checks.which')} confirmLabel={t('payout.checks.decide')} onCancel={() => setDeciding(null)}
          onConfirm={async (reason, choice) => {
            await client.call('payout.resolveAmountCheck', { id: deciding.id, decision: choice as 'computed' | 'imported', reason });
            setDeciding(null);
            setNotice(t('payout.checks.done'));
            await load();
          }} />
      )}
    </div>
  );
}

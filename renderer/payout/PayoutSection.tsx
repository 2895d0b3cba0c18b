import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterView } from '../../shared/contract/payout';
import { formatCount, formatVnd } from '../../shared/format/money';
import { can, type Role } from '../../shared/contract/roles';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';

type Filter = 'all' | 'blocked' | 'cash' | 'released';
const FILTERS: Filter[] = ['all', 'blocked', 'cash', 'released'];

function nextPeriod(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
const monthText = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;
const percent = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;

/** Chi trả: the month's roster — lines, blocks, totals, the cash-less share per village; approve and lock; exports. */
export function PayoutSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [period, setPeriod] = useState(nextPeriod());
  const [filter, setFilter] = useState<Filter>('all');
  const [view, setView] = useState<RosterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setView(await client.call('payout.get', { period, filter, offset: 0, limit: 300 }));
    } catch (e) {
      setView(null);
      setError(messageOf(e));
    }
  }, [client, period, filter]);
  useEffect(() => { void load(); }, [load]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      await work();
      setNotice(done);
      await load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const release = (key: string, code: string) => {
    const reason = window.prompt(t('payout.releaseReason'));
    if (reason === null) return;
    let channel: 'post-office' | 'cash' | null = null;
    if (code === 'no-usable-account') channel = window.confirm(t('payout.postOfficeOrCash')) ? 'post-office' : 'cash';
    void act(() => client.call('payout.release', { period, keys: [key], code: code as never, reason, channel }), t('payout.released'));
  };

  const exportFile = (kind: 'bank' | 'post-office' | 'printable', format: 'xlsx' | 'pdf') =>
    void act(async () => {
      const made = await client.call('payout.export', { period, kind, format });
      await client.save(made.downloadRef, made.fileName);
    }, t('payout.exported'));

  const approver = can(role, 'payout.approve');
  const writer = can(role, 'beneficiaries.write');
  const totals = view?.totals;
  return (
    <section className="payout" aria-label={t('sections.payouts')}>
      <h1>{t('payout.title')}</h1>
      <div className="toolbar">
        <label>
          {t('payout.period')}{' '}
          <input type="month" value={period} onChange={(e) => e.target.value && setPeriod(e.target.value)} data-testid="payout-period" />
        </label>
        {writer && (
          <button type="button" disabled={busy} data-testid="payout-create"
            onClick={() => void act(() => client.call('payout.create', { period }), t('payout.created'))}>
            {view ? t('payout.recompute') : t('payout.create')}
          </button>
        )}
        {approver && view?.status === 'draft' && (
          <button type="button" disabled={busy} data-testid="payout-approve" onClick={() => {
            const held = view.totals.blocked;
            if (!window.confirm(held ? t('payout.confirmApproveHeld', { count: held }) : t('payout.confirmApprove', { month: monthText(period) }))) return;
            void act(() => client.call('payout.approve', { period, leaveBlockedOut: held > 0 }), t('payout.approved'));
          }}>{t('payout.approve')}</button>
        )}
        {approver && view?.status === 'approved' && (
          <button type="button" disabled={busy} data-testid="payout-lock" onClick={() => {
            if (!window.confirm(t('payout.confirmLock', { month: monthText(period) }))) return;
            void act(() => client.call('payout.lock', { period }), t('payout.locked'));
          }}>{t('payout.lock')}</button>
        )}
      </div>
      {notice && <p className="notice" role="status">{notice}</p>}
      <ErrorMessage message={error} />
      {view && totals && (
        <>
          <p data-testid="payout-status">
            {t(`payout.status.${view.status}`)} — {t('payout.summary', { lines: formatCount(totals.lines), amount: formatVnd(totals.amount), blocked: formatCount(totals.blocked) })}
          </p>
          <p>{t('payout.inWords', { words: totals.amountInWords })}</p>
          <p>{t('payout.cashless', { count: percent(totals.cashlessShare.byCount), amount: percent(totals.cashlessShare.byAmount) })}
            {view.openAmountChecks > 0 && <> — {t('payout.amountChecks', { count: view.openAmountChecks })}</>}</p>
          <div className="toolbar">
            {(['bank', 'post-office', 'printable'] as const).flatMap((kind) => (['xlsx', 'pdf'] as const).map((format) => (
              <button key={`${kind}-${format}`} type="button" disabled={busy} onClick={() => exportFile(kind, format)}>
                {t(`payout.export.${kind}`)} ({format.toUpperCase()})
              </button>
            )))}
          </div>
          <table className="data-table">
            <caption>{t('payout.villages')}</caption>
            <thead><tr><th>{t('payout.village')}</th><th>{t('payout.lines')}</th><th>{t('payout.amount')}</th><th>{t('payout.byCount')}</th><th>{t('payout.byAmount')}</th></tr></thead>
            <tbody>
              {view.villages.map((v) => (
                <tr key={v.village}><td>{v.village}</td><td>{formatCount(v.lines)}</td><td>{formatVnd(v.amount)}</td><td>{percent(v.byCount)}</td><td>{percent(v.byAmount)}</td></tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar" role="tablist">
            {FILTERS.map((f) => (
              <button key={f} type="button" role="tab" aria-selected={filter === f} onClick={() => setFilter(f)}>{t(`payout.filter.${f}`)}</button>
            ))}
            <span className="muted">{t('payout.showing', { shown: formatCount(view.lines.length), of: formatCount(view.matching) })}</span>
          </div>
          <table className="data-table" data-testid="payout-lines">
            <thead><tr><th>{t('payout.name')}</th><th>{t('payout.village')}</th><th>{t('payout.regime')}</th><th>{t('payout.months')}</th>
              <th>{t('payout.amount')}</th><th>{t('payout.channel')}</th><th>{t('payout.blocks')}</th></tr></thead>
            <tbody>
              {view.lines.map((l) => (
                <tr key={l.key}>
                  <td>{l.fullName}</td><td>{l.village}</td><td>{l.regime}</td><td>{l.months}</td><td>{formatVnd(l.amount)}</td>
                  <td>{t(`payout.channels.${l.channel}`)}</td>
                  <td>
                    {l.blocked.map((b) => (
                      <div key={b.code}>{b.message}{' '}
                        {writer && view.status === 'draft' && b.code !== 'recovery' && <button type="button" onClick={() => release(l.key, b.code)}>{t('payout.release')}</button>}
                      </div>
                    ))}
                    {l.released.map((r) => <div key={r.code} className="muted">{t('payout.releasedWith', { reason: r.reason })}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

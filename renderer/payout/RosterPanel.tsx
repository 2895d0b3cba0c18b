import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterFilter, RosterLineView } from '../../shared/contract/payout';
import { CHANNELS } from '../../shared/payout/roster-line';
import { formatCount, formatShare, formatVnd } from '../../shared/format/money';
import { formatPeriod } from '../../shared/payout/periods';
import { can, type Role } from '../../shared/contract/roles';
import { messageOf } from '../api/call-error';
import { Pager } from '../admin/Pager';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { ConfirmDialog, ReasonDialog } from './Dialog';
import { communeWord } from '../../shared/text/commune-word';
import { PAGE_SIZE, useRosterPage } from './use-roster-page';

const FILTERS: RosterFilter[] = ['all', 'blocked', 'cash', 'released'];

/** A village whose lines are all held has no share yet. */
const shareCell = (share: number | null) => (share === null ? '—' : formatShare(share));
type Pending = { kind: 'release'; line: RosterLineView; code: string } | { kind: 'approve' } | { kind: 'lock' } | null;

/** Bảng kê: the period's lines page by page, totals per channel and village, release with a reason, approve and lock, exports. */
export function RosterPanel({ period, role, onChanged }: { period: string; role: Role; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [page, setPage] = useState(0);
  const { view, missing, error, loading, reload } = useRosterPage(period, filter, page);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setNotice(null);
    setActionError(null);
    try {
      await work();
      setNotice(done);
      await reload();
      onChanged?.();
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  /** For dialogs: a failure stays in the dialog; success closes it. */
  const decide = async (work: () => Promise<unknown>, done: string) => {
    await work();
    setPending(null);
    setNotice(done);
    setActionError(null);
    await reload();
    onChanged?.();
  };

  const [bankBin, setBankBin] = useState('');
  const exportFile = (kind: 'bank' | 'post-office' | 'printable', format: 'xlsx' | 'pdf') =>
    void act(async () => {
      const oneBank = kind === 'bank' && view?.banks.some((b) => b.bankBin === bankBin);
      const made = await client.call('payout.export', { period, kind, format, ...(oneBank ? { bankBin } : {}) });
      await client.save(made.downloadRef, made.fileName);
    }, t('payout.exported'));

  const approver = can(role, 'payout.approve');
  const writer = can(role, 'beneficiaries.write');
  const totals = view?.totals;
  const pages = view ? Math.max(1, Math.ceil(view.matching / PAGE_SIZE)) : 1;
  // Cash is paid "tại xã" or "tại phường": the unit's own word.
  const unit = communeWord(view?.unitName ?? '');
  return (
    <div data-testid="roster-panel">
      <div className="toolbar">
        {writer && (!view || view.status === 'draft') && (
          <button type="button" className="primary" disabled={busy || loading} data-testid="payout-create"
            onClick={() => void act(() => client.call('payout.create', { period }), t('payout.created'))}>
            {view ? t('payout.recompute') : t('payout.create')}
          </button>
        )}
        {approver && view?.status === 'draft' && (
          <button type="button" disabled={busy} data-testid="payout-approve" onClick={() => setPending({ kind: 'approve' })}>{t('payout.approve')}</button>
        )}
        {approver && view?.status === 'approved' && (
          <button type="button" disabled={busy} data-testid="payout-lock" onClick={() => setPending({ kind: 'lock' })}>{t('payout.lock')}</button>
        )}
      </div>
      {notice && <p className="ok-text" role="status" data-testid="payout-notice">{notice}</p>}
      <ErrorMessage message={actionError ?? error} />
      {missing && <p className="empty panel" data-testid="payout-missing">{t('payout.noRoster', { month: formatPeriod(period) })}</p>}
      {view && totals && (
        <>
          <div className="payout-summary">
            <div className="panel">
              <p className="strong" data-testid="payout-status">
                {t(`payout.status.${view.status}`)} — {t('payout.summary', { lines: formatCount(totals.lines), amount: formatVnd(totals.amount), blocked: formatCount(totals.blocked) })}
              </p>
              <p data-testid="payout-words">{t('payout.inWords', { words: totals.amountInWords })}</p>
              <p data-testid="payout-cashless">{totals.cashlessShare.byCount === null || totals.cashlessShare.byAmount === null ? t('payout.cashlessNone')
                : t('payout.cashless', { count: formatShare(totals.cashlessShare.byCount), amount: formatShare(totals.cashlessShare.byAmount) })}</p>
              {view.openAmountChecks > 0 && <p className="notice">{t('payout.amountChecks', { count: view.openAmountChecks })}</p>}
            </div>
            <div className="panel">
              <table className="table compact" data-testid="payout-channels">
                <caption className="muted small">{t('payout.byChannel')}</caption>
                <thead><tr><th>{t('payout.channel')}</th><th className="amount">{t('payout.lines')}</th><th className="amount">{t('payout.amount')}</th></tr></thead>
                <tbody>
                  {CHANNELS.map((c) => (
                    <tr key={c} data-channel={c}><td>{t(`payout.channels.${c}`, { unit })}</td><td className="amount">{formatCount(totals.byChannel[c].lines)}</td><td className="amount">{formatVnd(totals.byChannel[c].amount)}</td></tr>
                  ))}
                  <tr className="strong"><td>{t('payout.total')}</td><td className="amount">{formatCount(totals.lines)}</td><td className="amount">{formatVnd(totals.amount)}</td></tr>
                </tbody>
              </table>
            </div>
          </div>
          <details className="panel">
            <summary>{t('payout.villages')}</summary>
            <table className="table compact">
              <thead><tr><th>{t('payout.village')}</th><th className="amount">{t('payout.lines')}</th><th className="amount">{t('payout.amount')}</th><th className="amount">{t('payout.byCount')}</th><th className="amount">{t('payout.byAmount')}</th></tr></thead>
              <tbody>
                {view.villages.map((v) => (
                  <tr key={v.village}><td>{v.village}</td><td className="amount">{formatCount(v.lines)}</td><td className="amount">{formatVnd(v.amount)}</td><td className="amount">{shareCell(v.byCount)}</td><td className="amount">{shareCell(v.byAmount)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
          <div className="toolbar" role="group" aria-label={t('payout.exports')}>
            {view.banks.length > 1 && (
              <label className="bank-choice">
                <span>{t('payout.bankChoice')}</span>
                <select value={bankBin} onChange={(e) => setBankBin(e.target.value)} data-testid="payout-export-bank">
                  <option value="">{t('payout.allBanks')}</option>
                  {view.banks.map((b) => (
                    <option key={b.bankBin} value={b.bankBin}>
                      {t('payout.bankOption', { name: b.bankName ?? b.bankBin, bin: b.bankBin, lines: formatCount(b.lines), amount: formatVnd(b.amount) })}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {(['bank', 'post-office', 'printable'] as const).flatMap((kind) => (['xlsx', 'pdf'] as const).map((format) => (
              <button key={`${kind}-${format}`} type="button" className="small" disabled={busy} onClick={() => exportFile(kind, format)} data-testid={`payout-export-${kind}-${format}`}>
                {t(`payout.export.${kind}`)} ({format.toUpperCase()})
              </button>
            )))}
          </div>
          <div className="toolbar" role="group" aria-label={t('payout.filterLabel')}>
            <div className="payout-tabs" role="tablist">
              {FILTERS.map((f) => (
                <button key={f} type="button" role="tab" aria-selected={filter === f} className={filter === f ? 'active' : ''} data-testid={`payout-filter-${f}`}
                  onClick={() => { setFilter(f); setPage(0); }}>{t(`payout.filter.${f}`)}</button>
              ))}
            </div>
            <Pager page={page} pages={pages} total={view.matching} onPage={setPage} />
          </div>
          <div className="payout-lines-wrap">
            <table className="table" data-testid="payout-lines" aria-busy={loading}>
              <thead><tr><th>{t('payout.name')}</th><th>{t('payout.village')}</th><th>{t('payout.regime')}</th><th className="amount">{t('payout.months')}</th>
                <th className="amount">{t('payout.amount')}</th><th>{t('payout.channel')}</th><th>{t('payout.blocks')}</th></tr></thead>
              <tbody>
                {view.lines.map((l) => (
                  <tr key={l.key} data-testid="payout-line" data-key={l.key}>
                    <td className="strong">{l.fullName}</td><td>{l.village}</td><td>{t(`payout.regimes.${l.regime}`, { defaultValue: l.regime })}</td>
                    <td className="amount">{l.months}</td><td className="amount">{formatVnd(l.amount)}</td>
                    <td>{t(`payout.channels.${l.channel}`, { unit })}</td>
                    <td>
                      {l.blocked.map((b) => (
                        <div key={b.code} className="block-line">{b.message}{' '}
                          {writer && view.status === 'draft' && b.code !== 'recovery' && (
                            <button type="button" className="small" data-testid="payout-release" onClick={() => setPending({ kind: 'release', line: l, code: b.code })}>{t('payout.release')}</button>
                          )}
                        </div>
                      ))}
                      {l.released.map((r) => <div key={r.code} className="muted small">{t('payout.releasedWith', { reason: r.reason })}</div>)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {view.lines.length === 0 && <p className="empty">{t('payout.noLines')}</p>}
          </div>
        </>
      )}
      {pending?.kind === 'release' && (
        <ReasonDialog testId="release-dialog" title={t('payout.releaseTitle', { name: pending.line.fullName })}
          intro={<p>{pending.line.blocked.find((b) => b.code === pending.code)?.message}</p>}
          choices={pending.code === 'no-usable-account' ? [{ value: 'post-office', label: t('payout.channels.post-office') }, { value: 'cash', label: t('payout.channels.cash', { unit }) }] : undefined}
          choiceLabel={t('payout.payHow')} confirmLabel={t('payout.release')} onCancel={() => setPending(null)}
          onConfirm={(reason, choice) => decide(() => client.call('payout.release', { period, keys: [pending.line.key], code: pending.code as never, reason,
            channel: (choice as 'post-office' | 'cash' | null) ?? null }), t('payout.released'))} />
      )}
      {pending?.kind === 'approve' && view && (
        <ConfirmDialog testId="approve-dialog" title={t('payout.approveTitle', { month: formatPeriod(period) })} confirmLabel={t('payout.approve')} onCancel={() => setPending(null)}
          body={<>
            <p>{t('payout.approveEffect', { lines: formatCount(view.totals.lines), amount: formatVnd(view.totals.amount) })}</p>
            {view.totals.blocked > 0 && <p className="notice" data-testid="approve-held">{t('payout.confirmApproveHeld', { count: view.totals.blocked })}</p>}
          </>}
          onConfirm={() => decide(() => client.call('payout.approve', { period, leaveBlockedOut: view.totals.blocked > 0 }), t('payout.approved'))} />
      )}
      {pending?.kind === 'lock' && (
        <ConfirmDialog testId="lock-dialog" danger title={t('payout.lockTitle', { month: formatPeriod(period) })} confirmLabel={t('payout.lock')} onCancel={() => setPending(null)}
          body={<p>{t('payout.confirmLock', { month: formatPeriod(period) })}</p>}
          onConfirm={() => decide(() => client.call('payout.lock', { period }), t('payout.locked'))} />
      )}
    </div>
  );
}

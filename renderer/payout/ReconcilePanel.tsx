import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReconcileReport, RosterFilter, RosterLineView } from '../../shared/contract/payout';
import { formatCount, formatVnd } from '../../shared/format/money';
import { formatPeriod } from '../../shared/payout/periods';
import { formatDay, parseDay } from '../../shared/payout/typed-values';
import { can, type Role } from '../../shared/contract/roles';
import { messageOf } from '../api/call-error';
import { Pager } from '../admin/Pager';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { Dialog, ReasonDialog } from './Dialog';
import { PAGE_SIZE, useRosterPage } from './use-roster-page';
import { communeWord } from '../../shared/text/commune-word';
import { FileChooser } from '../shell/FileChooser';

const FILTERS: RosterFilter[] = ['awaiting', 'paid', 'unpaid'];
const STATES = ['sent', 'paid', 'carried-over', 'cancelled'] as const;
const todayText = () => formatDay(new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10));

/** Đối soát: the payer's result file, where every line stands, cash paid at the commune, and failed lines decided. */
export function ReconcilePanel({ period, role }: { period: string; role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [filter, setFilter] = useState<RosterFilter>('awaiting');
  const [page, setPage] = useState(0);
  const { view, missing, error, loading, reload } = useRosterPage(period, filter, page);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const [reading, setReading] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [settling, setSettling] = useState<RosterLineView | null>(null);
  const [paying, setPaying] = useState(false);
  const writer = can(role, 'beneficiaries.write');

  async function readFile(file: File) {
    setReading(true);
    setActionError(null);
    setNotice(null);
    setReport(null);
    try {
      const fileRef = await client.upload(file);
      setReport(await client.call('payout.reconcile', { period, fileRef, fileName: file.name }));
      await reload();
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setReading(false);
    }
  }

  const payable = (l: RosterLineView) => l.state === 'sent' && (l.channel === 'cash' || l.channel === 'post-office');
  const toggle = (key: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(key)) n.delete(key); else n.add(key);
    return n;
  });
  const pages = view ? Math.max(1, Math.ceil(view.matching / PAGE_SIZE)) : 1;
  const unit = communeWord(view?.unitName ?? '');
  const draft = view?.status === 'draft';
  return (
    <div data-testid="reconcile-panel">
      {missing && <p className="empty panel">{t('payout.noRoster', { month: formatPeriod(period) })}</p>}
      <ErrorMessage message={actionError ?? error} />
      {notice && <p className="ok-text" role="status" data-testid="reconcile-notice">{notice}</p>}
      {view && draft && <p className="notice">{t('payout.reconcile.notYet')}</p>}
      {view && !draft && (
        <>
          <div className="payout-summary">
            <div className="panel">
              <h2>{t('payout.reconcile.fileTitle')}</h2>
              <p className="muted small">{t('payout.reconcile.fileHelp')}</p>
              {writer && (
                <FileChooser label={t('payout.reconcile.choose')} accept=".xlsx,.xls,.csv" disabled={reading} testId="reconcile-file" onFiles={([f]) => void readFile(f)} />
              )}
              {reading && <p role="status">{t('common.loading')}</p>}
              {report && (
                <div data-testid="reconcile-report" role="status">
                  <p className="strong">{t('payout.reconcile.result', { file: report.file, paid: formatCount(report.paid), failed: formatCount(report.failed), returned: formatCount(report.returned), awaiting: formatCount(report.awaiting) })}</p>
                  {report.problems.length > 0 && (
                    <>
                      <p>{t('payout.reconcile.problems', { n: report.problems.length })}</p>
                      <ul className="small" data-testid="reconcile-problems">{report.problems.map((p) => <li key={`${p.row}-${p.code}`}>{p.message}</li>)}</ul>
                    </>
                  )}
                </div>
              )}
            </div>
            <div className="panel">
              <table className="table compact" data-testid="reconcile-states">
                <caption className="muted small">{t('payout.reconcile.statesTitle')}</caption>
                <thead><tr><th>{t('payout.reconcile.state')}</th><th className="amount">{t('payout.lines')}</th><th className="amount">{t('payout.amount')}</th></tr></thead>
                <tbody>
                  {STATES.map((s) => (
                    <tr key={s} data-state={s}><td>{t(`payout.states.${s}`)}</td><td className="amount">{formatCount(view.states[s].lines)}</td><td className="amount">{formatVnd(view.states[s].amount)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="toolbar">
            <div className="payout-tabs" role="tablist">
              {FILTERS.map((f) => (
                <button key={f} type="button" role="tab" aria-selected={filter === f} className={filter === f ? 'active' : ''} data-testid={`reconcile-filter-${f}`}
                  onClick={() => { setFilter(f); setPage(0); setSelected(new Set()); }}>{t(`payout.filter.${f}`)}</button>
              ))}
            </div>
            <Pager page={page} pages={pages} total={view.matching} onPage={setPage} />
            {writer && filter === 'awaiting' && (
              <button type="button" className="primary" disabled={selected.size === 0} onClick={() => setPaying(true)} data-testid="confirm-paid">
                {t('payout.reconcile.confirmPaid', { n: selected.size, unit })}
              </button>
            )}
          </div>
          <div className="payout-lines-wrap">
            <table className="table" data-testid="reconcile-lines" aria-busy={loading}>
              <thead><tr><th aria-label={t('payout.reconcile.select')} /><th>{t('payout.name')}</th><th>{t('payout.village')}</th><th className="amount">{t('payout.amount')}</th>
                <th>{t('payout.channel')}</th><th>{t('payout.reconcile.state')}</th><th /></tr></thead>
              <tbody>
                {view.lines.map((l) => (
                  <tr key={l.key} data-testid="reconcile-line" data-key={l.key}>
                    <td>{writer && payable(l) && <input type="checkbox" checked={selected.has(l.key)} onChange={() => toggle(l.key)} aria-label={l.fullName} data-testid="reconcile-select" />}</td>
                    <td className="strong">{l.fullName}</td><td>{l.village}</td><td className="amount">{formatVnd(l.amount)}</td>
                    <td>{t(`payout.channels.${l.channel}`, { unit })}</td>
                    <td>
                      {t(`payout.states.${l.state}`)}
                      {l.result && l.result.outcome !== 'paid' && <div className="muted small">{t(`payout.outcomes.${l.result.outcome}`)}{l.result.reason ? `: ${l.result.reason}` : ''}</div>}
                      {l.result?.manual && <div className="muted small">{l.result.reason}</div>}
                      {l.result?.decision && l.result.outcome !== 'paid' && <div className="muted small">{t(`payout.decisions.${l.result.decision}`)}{l.result.decisionReason ? ` — ${l.result.decisionReason}` : ''}</div>}
                    </td>
                    <td>{writer && l.result && l.result.outcome !== 'paid' && (
                      <button type="button" className="small" onClick={() => setSettling(l)} data-testid="settle-line">{t('payout.reconcile.settle')}</button>
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {view.lines.length === 0 && <p className="empty">{t('payout.noLines')}</p>}
          </div>
        </>
      )}
      {settling && (
        <ReasonDialog testId="settle-dialog" title={t('payout.reconcile.settleTitle', { name: settling.fullName })}
          intro={<p>{t(`payout.outcomes.${settling.result!.outcome}`)}{settling.result!.reason ? `: ${settling.result!.reason}` : ''} — {formatVnd(settling.amount)}</p>}
          choices={(['carried-over', 'cash', 'cancelled'] as const).map((d) => ({ value: d, label: t(`payout.decisions.${d}`) }))}
          choiceLabel={t('payout.reconcile.decision')} confirmLabel={t('payout.reconcile.settle')} onCancel={() => setSettling(null)}
          onConfirm={async (reason, choice) => {
            await client.call('payout.settle', { period, key: settling.key, decision: choice as 'carried-over' | 'cash' | 'cancelled', reason });
            setSettling(null);
            setNotice(t('payout.reconcile.settled'));
            await reload();
          }} />
      )}
      {paying && (
        <PaidDialog count={selected.size} amount={view?.lines.filter((l) => selected.has(l.key)).reduce((s, l) => s + l.amount, 0) ?? 0}
          onCancel={() => setPaying(false)}
          onConfirm={async (paidOn, note) => {
            const r = await client.call('payout.confirmPaid', { period, keys: [...selected], paidOn, note });
            setPaying(false);
            setSelected(new Set());
            setNotice(t('payout.reconcile.paidDone', { n: r.paid }) + r.skipped.map((s) => ` ${s.message}`).join(''));
            await reload();
          }} />
      )}
    </div>
  );
}

/** The day the cash was handed over against the signed list, and a note (which list, who paid). */
function PaidDialog({ count, amount, onConfirm, onCancel }: { count: number; amount: number; onConfirm(paidOn: string, note: string): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(todayText());
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const iso = parseDay(day);
  const dayError = !iso ? t('payout.dialog.badDay') : null;
  const run = async () => {
    setTried(true);
    if (!iso) return;
    setBusy(true);
    try {
      await onConfirm(iso, note.trim());
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('payout.reconcile.paidTitle')} testId="paid-dialog" onClose={onCancel}>
      <p>{t('payout.reconcile.paidEffect', { n: formatCount(count), amount: formatVnd(amount) })}</p>
      <label htmlFor="paid-day">{t('payout.reconcile.paidOn')}</label>
      <input id="paid-day" type="text" inputMode="numeric" placeholder="dd/mm/yyyy" value={day} onChange={(e) => setDay(e.target.value)} data-testid="paid-day"
        aria-invalid={tried && !!dayError} />
      {tried && dayError && <p className="field-error" role="alert">{dayError}</p>}
      <label htmlFor="paid-note">{t('payout.reconcile.paidNote')}</label>
      <input id="paid-note" type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="paid-note" />
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()} data-testid="paid-dialog-confirm">{t('payout.reconcile.paidRun')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('payout.dialog.cancel')}</button>
      </div>
    </Dialog>
  );
}

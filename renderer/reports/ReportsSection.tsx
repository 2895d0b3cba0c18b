import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { ProgressReportOutput } from '../../shared/contract/reports';
import { formatShare, formatVnd } from '../../shared/format/money';
import { periodAt, type PeriodKind } from '../../shared/reports/report-period';
import { parseTypedPeriod, typedForm } from '../../shared/reports/typed-period';
import { cashlessShare, percent } from '../../shared/reports/progress-figures';
import { DEFAULT_RULES, dueReports, type ReminderRules } from '../../shared/reports/report-reminders';
import { can, type Role } from '../../shared/contract/roles';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { ChartCanvas } from './ProgressChart';
import { DeadlinesPanel } from './DeadlinesPanel';
import './reports.css';

const KINDS: PeriodKind[] = ['week', 'month', 'quarter'];
const COLORS = { people: '#5b6b7c', verified: '#1f7a4d', withAccount: '#1f5fa8', paid: '#b7791f' };

/** Báo cáo: the progress dashboard per commune and in total, for a week, a month or a quarter, and the reports due. */
/** A share in percent as the payout screen writes one ("87,5%"), or "—" when nothing was paid. */
const shareText = (v: number | null) => (v === null ? '—' : formatShare(v / 100));

export function ReportsSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [rules, setRules] = useState<ReminderRules>(DEFAULT_RULES);
  useEffect(() => {
    client.call('reports.reminderRules', {}).then(setRules, () => { /* the plan's usual deadlines are shown */ });
  }, [client]);
  const [kind, setKind] = useState<PeriodKind>('month');
  const [typed, setTyped] = useState(() => typedForm(periodAt('month', Date.now())));
  const [report, setReport] = useState<ProgressReportOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valid = parseTypedPeriod(typed, kind);
  const fieldError = !typed.trim() ? t('reports.periodNeeded') : !valid ? t(`reports.badPeriod.${kind}`) : null;

  const load = useCallback(async (period: string) => {
    setError(null);
    setBusy(true);
    try {
      setReport(await client.call('reports.progress', { period }));
    } catch (e) {
      setReport(null);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }, [client]);
  useEffect(() => { void load(periodAt('month', Date.now()).code); }, [load]);

  const chooseKind = (k: PeriodKind) => {
    setKind(k);
    const current = periodAt(k, Date.now());
    setTyped(typedForm(current));
    void load(current.code);
  };

  const exportAs = async (format: 'xlsx' | 'pdf') => {
    if (!report) return;
    setError(null);
    setNotice(null);
    try {
      const made = await client.call('reports.exportProgress', { period: report.period.code, format });
      if (await client.save(made.downloadRef, made.fileName)) setNotice(t('reports.saved', { file: made.fileName }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const reminders = dueReports(Date.now(), rules);
  const overTime = useMemo<ChartConfiguration | null>(() => report && {
    type: 'line',
    data: {
      labels: report.series.map((s) => s.period),
      datasets: [
        { label: t('reports.people'), data: report.series.map((s) => s.people), borderColor: COLORS.people, backgroundColor: COLORS.people },
        { label: t('reports.verified'), data: report.series.map((s) => s.verified), borderColor: COLORS.verified, backgroundColor: COLORS.verified },
        { label: t('reports.withAccount'), data: report.series.map((s) => s.withAccount), borderColor: COLORS.withAccount, backgroundColor: COLORS.withAccount },
      ],
    },
    options: { scales: { y: { beginAtZero: true } } },
  }, [report, t]);
  const communesChart = useMemo<ChartConfiguration | null>(() => report && {
    type: 'bar',
    data: {
      labels: report.communes.map((c) => c.name),
      datasets: [
        { label: t('reports.verifiedShare'), data: report.communes.map((c) => percent(c.figures.verified.chip + c.figures.verified.matching, c.figures.people)), backgroundColor: COLORS.verified },
        { label: t('reports.accountShare'), data: report.communes.map((c) => percent(c.figures.accounts.own + c.figures.accounts.authorised, c.figures.people)), backgroundColor: COLORS.withAccount },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } } },
  }, [report, t]);

  const total = report?.total;
  const totalShare = total ? cashlessShare(total) : { byCount: null, byAmount: null };
  const communeNames = new Map(report?.communes.map((c) => [c.code, c.name]) ?? []);
  return (
    <section className="reports" data-testid="reports-section">
      <h1>{t('reports.title')}</h1>
      {reminders.length > 0 && (
        <ul className="report-reminders" data-testid="report-reminders">
          {reminders.map((r) => (
            <li key={r.kind}>{t(`reports.due.${r.kind}`, { period: r.period, deadline: r.deadline.slice(11) + ' ' + r.deadline.slice(0, 10).split('-').reverse().join('/'), hours: r.hoursLeft })}</li>
          ))}
        </ul>
      )}
      <DeadlinesPanel rules={rules} canEdit={can(role, 'users.manage')} onSaved={setRules} />
      <form className="report-period" onSubmit={(e) => { e.preventDefault(); if (!fieldError) void load(valid!.code); }}>
        <div role="radiogroup" aria-label={t('reports.kind')}>
          {KINDS.map((k) => (
            <label key={k}><input type="radio" name="kind" checked={kind === k} onChange={() => chooseKind(k)} /> {t(`reports.kinds.${k}`)}</label>
          ))}
        </div>
        <label className="report-period-field">
          {t('reports.period')}
          <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-invalid={!!fieldError} data-testid="report-period" placeholder={t(`reports.placeholder.${kind}`)} size={12} />
        </label>
        <button type="submit" disabled={busy}>{t('reports.show')}</button>
        {fieldError && <p className="field-error" role="alert" data-testid="report-period-error">{fieldError}</p>}
      </form>
      {notice && <p className="ok-text" role="status">{notice}</p>}
      <ErrorMessage message={error} />
      {report && total && (
        <>
          <h2 data-testid="report-heading">{report.unit ? `${report.unit.name} – ` : ''}{report.period.label}</h2>
          <div className="report-actions">
            <button type="button" onClick={() => void exportAs('xlsx')} data-testid="report-xlsx">{t('reports.exportXlsx')}</button>
            <button type="button" onClick={() => void exportAs('pdf')} data-testid="report-pdf">{t('reports.exportPdf')}</button>
          </div>
          <dl className="report-totals" data-testid="report-totals">
            <div><dt>{t('reports.people')}</dt><dd>{total.people.toLocaleString('vi-VN')}</dd></div>
            <div><dt>{t('reports.verified')}</dt><dd>{t('reports.verifiedValue', { chip: total.verified.chip, matching: total.verified.matching, share: formatShare(percent(total.verified.chip + total.verified.matching, total.people) / 100) })}</dd></div>
            <div><dt>{t('reports.mismatches')}</dt><dd>{t('reports.mismatchesValue', { open: total.mismatches.open, resolved: total.mismatches.resolved })}</dd></div>
            <div><dt>{t('reports.accounts')}</dt><dd>{t('reports.accountsValue', total.accounts)}</dd></div>
            <div><dt>{t('reports.paid')}</dt><dd>{t('reports.paidValue', { count: total.paidCashless.count, amount: formatVnd(total.paidCashless.amount) })}</dd></div>
            <div><dt>{t('reports.cashless')}</dt><dd data-testid="report-cashless">{totalShare.byCount === null ? t('reports.cashlessNone')
              : t('reports.cashlessValue', { byCount: shareText(totalShare.byCount), byAmount: shareText(totalShare.byAmount), cash: total.paidCash.count })}</dd></div>
            <div><dt>{t('reports.changes')}</dt><dd>{t('reports.changesValue', total.changes)}</dd></div>
          </dl>
          <div className="report-charts">
            {overTime && <figure><figcaption>{t('reports.overTime')}</figcaption><ChartCanvas config={overTime} label={t('reports.overTime')} testId="chart-over-time" /></figure>}
            {communesChart && report.communes.length > 1 && (
              <figure><figcaption>{t('reports.sideBySide')}</figcaption>
                <ChartCanvas config={communesChart} label={t('reports.sideBySide')} testId="chart-communes" height={Math.min(900, 60 + report.communes.length * 22)} /></figure>
            )}
          </div>
          <div className="table-scroll">
            <table className="table compact report-table" data-testid="report-table">
              <thead>
                <tr>
                  <th className="text">{t('reports.commune')}</th><th>{t('reports.people')}</th><th>NCC</th><th>{t('reports.tncc')}</th><th>BTXH</th><th>{t('reports.children')}</th>
                  <th>{t('reports.chip')}</th><th>{t('reports.matching')}</th><th>{t('reports.openMismatches')}</th><th>{t('reports.ownAccount')}</th>
                  <th>{t('reports.authorisedAccount')}</th><th>{t('reports.noAccount')}</th><th>{t('reports.paidAmount')}</th><th>{t('reports.cashlessShare')}</th><th>{t('reports.added')}</th>
                </tr>
              </thead>
              <tbody>
                {[...report.communes.map((c) => ({ key: c.code, name: c.name, f: c.figures })), { key: 'total', name: t('reports.total'), f: total }].map(({ key, name, f }) => (
                  <tr key={key} className={key === 'total' ? 'total' : undefined}>
                    <th scope="row">{name}</th><td>{f.people}</td><td>{f.categories.ncc}</td><td>{f.categories.tncc}</td><td>{f.categories.btxh}</td><td>{f.categories.children}</td>
                    <td>{f.verified.chip}</td><td>{f.verified.matching}</td><td>{f.mismatches.open}</td><td>{f.accounts.own}</td><td>{f.accounts.authorised}</td><td>{f.accounts.none}</td>
                    <td>{formatVnd(f.paidCashless.amount)}</td><td>{shareText(cashlessShare(f).byCount)}</td><td>{f.changes.added}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.villages.length > 0 && (
            <details className="panel" data-testid="report-villages">
              <summary>{t('reports.villages')}</summary>
              <div className="table-scroll">
                <table className="table compact report-table">
                  <thead>
                    <tr><th className="text">{t('reports.commune')}</th><th className="text">{t('reports.village')}</th><th>{t('reports.paidAmount')}</th><th>{t('reports.paidCash')}</th>
                      <th>{t('reports.byCount')}</th><th>{t('reports.byAmount')}</th></tr>
                  </thead>
                  <tbody>
                    {report.villages.map((v) => {
                      const share = cashlessShare(v);
                      return (
                        <tr key={`${v.commune}-${v.village}`}>
                          <td className="text">{communeNames.get(v.commune) ?? v.commune}</td><th scope="row">{v.village}</th>
                          <td>{t('reports.paidValue', { count: v.paidCashless.count, amount: formatVnd(v.paidCashless.amount) })}</td>
                          <td>{t('reports.paidValue', { count: v.paidCash.count, amount: formatVnd(v.paidCash.amount) })}</td>
                          <td>{shareText(share.byCount)}</td><td>{shareText(share.byAmount)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </section>
  );
}

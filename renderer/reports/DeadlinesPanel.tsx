import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderRulesSchema } from '../../shared/contract/reports';
import type { ReminderRules } from '../../shared/reports/report-reminders';
import { messageOf } from '../api/call-error';
import { useAppSession } from '../session/app-session';

type Field = keyof ReminderRules;
// The bounds are the contract's, so the field says exactly what the services would refuse.
const LIMITS = Object.fromEntries(Object.entries(reminderRulesSchema.shape).map(([f, s]) => [f, [s.minValue!, s.maxValue!]])) as Record<Field, [number, number]>;

/** Each typed value checked at its field: a whole number within its limits. */
function readRules(typed: Record<Field, string>): { rules: ReminderRules | null; bad: Field[] } {
  const bad: Field[] = [];
  const out = {} as ReminderRules;
  for (const f of Object.keys(LIMITS) as Field[]) {
    const n = Number(typed[f].trim());
    if (!/^\d{1,2}$/.test(typed[f].trim()) || n < LIMITS[f][0] || n > LIMITS[f][1]) bad.push(f);
    else out[f] = n;
  }
  return { rules: bad.length ? null : out, bad };
}

/** The report deadlines of this office's plan, and for the administrator a form to change them. */
export function DeadlinesPanel({ rules, canEdit, onSaved }: { rules: ReminderRules; canEdit: boolean; onSaved: (r: ReminderRules) => void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [typed, setTyped] = useState<Record<Field, string> | null>(null);
  const [bad, setBad] = useState<Field[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const two = (n: number) => String(n).padStart(2, '0');
  const summary = t('reports.deadlines.summary', {
    weekday: t(`reports.deadlines.weekdays.${rules.weeklyDay}`), hour: `${two(rules.weeklyHour)}:00`, monthlyDay: rules.monthlyDay, quarterlyDay: two(rules.quarterlyDay),
  });

  const save = async () => {
    if (!typed) return;
    const read = readRules(typed);
    setBad(read.bad);
    if (!read.rules) return;
    try {
      onSaved(await client.call('reports.saveReminderRules', read.rules));
      setTyped(null);
      setSaved(true);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const input = (f: Field) => (
    <div key={f}>
      <label htmlFor={`deadline-${f}`}>{t(`reports.deadlines.fields.${f}`)}</label>
      {f === 'weeklyDay' ? (
        <select id={`deadline-${f}`} value={typed![f]} data-testid={`deadline-${f}`} onChange={(e) => setTyped({ ...typed!, [f]: e.target.value })}>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={String(d)}>{t(`reports.deadlines.weekdays.${d}`)}</option>)}
        </select>
      ) : (
        <input id={`deadline-${f}`} inputMode="numeric" size={4} value={typed![f]} data-testid={`deadline-${f}`} aria-invalid={bad.includes(f)}
          aria-describedby={bad.includes(f) ? `deadline-${f}-error` : undefined} onChange={(e) => setTyped({ ...typed!, [f]: e.target.value })} />
      )}
      {bad.includes(f) && (
        <p id={`deadline-${f}-error`} className="field-error" role="alert">{t('reports.deadlines.bad', { min: LIMITS[f][0], max: LIMITS[f][1] })}</p>
      )}
    </div>
  );

  return (
    <div className="report-deadlines" data-testid="report-deadlines">
      <p>
        <span data-testid="report-deadlines-summary">{summary}</span>
        {canEdit && !typed && (
          <button type="button" className="link" data-testid="report-deadlines-edit" onClick={() => {
            setSaved(false);
            setBad([]);
            setTyped(Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, String(v)])) as Record<Field, string>);
          }}>{t('reports.deadlines.edit')}</button>
        )}
        {saved && <span className="ok-text" role="status"> {t('reports.deadlines.saved')}</span>}
      </p>
      {typed && (
        <form className="deadline-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          {(Object.keys(LIMITS) as Field[]).map(input)}
          <div className="deadline-actions">
            <button type="submit" className="primary" data-testid="report-deadlines-save">{t('reports.deadlines.save')}</button>
            <button type="button" onClick={() => { setTyped(null); setBad([]); }}>{t('reports.deadlines.cancel')}</button>
          </div>
          {error && <p className="field-error" role="alert">{error}</p>}
        </form>
      )}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitlementView } from '../../shared/contract/payout';
import { COEFFICIENT_GROUPS, formatCoefficient } from '../../shared/payout/coefficients';
import { formatVnd } from '../../shared/format/money';
import { formatPeriod } from '../../shared/payout/periods';
import { parseCoefficient, parseMonth, parseVnd } from '../../shared/payout/typed-values';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import './payout.css';

type Regimes = { code: string; name: string; kind: 'monthly' | 'one-off' }[];
interface Draft { id: string | null; regimeCode: string; groupCode: string; coefficient: string; from: string; to: string; override: string; overrideReason: string; basis: string }

const draftOf = (e: EntitlementView | null, regimes: Regimes): Draft => e
  ? { id: e.id, regimeCode: e.regimeCode, groupCode: e.groupCode ?? '', coefficient: e.hundredths ? formatCoefficient(e.hundredths) : '', from: formatPeriod(e.from),
    to: e.to ? formatPeriod(e.to) : '', override: e.overrideAmount ? formatVnd(e.overrideAmount).replace(/\s?₫$/, '') : '', overrideReason: e.overrideReason ?? '', basis: e.basis }
  : { id: null, regimeCode: regimes[0]?.code ?? '', groupCode: '', coefficient: '', from: '', to: '', override: '', overrideReason: '', basis: '' };

/** Chế độ đang hưởng, in the person's detail: what the money is computed from; entered and corrected here by a decision. */
export function EntitlementsPanel({ beneficiaryId, canWrite }: { beneficiaryId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [data, setData] = useState<{ entitlements: EntitlementView[]; regimes: Regimes } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tried, setTried] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      setData(await client.call('payout.entitlements', { beneficiaryId }));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, beneficiaryId]);
  useEffect(() => { void load(); }, [load]);

  const regimeName = (code: string) => data?.regimes.find((r) => r.code === code)?.name ?? code;
  const from = draft ? parseMonth(draft.from) : null;
  const to = draft?.to.trim() ? parseMonth(draft.to) : null;
  const coefficient = draft?.coefficient.trim() ? parseCoefficient(draft.coefficient) : null;
  const override = draft?.override.trim() ? parseVnd(draft.override) : null;
  const errors = draft ? {
    from: !from ? t('payout.entitlements.badMonth') : null,
    to: draft.to.trim() && !to ? t('payout.entitlements.badMonth') : to && from && to < from ? t('payout.entitlements.toBeforeFrom') : null,
    coefficient: draft.coefficient.trim() && (coefficient === null || coefficient === 0) ? t('payout.entitlements.badCoefficient') : null,
    override: draft.override.trim() && (override === null || override === 0) ? t('payout.levels.badAmount') : null,
    overrideReason: draft.override.trim() && draft.overrideReason.trim().length < 5 ? t('payout.entitlements.overrideReasonNeeded') : null,
    basis: draft.basis.trim().length < 3 ? t('payout.entitlements.basisNeeded') : null,
  } : {};
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => draft && setDraft({ ...draft, [k]: e.target.value });
  const fieldError = (k: keyof typeof errors) => tried && errors[k] ? <p className="field-error" role="alert" data-testid={`entitlement-${k}-error`}>{errors[k]}</p> : null;

  const save = async () => {
    setTried(true);
    if (!draft || Object.values(errors).some(Boolean)) return;
    setBusy(true);
    setSaveError(null);
    try {
      await client.call('payout.saveEntitlement', { id: draft.id, beneficiaryId, regimeCode: draft.regimeCode, groupCode: draft.groupCode || null,
        hundredths: coefficient, from: from!, to, overrideAmount: override, overrideReason: override ? draft.overrideReason.trim() : null, basis: draft.basis.trim() });
      setDraft(null);
      setTried(false);
      await load();
    } catch (e) {
      setSaveError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel wide" aria-labelledby="entitlements-title" data-testid="entitlements">
      <h2 id="entitlements-title">{t('payout.entitlements.title')}</h2>
      <ErrorMessage message={error} />
      {data && data.entitlements.length === 0 && <p className="muted">{t('payout.entitlements.none')}</p>}
      {data && data.entitlements.length > 0 && (
        <div className="table-wrap">
          <table className="table compact" data-testid="entitlement-table">
            <thead><tr><th>{t('payout.regime')}</th><th>{t('payout.entitlements.group')}</th><th>{t('payout.entitlements.period')}</th>
              <th className="amount">{t('payout.entitlements.thisMonth')}</th><th>{t('payout.levels.basis')}</th>{canWrite && <th />}</tr></thead>
            <tbody>
              {data.entitlements.map((e) => (
                <tr key={e.id} data-testid="entitlement-row">
                  <td>{regimeName(e.regimeCode)}</td>
                  <td>{e.groupCode ? COEFFICIENT_GROUPS.find((g) => g.code === e.groupCode)?.label ?? e.groupCode : ''}{e.hundredths ? ` (${t('payout.entitlements.coefficientShort')} ${formatCoefficient(e.hundredths)})` : ''}</td>
                  <td>{formatPeriod(e.from)} – {e.to ? formatPeriod(e.to) : t('payout.entitlements.open')}</td>
                  <td className="amount">
                    {e.month.amount !== null ? formatVnd(e.month.amount) : <span className="muted">{e.month.problem}</span>}
                    {e.month.level !== null && e.month.hundredths !== null && <div className="muted small">{formatVnd(e.month.level)} × {formatCoefficient(e.month.hundredths)}</div>}
                    {e.month.override && <div className="notice small" data-testid="entitlement-override">{t('payout.entitlements.overridden', { reason: e.overrideReason })}</div>}
                  </td>
                  <td className="small">{e.basis}</td>
                  {canWrite && <td><button type="button" className="link-button" onClick={() => { setDraft(draftOf(e, data.regimes)); setTried(false); }} data-testid="entitlement-edit">{t('edit.accounts.edit')}</button></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && data && !draft && (
        <div className="button-row"><button type="button" onClick={() => setDraft(draftOf(null, data.regimes))} data-testid="entitlement-add">+ {t('payout.entitlements.add')}</button></div>
      )}
      {draft && data && (
        <form className="payout-form panel" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="entitlement-form">
          <div>
            <label htmlFor="ent-regime">{t('payout.regime')}</label>
            <select id="ent-regime" value={draft.regimeCode} onChange={set('regimeCode')} data-testid="entitlement-regime">
              {data.regimes.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="ent-group">{t('payout.entitlements.group')}</label>
            <select id="ent-group" value={draft.groupCode} onChange={set('groupCode')} data-testid="entitlement-group">
              <option value="">{t('payout.entitlements.noGroup')}</option>
              {COEFFICIENT_GROUPS.map((g) => <option key={g.code} value={g.code}>{g.label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="ent-coefficient">{t('payout.entitlements.coefficient')}</label>
            <input id="ent-coefficient" type="text" inputMode="decimal" placeholder="1,5" value={draft.coefficient} onChange={set('coefficient')} data-testid="entitlement-coefficient" aria-invalid={tried && !!errors.coefficient} />
            {fieldError('coefficient')}
          </div>
          <div>
            <label htmlFor="ent-from">{t('payout.entitlements.from')}</label>
            <input id="ent-from" type="text" inputMode="numeric" placeholder="mm/yyyy" value={draft.from} onChange={set('from')} data-testid="entitlement-from" aria-invalid={tried && !!errors.from} />
            {fieldError('from')}
          </div>
          <div>
            <label htmlFor="ent-to">{t('payout.entitlements.to')}</label>
            <input id="ent-to" type="text" inputMode="numeric" placeholder="mm/yyyy" value={draft.to} onChange={set('to')} data-testid="entitlement-to" aria-invalid={tried && !!errors.to} />
            {fieldError('to')}
          </div>
          <div>
            <label htmlFor="ent-override">{t('payout.entitlements.override')}</label>
            <input id="ent-override" type="text" inputMode="numeric" value={draft.override} onChange={set('override')} data-testid="entitlement-override-amount" aria-invalid={tried && !!errors.override} />
            {fieldError('override')}
          </div>
          {draft.override.trim() && (
            <div className="wide">
              <label htmlFor="ent-override-reason">{t('payout.entitlements.overrideReason')}</label>
              <input id="ent-override-reason" type="text" maxLength={500} value={draft.overrideReason} onChange={set('overrideReason')} data-testid="entitlement-override-reason" aria-invalid={tried && !!errors.overrideReason} />
              {fieldError('overrideReason')}
            </div>
          )}
          <div className="wide">
            <label htmlFor="ent-basis">{t('payout.entitlements.basis')}</label>
            <input id="ent-basis" type="text" maxLength={300} placeholder={t('payout.entitlements.basisHint')} value={draft.basis} onChange={set('basis')} data-testid="entitlement-basis" aria-invalid={tried && !!errors.basis} />
            {fieldError('basis')}
          </div>
          <p className="muted small wide">{t('payout.entitlements.help')}</p>
          {saveError && <p className="field-error wide" role="alert">{saveError}</p>}
          <div className="button-row wide">
            <button type="submit" className="primary" disabled={busy} data-testid="entitlement-save">{t('payout.entitlements.save')}</button>
            <button type="button" disabled={busy} onClick={() => setDraft(null)}>{t('payout.dialog.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

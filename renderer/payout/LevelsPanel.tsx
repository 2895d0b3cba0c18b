import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { levelSchema, levelUnitSchema } from '../../shared/contract/payout';
import { formatVnd } from '../../shared/format/money';
import { formatDay, parseDay, parseVnd } from '../../shared/payout/typed-values';
import { can, type Role } from '../../shared/contract/roles';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { ConfirmDialog } from './Dialog';

type Level = z.infer<typeof levelSchema>;
type LevelUnit = z.infer<typeof levelUnitSchema>;
const LEVEL_CODES = ['social-assistance-standard', 'meritorious-standard', 'social-pension', 'social-pension-funeral'];

interface Draft { levelCode: string; unitId: string; day: string; amount: string; basis: string }
const EMPTY: Draft = { levelCode: LEVEL_CODES[0], unitId: '', day: '', amount: '', basis: '' };

/** Mức chuẩn: the levels in force by date and place; the administrator adds a new level from a date. */
export function LevelsPanel({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [levels, setLevels] = useState<Level[] | null>(null);
  const [units, setUnits] = useState<LevelUnit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const load = useCallback(async () => {
    setError(null);
    try {
      const [l, u] = await Promise.all([client.call('payout.levels', {}), client.call('payout.levelUnits', {})]);
      setLevels(l);
      setUnits(u);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client]);
  useEffect(() => { void load(); }, [load]);

  const admin = can(role, 'users.manage');
  const unitName = (id: string | null) => units.find((u) => u.unitId === id)?.name ?? id ?? t('payout.levels.national');
  const day = parseDay(draft.day);
  const amount = parseVnd(draft.amount);
  const errors = {
    day: !draft.day.trim() ? t('payout.levels.dayNeeded') : !day ? t('payout.dialog.badDay') : null,
    amount: !draft.amount.trim() ? t('payout.levels.amountNeeded') : amount === null || amount <= 0 ? t('payout.levels.badAmount') : null,
    basis: draft.basis.trim().length < 5 ? t('payout.levels.basisNeeded') : null,
  };
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const fieldError = (k: keyof typeof errors) => tried && errors[k] && <p className="field-error" role="alert" data-testid={`level-${k}-error`}>{errors[k]}</p>;

  return (
    <div data-testid="levels-panel">
      <p className="muted">{t('payout.levels.intro')}</p>
      {notice && <p className="ok-text" role="status" data-testid="levels-notice">{notice}</p>}
      <ErrorMessage message={error} />
      {levels && (
        <div className="payout-lines-wrap">
          <table className="table" data-testid="levels-table">
            <thead><tr><th>{t('payout.levels.code')}</th><th>{t('payout.levels.unit')}</th><th>{t('payout.levels.from')}</th><th className="amount">{t('payout.amount')}</th><th>{t('payout.levels.basis')}</th></tr></thead>
            <tbody>
              {levels.map((l) => (
                <tr key={l.id} data-testid="level-row">
                  <td>{t(`payout.levels.codes.${l.levelCode}`, { defaultValue: l.levelCode })}</td><td>{unitName(l.unitId)}</td>
                  <td>{formatDay(l.effectiveFrom)}</td><td className="amount">{formatVnd(l.amount)}</td><td className="small">{l.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && (
        <form className="panel" noValidate onSubmit={(e) => { e.preventDefault(); setTried(true); if (!errors.day && !errors.amount && !errors.basis) setConfirming(true); }} data-testid="level-form">
          <h2>{t('payout.levels.addTitle')}</h2>
          <div className="payout-form">
            <div>
              <label htmlFor="level-code">{t('payout.levels.code')}</label>
              <select id="level-code" value={draft.levelCode} onChange={set('levelCode')} data-testid="level-code">
                {LEVEL_CODES.map((c) => <option key={c} value={c}>{t(`payout.levels.codes.${c}`)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="level-unit">{t('payout.levels.unit')}</label>
              <select id="level-unit" value={draft.unitId} onChange={set('unitId')} data-testid="level-unit">
                {units.map((u) => <option key={u.unitId ?? ''} value={u.unitId ?? ''}>{u.name}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="level-day">{t('payout.levels.from')}</label>
              <input id="level-day" type="text" inputMode="numeric" placeholder="dd/mm/yyyy" value={draft.day} onChange={set('day')} aria-invalid={tried && !!errors.day} data-testid="level-day" />
              {fieldError('day')}
            </div>
            <div>
              <label htmlFor="level-amount">{t('payout.levels.amountLabel')}</label>
              <input id="level-amount" type="text" inputMode="numeric" placeholder="650.000" value={draft.amount} onChange={set('amount')} aria-invalid={tried && !!errors.amount} data-testid="level-amount"
                onBlur={() => { if (amount !== null) setDraft({ ...draft, amount: formatVnd(amount).replace(/\s?₫$/, '') }); }} />
              {fieldError('amount')}
            </div>
            <div className="wide">
              <label htmlFor="level-basis">{t('payout.levels.basis')}</label>
              <input id="level-basis" type="text" maxLength={300} placeholder={t('payout.levels.basisHint')} value={draft.basis} onChange={set('basis')} aria-invalid={tried && !!errors.basis} data-testid="level-basis" />
              {fieldError('basis')}
            </div>
          </div>
          <div className="button-row"><button type="submit" className="primary" data-testid="level-add">{t('payout.levels.add')}</button></div>
        </form>
      )}
      {confirming && day && amount !== null && (
        <ConfirmDialog testId="level-dialog" title={t('payout.levels.confirmTitle')} confirmLabel={t('payout.levels.add')} onCancel={() => setConfirming(false)}
          body={<p>{t('payout.levels.confirmBody', { code: t(`payout.levels.codes.${draft.levelCode}`), unit: unitName(draft.unitId || null), day: formatDay(day), amount: formatVnd(amount) })}</p>}
          onConfirm={async () => {
            await client.call('payout.addLevel', { levelCode: draft.levelCode, unitId: draft.unitId || null, effectiveFrom: day, amount, basis: draft.basis.trim() });
            setConfirming(false);
            setDraft(EMPTY);
            setTried(false);
            setNotice(t('payout.levels.added'));
            await load();
          }} />
      )}
    </div>
  );
}

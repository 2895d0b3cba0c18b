import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BENEFICIARY_STATUSES } from '../../../shared/contract/beneficiaries';
import { messageOf } from '../../api/call-error';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { useAppSession } from '../../session/app-session';
import { notifyRegisterChanged } from './register-changes';

type Status = (typeof BENEFICIARY_STATUSES)[number];

/** The month payments stop (the month after the date) or start again (the date's month), from dd/mm/yyyy as typed. */
export function paymentMonth(date: string, status: Status): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(date.trim());
  if (!m) return null;
  let month = Number(m[2]);
  let year = Number(m[3]);
  if (month < 1 || month > 12) return null;
  if (status !== 'active') {
    month += 1;
    if (month === 13) { month = 1; year += 1; }
  }
  return `${String(month).padStart(2, '0')}/${year}`;
}

interface Props {
  ids: string[];
  /** One person from their record: the revision shown. */
  baseRev: number | null;
  current: Status | null;
  onDone(message: string): void;
  onCancel(): void;
}

/** Đổi trạng thái: the new status, the day it took effect (the date of death), a reason; asked again before it is done. */
export function StatusChange({ ids, baseRev, current, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const choices = BENEFICIARY_STATUSES.filter((s) => s !== current);
  const [status, setStatus] = useState<Status>(choices[0]);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const month = paymentMonth(date, status);

  async function apply() {
    setBusy(true);
    setFailure(null);
    try {
      const out = await client.call('beneficiaries.changeStatus', { ids, status, date, reason, baseRev });
      setBusy(false);
      setConfirming(false);
      if (out.outcome === 'saved') {
        notifyRegisterChanged();
        onDone(t('edit.statusDone', { n: out.changed }));
      } else if (out.outcome === 'invalid') setErrors(Object.fromEntries(out.errors.map((e) => [e.field, e.message])));
      else setFailure(out.conflict.message);
    } catch (e) {
      setFailure(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <form className="form panel status-change" data-testid="status-change" aria-labelledby="status-title"
      onSubmit={(e) => { e.preventDefault(); setConfirming(true); }}>
      <h2 id="status-title">{t('edit.statusTitle')}</h2>
      <div className="edit-grid">
        <div className="edit-field">
          <label htmlFor="status-new">{t('edit.newStatus')}</label>
          <select id="status-new" value={status} onChange={(e) => { setStatus(e.target.value as Status); setConfirming(false); }} data-testid="status-new">
            {choices.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <div className={`edit-field${errors.date ? ' has-error' : ''}`}>
          <label htmlFor="status-date">{status === 'deceased' ? t('edit.deathDate') : t('edit.statusDate')}</label>
          <input id="status-date" value={date} placeholder="dd/mm/yyyy" inputMode="numeric" maxLength={20} aria-invalid={Boolean(errors.date)}
            onChange={(e) => { setDate(e.target.value); setErrors(({ date: _d, ...rest }) => rest); setConfirming(false); }} data-testid="status-date" />
          {errors.date ? <span className="field-error" role="alert" data-testid="status-error-date">{errors.date}</span>
            : month && <span className="hint" data-testid="status-month">{t(status === 'active' ? 'edit.paymentsResume' : 'edit.paymentsStop', { month })}</span>}
        </div>
        <div className={`edit-field${errors.reason ? ' has-error' : ''}`}>
          <label htmlFor="status-reason">{t('edit.reason')}</label>
          <input id="status-reason" value={reason} maxLength={500} aria-invalid={Boolean(errors.reason)}
            onChange={(e) => { setReason(e.target.value); setErrors(({ reason: _r, ...rest }) => rest); setConfirming(false); }} data-testid="status-reason" />
          {errors.reason && <span className="field-error" role="alert" data-testid="status-error-reason">{errors.reason}</span>}
        </div>
      </div>
      <ErrorMessage message={failure} />
      {confirming ? (
        <div className="confirm-inline" role="alertdialog" aria-labelledby="status-question" data-testid="status-confirm">
          <p id="status-question">{t('edit.statusConfirm', { n: ids.length, status: t(`status.${status}`) })}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void apply()} disabled={busy} aria-busy={busy} data-testid="status-yes">{t('edit.yes')}</button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>{t('edit.no')}</button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button type="submit" className="primary" data-testid="status-apply">{t('edit.statusChange')}</button>
          <button type="button" onClick={onCancel}>{t('edit.cancel')}</button>
        </div>
      )}
    </form>
  );
}

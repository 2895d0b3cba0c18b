import type { FormEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { digitsOnly, type AccessFields, type AccessMode } from './card-access';

const MODES: readonly AccessMode[] = ['can', 'mrz', 'bac'];

/** Something typed for the chosen way, but not enough yet: worth a word (an empty form is not). */
function incomplete(f: AccessFields): boolean {
  if (f.mode === 'can') return f.can.length > 0;
  if (f.mode === 'mrz') return f.mrz.trim().length > 0;
  return f.idNumber.length > 0 && f.birth.length > 0 && f.expiry.length >= 8;
}

interface Props {
  fields: AccessFields;
  onChange(fields: AccessFields): void;
  onSubmit(): void;
  ready: boolean;
  busy: boolean;
  canRef: RefObject<HTMLInputElement | null>;
  readRef: RefObject<HTMLButtonElement | null>;
  /** Why no card can be read now (no reader service or no reader): the button waits, with this reason beside it. */
  blocked?: string | null;
}

/** How to open the chip: the CAN (typed, or from the QR scan), else the MRZ or ID + birth + expiry (BAC). */
export function AccessForm({ fields, onChange, onSubmit, ready, busy, canRef, readRef, blocked = null }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<AccessFields>) => onChange({ ...fields, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready && !busy && !blocked) onSubmit();
  };

  return (
    <form className="form access-form" onSubmit={submit} data-testid="access-form">
      <fieldset className="segmented" disabled={busy}>
        <legend>{t('card.accessTitle')}</legend>
        {MODES.map((m) => (
          <label key={m} className={fields.mode === m ? 'on' : ''}>
            <input type="radio" name="access-mode" value={m} checked={fields.mode === m} onChange={() => set({ mode: m })} data-testid={`access-${m}`} />
            {t(`card.access.${m}`)}
          </label>
        ))}
      </fieldset>
      {fields.mode === 'can' && (
        <>
          <label htmlFor="card-can">{t('card.canLabel')}</label>
          <input id="card-can" ref={canRef} className="can-input mono" inputMode="numeric" autoComplete="off" spellCheck={false}
            data-testid="card-can" value={fields.can} disabled={busy} aria-describedby="card-can-hint"
            onChange={(e) => set({ can: digitsOnly(e.target.value, 6) })} />
          <span id="card-can-hint" className="hint">{t('card.canHint')}</span>
        </>
      )}
      {fields.mode === 'mrz' && (
        <>
          <label htmlFor="card-mrz">{t('card.mrzLabel')}</label>
          <textarea id="card-mrz" className="mono" rows={3} autoComplete="off" spellCheck={false} maxLength={120}
            value={fields.mrz} disabled={busy} onChange={(e) => set({ mrz: e.target.value })} data-testid="card-mrz" />
        </>
      )}
      {fields.mode === 'bac' && (
        <>
          <label htmlFor="card-id">{t('card.idLabel')}</label>
          <input id="card-id" className="mono" inputMode="numeric" autoComplete="off" value={fields.idNumber} disabled={busy}
            onChange={(e) => set({ idNumber: digitsOnly(e.target.value, 12) })} data-testid="card-id" />
          <label htmlFor="card-birth">{t('card.birthLabel')}</label>
          <input id="card-birth" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" value={fields.birth} disabled={busy}
            maxLength={10} onChange={(e) => set({ birth: e.target.value })} data-testid="card-birth" />
          <label htmlFor="card-expiry">{t('card.expiryLabel')}</label>
          <input id="card-expiry" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" value={fields.expiry} disabled={busy}
            maxLength={10} onChange={(e) => set({ expiry: e.target.value })} data-testid="card-expiry" />
        </>
      )}
      {!ready && incomplete(fields) && <span className="hint warn-hint" data-testid="access-invalid">{t(`card.${fields.mode}Invalid`)}</span>}
      <div className="read-row">
        <button ref={readRef} type="submit" className="primary" disabled={!ready || busy || !!blocked} data-testid="card-read" aria-busy={busy}
          aria-describedby={blocked ? 'card-read-blocked' : undefined}>
          {t('card.read')}
        </button>
        {blocked && <span id="card-read-blocked" className="hint warn-hint" data-testid="card-read-blocked">{blocked}</span>}
      </div>
    </form>
  );
}

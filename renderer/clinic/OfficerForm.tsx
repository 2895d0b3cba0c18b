import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/call-error';
import { useAppSession } from '../session/app-session';

export interface Officer {
  fullName: string;
  idNumber: string;
}

/** The reception officer's own name and CCCD, which the insurance gateway requires with every lookup. */
export function OfficerForm({ officer, onSaved, onCancel }: { officer: Officer | null; onSaved(o: Officer): void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [fullName, setFullName] = useState(officer?.fullName ?? '');
  const [idNumber, setIdNumber] = useState(officer?.idNumber ?? '');
  const [errors, setErrors] = useState<{ fullName?: string; idNumber?: string; form?: string }>({});

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (fullName.trim().length < 2) found.fullName = t('clinic.officer.nameNeeded');
    if (!/^\d{12}$/.test(idNumber)) found.idNumber = t('clinic.officer.idNeeded');
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      onSaved(await client.call('clinic.setOfficer', { fullName: fullName.trim(), idNumber }));
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  return (
    <form className="panel form officer-form" onSubmit={(e) => void save(e)} data-testid="officer-form" noValidate>
      <h2>{t('clinic.officer.title')}</h2>
      <p className="muted">{t('clinic.officer.why')}</p>
      <label htmlFor="officer-name">{t('clinic.officer.name')}</label>
      <input id="officer-name" value={fullName} onChange={(e) => setFullName(e.target.value)} data-testid="officer-name" aria-invalid={!!errors.fullName} />
      {errors.fullName && <span className="field-error" role="alert">{errors.fullName}</span>}
      <label htmlFor="officer-id">{t('clinic.officer.id')}</label>
      <input id="officer-id" className="mono" inputMode="numeric" value={idNumber} onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, '').slice(0, 12))}
        data-testid="officer-id" aria-invalid={!!errors.idNumber} />
      {errors.idNumber && <span className="field-error" role="alert">{errors.idNumber}</span>}
      {errors.form && <span className="field-error" role="alert">{errors.form}</span>}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="officer-save">{t('clinic.officer.save')}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('clinic.officer.cancel')}</button>}
      </div>
    </form>
  );
}

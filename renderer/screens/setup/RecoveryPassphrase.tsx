import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format/dates';
import { ErrorMessage } from '../ErrorMessage';

/**
 * The office recovery passphrase of the new encrypted database, shown once: a sheet to print (only the sheet is
 * printed), and a confirmation the administrator must tick before going on; nothing keeps it afterwards.
 */
export function RecoveryPassphrase({ passphrase, unitLabel, onContinue }: { passphrase: string; unitLabel: string; onContinue(): void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [createdAt] = useState(() => formatDateTime(new Date().toISOString()));

  function proceed() {
    if (!confirmed) return setError(t('setup.recoveryMustConfirm'));
    onContinue();
  }

  return (
    <div className="recovery">
      <p>{t('setup.recoveryIntro')}</p>
      <div className="recovery-sheet" data-testid="recovery-sheet">
        <h2 className="print-only">{t('setup.recoverySheetTitle')}</h2>
        <p className="print-only">{t('setup.recoverySheetOffice', { unit: unitLabel })}</p>
        <p className="print-only">{t('setup.recoverySheetDate', { date: createdAt })}</p>
        <output className="recovery-passphrase" data-testid="recovery-passphrase" aria-label={t('setup.recoveryTitle')}>{passphrase}</output>
        <p className="print-only">{t('setup.recoverySheetKeep')}</p>
      </div>
      <p className="notice" role="note">{t('setup.recoveryOnce')}</p>
      <button type="button" onClick={() => window.print()}>{t('setup.print')}</button>
      <label className="check recovery-confirm">
        <input type="checkbox" checked={confirmed} onChange={(e) => { setConfirmed(e.target.checked); setError(null); }} />
        {t('setup.recoveryConfirm')}
      </label>
      <ErrorMessage message={error} />
      <button type="button" className="primary" onClick={proceed}>{t('setup.recoveryContinue')}</button>
    </div>
  );
}

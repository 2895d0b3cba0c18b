import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/call-error';
import { useAppSession } from '../session/app-session';
import { AuthFrame } from './AuthFrame';
import { ErrorMessage } from './ErrorMessage';

/**
 * The office database is encrypted and nothing on this PC could open it (a new PC, a reinstall, the OS key store
 * unavailable, a host started without the passphrase): the recovery passphrase printed at setup opens it.
 */
export function UnlockDatabaseScreen() {
  const { t } = useTranslation();
  const { client, retryStart } = useAppSession();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!passphrase.trim()) return setError(t('unlockDatabase.empty'));
    setBusy(true);
    setError(null);
    try {
      await client.call('database.unlock', { passphrase });
      retryStart(); // the real services answer now: setup or sign-in
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('unlockDatabase.title')}>
      <p>{t('unlockDatabase.intro')}</p>
      <form onSubmit={submit} className="form" noValidate>
        <label htmlFor="unlock-passphrase">{t('unlockDatabase.passphrase')}</label>
        <input id="unlock-passphrase" className="passphrase-input" autoComplete="off" spellCheck={false} autoFocus value={passphrase}
          aria-describedby="unlock-passphrase-hint" aria-invalid={error ? true : undefined}
          onChange={(e) => setPassphrase(e.target.value.toUpperCase())} />
        <small id="unlock-passphrase-hint" className="hint">{t('unlockDatabase.hint')}</small>
        <ErrorMessage message={error} />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('unlockDatabase.working') : t('unlockDatabase.submit')}</button>
      </form>
    </AuthFrame>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/contract/accounts';
import { useAppSession } from '../session/app-session';
import { useSignIn } from '../session/use-sign-in';
import { AuthFrame } from './AuthFrame';
import { ErrorMessage } from './ErrorMessage';

/** Shown after idle time (or when the main process says the session is locked): only the same user's password opens it. */
export function LockScreen({ session, notice }: { session: Session; notice: string | null }) {
  const { t } = useTranslation();
  const { client, logout } = useAppSession();
  const [password, setPassword] = useState('');
  const { busy, error, setError, signIn } = useSignIn();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await signIn(() => client.call('auth.unlock', { password }), () => setPassword(''));
  }

  return (
    <AuthFrame title={t('lock.title')}>
      <div data-testid="lock-screen">
        <p>{t('lock.intro', { minutes: session.idleLockMinutes, name: session.user.displayName })}</p>
        {notice && !error && <p className="notice" role="status">{notice}</p>}
        <form onSubmit={submit} className="form" noValidate>
          <label htmlFor="lock-password">{t('lock.password')}</label>
          <input id="lock-password" type="password" autoComplete="current-password" autoFocus value={password}
            onChange={(e) => setPassword(e.target.value)} />
          <ErrorMessage message={error} />
          <button type="submit" className="primary" disabled={busy || !password}>{t('lock.submit')}</button>
          <button type="button" className="link-button" onClick={() => void logout()}>{t('lock.otherUser')}</button>
        </form>
      </div>
    </AuthFrame>
  );
}

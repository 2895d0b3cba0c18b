import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/contract/accounts';
import { useAppSession } from '../session/app-session';
import { useSignIn } from '../session/use-sign-in';
import '../admin/admin.css';
import { AuthFrame } from './AuthFrame';
import { ErrorMessage } from './ErrorMessage';

/**
 * After the administrator set the password (new account, reset): the user chooses their own before anything else.
 * The main process refuses every other request until then.
 */
export function ChangePasswordScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { client, logout } = useAppSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldError, setFieldError] = useState<{ field: 'next' | 'confirm'; message: string } | null>(null);
  const { busy, error, signIn } = useSignIn();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next.length < 8) return setFieldError({ field: 'next', message: t('setup.tooShort') });
    if (next === current) return setFieldError({ field: 'next', message: t('changePassword.same') });
    if (next !== confirm) return setFieldError({ field: 'confirm', message: t('setup.mismatch') });
    setFieldError(null);
    await signIn(() => client.call('auth.changePassword', { currentPassword: current, newPassword: next }), () => setCurrent(''));
  }

  return (
    <AuthFrame title={t('changePassword.title')}>
      <div data-testid="change-password-screen">
        <p>{t('changePassword.intro', { name: session.user.displayName })}</p>
        <form onSubmit={submit} className="form" noValidate>
          <label htmlFor="cp-current">{t('changePassword.current')}</label>
          <input id="cp-current" type="password" autoComplete="current-password" autoFocus value={current} onChange={(e) => setCurrent(e.target.value)} />
          <label htmlFor="cp-next">{t('changePassword.next')}</label>
          <input id="cp-next" type="password" autoComplete="new-password" value={next} aria-invalid={fieldError?.field === 'next'}
            aria-describedby="cp-next-hint" onChange={(e) => setNext(e.target.value)} />
          <span id="cp-next-hint" className="muted">{t('setup.passwordHint')}</span>
          {fieldError?.field === 'next' && <span className="field-error" role="alert">{fieldError.message}</span>}
          <label htmlFor="cp-confirm">{t('changePassword.confirm')}</label>
          <input id="cp-confirm" type="password" autoComplete="new-password" value={confirm} aria-invalid={fieldError?.field === 'confirm'}
            onChange={(e) => setConfirm(e.target.value)} />
          {fieldError?.field === 'confirm' && <span className="field-error" role="alert">{fieldError.message}</span>}
          <ErrorMessage message={error} />
          <button type="submit" className="primary" disabled={busy || !current || !next || !confirm}>{t('changePassword.submit')}</button>
          <button type="button" className="link-button" onClick={() => void logout()}>{t('shell.logout')}</button>
        </form>
      </div>
    </AuthFrame>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema, usernameSchema } from '../../shared/contract/accounts';
import { useAppSession } from '../session/app-session';
import { useSignIn } from '../session/use-sign-in';
import { AuthFrame } from './AuthFrame';
import { ErrorMessage } from './ErrorMessage';

export function SetupScreen() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, signIn } = useSignIn();

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The same schemas the main process checks, so the clerk hears about a mistake before sending.
    if (!usernameSchema.safeParse(username).success) return setError(t('setup.badUsername'));
    if (!passwordSchema.safeParse(password).success) return setError(t('setup.tooShort'));
    if (password !== confirm) return setError(t('setup.mismatch'));
    await signIn(() => client.call('setup.createAdministrator', { username: username.trim(), displayName: displayName.trim(), password }));
  }

  return (
    <AuthFrame title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} className="form" noValidate>
        <label htmlFor="setup-name">{t('setup.displayName')}</label>
        <input id="setup-name" autoComplete="name" autoFocus value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        <label htmlFor="setup-username">{t('setup.username')}</label>
        <input id="setup-username" autoComplete="username" value={username} aria-describedby="setup-username-hint"
          onChange={(e) => setUsername(e.target.value.toLowerCase())} required />
        <small id="setup-username-hint" className="hint">{t('setup.usernameHint')}</small>
        <label htmlFor="setup-password">{t('setup.password')}</label>
        <input id="setup-password" type="password" autoComplete="new-password" value={password} aria-describedby="setup-password-hint"
          onChange={(e) => setPassword(e.target.value)} required />
        <small id="setup-password-hint" className="hint">{t('setup.passwordHint')}</small>
        <label htmlFor="setup-confirm">{t('setup.confirm')}</label>
        <input id="setup-confirm" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required />
        <ErrorMessage message={error} />
        <button type="submit" className="primary" disabled={busy || !displayName || !username || !password}>{t('setup.submit')}</button>
      </form>
    </AuthFrame>
  );
}

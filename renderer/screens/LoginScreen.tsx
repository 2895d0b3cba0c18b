import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppSession, type AppInfo } from '../session/app-session';
import { useSignIn } from '../session/use-sign-in';
import { AuthFrame } from './AuthFrame';
import { DemoAccounts } from './DemoAccounts';
import { ErrorMessage } from './ErrorMessage';
import { DatabaseNotices } from '../session/DatabaseNotices';

export function LoginScreen({ info, notice }: { info: AppInfo; notice: string | null }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, signIn } = useSignIn();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await signIn(() => client.call('auth.login', { username: username.trim(), password }), () => setPassword(''));
  }

  return (
    <AuthFrame title={t('login.title')} aside={info.demo ? <DemoAccounts /> : undefined}>
      {info.unitName && <p className="muted">{t('shell.unit', { name: info.unitName })}</p>}
      {notice && !error && <p className="notice" role="status">{notice}</p>}
      <DatabaseNotices info={info} />
      <form onSubmit={submit} className="form" noValidate>
        <label htmlFor="login-username">{t('login.username')}</label>
        <input id="login-username" name="username" autoComplete="username" autoFocus value={username}
          onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" value={password}
          onChange={(e) => setPassword(e.target.value)} required />
        <ErrorMessage message={error} />
        <button type="submit" className="primary" disabled={busy || !username || !password}>
          {busy ? t('login.working') : t('login.submit')}
        </button>
      </form>
    </AuthFrame>
  );
}

import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/contract/roles';

// The demo database's fixed accounts (created by `ansinh demo`). Shown only when app.info says the database is the
// demo one; a real office database never has these users.
const DEMO_ACCOUNTS: readonly { username: string; password: string; role: Role }[] = [
  { username: 'quantri', password: 'quantri123!', role: 'administrator' },
  { username: 'canbo', password: 'canbo123!', role: 'commune-clerk' },
  { username: 'yte', password: 'yte12345!', role: 'clinic-reception' },
  { username: 'huyen', password: 'huyen123!', role: 'district-staff' },
];

export function DemoAccounts() {
  const { t } = useTranslation();
  return (
    <aside className="demo-card" data-testid="demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('login.demoTitle')}</h2>
      <p>{t('login.demoIntro')}</p>
      <table className="demo-table">
        <thead>
          <tr><th>{t('login.username')}</th><th>{t('login.password')}</th><th>{t('login.demoRoleColumn')}</th></tr>
        </thead>
        <tbody>
          {DEMO_ACCOUNTS.map((a) => (
            <tr key={a.username}><td><code>{a.username}</code></td><td><code>{a.password}</code></td><td>{t(`roles.${a.role}`)}</td></tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}

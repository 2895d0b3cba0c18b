import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './admin.css';
import { AuditPanel } from './AuditPanel';
import { BackupPanel } from './BackupPanel';
import { SignInAttemptsPanel } from './SignInAttemptsPanel';
import { UsersPanel } from './UsersPanel';
import { ClinicSettingsPanel } from '../clinic/ClinicSettingsPanel';

const TABS = ['users', 'attempts', 'audit', 'backup', 'clinic'] as const;
type Tab = (typeof TABS)[number];

/** Quản trị: the administrator's screen (users, sign-in attempts, the audit trail, the backup). Shown only with users.manage. */
export function AdminSection() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('users');
  return (
    <section className="page admin-page" data-testid="admin-section" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('admin.title')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`admin-tab-${id}`} aria-selected={tab === id} aria-controls={`admin-panel-${id}`}
            className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`admin-tab-${id}`}>
            {t(`admin.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'users' && <UsersPanel />}
        {tab === 'attempts' && <SignInAttemptsPanel />}
        {tab === 'audit' && <AuditPanel />}
        {tab === 'backup' && <BackupPanel />}
        {tab === 'clinic' && <ClinicSettingsPanel />}
      </div>
    </section>
  );
}

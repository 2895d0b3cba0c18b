import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../shared/contract/accounts';
import { AdminSection } from '../admin/AdminSection';
import { BeneficiariesSection } from '../beneficiaries/BeneficiariesSection';
import { CardSection } from '../card/CardSection';
import { ClinicSection } from '../clinic/ClinicSection';
import { ImportSection } from '../imports/ImportSection';
import { MismatchQueue } from '../mismatches/MismatchQueue';
import { PayoutSection } from '../payout/PayoutSection';
import { ReportsSection } from '../reports/ReportsSection';
import { SyncSection } from '../sync/SyncSection';
import { ConsolidationSection } from '../consolidation/ConsolidationSection';
import { LanguageSwitch } from '../screens/LanguageSwitch';
import { useAppSession, type AppInfo } from '../session/app-session';
import { useIdleLock } from '../session/use-idle-lock';
import { ComingSoon } from './ComingSoon';
import { isUnbuilt, sectionsFor, type SectionId } from './sections';

export function Shell({ info, session }: { info: AppInfo; session: Session }) {
  const { t } = useTranslation();
  const { logout, lock } = useAppSession();
  useIdleLock();
  const sections = sectionsFor(session.user.role);
  const [current, setCurrentState] = useState<SectionId>(sections[0]?.id ?? 'card');
  // The import screen stays mounted once opened, so a preview or the undo button survives a look at another section.
  const [importOpened, setImportOpened] = useState(current === 'import');
  const setCurrent = (id: SectionId) => {
    if (id === 'import') setImportOpened(true);
    setCurrentState(id);
  };

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand-mark small" aria-hidden="true">AS</div>
        <div className="topbar-title">
          <span className="brand-name">{t('app.name')}</span>
          {info.unitName && <span className="muted">{t('shell.unit', { name: info.unitName })}</span>}
        </div>
        {info.demo && <span className="demo-badge">{t('shell.demoBadge')}</span>}
        <div className="topbar-spacer" />
        <span className="signed-in" data-testid="signed-in">
          {t('shell.signedInAs', { name: session.user.displayName, role: t(`roles.${session.user.role}`) })}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={() => lock()}>{t('shell.lockNow')}</button>
        <button type="button" onClick={() => void logout()}>{t('shell.logout')}</button>
      </header>
      <div className="shell-body">
        <nav className="sidenav" aria-label={t('shell.navLabel')}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <button type="button" data-testid={`nav-${s.id}`} aria-current={current === s.id ? 'page' : undefined}
                  className={current === s.id ? 'active' : ''} onClick={() => setCurrent(s.id)}>
                  {t(`sections.${s.id}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content">
          {current === 'beneficiaries' && <BeneficiariesSection />}
          {importOpened && (
            <div className="keep-alive" hidden={current !== 'import'}>
              <ImportSection onShowList={() => setCurrent('beneficiaries')} />
            </div>
          )}
          {current === 'discrepancies' && <MismatchQueue />}
          {current === 'payouts' && <PayoutSection role={session.user.role} />}
          {current === 'clinic' && <ClinicSection />}
          {current === 'card' && <CardSection role={session.user.role} />}
          {current === 'sync' && <SyncSection role={session.user.role} />}
          {current === 'consolidation' && <ConsolidationSection />}
          {current === 'reports' && <ReportsSection role={session.user.role} />}
          {current === 'admin' && <AdminSection />}
          {isUnbuilt(current) && <ComingSoon section={current} />}
        </main>
      </div>
    </div>
  );
}

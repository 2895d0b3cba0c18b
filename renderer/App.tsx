import { useTranslation } from 'react-i18next';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { ErrorMessage } from './screens/ErrorMessage';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { UnlockDatabaseScreen } from './screens/UnlockDatabaseScreen';
import { useAppSession } from './session/app-session';
import { Shell } from './shell/Shell';

export function App() {
  const { t } = useTranslation();
  const { phase, retryStart } = useAppSession();
  switch (phase.name) {
    case 'starting':
      return <main className="splash" aria-busy="true">{t('common.loading')}</main>;
    case 'failed':
      return (
        <main className="splash">
          <h1>{t('errors.startFailed')}</h1>
          <ErrorMessage message={phase.message} onRetry={retryStart} retryLabel={t('common.retry')} />
        </main>
      );
    case 'unlock-database':
      return <UnlockDatabaseScreen />;
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen info={phase.info} notice={phase.notice} />;
    case 'ready':
    case 'locked':
      // A password the administrator set is replaced before anything else (the main process refuses all else meanwhile).
      if (phase.session.mustChangePassword) {
        return phase.name === 'locked' ? <LockScreen session={phase.session} notice={phase.notice} /> : <ChangePasswordScreen session={phase.session} />;
      }
      // The shell stays mounted under the lock screen (hidden and inert) so the clerk's place survives the lock.
      return (
        <>
          <div hidden={phase.name === 'locked'} inert={phase.name === 'locked'} className="shell-host">
            <Shell key={phase.session.user.id} info={phase.info} session={phase.session} />
          </div>
          {phase.name === 'locked' && <LockScreen session={phase.session} notice={phase.notice} />}
        </>
      );
  }
}

import { useTranslation } from 'react-i18next';
import type { AppInfo } from './app-session';

/** What the person signing in must know about the database itself: copied from another PC, or not encrypted. */
export function DatabaseNotices({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <>
      {info.deviceChange && <p className="notice" role="status" data-testid="device-changed">{t('database.deviceChanged')}</p>}
      {!info.encrypted && !info.demo && <p className="notice" role="status" data-testid="not-encrypted">{t('database.notEncrypted')}</p>}
    </>
  );
}

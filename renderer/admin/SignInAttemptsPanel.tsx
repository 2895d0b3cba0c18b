import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format/dates';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { useDebounced } from '../beneficiaries/use-debounced';
import { Pager } from './Pager';
import { usePagedCall } from './use-paged-call';

/** Every sign-in, unlock and password change attempt of this computer, newest first: who, when, through which door, how it went. */
export function SignInAttemptsPanel() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [username, setUsername] = useState('');
  const filter = useDebounced(username.trim().toLowerCase(), 300);
  const list = usePagedCall((offset, limit) => client.call('users.signInAttempts', { username: filter || null, offset, limit }), filter);

  return (
    <div data-testid="attempts-panel">
      <p className="muted">{t('admin.attempts.intro')}</p>
      <div className="toolbar">
        <div className="filter">
          <label htmlFor="attempts-username">{t('setup.username')}</label>
          <input id="attempts-username" type="search" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
      </div>
      <ErrorMessage message={list.error} />
      <div className="panel flush table-wrap" aria-busy={list.loading}>
        <table className="table compact" data-testid="attempts-table">
          <thead>
            <tr>
              <th>{t('admin.attempts.at')}</th><th>{t('setup.username')}</th><th>{t('admin.attempts.kind')}</th>
              <th>{t('admin.attempts.outcome')}</th><th>{t('admin.attempts.door')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r, i) => (
              <tr key={`${r.atMs}-${i}`} data-testid="attempt-row">
                <td className="num">{formatDateTime(new Date(r.atMs).toISOString())}</td>
                <td className="mono">{r.username}</td>
                <td>{t(`admin.attempts.kinds.${r.kind}`)}</td>
                <td><span className={`attempt-${r.outcome}`}>{t(`admin.attempts.outcomes.${r.outcome}`)}</span></td>
                <td>{t(`origins.${r.door}`, { defaultValue: r.door })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && list.rows.length === 0 && <p className="empty">{t('admin.attempts.empty')}</p>}
      </div>
      <Pager page={list.page} pages={list.pages} total={list.total} onPage={list.setPage} />
    </div>
  );
}

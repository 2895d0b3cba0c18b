import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedUser } from '../../shared/contract/accounts';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { temporaryPassword } from './temporary-password';
import { unitLabel, type Unit } from './unit-labels';
import { UserForm } from './UserForm';

type Pending =
  | { kind: 'reset'; user: ManagedUser; password: string }
  | { kind: 'disable'; user: ManagedUser };

/** The office's users: who may sign in, with which role, seeing which units. */
export function UsersPanel() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [editing, setEditing] = useState<ManagedUser | 'new' | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [u, un] = await Promise.all([client.call('users.list', {}), client.call('units.list', {})]);
      setUsers(u);
      setUnits(un);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client]);
  useEffect(() => { void load(); }, [load]);

  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const unitsText = (u: ManagedUser) => u.unitIds.length === 0
    ? (u.role === 'administrator' ? t('admin.users.allUnits') : t('admin.users.noUnits'))
    : u.unitIds.map((id) => { const unit = byId.get(id); return unit ? unitLabel(unit, byId) : id; }).join('; ');

  async function act(run: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await run();
      setNotice(message);
      setPending(null);
      await load();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (editing) {
    return (
      <UserForm units={units} user={editing === 'new' ? null : editing}
        onDone={(message) => { setEditing(null); setNotice(message); void load(); }}
        onCancel={() => setEditing(null)} />
    );
  }

  return (
    <div data-testid="users-panel">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => { setNotice(null); setEditing('new'); }} data-testid="user-add">{t('admin.users.add')}</button>
      </div>
      {notice && <p className="ok-text notice-ok" role="status" data-testid="admin-notice">{notice}</p>}
      <ErrorMessage message={error} />
      {pending?.kind === 'reset' && (
        <div className="confirm-box" role="dialog" aria-labelledby="reset-title" data-testid="reset-confirm">
          <p id="reset-title" className="confirm-question">{t('admin.users.resetQuestion', { name: pending.user.displayName, username: pending.user.username })}</p>
          <label htmlFor="reset-password">{t('admin.users.temporaryPassword')}</label>{' '}
          <input id="reset-password" className="mono" value={pending.password} onChange={(e) => setPending({ ...pending, password: e.target.value })} />
          {pending.password.length < 8 && <span className="field-error" role="alert"> {t('setup.tooShort')}</span>}
          <p className="muted small">{t('admin.users.resetEffect')}</p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || pending.password.length < 8} data-testid="reset-run"
              onClick={() => void act(() => client.call('users.resetPassword', { id: pending.user.id, temporaryPassword: pending.password }),
                t('admin.users.resetDone', { username: pending.user.username, password: pending.password }))}>
              {t('admin.users.resetRun')}
            </button>
            <button type="button" onClick={() => setPending(null)}>{t('admin.users.cancel')}</button>
          </div>
        </div>
      )}
      {pending?.kind === 'disable' && (
        <div className="confirm-box danger" role="dialog" aria-labelledby="disable-title" data-testid="disable-confirm">
          <p id="disable-title" className="confirm-question">{t('admin.users.disableQuestion', { name: pending.user.displayName, username: pending.user.username })}</p>
          <p className="muted small">{t('admin.users.disableEffect')}</p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} data-testid="disable-run"
              onClick={() => void act(() => client.call('users.setActive', { id: pending.user.id, active: false }), t('admin.users.disabled', { username: pending.user.username }))}>
              {t('admin.users.disableRun')}
            </button>
            <button type="button" onClick={() => setPending(null)}>{t('admin.users.cancel')}</button>
          </div>
        </div>
      )}
      {users === null && !error && <p className="muted">{t('common.loading')}</p>}
      {users && (
        <div className="panel flush table-wrap">
          <table className="table users-table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('setup.username')}</th>
                <th>{t('setup.displayName')}</th>
                <th>{t('admin.users.role')}</th>
                <th>{t('admin.users.units')}</th>
                <th>{t('admin.users.state')}</th>
                <th><span className="visually-hidden">{t('admin.users.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row" data-username={u.username} className={u.active ? '' : 'inactive'}>
                  <td className="mono">{u.username}</td>
                  <td className="strong">{u.displayName}</td>
                  <td>{t(`roles.${u.role}`)}</td>
                  <td className="units-cell">{unitsText(u)}</td>
                  <td>
                    <span className={`status ${u.active ? 'status-active' : 'status-deceased'}`}>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</span>
                    {u.mustChangePassword && <div className="muted small">{t('admin.users.mustChange')}</div>}
                  </td>
                  <td className="row-actions">
                    <button type="button" onClick={() => { setNotice(null); setEditing(u); }}>{t('admin.users.edit')}</button>
                    <button type="button" onClick={() => { setNotice(null); setPending({ kind: 'reset', user: u, password: temporaryPassword() }); }}>{t('admin.users.reset')}</button>
                    {u.active
                      ? <button type="button" onClick={() => { setNotice(null); setPending({ kind: 'disable', user: u }); }}>{t('admin.users.disable')}</button>
                      : <button type="button" disabled={busy} onClick={() => void act(() => client.call('users.setActive', { id: u.id, active: true }), t('admin.users.enabled', { username: u.username }))}>{t('admin.users.enable')}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

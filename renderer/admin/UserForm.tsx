import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema, usernameSchema, type ManagedUser } from '../../shared/contract/accounts';
import { ROLES, type Role } from '../../shared/contract/roles';
import { CallError, messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { temporaryPassword } from './temporary-password';
import { UnitPicker } from './UnitPicker';
import type { Unit } from './unit-labels';

type Field = 'username' | 'displayName' | 'units' | 'password';

/** Create a user (with a temporary password to hand over) or change one's name, role and units. */
export function UserForm({ units, user, onDone, onCancel }: {
  units: readonly Unit[];
  /** null: a new user. */
  user: ManagedUser | null;
  onDone(message: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'commune-clerk');
  const [unitIds, setUnitIds] = useState<string[]>(user?.unitIds ?? []);
  const [password, setPassword] = useState(() => temporaryPassword());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!user && !usernameSchema.safeParse(username).success) found.username = t('setup.badUsername');
    if (!displayName.trim()) found.displayName = t('admin.users.nameRequired');
    if (role !== 'administrator' && unitIds.length === 0) found.units = t('admin.users.unitsRequired');
    if (!user && !passwordSchema.safeParse(password).success) found.password = t('setup.tooShort');
    return found;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (user) {
        await client.call('users.update', { id: user.id, displayName: displayName.trim(), role, unitIds });
        onDone(t('admin.users.saved', { username: user.username }));
      } else {
        const created = await client.call('users.create', { username: username.trim(), displayName: displayName.trim(), password, role, unitIds, mustChangePassword: true });
        onDone(t('admin.users.created', { username: created.username, password }));
      }
    } catch (err) {
      if (err instanceof CallError && err.code === 'username-taken') setErrors({ username: err.messageVi });
      else setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (f: Field) => errors[f] && <span id={`uf-${f}-error`} className="field-error" role="alert">{errors[f]}</span>;

  return (
    <form className="panel form user-form" onSubmit={submit} noValidate data-testid="user-form" aria-labelledby="user-form-title">
      <h2 id="user-form-title">{user ? t('admin.users.editTitle', { username: user.username }) : t('admin.users.createTitle')}</h2>
      <div className="user-form-grid">
        <div className="form">
          {!user && (
            <>
              <label htmlFor="uf-username">{t('setup.username')}</label>
              <input id="uf-username" value={username} onChange={(e) => setUsername(e.target.value.toLowerCase())} aria-invalid={!!errors.username}
                aria-describedby="uf-username-hint" autoComplete="off" />
              <span id="uf-username-hint" className="hint">{t('setup.usernameHint')}</span>
              {fieldError('username')}
            </>
          )}
          <label htmlFor="uf-name">{t('setup.displayName')}</label>
          <input id="uf-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={!!errors.displayName} />
          {fieldError('displayName')}
          <label htmlFor="uf-role">{t('admin.users.role')}</label>
          <select id="uf-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
          {!user && (
            <>
              <label htmlFor="uf-password">{t('admin.users.temporaryPassword')}</label>
              <div className="inline-row">
                <input id="uf-password" className="mono" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={!!errors.password}
                  aria-describedby="uf-password-hint" autoComplete="off" />
                <button type="button" onClick={() => setPassword(temporaryPassword())}>{t('admin.users.newPassword')}</button>
              </div>
              <span id="uf-password-hint" className="hint">{t('admin.users.temporaryHint')}</span>
              {fieldError('password')}
            </>
          )}
        </div>
        <div className="form">
          <span className="label-like" id="uf-units-label">{t('admin.users.units')}</span>
          <span className="hint">{role === 'administrator' ? t('admin.users.unitsHintAdmin') : t('admin.users.unitsHint')}</span>
          <UnitPicker units={units} value={unitIds} onChange={setUnitIds} invalid={!!errors.units} describedBy="uf-units-label" />
          {fieldError('units')}
        </div>
      </div>
      <ErrorMessage message={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} data-testid="user-form-submit">{user ? t('admin.users.save') : t('admin.users.create')}</button>
        <button type="button" onClick={onCancel}>{t('admin.users.cancel')}</button>
      </div>
    </form>
  );
}

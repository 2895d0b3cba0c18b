import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema, usernameSchema } from '../../shared/contract/accounts';
import type { UnitMatch } from '../../shared/contract/setup';
import { useAppSession } from '../session/app-session';
import { messageOf } from '../api/call-error';
import type { Session } from '../../shared/contract/accounts';
import { RecoveryPassphrase } from './setup/RecoveryPassphrase';
import { AuthFrame } from './AuthFrame';
import { ErrorMessage } from './ErrorMessage';
import { UnitSearch } from './setup/UnitSearch';
import { ProvinceCommunes } from './setup/ProvinceCommunes';

type OfficeKind = 'commune' | 'province';

/**
 * First start of a real office: which unit the office is (a commune; or, above the communes, a province or some of
 * its communes), picked from the official list in force, then its first administrator.
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<OfficeKind>('commune');
  const [unit, setUnit] = useState<UnitMatch | null>(null);
  const [communes, setCommunes] = useState<Set<string>>(new Set());
  const [unitError, setUnitError] = useState<string | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { client, signedIn } = useAppSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ session: Session; recoveryPassphrase: string } | null>(null);

  function chooseKind(next: OfficeKind) {
    setKind(next);
    setUnit(null);
    setCommunes(new Set());
  }

  function choose(u: UnitMatch) {
    setUnit(u);
    setCommunes(new Set());
    setUnitError(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!unit) return setUnitError(kind === 'commune' ? t('setup.chooseCommune') : t('setup.chooseProvince'));
    // The same schemas the main process checks, so the clerk hears about a mistake before sending.
    if (!usernameSchema.safeParse(username).success) return setError(t('setup.badUsername'));
    if (!passwordSchema.safeParse(password).success) return setError(t('setup.tooShort'));
    if (password !== confirm) return setError(t('setup.mismatch'));
    const office = kind === 'commune'
      ? { level: 'commune' as const, code: unit.code }
      : { level: 'province' as const, code: unit.code, communes: [...communes] };
    setBusy(true);
    try {
      const { recoveryPassphrase, ...session } = await client.call('setup.createOffice', { unit: office, username: username.trim(), displayName: displayName.trim(), password });
      // Signed in only once the administrator has the recovery passphrase on paper.
      setCreated({ session, recoveryPassphrase });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <AuthFrame title={t('setup.recoveryTitle')}>
        <RecoveryPassphrase passphrase={created.recoveryPassphrase} unitLabel={unit?.label ?? ''} onContinue={() => signedIn(created.session)} />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} className="form setup-form" noValidate>
        <fieldset>
          <legend>{t('setup.unitSection')}</legend>
          <div className="office-kind" role="radiogroup" aria-label={t('setup.officeKind')}>
            <label className="check">
              <input type="radio" name="office-kind" checked={kind === 'commune'} onChange={() => chooseKind('commune')} />
              {t('setup.communeOffice')}
            </label>
            <label className="check">
              <input type="radio" name="office-kind" checked={kind === 'province'} onChange={() => chooseKind('province')} />
              {t('setup.provinceOffice')}
            </label>
          </div>
          {unit ? (
            <div className="chosen-unit" data-testid="chosen-unit">
              <span>{t('setup.chosen', { label: unit.label, code: unit.code })}</span>
              <button type="button" className="link-button" onClick={() => setUnit(null)}>{t('setup.change')}</button>
            </div>
          ) : (
            <UnitSearch key={kind} level={kind} onChoose={choose} error={unitError}
              label={kind === 'commune' ? t('setup.searchCommune') : t('setup.searchProvince')} />
          )}
          {unit && kind === 'province' && <ProvinceCommunes province={unit} picked={communes} onChange={setCommunes} />}
        </fieldset>

        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <label htmlFor="setup-name">{t('setup.displayName')}</label>
          <input id="setup-name" autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
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
        </fieldset>
        <ErrorMessage message={error} />
        <button type="submit" className="primary" disabled={busy || !displayName || !username || !password}>{busy ? t('setup.creating') : t('setup.submit')}</button>
      </form>
    </AuthFrame>
  );
}

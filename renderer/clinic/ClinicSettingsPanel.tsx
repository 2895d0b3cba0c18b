import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/contract/methods';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';

type Settings = MethodOutput<'clinic.settings'>;

/** Quản trị → Tiếp đón: the insurance gateway's address, the facility's account and code. The password is write-only. */
export function ClinicSettingsPanel() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [form, setForm] = useState({ endpoint: '', username: '', password: '', facilityCode: '', facilityName: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    client.call('clinic.settings', {}).then((s) => {
      setSettings(s);
      setForm({ endpoint: s.endpoint ?? '', username: s.username ?? '', password: '', facilityCode: s.facilityCode ?? '', facilityName: s.facilityName ?? '' });
    }, (e) => setLoadError(messageOf(e)));
  }, [client]);

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!/^https?:\/\/\S+$/.test(form.endpoint.trim())) found.endpoint = t('clinic.settings.endpointNeeded');
    if (!form.username.trim()) found.username = t('clinic.settings.usernameNeeded');
    if (!form.password && !settings?.hasPassword) found.password = t('clinic.settings.passwordNeeded');
    if (form.facilityCode.trim() && !/^[0-9A-Za-z]{2}\s*-?\s*[0-9A-Za-z]{3}$/.test(form.facilityCode.trim())) found.facilityCode = t('clinic.settings.facilityNeeded');
    setErrors(found);
    if (Object.keys(found).length) return;
    setState('saving');
    try {
      const saved = await client.call('clinic.saveSettings', {
        endpoint: form.endpoint.trim(), username: form.username.trim(), ...(form.password ? { password: form.password } : {}),
        facilityCode: form.facilityCode.trim() || null, facilityName: form.facilityName.trim() || null,
      });
      setSettings(saved);
      setForm((f) => ({ ...f, password: '' }));
      setState('saved');
    } catch (err) {
      setErrors({ form: messageOf(err) });
      setState('idle');
    }
  }

  const field = (key: keyof typeof form, type = 'text') => (
    <>
      <label htmlFor={`clinic-${key}`}>{t(`clinic.settings.${key}`)}</label>
      <input id={`clinic-${key}`} type={type} value={form[key]} autoComplete="off" data-testid={`clinic-setting-${key}`} aria-invalid={!!errors[key]}
        placeholder={key === 'password' && settings?.hasPassword ? t('clinic.settings.passwordKept') : undefined}
        onChange={(e) => { setForm({ ...form, [key]: e.target.value }); setState('idle'); }} />
      {errors[key] && <span className="field-error" role="alert">{errors[key]}</span>}
    </>
  );

  if (loadError) return <ErrorMessage message={loadError} />;
  return (
    <form className="panel form clinic-settings" onSubmit={(e) => void save(e)} data-testid="clinic-settings" noValidate>
      <h2>{t('clinic.settings.title')}</h2>
      <p className="muted">{t('clinic.settings.intro')}</p>
      {settings?.fromEnvironment && <p className="notice">{t('clinic.settings.fromEnvironment')}</p>}
      {field('endpoint')}
      {field('username')}
      {field('password', 'password')}
      {field('facilityCode')}
      {field('facilityName')}
      {errors.form && <span className="field-error" role="alert">{errors.form}</span>}
      <button type="submit" className="primary" disabled={state === 'saving'} data-testid="clinic-settings-save">{t('clinic.settings.save')}</button>
      {state === 'saved' && <p className="notice" role="status" data-testid="clinic-settings-saved">{t('clinic.settings.saved')}</p>}
    </form>
  );
}

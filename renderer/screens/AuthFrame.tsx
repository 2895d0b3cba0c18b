import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The centred card the setup, login and lock screens share. */
export function AuthFrame({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="auth-page">
      <div className="auth-brand">
        <div className="brand-mark" aria-hidden="true">AS</div>
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
        <LanguageSwitch />
      </div>
      <div className="auth-columns">
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{title}</h1>
          {children}
        </section>
        {aside}
      </div>
    </main>
  );
}

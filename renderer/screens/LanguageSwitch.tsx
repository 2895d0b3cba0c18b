import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage, type Language } from '../i18n/i18n';

const NAMES: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span>{t('common.language')}</span>
      <select data-testid="language" value={i18n.language} onChange={(e) => switchLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => <option key={l} value={l}>{NAMES[l]}</option>)}
      </select>
    </label>
  );
}

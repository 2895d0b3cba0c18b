import { useTranslation } from 'react-i18next';
import type { UnbuiltSectionId } from './sections';

/** An honest placeholder for a section a later update builds: says so, and does nothing. */
export function ComingSoon({ section }: { section: UnbuiltSectionId }) {
  const { t } = useTranslation();
  return (
    <section className="coming-soon" data-testid="coming-soon" aria-labelledby="coming-soon-title">
      <h1 id="coming-soon-title">{t('comingSoon.title', { section: t(`sections.${section}`) })}</h1>
      <p className="lead">{t(`comingSoon.what.${section}`)}</p>
      <p className="muted">{t('comingSoon.body')}</p>
    </section>
  );
}

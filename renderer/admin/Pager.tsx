import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';

export function Pager({ page, pages, total, onPage }: { page: number; pages: number; total: number; onPage(p: number): void }) {
  const { t } = useTranslation();
  return (
    <div className="pager" data-testid="pager">
      <span className="muted" aria-live="polite">{t('admin.pager.summary', { page: page + 1, pages, total: formatCount(total) })}</span>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>{t('admin.pager.previous')}</button>
      <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>{t('admin.pager.next')}</button>
    </div>
  );
}

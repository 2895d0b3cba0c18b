import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonCommunes } from '../../../shared/contract/beneficiaries';
import { foldVietnamese } from '../../../shared/text/fold';

type Commune = PersonCommunes['communes'][number];

/**
 * A new person in an office above the commune: which of the office's communes the record belongs to. The list can be
 * long (a province has about a hundred), so a few letters of the name or the code narrow it.
 */
export function CommuneField({ communes, value, error, onChange }: { communes: Commune[]; value: string; error: string | null; onChange(id: string): void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const typed = filter.trim();
    const f = foldVietnamese(typed);
    return f ? communes.filter((c) => foldVietnamese(c.name).includes(f) || c.code.startsWith(typed) || c.id === value) : communes;
  }, [communes, filter, value]);

  return (
    <div className={`edit-field commune-field${error ? ' has-error' : ''}`} data-testid="edit-unitId">
      <label htmlFor="edit-commune-filter">{t('edit.commune.filter')}</label>
      <input id="edit-commune-filter" value={filter} placeholder={t('edit.commune.filterPlaceholder')} data-testid="edit-commune-filter"
        onChange={(e) => {
          setFilter(e.target.value);
          const f = foldVietnamese(e.target.value.trim());
          const only = f ? communes.filter((c) => foldVietnamese(c.name).includes(f) || c.code.startsWith(e.target.value.trim())) : [];
          if (only.length === 1) onChange(only[0].id);
        }} />
      <label htmlFor="edit-input-unitId">{t('edit.commune.label')}</label>
      <select id="edit-input-unitId" value={value} aria-invalid={Boolean(error)} aria-describedby={error ? 'edit-error-unitId' : undefined}
        data-testid="edit-input-unitId" onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('edit.commune.placeholder')}</option>
        {shown.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      {error && <span className="field-error" id="edit-error-unitId" role="alert" data-testid="edit-error-unitId">{error}</span>}
    </div>
  );
}

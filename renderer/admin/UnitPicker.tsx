import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchUnits, unitLabel, type Unit } from './unit-labels';

const SHOWN = 30;

/** The units a user may see: chosen by searching the units of the office's area; a district user takes several communes. */
export function UnitPicker({ units, value, onChange, invalid, describedBy }: {
  units: readonly Unit[];
  value: string[];
  onChange(ids: string[]): void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const matches = useMemo(() => searchUnits(units, query, SHOWN), [units, query]);
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((v) => v !== id) : [...value, id]);

  return (
    <div className="unit-picker" data-testid="unit-picker">
      <ul className="unit-chips" aria-label={t('admin.users.chosenUnits')}>
        {value.length === 0 && <li className="muted">{t('admin.users.noUnits')}</li>}
        {value.map((id) => {
          const unit = byId.get(id);
          return (
            <li key={id} className="unit-chip">
              <span>{unit ? unitLabel(unit, byId) : id}</span>
              <button type="button" className="link-button" aria-label={t('admin.users.removeUnit', { name: unit?.name ?? id })} onClick={() => toggle(id)}>×</button>
            </li>
          );
        })}
      </ul>
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-invalid={invalid} aria-describedby={describedBy}
        placeholder={t('admin.users.unitSearch')} aria-label={t('admin.users.unitSearch')} data-testid="unit-search" />
      <div className="unit-options" role="group" aria-label={t('admin.users.unitOptions')}>
        {matches.map((u) => (
          <label key={u.id} className="unit-option">
            <input type="checkbox" checked={value.includes(u.id)} onChange={() => toggle(u.id)} />
            <span>{unitLabel(u, byId)} <span className="muted small">({t(`admin.levels.${u.level}`)})</span></span>
          </label>
        ))}
        {matches.length === 0 && <p className="muted small">{t('admin.users.noUnitMatch')}</p>}
      </div>
    </div>
  );
}

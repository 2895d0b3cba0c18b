import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_FIELDS } from '../../shared/contract/imports';
import { columnLetter } from './sheet-columns';

type Mapping = Partial<Record<(typeof COLUMN_FIELDS)[number], number>>;

/**
 * The clerk's correction of which column holds what, choosing among the file's own column titles. Saved per layout (the header's fingerprint), so every later
 * file of the same layout is read the corrected way; the preview is then read again.
 */
export function MappingEditor({ mapping, titles, saving, onSave, onCancel }: {
  mapping: Record<string, number>;
  /** The file's own column titles, as written (merged two-row headers: "Năm sinh › Nam"). */
  titles: string[];
  saving: boolean; onSave(mapping: Mapping): void; onCancel(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Mapping>(mapping as Mapping);
  const lastTitled = titles.reduce((last, title, i) => (title.trim() ? i : last), -1);
  const lastColumn = Math.max(lastTitled, Math.max(0, ...Object.values(mapping)) + (lastTitled >= 0 ? 0 : 6));
  const columns = Array.from({ length: lastColumn + 1 }, (_, i) => i);
  const set = (field: (typeof COLUMN_FIELDS)[number], value: string) => {
    const next = { ...draft };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setDraft(next);
  };
  return (
    <form className="mapping-editor" data-testid="mapping-editor" onSubmit={(e) => { e.preventDefault(); onSave(draft); }}>
      <table className="table compact">
        <thead><tr><th>{t('imports.mappingField')}</th><th>{t('imports.mappingColumn')}</th></tr></thead>
        <tbody>
          {COLUMN_FIELDS.map((field) => {
            const label = t(`imports.columnFields.${field}`, { defaultValue: field });
            return (
              <tr key={field}>
                <td><label htmlFor={`map-${field}`}>{label}</label></td>
                <td>
                  <select id={`map-${field}`} data-testid={`mapping-select-${field}`} value={draft[field] ?? ''} onChange={(e) => set(field, e.target.value)}>
                    <option value="">{t('imports.notInFile')}</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {titles[c]?.trim() ? t('imports.columnWithTitle', { letter: columnLetter(c), title: titles[c] }) : t('imports.column', { letter: columnLetter(c), n: c + 1 })}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="submit" className="primary" data-testid="mapping-save" disabled={saving}>{saving ? t('common.loading') : t('imports.saveMapping')}</button>
        <button type="button" onClick={onCancel} disabled={saving}>{t('imports.cancelMapping')}</button>
      </div>
    </form>
  );
}

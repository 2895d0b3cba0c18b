import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';
import { CATEGORY_GROUPS, type CategoryGroupCode } from '../../shared/contract/imports';
import type { FileCategory } from './import-types';

const LABEL_MAX = 200;

/**
 * A list without a category column is one category's list: the clerk chooses the category for the whole file
 * (a group, and the label each person gets — the group's name when left empty). Without a choice those rows are
 * recorded without a category. Applying reads the file again, so the counts and the sample show the choice.
 */
export function FileCategoryPicker({ count, chosen, busy, onApply }: {
  /** Rows of the file that name no category of their own. */
  count: number; chosen: FileCategory | null; busy: boolean; onApply(category: FileCategory | null): void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(chosen === null);
  const [group, setGroup] = useState<CategoryGroupCode | ''>(chosen?.group ?? '');
  const [label, setLabel] = useState(chosen?.label ?? '');
  const [fieldError, setFieldError] = useState<{ field: 'group' | 'label'; message: string } | null>(null);

  function apply() {
    if (!group) {
      setFieldError({ field: 'group', message: t('imports.fileCategory.groupRequired') });
      return;
    }
    if (label.trim().length > LABEL_MAX) {
      setFieldError({ field: 'label', message: t('imports.fileCategory.labelTooLong', { max: LABEL_MAX }) });
      return;
    }
    setFieldError(null);
    setEditing(false);
    onApply({ group, label: label.trim() });
  }

  return (
    <section className="panel attention file-category" data-testid="file-category" aria-labelledby="file-category-title">
      <h2 id="file-category-title">{t('imports.fileCategory.title', { count: formatCount(count) })}</h2>
      {chosen && !editing ? (
        <p data-testid="file-category-chosen">
          {t('imports.fileCategory.chosen', { group: t(`categoryGroups.${chosen.group}`), label: chosen.label || t(`categoryGroups.${chosen.group}`) })}{' '}
          <button type="button" className="link-button" disabled={busy} onClick={() => setEditing(true)} data-testid="file-category-change">{t('imports.fileCategory.change')}</button>{' '}
          <button type="button" className="link-button" disabled={busy} onClick={() => { setGroup(''); setLabel(''); setEditing(true); onApply(null); }}
            data-testid="file-category-clear">{t('imports.fileCategory.clear')}</button>
        </p>
      ) : (
        <>
          <p className="muted">{t('imports.fileCategory.intro')}</p>
          <div className="form-row">
            <div>
              <label htmlFor="file-category-group">{t('imports.fileCategory.group')}</label>
              <select id="file-category-group" value={group} data-testid="file-category-group" aria-invalid={fieldError?.field === 'group'}
                aria-describedby={fieldError?.field === 'group' ? 'file-category-error' : undefined}
                onChange={(e) => { setGroup(e.target.value as CategoryGroupCode | ''); setFieldError(null); }}>
                <option value="">{t('imports.fileCategory.noGroup')}</option>
                {CATEGORY_GROUPS.map((g) => <option key={g} value={g}>{t(`categoryGroups.${g}`)}</option>)}
              </select>
              {fieldError?.field === 'group' && <p className="field-error" id="file-category-error" role="alert" data-testid="file-category-error">{fieldError.message}</p>}
            </div>
            <div className="grow">
              <label htmlFor="file-category-label">{t('imports.fileCategory.label')}</label>
              <input id="file-category-label" type="text" value={label} placeholder={t('imports.fileCategory.labelPlaceholder')} data-testid="file-category-label"
                aria-invalid={fieldError?.field === 'label'} aria-describedby={fieldError?.field === 'label' ? 'file-category-error' : undefined}
                onChange={(e) => { setLabel(e.target.value); setFieldError(null); }} />
              {fieldError?.field === 'label' && <p className="field-error" id="file-category-error" role="alert" data-testid="file-category-error">{fieldError.message}</p>}
            </div>
          </div>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={apply} data-testid="file-category-apply">{t('imports.fileCategory.apply')}</button>
            {chosen && <button type="button" disabled={busy} onClick={() => { setGroup(chosen.group); setLabel(chosen.label); setFieldError(null); setEditing(false); }}>{t('imports.fileCategory.keep')}</button>}
          </div>
          {!chosen && <p className="muted small" data-testid="file-category-none">{t('imports.fileCategory.none')}</p>}
        </>
      )}
    </section>
  );
}

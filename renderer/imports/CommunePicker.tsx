import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../../shared/text/fold';
import type { CommuneChoice } from './import-types';

type Commune = CommuneChoice['communes'][number];

/**
 * An office above the commune says which of its communes a list is for, before anything is read into the register.
 * The commune the file's title names ("UBND xã …") is proposed; the clerk may choose another of the office's.
 */
export function CommunePicker({ choice, onChoose, onCancel }: { choice: CommuneChoice; onChoose(unit: Commune): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string>(choice.proposedId ?? '');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const shown = useMemo(() => {
    const f = foldVietnamese(filter.trim());
    return f ? choice.communes.filter((c) => foldVietnamese(c.name).includes(f) || c.code.startsWith(filter.trim()) || c.id === chosen) : choice.communes;
  }, [choice.communes, filter, chosen]);
  const proposed = choice.communes.find((c) => c.id === choice.proposedId);

  function submit(e: FormEvent) {
    e.preventDefault();
    const unit = choice.communes.find((c) => c.id === chosen);
    if (!unit) return setError(t('imports.commune.required'));
    onChoose(unit);
  }

  return (
    <form className="panel commune-choice form" onSubmit={submit} noValidate data-testid="import-commune-choice" aria-labelledby="commune-title">
      <h2 id="commune-title">{t('imports.commune.title')}</h2>
      <p className="muted">{t('imports.commune.intro')}</p>
      {proposed && choice.titleLine && (
        <p className="notice" data-testid="import-commune-proposed">{t('imports.commune.proposed', { name: proposed.name, line: choice.titleLine })}</p>
      )}
      {!proposed && <p className="muted" data-testid="import-commune-none">{t('imports.commune.noneProposed')}</p>}
      <label htmlFor="commune-filter">{t('imports.commune.filter')}</label>
      <input id="commune-filter" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('imports.commune.filterPlaceholder')} data-testid="import-commune-filter" />
      <label htmlFor="commune-select">{t('imports.commune.label')}</label>
      <select id="commune-select" value={chosen} size={Math.min(8, Math.max(2, shown.length + 1))} aria-invalid={Boolean(error)}
        aria-describedby={error ? 'commune-error' : undefined} data-testid="import-commune-select"
        onChange={(e) => { setChosen(e.target.value); setError(null); }}>
        <option value="">{t('imports.commune.placeholder')}</option>
        {shown.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
      {error && <span className="field-error" id="commune-error" role="alert" data-testid="import-commune-error">{error}</span>}
      <div className="button-row">
        <button type="submit" className="primary" data-testid="import-commune-continue">{t('imports.commune.continue')}</button>
        <button type="button" onClick={onCancel}>{t('imports.cancelPreview')}</button>
      </div>
    </form>
  );
}

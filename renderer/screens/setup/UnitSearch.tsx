import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitMatch } from '../../../shared/contract/setup';
import { useAppSession } from '../../session/app-session';
import { useDebounced } from '../../beneficiaries/use-debounced';
import { messageOf } from '../../api/call-error';

/** Type-ahead over the official units in force: "an lão" → the communes of that name, each with its province. */
export function UnitSearch({ level, label, onChoose, error }: {
  level: 'commune' | 'province';
  label: string;
  onChoose: (unit: UnitMatch) => void;
  error?: string | null;
}) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 200);
  const [found, setFound] = useState<{ query: string; units: UnitMatch[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const inputId = useId();
  const listId = useId();

  useEffect(() => {
    if (!settled) {
      setFound(null);
      return;
    }
    let current = true;
    client.call('units.search', { query: settled, levels: [level], limit: 20 })
      .then((units) => { if (current) { setFound({ query: settled, units }); setFailure(null); } })
      .catch((e) => { if (current) setFailure(messageOf(e)); });
    return () => { current = false; };
  }, [client, settled, level]);

  const units = found?.units ?? [];
  return (
    <div className="unit-search">
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" value={query} autoComplete="off" role="combobox" aria-expanded={units.length > 0}
        aria-controls={listId} aria-describedby={`${inputId}-hint`} onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the only candidate; it never sends the form from here.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (units.length === 1) onChoose(units[0]);
        }}
        placeholder={level === 'commune' ? t('setup.communePlaceholder') : t('setup.provincePlaceholder')} />
      <small id={`${inputId}-hint`} className="hint">{t('setup.searchHint')}</small>
      {(error || failure) && <p className="field-error" role="alert">{error || failure}</p>}
      {found && units.length === 0 && <p className="muted" role="status">{t('setup.noMatch', { query: found.query })}</p>}
      {units.length > 0 && (
        <ul id={listId} role="listbox" aria-label={label} className="unit-options">
          {units.map((u) => (
            <li key={u.id} role="option" aria-selected={false} tabIndex={0} data-testid="unit-option"
              onClick={() => onChoose(u)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onChoose(u); } }}>
              <span>{u.name}</span>
              {u.level === 'commune' && <span className="muted"> · {u.provinceName}</span>}
              <span className="unit-code">{t('setup.code', { code: u.code })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { facetsOutput } from '../../shared/contract/beneficiaries';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { isFiltered, NO_FILTERS, type ListFilters } from './list-filters';
import { categoryGroupLabel } from './row-cells';
import { can } from '../../shared/contract/roles';
import { ExportPanel } from '../exports/ExportPanel';
import { formatDateTime } from '../../shared/format/dates';

type Facets = z.infer<typeof facetsOutput>;

interface Props {
  filters: ListFilters;
  onChange(filters: ListFilters): void;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  /** How many rows the list shows now (null while loading): what "export the filtered list" will write. */
  shown: { count: number; lowerBound: boolean } | null;
}

export function ListToolbar({ filters, onChange, searchRef, onSearchKeyDown, shown }: Props) {
  const { t } = useTranslation();
  const { client, phase } = useAppSession();
  const mayExport = phase.name === 'ready' && can(phase.session.user.role, 'lists.export');
  const [exporting, setExporting] = useState(false);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    client.call('beneficiaries.facets', {}).then((f) => live && setFacets(f), (e: unknown) => live && setError(messageOf(e)));
    return () => { live = false; };
  }, [client, attempt]);

  const importLabel = (i: Facets['imports'][number]) => [formatDateTime(i.at), i.fileName, i.userName].filter(Boolean).join(' · ');
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  const filtered = isFiltered(filters);

  return (
    <>
      <div className="toolbar">
        <div className="search-box">
          <label htmlFor="beneficiary-search">{t('list.searchLabel')}</label>
          <input id="beneficiary-search" ref={searchRef} type="search" data-testid="search" autoComplete="off" spellCheck={false}
            placeholder={t('list.searchPlaceholder')} value={filters.query} maxLength={100}
            onChange={(e) => set({ query: e.target.value })} onKeyDown={onSearchKeyDown} />
        </div>
        <div className="filter">
          <label htmlFor="filter-village">{t('list.village')}</label>
          <select id="filter-village" data-testid="filter-village" value={filters.village ?? ''} disabled={!facets}
            onChange={(e) => set({ village: e.target.value || null })}>
            <option value="">{t('list.allVillages')}</option>
            {facets?.villages.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="filter-category">{t('list.categoryGroup')}</label>
          <select id="filter-category" data-testid="filter-category" value={filters.categoryGroup ?? ''} disabled={!facets}
            onChange={(e) => set({ categoryGroup: e.target.value || null })}>
            <option value="">{t('list.allCategories')}</option>
            {facets?.categoryGroups.map((g) => (
              <option key={g.group} value={g.group}>{categoryGroupLabel(t, g.group)} ({g.count})</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="filter-status">{t('list.status')}</label>
          <select id="filter-status" data-testid="filter-status" value={filters.status ?? ''} disabled={!facets}
            onChange={(e) => set({ status: (e.target.value || null) as ListFilters['status'] })}>
            <option value="">{t('list.allStatuses')}</option>
            {facets?.statuses.map((s) => <option key={s.status} value={s.status}>{t(`status.${s.status}`)} ({s.count})</option>)}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="filter-import">{t('list.fromImport')}</label>
          <select id="filter-import" data-testid="filter-import" value={filters.fromImport ?? ''} disabled={!facets}
            onChange={(e) => set({ fromImport: e.target.value || null })}>
            <option value="">{t('list.anyImport')}</option>
            {facets?.imports.map((i) => (
              <option key={i.commandId} value={i.commandId}>{importLabel(i)}</option>
            ))}
          </select>
        </div>
        <div className="filter-checks" role="group" aria-label={t('list.moreFilters')}>
          <label className="check">
            <input type="checkbox" data-testid="filter-problems" checked={filters.hasProblems} onChange={(e) => set({ hasProblems: e.target.checked })} />
            {t('list.hasProblems')}
          </label>
          <label className="check">
            <input type="checkbox" data-testid="filter-needs-account" checked={filters.needsAccount} onChange={(e) => set({ needsAccount: e.target.checked })} />
            {t('list.needsAccount')}
          </label>
        </div>
        <button type="button" className="clear-filters" disabled={!filtered} onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort, descending: filters.descending })}>{t('list.clearFilters')}</button>
        {mayExport && (
          <button type="button" className="export-open" data-testid="export-open" aria-expanded={exporting} onClick={() => setExporting((x) => !x)}>
            {t('exports.open')}
          </button>
        )}
        {error && <ErrorMessage message={error} onRetry={() => { setError(null); setAttempt((a) => a + 1); }} retryLabel={t('common.retry')} />}
      </div>
      {exporting && <ExportPanel filters={filters} facets={facets} shown={shown} onClose={() => setExporting(false)} />}
    </>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';
import { ErrorMessage } from '../screens/ErrorMessage';
import { sortedBy, type ListFilters } from './list-filters';
import { ListToolbar } from './ListToolbar';
import { COLUMNS, RowCells } from './row-cells';
import { useBeneficiaryPages } from './use-beneficiary-pages';
import { useDebounced } from './use-debounced';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 38;
const TYPE_AHEAD_MS = 120;

interface Props {
  filters: ListFilters;
  onFiltersChange(filters: ListFilters): void;
  onOpen(id: string): void;
  /** Bumped when the detail view closes: focus comes back to the list. */
  focusToken: number;
  /** People picked for a bulk change (Ctrl+click or Space on a row). */
  picked?: ReadonlySet<string>;
  onTogglePick?(id: string): void;
}

export function BeneficiaryList({ filters, onFiltersChange, onOpen, focusToken, picked, onTogglePick }: Props) {
  const { t } = useTranslation();
  const query = useDebounced(filters.query, TYPE_AHEAD_MS);
  const effective = { ...filters, query };
  const pages = useBeneficiaryPages(effective);
  const { rows } = pages;
  const count = rows.count;

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => { pages.showRange(first, last); }, [first, last, pages.showRange]);

  // A new search starts at the top.
  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [pages.rows]);

  useEffect(() => {
    if (focusToken > 0) gridRef.current?.focus({ preventScroll: true });
  }, [focusToken]);

  function moveTo(index: number) {
    if (count === 0) return;
    const next = Math.min(Math.max(index, 0), count - 1);
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function openActive() {
    const row = rows.row(active);
    if (row) onOpen(row.id);
  }

  function onGridKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return; // a column header's sort button has the key
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(active + 1),
      ArrowUp: () => (active === 0 ? searchRef.current?.focus() : moveTo(active - 1)),
      PageDown: () => moveTo(active + pageRows),
      PageUp: () => moveTo(active - pageRows),
      ' ': () => { const row = rows.row(active); if (row && onTogglePick) onTogglePick(row.id); },
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: openActive,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  }

  function onSearchKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && count > 0) {
      e.preventDefault();
      gridRef.current?.focus();
      moveTo(0);
    } else if (e.key === 'Enter' && count > 0) {
      e.preventDefault();
      const row = rows.row(0);
      if (row) onOpen(row.id);
    }
  }

  // Busy from the first keystroke (while type-ahead waits for a pause) until the answer is on screen.
  const busy = pages.searching || query !== filters.query;
  const label = rows.countLabel;
  const countText = !rows.loaded
    ? t('common.loading')
    : label.lowerBound
      ? t('list.countLowerBound', { n: formatCount(label.count) })
      : t('list.count', { count: label.count, n: formatCount(label.count) });

  return (
    <section className="beneficiary-list" aria-labelledby="list-title">
      <h1 id="list-title" className="visually-hidden">{t('sections.beneficiaries')}</h1>
      <ListToolbar filters={filters} onChange={onFiltersChange} searchRef={searchRef} onSearchKeyDown={onSearchKeyDown}
        shown={rows.loaded ? rows.countLabel : null} />
      <div className="list-meta">
        <span data-testid="result-count" aria-live="polite" aria-busy={busy}>{countText}</span>
        <span className="muted">{t('list.keyboardHint')}</span>
      </div>
      <ErrorMessage message={pages.error} onRetry={pages.retry} retryLabel={t('common.retry')} />
      <div ref={gridRef} role="grid" className="grid" tabIndex={0} aria-label={t('list.tableLabel')} aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length} aria-activedescendant={count > 0 ? `beneficiary-row-${active}` : undefined}
        aria-busy={busy} data-testid="beneficiary-grid" onKeyDown={onGridKeyDown}>
        <div ref={scrollRef} className="grid-scroll">
          <div role="rowgroup" className="grid-head">
            <div role="row" aria-rowindex={1} className="grid-row head">
              {COLUMNS.map((c) => {
                const sort = 'sort' in c ? c.sort : null;
                const current = sort !== null && filters.sort === sort;
                const ariaSort = current ? (filters.descending ? 'descending' : 'ascending') : sort ? 'none' : undefined;
                return (
                  <div key={c.id} role="columnheader" className={`cell col-${c.id}`} aria-sort={ariaSort} data-col={c.id}>
                    {sort ? (
                      <button type="button" className="sort-header" data-testid={`sort-${c.id}`}
                        title={t('list.sortBy', { column: t(`list.columns.${c.id}`) })}
                        onClick={() => onFiltersChange(sortedBy(filters, sort))}>
                        <span className="cell-text">{t(`list.columns.${c.id}`)}</span>
                        <span className="sort-mark" aria-hidden="true">{current ? (filters.descending ? '▼' : '▲') : ''}</span>
                      </button>
                    ) : <span className="cell-text">{t(`list.columns.${c.id}`)}</span>}
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rows.row(item.index);
              const isActive = item.index === active;
              return (
                <div key={item.key} id={`beneficiary-row-${item.index}`} role="row" aria-rowindex={item.index + 2}
                  aria-selected={isActive} data-index={item.index} data-testid={row ? 'beneficiary-row' : 'beneficiary-row-loading'}
                  data-id={row?.id} className={`grid-row${isActive ? ' active' : ''}${item.index % 2 ? ' odd' : ''}${row && picked?.has(row.id) ? ' picked' : ''}`}
                  style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
                  onClick={(e) => {
                    setActive(item.index);
                    if (row && onTogglePick && (e.ctrlKey || e.metaKey)) onTogglePick(row.id);
                    else if (row) onOpen(row.id);
                  }}>
                  {row ? <RowCells row={row} index={item.index} t={t} /> : <div role="gridcell" className="cell loading-cell">{t('list.rowLoading')}</div>}
                </div>
              );
            })}
          </div>
          {rows.loaded && count === 0 && <p className="empty" data-testid="list-empty">{t('list.empty')}</p>}
        </div>
      </div>
    </section>
  );
}

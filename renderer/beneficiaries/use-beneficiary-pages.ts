import { useCallback, useEffect, useRef, useState } from 'react';
import type { BeneficiaryRow } from '../../shared/contract/beneficiaries';
import { messageOf } from '../api/call-error';
import { useAppSession } from '../session/app-session';
import { filterInput, filtersKey, type ListFilters } from './list-filters';
import { PagedRows } from './paged-rows';
import { onRegisterChanged } from './edit/register-changes';

export const PAGE_SIZE = 200;
/** While the scrollbar is dragged, wait for the visible range to settle before asking for pages. */
const SETTLE_MS = 40;

interface Store {
  key: string;
  filters: ListFilters;
  rows: PagedRows<BeneficiaryRow>;
}

export interface BeneficiaryPages {
  rows: PagedRows<BeneficiaryRow>;
  /** Bumped when a page arrives, so the list re-renders. */
  version: number;
  error: string | null;
  searching: boolean;
  /** Tell the loader which rows are on screen. */
  showRange(first: number, last: number): void;
  retry(): void;
}

const newStore = (filters: ListFilters): Store => ({ key: filtersKey(filters), filters, rows: new PagedRows(PAGE_SIZE) });

/** Pages of `beneficiaries.list` for one set of filters; a new filter set starts a new, empty memory. */
export function useBeneficiaryPages(filters: ListFilters): BeneficiaryPages {
  const { client } = useAppSession();
  const key = filtersKey(filters);
  const [store, setStore] = useState(() => newStore(filters));
  const storeRef = useRef(store);
  storeRef.current = store;
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const range = useRef<[number, number]>([0, 60]);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (storeRef.current.key !== key) {
      setStore(newStore(filters));
      setError(null);
    }
  }, [key]); // the key stands for the filters (a new object each render)

  const fetchPages = useCallback((s: Store, refresh = false) => {
    if (storeRef.current !== s) return; // a newer search replaced this one
    const [first, last] = range.current;
    for (const page of refresh ? s.rows.loadedPages() : s.rows.missingPages(first, last)) {
      s.rows.markPending(page);
      client.call('beneficiaries.list', { ...filterInput(s.filters), offset: s.rows.offsetOf(page), limit: s.rows.pageSize }).then((answer) => {
        s.rows.receive(page, answer);
        if (storeRef.current !== s) return;
        setVersion((v) => v + 1);
        fetchPages(s); // the visible range may have moved while this page was on its way
      }, (e: unknown) => {
        s.rows.failed(page);
        if (storeRef.current === s) setError(messageOf(e));
      });
    }
  }, [client]);
  const fetchMissing = useCallback((s: Store) => fetchPages(s), [fetchPages]);

  // An edit, a status change or an undo in this window: the pages on hand are asked again, keeping the scroll.
  useEffect(() => onRegisterChanged(() => fetchPages(storeRef.current, true)), [fetchPages]);

  // A new filter set: its first page at once, from the top.
  useEffect(() => {
    range.current = [0, Math.max(range.current[1] - range.current[0], 60)];
    fetchMissing(store);
  }, [store, fetchMissing]);

  const showRange = useCallback((first: number, last: number) => {
    range.current = [first, last];
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => fetchMissing(storeRef.current), SETTLE_MS);
  }, [fetchMissing]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const retry = useCallback(() => {
    setError(null);
    fetchMissing(storeRef.current);
  }, [fetchMissing]);

  return { rows: store.rows, version, error, searching: store.key !== key || !store.rows.loaded, showRange, retry };
}

import { useEffect, useState } from 'react';
import { messageOf } from '../api/call-error';

export const PAGE_SIZE = 50;

/** A page of rows from one call, reloaded when `key` (the filter) or the page changes; stale answers are dropped. */
export function usePagedCall<R>(load: (offset: number, limit: number) => Promise<{ total: number; rows: R[] }>, key: string) {
  const [page, setPage] = useState(0);
  const [state, setState] = useState<{ total: number; rows: R[]; loading: boolean; error: string | null }>({ total: 0, rows: [], loading: true, error: null });

  useEffect(() => { setPage(0); }, [key]);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load(page * PAGE_SIZE, PAGE_SIZE).then(
      (r) => { if (current) setState({ total: r.total, rows: r.rows, loading: false, error: null }); },
      (e) => { if (current) setState({ total: 0, rows: [], loading: false, error: messageOf(e) }); },
    );
    return () => { current = false; };
    // `key` stands for what `load` reads: a new `load` closure each render must not reload.
  }, [key, page]);

  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  return { ...state, page, pages, setPage };
}

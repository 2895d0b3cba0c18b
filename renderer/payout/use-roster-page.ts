import { useCallback, useEffect, useState } from 'react';
import type { RosterFilter, RosterView } from '../../shared/contract/payout';
import { CallError, messageOf } from '../api/call-error';
import { useAppSession } from '../session/app-session';

export const PAGE_SIZE = 100;

/** One page of a period's roster under a filter; `missing` when the period has no roster yet. */
export function useRosterPage(period: string, filter: RosterFilter, page: number) {
  const { client } = useAppSession();
  const [view, setView] = useState<RosterView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setView(await client.call('payout.get', { period, filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }));
      setMissing(false);
    } catch (e) {
      setView(null);
      if (e instanceof CallError && e.code === 'no-roster') setMissing(true);
      else setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, [client, period, filter, page]);
  useEffect(() => { void reload(); }, [reload]);
  return { view, missing, error, loading, reload };
}


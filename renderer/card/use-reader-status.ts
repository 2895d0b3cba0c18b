import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { cardReaderStatusSchema } from '../../shared/contract/card';
import { messageOf } from '../api/call-error';
import { useAppSession } from '../session/app-session';

export type ReaderStatus = z.infer<typeof cardReaderStatusSchema>;
export const POLL_MS = 2_000;

/**
 * The readers and whether a card is on them, asked every 2 s while the screen is open and the window is in use.
 * Not while locked or hidden: the polls would otherwise keep the main process's idle timer from ever running out.
 */
export function useReaderStatus(): { status: ReaderStatus | null; error: string | null } {
  const { client, phase } = useAppSession();
  const active = phase.name === 'ready';
  const [status, setStatus] = useState<ReaderStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const next = await client.call('card.status', {});
          if (!live) return;
          setStatus(next);
          setError(null);
        } catch (e) {
          if (live) setError(messageOf(e));
        }
      }
      if (live) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, active]);

  return { status, error };
}

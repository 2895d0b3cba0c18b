import { useEffect } from 'react';
import type { Visit } from '../../shared/contract/clinic';
import { useAppSession } from '../session/app-session';

/** While a visit's insurance lookup goes on in the background, asks for the visit again every few seconds. */
export function useVisitUpdates(visit: Visit | null, onUpdate: (v: Visit) => void, everyMs = 2000): void {
  const { client } = useAppSession();
  const id = visit?.insurance.pending ? visit.id : null;
  useEffect(() => {
    if (!id) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      client.call('clinic.visit', { id }).then((v) => { if (!stopped) onUpdate(v); }, () => { /* asked again at the next tick */ });
    }, everyMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [id, client, everyMs, onUpdate]);
}

import { useEffect } from 'react';
import { useAppSession } from './app-session';
import { IdleWatch } from './idle-watch';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/** While signed in: lock the screen after the session's idle minutes without input; keep the server's timer in step. */
export function useIdleLock(): void {
  const { phase, lock, client, subscribeContact } = useAppSession();
  const minutes = phase.name === 'ready' ? phase.session.idleLockMinutes : null;

  useEffect(() => {
    if (minutes === null) return;
    const watch = new IdleWatch(minutes * 60_000, Date.now());
    const onInput = () => watch.input(Date.now());
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    const unsubscribe = subscribeContact(() => watch.serverContact(Date.now()));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (watch.shouldLock(now)) lock();
      else if (watch.needsHeartbeat(now)) {
        watch.serverContact(now);
        client.call('auth.me', {}).catch(() => undefined); // a locked/expired answer reaches the session hooks
      }
    }, CHECK_EVERY_MS);
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [minutes, lock, client, subscribeContact]);
}

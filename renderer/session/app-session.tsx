import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { appInfoSchema, Session } from '../../shared/contract/accounts';
import { createClient, type ContractClient } from '../api/client';
import { messageOf, type SessionProblem } from '../api/call-error';
import type { Transport } from '../api/transport';

export type AppInfo = z.infer<typeof appInfoSchema>;

export type Phase =
  | { name: 'starting' }
  | { name: 'failed'; message: string }
  | { name: 'unlock-database'; info: AppInfo }
  | { name: 'setup'; info: AppInfo }
  | { name: 'login'; info: AppInfo; notice: string | null }
  | { name: 'ready'; info: AppInfo; session: Session }
  | { name: 'locked'; info: AppInfo; session: Session; notice: string | null };

interface AppSession {
  phase: Phase;
  client: ContractClient;
  /** Set after setup, login or unlock. */
  signedIn(session: Session): void;
  logout(): Promise<void>;
  lock(notice?: string | null): void;
  /** Called on every answered request: resets the idle heartbeat clock. */
  subscribeContact(listener: () => void): () => void;
  retryStart(): void;
}

const Context = createContext<AppSession | null>(null);

export function useAppSession(): AppSession {
  const value = useContext(Context);
  if (!value) throw new Error('useAppSession outside AppSessionProvider');
  return value;
}

export function AppSessionProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const contactListeners = useRef(new Set<() => void>());
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const onSessionProblem = useCallback((problem: SessionProblem, error: { messageVi: string }) => {
    const current = phaseRef.current;
    if (current.name !== 'ready' && current.name !== 'locked') return;
    if (problem === 'session-locked') setPhase({ name: 'locked', info: current.info, session: current.session, notice: error.messageVi });
    else setPhase({ name: 'login', info: current.info, notice: error.messageVi });
  }, []);

  const client = useMemo(() => createClient(transport, {
    onSessionProblem,
    onServerContact: () => contactListeners.current.forEach((l) => l()),
  }), [transport, onSessionProblem]);

  const start = useCallback(async () => {
    setPhase({ name: 'starting' });
    try {
      const info = await client.call('app.info', {});
      setPhase(info.needsUnlock ? { name: 'unlock-database', info } : info.needsSetup ? { name: 'setup', info } : { name: 'login', info, notice: null });
    } catch (e) {
      setPhase({ name: 'failed', message: messageOf(e) });
    }
  }, [client]);

  useEffect(() => { void start(); }, [start]);

  const value = useMemo<AppSession>(() => ({
    phase,
    client,
    signedIn(session) {
      const current = phaseRef.current;
      if (current.name === 'starting' || current.name === 'failed') return;
      const ready = (info: AppInfo) => setPhase({ name: 'ready', info, session });
      // Setup has just named the office's unit: ask again so that the header (and the login after) shows it.
      if (current.name === 'setup') void client.call('app.info', {}).then(ready, () => ready({ ...current.info, needsSetup: false }));
      else ready({ ...current.info, needsSetup: false });
    },
    async logout() {
      const current = phaseRef.current;
      try {
        if (client.hasSession()) await client.call('auth.logout', {});
      } catch {
        // the session may already be gone on the server; the window forgets it either way
      }
      client.forgetSession();
      if (current.name === 'ready' || current.name === 'locked') setPhase({ name: 'login', info: current.info, notice: null });
    },
    lock(notice = null) {
      const current = phaseRef.current;
      if (current.name === 'ready') setPhase({ name: 'locked', info: current.info, session: current.session, notice });
    },
    subscribeContact(listener) {
      contactListeners.current.add(listener);
      return () => contactListeners.current.delete(listener);
    },
    retryStart() { void start(); },
  }), [phase, client, start]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

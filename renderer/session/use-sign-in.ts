import { useState } from 'react';
import type { Session } from '../../shared/contract/accounts';
import { messageOf } from '../api/call-error';
import { useAppSession } from './app-session';

/** The submit of the login, unlock and first-start forms: one call that yields a session, busy while it runs. */
export function useSignIn() {
  const { signedIn } = useAppSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn(request: () => Promise<Session>, onFailure?: () => void): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      signedIn(await request());
    } catch (err) {
      setError(messageOf(err));
      onFailure?.();
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, setError, signIn };
}

// Someone changed the register from this window (a save, a status change, an undo): lists showing it fetch again.
const listeners = new Set<() => void>();

export function notifyRegisterChanged(): void {
  for (const listener of listeners) listener();
}

export function onRegisterChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

import { randomUUID } from 'node:crypto';
import type { CardReadResult } from '../card/read-card';
import { AppError } from '../core/errors';

/**
 * Card reads are kept in memory only, for the few minutes a clerk needs to compare and decide; the renderer
 * refers to a read by id and never sends card data back to be trusted. Nothing of a read reaches the disk
 * unless the clerk accepts values or saves the photo.
 */
export function createRecentCardReads(ttlMs = 15 * 60_000, now: () => number = Date.now) {
  /** `rest`: the photo still being read, for a read answered before it; its whole result replaces the kept one. */
  type Kept = { result: CardReadResult; userId: string | null; at: number; rest?: Promise<PhotoOutcome> };
  const reads = new Map<string, Kept>();

  function sweep() {
    for (const [id, r] of reads) if (now() - r.at > ttlMs) reads.delete(id);
  }

  function owned(id: string, userId: string | null) {
    sweep();
    const r = reads.get(id);
    if (!r || r.userId !== userId) {
      throw new AppError('card-read-expired', 'Lần đọc thẻ này đã hết hạn. Hãy đọc lại thẻ.', 'This card read has expired. Read the card again.');
    }
    return r;
  }

  return {
    keep(result: CardReadResult, userId: string | null, rest?: Promise<CardReadResult>): string {
      sweep();
      const id = randomUUID();
      const kept: Kept = { result, userId, at: now() };
      if (rest) {
        kept.rest = rest.then((whole): PhotoOutcome => {
          kept.result = whole;
          return { result: whole, failure: null };
        }, (e: unknown): PhotoOutcome => ({ result: kept.result, failure: e instanceof AppError ? e : null }));
      }
      reads.set(id, kept);
      return id;
    },
    /** The read once its photo is in (at once for a read that waited for it); a photo that failed says why. */
    async photo(id: string, userId: string | null): Promise<PhotoOutcome> {
      const r = owned(id, userId);
      return r.rest ? r.rest : { result: r.result, failure: null };
    },
    /** A read belongs to the user who made it. */
    get(id: string, userId: string | null): CardReadResult {
      return owned(id, userId).result;
    },
  };
}

export type RecentCardReads = ReturnType<typeof createRecentCardReads>;

export interface PhotoOutcome {
  result: CardReadResult;
  /** Why the photo could not be read (the card pulled out…); null when it was, or when the chip has none. */
  failure: AppError | null;
}

import { randomUUID } from 'node:crypto';
import type { CardReadResult } from '../card/read-card';
import { AppError } from '../core/errors';

/**
 * Card reads are kept in memory only, for the few minutes a clerk needs to compare and decide; the renderer
 * refers to a read by id and never sends card data back to be trusted. Nothing of a read reaches the disk
 * unless the clerk accepts values or saves the photo.
 */
export function createRecentCardReads(ttlMs = 15 * 60_000, now: () => number = Date.now) {
  const reads = new Map<string, { result: CardReadResult; userId: string | null; at: number }>();

  function sweep() {
    for (const [id, r] of reads) if (now() - r.at > ttlMs) reads.delete(id);
  }

  return {
    keep(result: CardReadResult, userId: string | null): string {
      sweep();
      const id = randomUUID();
      reads.set(id, { result, userId, at: now() });
      return id;
    },
    /** A read belongs to the user who made it. */
    get(id: string, userId: string | null): CardReadResult {
      sweep();
      const r = reads.get(id);
      if (!r || r.userId !== userId) {
        throw new AppError('card-read-expired', 'Lần đọc thẻ này đã hết hạn. Hãy đọc lại thẻ.', 'This card read has expired. Read the card again.');
      }
      return r.result;
    },
  };
}

export type RecentCardReads = ReturnType<typeof createRecentCardReads>;

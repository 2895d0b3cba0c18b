import type { AppDatabase } from '../core/database/open-database';
import { recordAudit } from '../core/audit';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';
import { CardError } from './card-channel';
import { listCscaCertificates } from './csca-store';
import { PcscReaders, type ReaderInfo } from './pcsc/pcsc-readers';
import { ReaderUnavailableError } from './pcsc/reader-unavailable-error';
import { readCard, type CardAccessKey, type CardReadResult } from './read-card';

export type CardReadPurpose = 'verify' | 'new-record' | 'clinic-check-in' | 'cli';

export interface CardReaderStatus {
  availability: 'starting' | 'ready' | 'no-driver' | 'no-service' | 'closed';
  readers: { name: string; cardPresent: boolean; contactless: boolean }[];
}

/**
 * The one place the app reads a chip card: waits for a card on the chosen reader, reads it, and records in the
 * audit trail who read whose card and for what — never the card's contents, and only a keyed hash of the ID in logs.
 */
export function createCardReadService(db: AppDatabase, options: { readers?: PcscReaders; waitForCardMs?: number } = {}) {
  let readers = options.readers;
  const pcsc = () => (readers ??= new PcscReaders().start());
  // One read at a time: a read answered before its photo goes on reading it, and the next patient's read waits for
  // it to end (a few seconds at most) instead of meeting a card the reader is still busy with.
  let busy: Promise<void> = Promise.resolve();

  function toAppError(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof ReaderUnavailableError) return new AppError(`reader-${e.reason}`, e.message, `Card reader unavailable (${e.reason}).`);
    if (e instanceof CardError) {
      // A card error's message is "Vietnamese / English": each language gets its own half.
      const [vi, en] = e.message.split(' / ');
      return new AppError(`card-${e.code}`, vi!, en ?? `Card read failed (${e.code}).`);
    }
    return new AppError('card-failed', 'Không đọc được thẻ. Hãy đặt lại thẻ và thử lại.', 'Card read failed.');
  }

  return {
    status(): CardReaderStatus {
      const r = pcsc();
      return { availability: r.availability(), readers: r.readers().map((x: ReaderInfo) => ({ name: x.name, cardPresent: x.cardPresent, contactless: x.contactless })) };
    },

    async read(
      actor: Actor,
      input: { reader?: string; access: CardAccessKey; purpose: CardReadPurpose; readPhoto?: boolean },
      onIdentity?: (person: CardReadResult['person']) => void,
      onVerified?: (result: CardReadResult) => void,
    ): Promise<CardReadResult> {
      let result: CardReadResult;
      // A read answered before its photo (onVerified) is recorded then: the identity was read and used.
      let recorded = false;
      const record = (r: CardReadResult, photo?: 'pending') => recordAudit(db, actor, {
        action: 'card-read',
        subject: r.person.idNumber,
        detail: { purpose: input.purpose, access: r.access, verified: r.verified, ...(photo ? { photo } : {}) },
      });
      const early = onVerified && ((r: CardReadResult) => {
        record(r, 'pending');
        recorded = true;
        onVerified(r);
      });
      const previous = busy;
      let ended: () => void = () => undefined;
      busy = new Promise<void>((resolve) => { ended = resolve; });
      try {
        await previous;
        const r = pcsc();
        const reader = await r.waitForCard({ reader: input.reader, timeoutMs: options.waitForCardMs ?? 8_000 });
        const channel = await r.connect(reader.name);
        try {
          // The administrator's imported CSCAs, read at each card so an import takes effect at once.
          result = await readCard(channel, input.access, { cscaCertificates: listCscaCertificates(db), readPhoto: input.readPhoto ?? true, onIdentity, onVerified: early });
        } finally {
          await channel.close();
        }
      } catch (e) {
        const error = toAppError(e);
        recordAudit(db, actor, { action: 'card-read-failed', detail: { purpose: input.purpose, code: error.code, ...(recorded ? { part: 'photo' } : {}) } });
        throw error;
      } finally {
        ended();
      }
      if (!recorded) record(result);
      return result;
    },

    close: () => readers?.close(),
  };
}

export type CardReadService = ReturnType<typeof createCardReadService>;


import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { vietnamDay } from '../excel/export-office';
import { beneficiaryTable } from '../registry/synced-tables';
import type { MismatchFilter, MismatchItem } from '../../shared/contract/identity';
import { setMatchingStatus, settleMatchingStatus } from './matching-status';
import { queueItems, queueItemsById } from './mismatch-queue-queries';
import { mismatchTable } from './synced-tables';
import { unverifyField, verifyField } from './verification';

// Decisions on the mismatch queue, each one command in the change log (so it shows in the history and can be undone).

export type Decision = 'accept' | 'keep' | 'resolve' | 'resend';

/** Fields whose value a decision may write into the record, and how a queued text becomes the record's value. */
const WRITABLE: Record<string, (text: string) => string | number | null> = {
  fullName: (t) => t, birth: (t) => (/^\d{4}(-\d{2}-\d{2})?$/.test(t) ? t : null), sex: (t) => (t === 'M' || t === 'F' ? t : null),
  idNumber: (t) => (/^\d{12}$/.test(t) ? t : null), oldIdNumber: (t) => (/^\d{9}$/.test(t) ? t : null),
  hometown: (t) => t, permanentAddress: (t) => t, ethnicity: (t) => t, village: (t) => t,
  monthlyAmount: (t) => (/^\d+$/.test(t) ? Number(t) : null), categoryLabel: (t) => t,
};

const STATUS_OF: Record<Decision, string> = { accept: 'accepted', keep: 'kept', resolve: 'resolved', resend: 'resend' };

function valueToAccept(item: MismatchItem): string | number | null {
  if (item.kind !== 'differs' || !item.field || item.sourceValue == null) return null;
  return WRITABLE[item.field]?.(item.sourceValue) ?? null;
}

export function createMismatchDecisions(db: AppDatabase) {
  const sqlite = db.sqlite;

  function decide(actor: Actor, items: MismatchItem[], decision: Decision, note: string | null, bulk: boolean) {
    if (decision === 'keep' && !note) {
      throw new AppError('mismatch-keep-needs-note', 'Giữ thông tin của xã cần ghi chú: người dân cần điều chỉnh gì tại công an.', 'Keeping ours needs a note.');
    }
    const open = items.filter((i) => i.status === 'open');
    const doable = decision === 'accept' ? open.filter((i) => valueToAccept(i) !== null) : open;
    if (!doable.length) return { decided: 0, skipped: items.length, commandId: null };
    const now = new Date();
    const { day, month, year } = vietnamDay(now);
    const today = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const { commandId } = runCommand(db, actor, `mismatch-${decision}`, (w) => {
      const people = new Set<string>();
      for (const item of doable) {
        people.add(item.beneficiaryId);
        if (decision === 'accept') {
          w.update(beneficiaryTable, item.beneficiaryId, { [item.field!]: valueToAccept(item) });
          const batchId = item.batch ? (sqlite.prepare('SELECT id FROM matching_batches WHERE number = ?').pluck().get(item.batch) as string | null) : null;
          if (item.source === 'population') verifyField(w, item.beneficiaryId, item.field!, { source: 'population', batchId, userId: actor.userId, at: now.toISOString() });
          // A value from a chip read kept for later (its trust not known now), a list or typing replaces a verified one
          // only by a person's decision: no longer verified.
          else unverifyField(w, item.beneficiaryId, item.field!);
        }
        w.update(mismatchTable, item.id, { status: STATUS_OF[decision], ...(note ? { note } : {}) });
        if (decision === 'resend') setMatchingStatus(w, item.beneficiaryId, { resend: 1 }, today);
      }
      for (const id of people) settleMatchingStatus(w, sqlite, id, today);
      w.summary = { decision, items: doable.length, people: people.size, ...(note ? { reason: note } : {}), ...(bulk ? { bulk: true } : {}) };
    });
    return { decided: doable.length, skipped: items.length - doable.length, commandId };
  }

  return {
    decide(actor: Actor, unitIds: readonly string[] | null, ids: readonly string[], decision: Decision, note: string | null) {
      const items = queueItemsById(sqlite, unitIds, ids);
      if (items.length !== new Set(ids).size) throw new AppError('not-found', 'Có mục không tìm thấy (có thể ngoài địa bàn của bạn); chưa quyết định gì.', 'Some items were not found.');
      return decide(actor, items, decision, note, false);
    },
    /** One decision for every open item the filter finds, in one command. */
    decideAll(actor: Actor, unitIds: readonly string[] | null, filter: MismatchFilter, decision: Decision, note: string | null) {
      const items = queueItems(sqlite, unitIds, { ...filter, status: 'open' }, 100_000);
      return decide(actor, items, decision, note, true);
    },
  };
}

export type MismatchDecisions = ReturnType<typeof createMismatchDecisions>;

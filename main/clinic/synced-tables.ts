import { defineSyncedTable } from '../core/synced-tables';
import { clinicVisits } from './tables';

/** Written through the write path like any record, but local-only: see LOCAL_ONLY_ENTITIES (shared/sync/protocol.ts). */
export const clinicVisitTable = defineSyncedTable(clinicVisits);

import { defineSyncedTable } from '../core/synced-tables';
import { clinicVisits } from './tables';

export const clinicVisitTable = defineSyncedTable(clinicVisits);

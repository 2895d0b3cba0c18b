import { defineSyncedTable } from '../core/synced-tables';
import { columnMappings } from './tables';

export const columnMappingTable = defineSyncedTable(columnMappings);

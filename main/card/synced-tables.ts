import { defineSyncedTable } from '../core/synced-tables';
import { cscaCertificates } from './tables';

export const cscaCertificateTable = defineSyncedTable(cscaCertificates);

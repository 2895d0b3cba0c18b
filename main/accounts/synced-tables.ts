import { defineSyncedTable } from '../core/synced-tables';
import { users } from './tables';

export const userTable = defineSyncedTable(users, { secretFields: ['passwordHash'] });

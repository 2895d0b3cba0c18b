import { defineSyncedTable } from '../core/synced-tables';
import { amountChecks, entitlements, payoutLevels, payoutRegimes, payoutResults, rosterLines, rosters } from './tables';

export const payoutLevelTable = defineSyncedTable(payoutLevels);
export const payoutRegimeTable = defineSyncedTable(payoutRegimes);
export const entitlementTable = defineSyncedTable(entitlements);
export const rosterTable = defineSyncedTable(rosters);
export const rosterLineTable = defineSyncedTable(rosterLines);
export const payoutResultTable = defineSyncedTable(payoutResults);
export const amountCheckTable = defineSyncedTable(amountChecks);

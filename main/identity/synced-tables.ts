import { defineSyncedTable } from '../core/synced-tables';
import { beneficiaryPhotos, fieldVerifications, matchingBatches, matchingBatchPeople, matchingResultFiles, matchingStatuses, mismatches } from './tables';

export const mismatchTable = defineSyncedTable(mismatches);
export const beneficiaryPhotoTable = defineSyncedTable(beneficiaryPhotos);
export const fieldVerificationTable = defineSyncedTable(fieldVerifications);
export const matchingBatchTable = defineSyncedTable(matchingBatches);
export const matchingBatchPersonTable = defineSyncedTable(matchingBatchPeople);
export const matchingStatusTable = defineSyncedTable(matchingStatuses);
export const matchingResultFileTable = defineSyncedTable(matchingResultFiles);

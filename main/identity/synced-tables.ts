import { defineSyncedTable } from '../core/synced-tables';
import { beneficiaryPhotos, mismatches } from './tables';

export const mismatchTable = defineSyncedTable(mismatches);
export const beneficiaryPhotoTable = defineSyncedTable(beneficiaryPhotos);

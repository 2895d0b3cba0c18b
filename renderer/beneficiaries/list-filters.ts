import type { BENEFICIARY_STATUSES } from '../../shared/contract/beneficiaries';

export interface ListFilters {
  query: string;
  village: string | null;
  categoryGroup: string | null;
  status: (typeof BENEFICIARY_STATUSES)[number] | null;
}

export const NO_FILTERS: ListFilters = { query: '', village: null, categoryGroup: null, status: null };

export function filtersKey(f: ListFilters): string {
  return JSON.stringify([f.query.trim(), f.village, f.categoryGroup, f.status]);
}

import type { BENEFICIARY_STATUSES, ListFilterInput, ListSort } from '../../shared/contract/beneficiaries';

/** What the list shows: search, filters and order. The same object chooses the rows of "export the filtered list". */
export interface ListFilters {
  query: string;
  village: string | null;
  categoryGroup: string | null;
  status: (typeof BENEFICIARY_STATUSES)[number] | null;
  hasProblems: boolean;
  needsAccount: boolean;
  /** An import's command id ("từ lần nhập …"). */
  fromImport: string | null;
  sort: ListSort;
  descending: boolean;
}

export const NO_FILTERS: ListFilters = {
  query: '', village: null, categoryGroup: null, status: null, hasProblems: false, needsAccount: false, fromImport: null,
  sort: 'name', descending: false,
};

export function filtersKey(f: ListFilters): string {
  return JSON.stringify([f.query.trim(), f.village, f.categoryGroup, f.status, f.hasProblems, f.needsAccount, f.fromImport, f.sort, f.descending]);
}

/** Any filter narrowing the list (the order is not a filter). */
export function isFiltered(f: ListFilters): boolean {
  return f.query.trim() !== '' || f.village !== null || f.categoryGroup !== null || f.status !== null || f.hasProblems || f.needsAccount || f.fromImport !== null;
}

/** The contract's input for these filters. */
export function filterInput(f: ListFilters): ListFilterInput {
  return { ...f, query: f.query.trim() };
}

/** Clicking a column header: the same column turns the order round, another one sorts by it from the start. */
export function sortedBy(f: ListFilters, sort: ListSort): ListFilters {
  return { ...f, sort, descending: f.sort === sort ? !f.descending : false };
}

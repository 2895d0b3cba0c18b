import type { TFunction } from 'i18next';
import type { ImportChoice } from '../../shared/contract/beneficiaries';
import { formatDateTime } from '../../shared/format/dates';
import type { ListFilters } from '../beneficiaries/list-filters';

/** The list's filters in words, for the export panel: "Thôn Đông, có vấn đề cần sửa, sắp xếp theo Ngày sinh (giảm dần)". */
export function filterSummary(t: TFunction, f: ListFilters, imports: readonly ImportChoice[]): string[] {
  const parts: string[] = [];
  if (f.query.trim()) parts.push(t('exports.filter.query', { query: f.query.trim() }));
  if (f.village) parts.push(f.village);
  if (f.categoryGroup) parts.push(t(`categoryGroups.${f.categoryGroup}`, { defaultValue: f.categoryGroup }));
  if (f.status) parts.push(t(`status.${f.status}`));
  if (f.hasProblems) parts.push(t('exports.filter.hasProblems'));
  if (f.needsAccount) parts.push(t('exports.filter.needsAccount'));
  if (f.fromImport) {
    const i = imports.find((x) => x.commandId === f.fromImport);
    parts.push(t('exports.filter.fromImport', { what: i ? [i.fileName, formatDateTime(i.at)].filter(Boolean).join(', ') : '…' }));
  }
  if (f.sort !== 'name' || f.descending) {
    parts.push(t(f.descending ? 'exports.filter.sortedDesc' : 'exports.filter.sorted', { column: t(`list.columns.${f.sort === 'name' ? 'fullName' : f.sort}`) }));
  }
  return parts;
}

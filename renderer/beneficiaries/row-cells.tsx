import type { TFunction } from 'i18next';
import type { BeneficiaryRow, ListSort } from '../../shared/contract/beneficiaries';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { formatCount, formatVnd } from '../../shared/format/money';

/** The list's columns, and the order each header click asks for (the row number and sex sort nothing). */
export const COLUMNS = [
  { id: 'number' }, { id: 'fullName', sort: 'name' }, { id: 'birth', sort: 'birth' }, { id: 'sex' },
  { id: 'idNumber', sort: 'idNumber' }, { id: 'village', sort: 'village' }, { id: 'category', sort: 'category' },
  { id: 'amount', sort: 'amount' }, { id: 'channel', sort: 'channel' }, { id: 'status', sort: 'status' },
  { id: 'problems', sort: 'problems' },
] as const satisfies readonly { id: string; sort?: ListSort }[];

export function categoryGroupLabel(t: TFunction, group: string): string {
  return t(`categoryGroups.${group}`, { defaultValue: group });
}

/** The cells of one list row; `index` is its place in the list (the row number shown). */
export function RowCells({ row, index, t }: { row: BeneficiaryRow; index: number; t: TFunction }) {
  const category = `${categoryGroupLabel(t, row.categoryGroup)}: ${row.categoryLabel}`;
  return (
    <>
      <div role="gridcell" className="cell num row-number" data-col="number">{formatCount(index + 1)}</div>
      <div role="gridcell" className="cell name" data-col="fullName" title={row.fullName}><span className="cell-text">{row.fullName}</span></div>
      <div role="gridcell" className="cell num" data-col="birth">{formatBirth(row.birth)}</div>
      <div role="gridcell" className="cell" data-col="sex">{row.sex ? t(`sex.${row.sex}`) : ''}</div>
      <div role="gridcell" className="cell mono" data-col="idNumber">{formatIdNumber(row.idNumber)}</div>
      <div role="gridcell" className="cell" data-col="village" title={row.village ?? undefined}><span className="cell-text">{row.village ?? ''}</span></div>
      {/* Long labels ("Thân nhân của người hoạt động kháng chiến bị nhiễm chất độc hóa học") wrap on two lines; the whole text is in the tooltip. */}
      <div role="gridcell" className="cell category" data-col="category" title={category}>
        {/* The groups' short tags (NCC, TNCC, BTXH) are the offices' own; "OTHER" is ours, said in words. */}
        <span className={`group-tag group-${row.categoryGroup}`}>{row.categoryGroup === 'OTHER' ? categoryGroupLabel(t, 'OTHER') : row.categoryGroup}</span>
        <span className="cell-text wrap-2">{row.categoryLabel}</span>
      </div>
      <div role="gridcell" className="cell num amount" data-col="amount">{formatVnd(row.monthlyAmount)}</div>
      <div role="gridcell" className="cell" data-col="channel"><span className="cell-text">{t(`channel.${row.paymentChannel}`)}</span></div>
      <div role="gridcell" className="cell" data-col="status"><span className={`status status-${row.status}`}>{t(`status.${row.status}`)}</span></div>
      <div role="gridcell" className="cell problems" data-col="problems">
        {row.problemCount > 0 && <span className="problem-dot" title={t('list.problemCount', { count: row.problemCount })}>{row.problemCount}</span>}
      </div>
    </>
  );
}

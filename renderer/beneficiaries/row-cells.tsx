import type { TFunction } from 'i18next';
import type { BeneficiaryRow } from '../../shared/contract/beneficiaries';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { formatVnd } from '../../shared/format/money';

export const COLUMNS = ['fullName', 'birth', 'sex', 'idNumber', 'village', 'category', 'amount', 'channel', 'status'] as const;

export function categoryGroupLabel(t: TFunction, group: string): string {
  return t(`categoryGroups.${group}`, { defaultValue: group });
}

/** The nine cells of one list row. */
export function RowCells({ row, t }: { row: BeneficiaryRow; t: TFunction }) {
  return (
    <>
      <div role="gridcell" className="cell name" data-col="fullName">
        <span className="cell-text">{row.fullName}</span>
        {row.problemCount > 0 && <span className="problem-dot" title={t('detail.problems')} aria-label={t('detail.problems')}>{row.problemCount}</span>}
      </div>
      <div role="gridcell" className="cell num" data-col="birth">{formatBirth(row.birth)}</div>
      <div role="gridcell" className="cell" data-col="sex">{row.sex ? t(`sex.${row.sex}`) : ''}</div>
      <div role="gridcell" className="cell mono" data-col="idNumber">{formatIdNumber(row.idNumber)}</div>
      <div role="gridcell" className="cell" data-col="village"><span className="cell-text">{row.village ?? ''}</span></div>
      <div role="gridcell" className="cell" data-col="category" title={`${categoryGroupLabel(t, row.categoryGroup)}: ${row.categoryLabel}`}>
        <span className={`group-tag group-${row.categoryGroup}`}>{row.categoryGroup}</span>
        <span className="cell-text">{row.categoryLabel}</span>
      </div>
      <div role="gridcell" className="cell num amount" data-col="amount">{formatVnd(row.monthlyAmount)}</div>
      <div role="gridcell" className="cell" data-col="channel"><span className="cell-text">{t(`channel.${row.paymentChannel}`)}</span></div>
      <div role="gridcell" className="cell" data-col="status"><span className={`status status-${row.status}`}>{t(`status.${row.status}`)}</span></div>
    </>
  );
}

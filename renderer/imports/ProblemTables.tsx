import { useTranslation } from 'react-i18next';
import { fieldLabel, valueText } from '../beneficiaries/history-values';
import { formatCount } from '../../shared/format/money';
import { sheetName, type ChosenFile, type ListedElsewhere, type NeedsFixing, type VerifiedDifference } from './import-types';

/** Rows drawn at most; a list of thousands of problems says how many more there are instead. */
const SHOWN = 300;

/**
 * What the import could not store: the row, the person, the column and the value the file had there, and why.
 * With `onFix`, each row of a record opens that record's form at the field.
 */
export function NeedsFixingTable({ rows, file, onFix, onAdd }: {
  rows: NeedsFixing[]; file: ChosenFile | string; onFix?(row: NeedsFixing): void;
  /** A row the import could not record (no name): the clerk adds the person from it. */
  onAdd?(row: NeedsFixing): void;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted" data-testid="needs-fixing-none">{t('imports.noNeedsFixing')}</p>;
  const sheet = (name: string) => (typeof file === 'string' ? (/^[0-9a-f-]{36}$/.test(name) ? file : name) : sheetName(name, file));
  return (
    <>
      <p className="muted">{t('imports.needsFixingIntro')}</p>
      <div className="table-scroll">
        <table className="table compact needs-fixing" data-testid="needs-fixing">
          <thead>
            <tr>
              <th className="num">{t('imports.fixColumns.row')}</th><th>{t('imports.fixColumns.person')}</th>
              <th>{t('imports.fixColumns.field')}</th><th>{t('imports.fixColumns.value')}</th>
              <th>{t('imports.fixColumns.message')}</th>{onFix && <th />}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((p, i) => {
              const field = t(`imports.columnFields.${p.field}`, { defaultValue: fieldLabel(t, p.field) });
              return (
                <tr key={`${p.sheet}-${p.row}-${p.field}-${i}`} data-testid="needs-fixing-row">
                  <td className="num nowrap">{sheet(p.sheet)} · {p.row}</td>
                  <td data-testid="needs-fixing-person">{p.fullName ?? <span className="muted">{t('imports.notImported')}</span>}</td>
                  <td>{field}</td>
                  <td className="wrap" data-testid="needs-fixing-value">
                    {p.value ? <span className="rejected-cell mono">{p.value}</span> : <span className="muted">{t('common.none')}</span>}
                    {p.column && <span className="muted column-name"> ({t('imports.fixColumns.column')}: {p.column})</span>}
                  </td>
                  <td className="wrap">{p.message}</td>
                  {onFix && (
                    <td className="nowrap">
                      {p.beneficiaryId && (
                        <button type="button" className="link-button" data-testid="needs-fixing-fix" onClick={() => onFix(p)}
                          aria-label={t('imports.fixRowLabel', { field, name: p.fullName ?? '' })}>{t('imports.fixRow')}</button>
                      )}
                      {!p.beneficiaryId && p.rowValues && onAdd && (
                        <button type="button" className="link-button" data-testid="needs-fixing-add" onClick={() => onAdd(p)}
                          aria-label={t('imports.addFromRowLabel', { row: p.row })}>{t('imports.addFromRow')}</button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="muted">{t('imports.moreRows', { n: formatCount(rows.length - SHOWN) })}</p>}
    </>
  );
}

export function VerifiedDifferencesTable({ rows, file, onOpenRecord }: { rows: VerifiedDifference[]; file: ChosenFile; onOpenRecord(id: string): void }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('imports.verifiedIntro')}</p>
      <div className="table-scroll">
        <table className="table compact" data-testid="verified-differences">
          <thead>
            <tr>
              <th>{t('imports.verifiedColumns.row')}</th><th>{t('imports.verifiedColumns.field')}</th>
              <th>{t('imports.verifiedColumns.verifiedBy')}</th><th>{t('imports.verifiedColumns.stored')}</th>
              <th>{t('imports.verifiedColumns.inFile')}</th><th>{t('imports.verifiedColumns.person')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((d, i) => (
              <tr key={`${d.beneficiaryId}-${d.field}-${i}`} data-testid="verified-difference-row">
                <td className="num">{sheetName(d.sheet, file)} · {d.row}</td>
                <td>{fieldLabel(t, d.field)}</td>
                <td>{t(`detail.verified.${d.verifiedBy}`, { defaultValue: d.verifiedBy })}</td>
                <td className="kept-value">{valueText(t, d.field, d.stored)}</td>
                <td className="file-value">{valueText(t, d.field, d.inFile)}</td>
                <td><button type="button" className="link-button" onClick={() => onOpenRecord(d.beneficiaryId)}>{t('imports.openRecord')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="muted">{t('imports.moreRows', { n: formatCount(rows.length - SHOWN) })}</p>}
    </>
  );
}

/** People of the list already on another commune's register: left alone; only the file's own values are shown. */
export function ElsewhereTable({ rows, file }: { rows: ListedElsewhere[]; file: ChosenFile }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('imports.elsewhereIntro')}</p>
      <div className="table-scroll">
        <table className="table compact" data-testid="listed-elsewhere">
          <thead>
            <tr><th className="num">{t('imports.elsewhereColumns.row')}</th><th>{t('imports.elsewhereColumns.fullName')}</th><th>{t('imports.elsewhereColumns.where')}</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((p, i) => (
              <tr key={`${p.sheet}-${p.row}-${i}`} data-testid="listed-elsewhere-row">
                <td className="num">{sheetName(p.sheet, file)} · {p.row}</td>
                <td>{p.fullName}</td>
                <td>{p.unitName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && <p className="muted">{t('imports.moreRows', { n: formatCount(rows.length - SHOWN) })}</p>}
    </>
  );
}

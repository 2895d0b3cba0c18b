import { useTranslation } from 'react-i18next';
import { fieldLabel, valueText } from '../beneficiaries/history-values';
import { formatCount } from '../../shared/format/money';
import { sheetName, type ChosenFile, type ListedElsewhere, type NeedsFixing, type VerifiedDifference } from './import-types';

/** Rows drawn at most; a list of thousands of problems says how many more there are instead. */
const SHOWN = 300;

export function NeedsFixingTable({ rows, file }: { rows: NeedsFixing[]; file: ChosenFile }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted" data-testid="needs-fixing-none">{t('imports.noNeedsFixing')}</p>;
  return (
    <>
      <p className="muted">{t('imports.needsFixingIntro')}</p>
      <div className="table-scroll">
        <table className="table compact" data-testid="needs-fixing">
          <thead>
            <tr>
              <th>{t('imports.fixColumns.sheet')}</th><th className="num">{t('imports.fixColumns.row')}</th>
              <th>{t('imports.fixColumns.field')}</th><th>{t('imports.fixColumns.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((p, i) => (
              <tr key={`${p.sheet}-${p.row}-${p.field}-${i}`} data-testid="needs-fixing-row">
                <td>{sheetName(p.sheet, file)}</td>
                <td className="num">{p.row}</td>
                <td>{t(`imports.columnFields.${p.field}`, { defaultValue: fieldLabel(t, p.field) })}</td>
                <td>{p.message}</td>
              </tr>
            ))}
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

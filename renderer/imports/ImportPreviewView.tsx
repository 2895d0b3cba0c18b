import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { formatCount, formatVnd } from '../../shared/format/money';
import { sheetName, type ChosenFile, type FileCategory, type ImportPreview } from './import-types';
import { FileCategoryPicker } from './FileCategoryPicker';
import { ElsewhereTable, NeedsFixingTable, VerifiedDifferencesTable } from './ProblemTables';
import { columnLetter, mappingByColumn } from './sheet-columns';
import { MappingEditor } from './MappingEditor';

const ROW_KINDS = ['data', 'section', 'title', 'header', 'column-numbers', 'totals', 'signature', 'blank'] as const;

export function CountTiles({ counts }: { counts: { key: string; value: number; tone?: 'ok' | 'warn' | 'plain' }[] }) {
  const { t } = useTranslation();
  return (
    <div className="count-tiles">
      {counts.map((c) => (
        <div key={c.key} className={`count-tile tone-${c.tone ?? 'plain'}`} data-testid={`count-${c.key}`}>
          <span className="count-value num">{formatCount(c.value)}</span>
          <span className="count-label">{t(`imports.counts.${c.key}`)}</span>
        </div>
      ))}
    </div>
  );
}

/** What the file would do, before anything is written: sheets and columns found, counts, a sample, what needs fixing. */
export function ImportPreviewView({ preview, file, onOpenRecord, actions, onSaveMapping, onChooseCategory }: {
  preview: ImportPreview; file: ChosenFile; onOpenRecord(id: string): void; /** The commit button or question, under the counts. */ actions: ReactNode;
  /** The category chosen for the rows that name none (null: none), then the file read again. */
  onChooseCategory(category: FileCategory | null): void;
  /** Remember a corrected column mapping for this layout, then read the file again. */
  onSaveMapping(layout: string, mapping: Record<string, number>): Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <div className="import-preview" data-testid="import-preview">
      <CountTiles counts={[
        { key: 'records', value: preview.records },
        { key: 'imported', value: preview.imported, tone: 'ok' },
        { key: 'updated', value: preview.updated, tone: 'ok' },
        { key: 'unchanged', value: preview.unchanged },
        { key: 'needsFixing', value: preview.needsFixing.length, tone: preview.needsFixing.length ? 'warn' : 'plain' },
        { key: 'verifiedDifferences', value: preview.verifiedDifferences.length, tone: preview.verifiedDifferences.length ? 'warn' : 'plain' },
        ...(preview.elsewhere.length ? [{ key: 'elsewhere', value: preview.elsewhere.length, tone: 'warn' as const }] : []),
      ]} />
      {/* Said before the buttons that write: a list counted in thousands pays 1000 times what it shows. */}
      {preview.sheets.filter((sheet) => sheet.amountUnit !== 1).map((sheet) => (
        <p key={sheet.name} className="notice" data-testid="import-amount-unit">
          {preview.sheets.length > 1 && <strong>{t('imports.sheet', { name: sheetName(sheet.name, file) })}: </strong>}
          {t('imports.amountUnit', { unit: formatCount(sheet.amountUnit), example: formatCount(750 * sheet.amountUnit) })}
        </p>
      ))}
      {preview.withoutCategory > 0 && (
        <FileCategoryPicker key={file.fileRef} count={preview.withoutCategory} chosen={file.category ?? null} busy={false} onApply={onChooseCategory} />
      )}
      {actions}

      {preview.sheets.map((sheet) => (
        <section key={sheet.name} className="panel sheet-panel" data-testid="import-sheet" aria-label={t('imports.sheet', { name: sheetName(sheet.name, file) })}>
          <h2>{t('imports.sheet', { name: sheetName(sheet.name, file) })}</h2>
          {sheet.hidden ? <p className="notice" data-testid="import-hidden-sheet">{t('imports.hiddenSheet')}</p>
            : sheet.mapping === null ? <p className="notice">{t('imports.noHeader')}</p> : (
            <>
              <p className="muted" title={sheet.layout ?? undefined}>{t('imports.sheetFacts', { headerRow: sheet.headerRow ?? '—' })}</p>
              <div className="sheet-columns">
                <div>
                  <h3>{t('imports.mappingTitle')}</h3>
                  <table className="table compact mapping" data-testid="import-mapping">
                    <thead><tr><th>{t('imports.mappingField')}</th><th>{t('imports.mappingColumn')}</th><th>{t('imports.titleInFile')}</th></tr></thead>
                    <tbody>
                      {mappingByColumn(sheet.mapping).map(([field, column]) => (
                        <tr key={field} data-testid="mapping-row" data-field={field}>
                          <td>{t(`imports.columnFields.${field}`, { defaultValue: field })}</td>
                          <td className="num nowrap">{t('imports.column', { letter: columnLetter(column), n: column + 1 })}</td>
                          <td className="file-title" data-testid="mapping-title">{sheet.titles[column] ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="muted small">{t('imports.mappingNote')}</p>
                  {sheet.layout && editing !== sheet.name && (
                    <button type="button" data-testid="mapping-edit" onClick={() => setEditing(sheet.name)}>{t('imports.editMapping')}</button>
                  )}
                  {sheet.layout && editing === sheet.name && (
                    <MappingEditor mapping={sheet.mapping} titles={sheet.titles} saving={saving} onCancel={() => setEditing(null)} onSave={(mapping) => {
                      setSaving(true);
                      void onSaveMapping(sheet.layout!, mapping as Record<string, number>).finally(() => { setSaving(false); setEditing(null); });
                    }} />
                  )}
                </div>
                <div>
                  <h3>{t('imports.rowKindsTitle')}</h3>
                  <table className="table compact" data-testid="import-row-kinds">
                    <tbody>
                      {ROW_KINDS.filter((k) => sheet.rowKinds[k]).map((k) => (
                        <tr key={k} data-kind={k}>
                          <td>{t(`imports.rowKinds.${k}`)}</td>
                          <td className="num right">{formatCount(sheet.rowKinds[k] ?? 0)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </>
          )}
        </section>
      ))}

      {preview.elsewhere.length > 0 && (
        <section className="panel attention" aria-labelledby="elsewhere-title">
          <h2 id="elsewhere-title">{t('imports.elsewhereTitle', { count: preview.elsewhere.length })}</h2>
          <ElsewhereTable rows={preview.elsewhere} file={file} />
        </section>
      )}

      {preview.verifiedDifferences.length > 0 && (
        <section className="panel attention" aria-labelledby="verified-title">
          <h2 id="verified-title">{t('imports.verifiedTitle', { count: preview.verifiedDifferences.length })}</h2>
          <VerifiedDifferencesTable rows={preview.verifiedDifferences} file={file} onOpenRecord={onOpenRecord} />
        </section>
      )}

      <section className="panel" aria-labelledby="fix-title">
        <h2 id="fix-title">{t('imports.needsFixingTitle', { count: preview.needsFixing.length })}</h2>
        <NeedsFixingTable rows={preview.needsFixing} file={file} />
      </section>

      {preview.sample.length > 0 && (
        <section className="panel" aria-labelledby="sample-title">
          <h2 id="sample-title">{t('imports.sampleTitle', { count: preview.sample.length })}</h2>
          <div className="table-scroll tall">
            <table className="table compact" data-testid="import-sample">
              <thead>
                <tr>
                  <th className="num">{t('imports.sampleColumns.row')}</th><th>{t('imports.sampleColumns.fullName')}</th>
                  <th className="nowrap">{t('imports.sampleColumns.birth')}</th><th className="nowrap">{t('imports.sampleColumns.sex')}</th>
                  <th className="nowrap">{t('imports.sampleColumns.idNumber')}</th><th className="nowrap">{t('imports.sampleColumns.village')}</th>
                  <th>{t('imports.sampleColumns.category')}</th><th className="right">{t('imports.sampleColumns.amount')}</th>
                  <th>{t('imports.sampleColumns.account')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r, i) => (
                  <tr key={`${r.source.sheet}-${r.source.row}-${i}`} data-testid="sample-row" className={r.problems.length ? 'has-problem' : ''}>
                    <td className="num muted">{r.source.row}</td>
                    <td className="strong">{r.fullName}</td>
                    <td className="num nowrap">{formatBirth(r.birth)}</td>
                    <td className="nowrap">{r.sex ? t(`sex.${r.sex}`) : ''}</td>
                    <td className="mono nowrap">{formatIdNumber(r.idNumber ?? r.oldIdNumber)}</td>
                    <td className="nowrap">{r.village ?? ''}</td>
                    <td>{r.categoryLabel === null && file.category ? (
                      <span data-testid="sample-file-category"><span className={`group-tag group-${file.category.group}`}>{file.category.group}</span> {file.category.label || t(`categoryGroups.${file.category.group}`)} <span className="muted small">({t('imports.fileCategory.fromFile')})</span></span>
                    ) : <>{r.categoryGroup && <span className={`group-tag group-${r.categoryGroup}`}>{r.categoryGroup}</span>} {r.categoryLabel ?? ''}</>}</td>
                    <td className="num right nowrap">{formatVnd(r.monthlyAmount)}</td>
                    <td>{[r.accountNumber && <span key="n" className="mono">{r.accountNumber}</span>, r.bankName && <span key="b" className="muted">{r.bankName}</span>]
                      .filter(Boolean).flatMap((part, i) => (i ? [' · ', part] : [part]))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

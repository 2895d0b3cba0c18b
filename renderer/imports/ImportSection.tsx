import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { RecordOverlay } from '../beneficiaries/RecordOverlay';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { CommitProgress } from './CommitProgress';
import { FileDrop } from './FileDrop';
import { CountTiles, ImportPreviewView } from './ImportPreviewView';
import type { ChosenFile, CommuneChoice, FileCategory, ImportPreview, ImportReport, NeedsFixing, UndoReport } from './import-types';
import { CommunePicker } from './CommunePicker';
import { ImportHistory } from './ImportHistory';
import { ElsewhereTable } from './ProblemTables';
import { NeedsFixingPanel, rowKey } from './NeedsFixingPanel';
import { PersonForm } from '../beneficiaries/edit/PersonForm';
import { formValuesFromRow } from '../beneficiaries/edit/form-values';
import { UndoConflictList } from './UndoConflictList';
import { formatFileSize } from './sheet-columns';
import { useReadProgress } from './use-read-progress';

type Step =
  | { name: 'choose' }
  | { name: 'reading'; fileName: string; fileRef: string | null }
  /** An office above the commune says which commune the list is for. */
  | { name: 'commune'; file: ChosenFile; choice: CommuneChoice }
  | { name: 'preview'; file: ChosenFile; preview: ImportPreview; confirming: boolean }
  | { name: 'committing'; file: ChosenFile; preview: ImportPreview; since: number }
  | { name: 'done'; file: ChosenFile; report: ImportReport; undo: UndoStep }
  /** An earlier import's items still to fix, opened from the history. */
  | { name: 'fixing'; importId: string; fileName: string };

type UndoStep = { name: 'none' } | { name: 'confirming' } | { name: 'undoing' } | { name: 'undone'; report: UndoReport };

/** Nhập danh sách: choose a file → preview (nothing written) → confirm → commit (one transaction) → summary, undo. */
export function ImportSection({ onShowList }: { onShowList(): void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; field: string | null } | null>(null);
  const setOpenId = (id: string | null) => setOpen(id ? { id, field: null } : null);
  const fix = (row: NeedsFixing) => row.beneficiaryId && setOpen({ id: row.beneficiaryId, field: row.field });
  /** A row the import could not record, being added by hand; and those added (by rowKey), gone from the report. */
  const [adding, setAdding] = useState<NeedsFixing | null>(null);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const attempt = useRef(0);
  const rowsRead = useReadProgress(client, step.name === 'reading' ? step.fileRef : null);

  async function readFile(file: File) {
    const mine = ++attempt.current;
    setError(null);
    setStep({ name: 'reading', fileName: file.name, fileRef: null });
    try {
      const fileRef = await client.upload(file);
      if (mine === attempt.current) setStep({ name: 'reading', fileName: file.name, fileRef });
      const chosen: ChosenFile = { name: file.name, size: file.size, fileRef, unitId: null };
      const choice = await client.call('import.communes', { fileRef });
      if (mine !== attempt.current) return;
      if (choice.required) setStep({ name: 'commune', file: chosen, choice });
      else await previewFile(chosen, mine);
    } catch (e) {
      if (mine !== attempt.current) return;
      setError(`${file.name}: ${messageOf(e)}`);
      setStep({ name: 'choose' });
    }
  }

  async function previewFile(file: ChosenFile, mine = ++attempt.current) {
    setError(null);
    setStep({ name: 'reading', fileName: file.name, fileRef: file.fileRef });
    try {
      const preview = await client.call('import.preview', importArgs(file));
      if (mine === attempt.current) setStep({ name: 'preview', file, preview, confirming: false });
    } catch (e) {
      if (mine !== attempt.current) return;
      setError(`${file.name}: ${messageOf(e)}`);
      setStep({ name: 'choose' });
    }
  }

  async function saveMapping(file: ChosenFile, layout: string, mapping: Record<string, number>) {
    setError(null);
    try {
      await client.call('import.rememberMapping', { layout, mapping });
      const preview = await client.call('import.preview', importArgs(file));
      setStep({ name: 'preview', file, preview, confirming: false });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function commit(file: ChosenFile, preview: ImportPreview) {
    setError(null);
    setStep({ name: 'committing', file, preview, since: Date.now() });
    try {
      const report = await client.call('import.commit', importArgs(file));
      setStep({ name: 'done', file, report, undo: { name: 'none' } });
    } catch (e) {
      setError(messageOf(e)); // nothing was written: the transaction is all or nothing
      setStep({ name: 'preview', file, preview, confirming: false });
    }
  }

  async function undo(file: ChosenFile, report: ImportReport) {
    setError(null);
    setStep({ name: 'done', file, report, undo: { name: 'undoing' } });
    try {
      const undone = await client.call('import.undo', { importId: report.importId });
      setStep({ name: 'done', file, report, undo: { name: 'undone', report: undone } });
    } catch (e) {
      setError(messageOf(e));
      setStep({ name: 'done', file, report, undo: { name: 'none' } });
    }
  }

  const restart = () => {
    attempt.current++;
    setAdded(new Set());
    setError(null);
    setNotice(null);
    setStep({ name: 'choose' });
  };

  /** Gives up a previewed file: nothing is imported and the uploaded workbook is deleted at once. */
  async function cancel(file: ChosenFile) {
    restart();
    try {
      await client.call('import.cancel', { fileRef: file.fileRef });
      setNotice(t('imports.cancelled'));
    } catch (e) {
      setError(messageOf(e));
    }
  }
  const file = step.name === 'preview' || step.name === 'committing' || step.name === 'done' || step.name === 'commune' ? step.file : null;
  const format = step.name === 'done' ? step.report.format : step.name === 'preview' || step.name === 'committing' ? step.preview.format : null;

  return (
    <RecordOverlay openId={open?.id ?? null} editField={open?.field ?? null} onClose={() => setOpen(null)} layer={adding && (
      <section className="detail" data-testid="add-from-row" onKeyDown={(e) => { if (e.key === 'Escape') setAdding(null); }}>
        <div className="detail-top">
          <button type="button" className="back" onClick={() => setAdding(null)}>← {t('imports.backToReport')}</button>
        </div>
        <p className="muted" data-testid="add-from-row-intro">{t('imports.addFromRowIntro', { row: adding.row, message: adding.message })}</p>
        <PersonForm detail={null} initial={{ ...categoryValues(file?.category), ...formValuesFromRow(adding.rowValues) }} focusField="fullName" onCancel={() => setAdding(null)}
          onSaved={(id) => { setAdded((old) => new Set(old).add(rowKey(adding))); setAdding(null); setOpen({ id, field: null }); }} />
      </section>
    )}>
      <section className="import-page page" data-testid="import-section" aria-labelledby="import-title">
        <div className="page-head">
          <h1 id="import-title">{t('imports.title')}</h1>
          {step.name === 'fixing' && <button type="button" onClick={restart} data-testid="needs-fixing-back">{t('imports.backToImport')}</button>}
          {file && step.name !== 'committing' && (
            <button type="button" onClick={() => (step.name === 'preview' || step.name === 'commune' ? void cancel(step.file) : restart())} disabled={step.name === 'done' && step.undo.name === 'undoing'}>
              {step.name === 'done' ? t('imports.importAnother') : t('imports.chooseOther')}
            </button>
          )}
        </div>
        {file && (
          <p className="file-line" data-testid="import-file-line">
            {t('imports.fileLine', { name: file.name, size: formatFileSize(file.size), format: format ? t(`imports.formatNames.${format}`) : '' })}
            {file.unitName && <> · <span data-testid="import-commune">{t('imports.commune.for', { name: file.unitName })}</span></>}
          </p>
        )}
        <ErrorMessage message={error} />

        {step.name === 'choose' && (
          <>
            {notice && <p className="ok-text" role="status" data-testid="import-cancelled">{notice}</p>}
            <p className="lead">{t('imports.intro')}</p>
            <FileDrop onFile={(f) => void readFile(f)} />
            <ImportHistory onOpenRecord={setOpenId} onShowNeedsFixing={(entry) => setStep({ name: 'fixing', importId: entry.importId, fileName: entry.file })} />
          </>
        )}

        {step.name === 'reading' && (
          <div className="busy-panel" aria-busy="true" data-testid="import-reading">
            <span className="spinner" aria-hidden="true" />
            <div>
              <strong>{t(step.fileRef ? 'imports.reading' : 'imports.sending', { name: step.fileName })}</strong>
              <p className="muted">{t('imports.readingHint')}</p>
              {rowsRead !== null && <p className="muted num" role="status" data-testid="import-rows-read">{t('imports.rowsRead', { count: formatCount(rowsRead) })}</p>}
            </div>
          </div>
        )}

        {step.name === 'preview' && (
          <>
            <h2 className="step-title">{t('imports.previewTitle')}</h2>
            <ImportPreviewView preview={step.preview} file={step.file} onOpenRecord={setOpenId}
              onChooseCategory={(category) => void previewFile({ ...step.file, category })}
              onSaveMapping={(layout, mapping) => saveMapping(step.file, layout, mapping)} actions={
              <CommitBar step={step} onAsk={(confirming) => setStep({ ...step, confirming })} onCommit={() => void commit(step.file, step.preview)}
                onCancel={() => void cancel(step.file)} />
            } />
          </>
        )}

        {step.name === 'committing' && (
          <CommitProgress client={client} fileRef={step.file.fileRef} total={step.preview.records} since={step.since} />
        )}

        {step.name === 'commune' && (
          <CommunePicker choice={step.choice} onChoose={(unit) => void previewFile({ ...step.file, unitId: unit.id, unitName: unit.name })}
            onCancel={() => void cancel(step.file)} />
        )}

        {step.name === 'fixing' && (
          <section className="panel" data-testid="still-to-fix" aria-labelledby="still-title">
            <h2 id="still-title">{t('imports.stillToFixTitle', { file: step.fileName })}</h2>
            <p className="muted">{t('imports.stillToFixIntro')}</p>
            <NeedsFixingPanel importId={step.importId} reported={null} file={step.fileName} onFix={fix} />
          </section>
        )}

        {step.name === 'done' && (
          <section className="panel done-panel" data-testid="import-done" aria-labelledby="done-title">
            <h2 id="done-title" data-testid="import-done-title">{t(step.undo.name === 'undone' ? 'imports.undoneTitle' : 'imports.doneTitle')}</h2>
            <p className="lead" data-testid="import-summary">{t('imports.doneSummary', {
              imported: formatCount(step.report.imported), updated: formatCount(step.report.updated), unchanged: formatCount(step.report.unchanged),
            })}</p>
            {step.report.withoutCategory > 0 && (
              <p className={step.file.category ? 'muted' : 'notice'} data-testid="import-done-category">
                {step.file.category
                  ? t('imports.fileCategory.doneChosen', { count: formatCount(step.report.withoutCategory), label: step.file.category.label || t(`categoryGroups.${step.file.category.group}`) })
                  : t('imports.fileCategory.doneNone', { count: formatCount(step.report.withoutCategory) })}
              </p>
            )}
            <CountTiles counts={[
              { key: 'imported', value: step.report.imported, tone: 'ok' },
              { key: 'updated', value: step.report.updated, tone: 'ok' },
              { key: 'unchanged', value: step.report.unchanged },
              { key: 'needsFixing', value: step.report.needsFixing.length, tone: step.report.needsFixing.length ? 'warn' : 'plain' },
              { key: 'verifiedDifferences', value: step.report.verifiedDifferences.length, tone: step.report.verifiedDifferences.length ? 'warn' : 'plain' },
              ...(step.report.elsewhere.length ? [{ key: 'elsewhere', value: step.report.elsewhere.length, tone: 'warn' as const }] : []),
            ]} />
            <UndoArea step={step} onAsk={(name) => setStep({ ...step, undo: { name } })} onUndo={() => void undo(step.file, step.report)}
              onOpenRecord={setOpenId} onShowList={onShowList} />
            {step.report.elsewhere.length > 0 && (
              <>
                <h3>{t('imports.elsewhereTitle', { count: step.report.elsewhere.length })}</h3>
                <ElsewhereTable rows={step.report.elsewhere} file={step.file} />
              </>
            )}
            {step.report.needsFixing.length > 0 && (
              <>
                <h3>{t('imports.needsFixingTitle', { count: step.report.needsFixing.length })}</h3>
                <NeedsFixingPanel importId={step.report.importId} reported={step.report.needsFixing} file={step.file} onFix={fix}
                  onAdd={setAdding} added={added} />
              </>
            )}
          </section>
        )}
      </section>
    </RecordOverlay>
  );
}

/** The category chosen for the whole file, as a new person's form starts from it (a row's own category wins). */
function categoryValues(category: FileCategory | null | undefined): Partial<Record<'categoryGroup' | 'categoryLabel', string>> {
  return category ? { categoryGroup: category.group, categoryLabel: category.label } : {};
}

/** What the import methods take for a chosen file: where it lies, its name, its commune and the category chosen for it. */
function importArgs(file: ChosenFile) {
  return { fileRef: file.fileRef, fileName: file.name.slice(0, 255), unitId: file.unitId ?? null, category: file.category ?? null };
}

function CommitBar({ step, onAsk, onCommit, onCancel }: {
  step: Extract<Step, { name: 'preview' }>; onAsk(confirming: boolean): void; onCommit(): void; onCancel(): void;
}) {
  const { t } = useTranslation();
  const { preview } = step;
  const cancelButton = <button type="button" data-testid="import-cancel" onClick={onCancel}>{t('imports.cancelPreview')}</button>;
  if (preview.records === 0) return <><p className="notice" data-testid="import-nothing">{t('imports.nothingFound')}</p><div className="action-bar">{cancelButton}</div></>;
  if (preview.imported + preview.updated === 0) return <><p className="notice" data-testid="import-nothing">{t('imports.nothingChanges')}</p><div className="action-bar">{cancelButton}</div></>;
  if (!step.confirming) {
    return (
      <div className="action-bar">
        <button type="button" className="primary" data-testid="import-commit" onClick={() => onAsk(true)}>{t('imports.commit')}</button>
        {cancelButton}
      </div>
    );
  }
  return (
    <div className="confirm-box" role="alertdialog" aria-labelledby="confirm-q" aria-describedby="confirm-d" data-testid="import-confirm">
      <p id="confirm-q" className="confirm-question">
        {t('imports.confirmQuestion', { imported: formatCount(preview.imported), updated: formatCount(preview.updated) })}
      </p>
      <p id="confirm-d" className="muted">
        {t('imports.confirmDetails', { needsFixing: formatCount(preview.needsFixing.length), verified: formatCount(preview.verifiedDifferences.length) })}
      </p>
      <div className="button-row">
        <button type="button" className="primary" autoFocus data-testid="import-confirm-yes" onClick={onCommit}>{t('imports.confirmYes')}</button>
        <button type="button" onClick={() => onAsk(false)}>{t('imports.confirmNo')}</button>
      </div>
    </div>
  );
}

function UndoArea({ step, onAsk, onUndo, onOpenRecord, onShowList }: {
  step: Extract<Step, { name: 'done' }>; onAsk(name: 'none' | 'confirming'): void; onUndo(): void; onOpenRecord(id: string): void; onShowList(): void;
}) {
  const { t } = useTranslation();
  const { undo, report } = step;
  if (undo.name === 'undone') {
    return (
      <div className="undo-result" data-testid="import-undone">
        <p className="ok-text">{t('imports.undone', { reverted: formatCount(undo.report.reverted) })}</p>
        <UndoConflictList conflicts={undo.report.conflicts} onOpenRecord={onOpenRecord} />
        <div className="button-row"><button type="button" onClick={onShowList}>{t('imports.showList')}</button></div>
      </div>
    );
  }
  if (undo.name === 'confirming') {
    return (
      <div className="confirm-box danger" role="alertdialog" aria-labelledby="undo-q" data-testid="undo-confirm">
        <p id="undo-q" className="confirm-question">{t('imports.undoQuestion', { imported: formatCount(report.imported), updated: formatCount(report.updated) })}</p>
        <div className="button-row">
          <button type="button" className="primary danger" data-testid="undo-confirm-yes" onClick={onUndo}>{t('imports.undoYes')}</button>
          <button type="button" autoFocus onClick={() => onAsk('none')}>{t('imports.undoNo')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="button-row">
      <button type="button" className="primary" onClick={onShowList} data-testid="import-show-list">{t('imports.showList')}</button>
      <button type="button" data-testid="import-undo" disabled={undo.name === 'undoing'} aria-busy={undo.name === 'undoing'} onClick={() => onAsk('confirming')}>
        {undo.name === 'undoing' ? t('imports.undoing') : t('imports.undo')}
      </button>
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ConsolidationFile, ConsolidationReport, consolidationProgressSchema } from '../../shared/contract/consolidation';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { ImportHistory } from '../imports/ImportHistory';
import { FileChooser } from '../shell/FileChooser';

type Progress = z.output<typeof consolidationProgressSchema>;
interface Uploaded { fileRef: string; fileName: string; unitId: string | null }

/**
 * Tổng hợp danh sách: the office above the commune drops many communes' lists; each is recognised and previewed with
 * its counts (nothing written), a split commune waits for the clerk's choice, then all are imported, each its own
 * undoable import, with one progress over all files.
 */
export function ConsolidationSection() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [preview, setPreview] = useState<ConsolidationFile[] | null>(null);
  const [busy, setBusy] = useState<'reading' | 'writing' | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [report, setReport] = useState<ConsolidationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);

  useEffect(() => {
    if (busy !== 'writing') return undefined;
    const timer = setInterval(() => { void client.call('consolidation.progress', {}).then(setProgress).catch(() => undefined); }, 500);
    return () => clearInterval(timer);
  }, [busy, client]);

  async function read(list: Uploaded[]) {
    setError(null);
    setBusy('reading');
    try {
      setPreview((await client.call('consolidation.preview', { files: list })).files);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  async function choose(chosen: File[]) {
    if (!chosen.length) return;
    setReport(null);
    setError(null);
    setBusy('reading');
    try {
      const uploaded: Uploaded[] = [];
      for (const f of chosen) uploaded.push({ fileRef: await client.upload(f), fileName: f.name.slice(0, 255), unitId: null });
      setFiles(uploaded);
      await read(uploaded);
    } catch (e) {
      setError(messageOf(e));
      setBusy(null);
    }
  }

  function pick(fileRef: string, unitId: string) {
    const next = files.map((f) => (f.fileRef === fileRef ? { ...f, unitId: unitId || null } : f));
    setFiles(next);
    void read(next);
  }

  async function commit() {
    setError(null);
    setBusy('writing');
    setProgress(null);
    try {
      setReport(await client.call('consolidation.commit', { files }));
      setHistoryKey((k) => k + 1);
      setPreview(null);
      setFiles([]);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }

  const ready = preview?.filter((f) => f.status === 'ready') ?? [];
  const sum = (k: 'rows' | 'imported' | 'updated' | 'unchanged' | 'needsFixing' | 'listedElsewhere') => ready.reduce((s, f) => s + f[k], 0);
  return (
    <section className="consolidation" data-testid="consolidation-section">
      <h1>{t('consolidation.title')}</h1>
      <p className="muted">{t('consolidation.intro')}</p>
      <div className="file-drop">
        <FileChooser label={t('consolidation.choose')} multiple accept=".xlsx,.xls,.csv,.ansinh" disabled={busy !== null} testId="consolidation-files"
          onFiles={(files) => void choose(files)} />
      </div>
      {busy === 'reading' && <p role="status"><progress aria-label={t('consolidation.reading')} /> {t('consolidation.reading')}</p>}
      {busy === 'writing' && (
        <p role="status" data-testid="consolidation-progress">
          <progress max={Math.max(progress?.filesTotal ?? 1, 1)} value={progress?.filesDone ?? 0} aria-label={t('consolidation.writing')} />{' '}
          {progress ? t('consolidation.progress', progress) : t('consolidation.writing')}
        </p>
      )}
      <ErrorMessage message={error} />
      {preview && (
        <>
          <div className="table-scroll">
            <table data-testid="consolidation-preview">
              <thead>
                <tr>
                  <th>{t('consolidation.file')}</th><th>{t('consolidation.commune')}</th><th>{t('consolidation.period')}</th><th>{t('consolidation.rows')}</th>
                  <th>{t('consolidation.imported')}</th><th>{t('consolidation.updated')}</th><th>{t('consolidation.unchanged')}</th>
                  <th>{t('consolidation.needsFixing')}</th><th>{t('consolidation.listedElsewhere')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((f) => (
                  <tr key={f.fileRef} className={f.status} data-testid="consolidation-file">
                    <th scope="row">{f.file}</th>
                    <td>
                      {f.status === 'ready' && f.commune && <>{f.commune.name}{f.from && <div className="muted">{t('consolidation.from', { name: f.from.name })}</div>}</>}
                      {f.status === 'ready' && f.layout === 'sync-bundle' && <div className="muted" data-testid="consolidation-bundle">{t('consolidation.bundle', { what: f.evidence ?? '' })}</div>}
                      {f.status === 'choose' && (
                        <label>
                          <span className="field-error" role="alert">{f.reason}</span>
                          <select aria-label={t('consolidation.chooseCommune', { file: f.file })} defaultValue="" onChange={(e) => pick(f.fileRef, e.target.value)} data-testid="consolidation-choose">
                            <option value="">{t('consolidation.chooseCommune', { file: f.file })}</option>
                            {f.candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.code})</option>)}
                          </select>
                        </label>
                      )}
                      {f.status === 'refused' && <span className="field-error" role="alert">{f.reason}</span>}
                    </td>
                    <td>{f.period ?? ''}</td><td>{f.rows}</td><td>{f.imported}</td><td>{f.updated}</td><td>{f.unchanged}</td><td>{f.needsFixing}</td><td>{f.listedElsewhere}</td>
                  </tr>
                ))}
                <tr className="total">
                  <th scope="row">{t('consolidation.total', { files: ready.length })}</th><td /><td />
                  <td>{sum('rows')}</td><td>{sum('imported')}</td><td>{sum('updated')}</td><td>{sum('unchanged')}</td><td>{sum('needsFixing')}</td><td>{sum('listedElsewhere')}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p className="muted">{t('consolidation.nothingWritten')}</p>
          <button type="button" className="primary" disabled={busy !== null || ready.length === 0} onClick={() => void commit()} data-testid="consolidation-commit">
            {t('consolidation.commit', { files: ready.length })}
          </button>
        </>
      )}
      {report && (
        <div data-testid="consolidation-report" role="status">
          <p className="ok-text">{t('consolidation.done', { ...report.totals, queued: report.queued.added })}</p>
          <ul>
            {report.files.map((f) => <li key={f.importId}>{t('consolidation.fileDone', { file: f.file, commune: f.commune.name, imported: f.imported, updated: f.updated, unchanged: f.unchanged, elsewhere: f.listedElsewhere })}</li>)}
          </ul>
          {report.receipts.length > 0 && (
            <ul data-testid="consolidation-receipts">
              {report.receipts.map((r) => (
                <li key={r.file}>
                  {t('consolidation.receipt', { file: r.file })}{' '}
                  {r.downloadRef && <button type="button" onClick={() => void client.save(r.downloadRef!, r.fileName)}>{t('consolidation.saveReceipt')}</button>}
                </li>
              ))}
            </ul>
          )}
          {report.unrecognised.length > 0 && (
            <ul className="refused" data-testid="consolidation-refused">
              {report.unrecognised.map((u) => <li key={u.file}>{u.reason}</li>)}
            </ul>
          )}
          <p className="muted">{t('consolidation.undoHint')}</p>
        </div>
      )}
      <ImportHistory of="consolidation" refreshKey={historyKey} />
    </section>
  );
}

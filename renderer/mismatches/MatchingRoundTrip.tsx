import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchImportReport } from '../../shared/contract/identity';
import { formatCount } from '../../shared/format/money';
import { CallError, messageOf } from '../api/call-error';
import { fieldLabel } from '../beneficiaries/history-values';
import { useAppSession } from '../session/app-session';
import { FileChooser } from '../shell/FileChooser';

type SendState = { name: 'idle' } | { name: 'working' } | { name: 'needs-reason'; message: string } | { name: 'done'; batch: string; people: number } | { name: 'failed'; message: string };
type ResultState = { name: 'idle' } | { name: 'reading' } | { name: 'preview'; fileRef: string; fileName: string; report: MatchImportReport }
  | { name: 'done'; report: MatchImportReport } | { name: 'failed'; message: string };

/** Gửi đối chiếu và nhận kết quả: the batch for the police, and their results workbook taken back. */
export function MatchingRoundTrip({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [selection, setSelection] = useState<'pending' | 'all'>('pending');
  const [reason, setReason] = useState('');
  const [send, setSend] = useState<SendState>({ name: 'idle' });
  const [result, setResult] = useState<ResultState>({ name: 'idle' });

  async function sendBatch() {
    setSend({ name: 'working' });
    try {
      const made = await client.call('match.export', { selection, filters: null, unitId: null, reason: reason.trim() || null });
      await client.save(made.downloadRef, made.fileName);
      setSend({ name: 'done', batch: made.batch, people: made.people });
      onChanged();
    } catch (e) {
      if (e instanceof CallError && e.code === 'match-resend-needs-reason') setSend({ name: 'needs-reason', message: messageOf(e) });
      else setSend({ name: 'failed', message: messageOf(e) });
    }
  }

  async function readResults(file: File) {
    setResult({ name: 'reading' });
    try {
      const fileRef = await client.upload(file);
      const report = await client.call('match.import', { fileRef, fileName: file.name, preview: true });
      setResult({ name: 'preview', fileRef, fileName: file.name, report });
    } catch (e) {
      setResult({ name: 'failed', message: messageOf(e) });
    }
  }

  async function commit(fileRef: string, fileName: string) {
    setResult({ name: 'reading' });
    try {
      const report = await client.call('match.import', { fileRef, fileName, preview: false });
      setResult({ name: 'done', report });
      onChanged();
    } catch (e) {
      setResult({ name: 'failed', message: messageOf(e) });
    }
  }

  const report = result.name === 'preview' || result.name === 'done' ? result.report : null;
  return (
    <section className="panel" aria-labelledby="round-trip-title" data-testid="matching-round-trip">
      <h2 id="round-trip-title">{t('matching.title')}</h2>
      <div className="round-trip-grid">
        <div>
          <h3>{t('matching.sendTitle')}</h3>
          <fieldset disabled={send.name === 'working'}>
            <label><input type="radio" name="match-selection" checked={selection === 'pending'} onChange={() => setSelection('pending')} data-testid="match-selection-pending" /> {t('matching.pending')}</label><br />
            <label><input type="radio" name="match-selection" checked={selection === 'all'} onChange={() => setSelection('all')} data-testid="match-selection-all" /> {t('matching.all')}</label>
          </fieldset>
          {send.name === 'needs-reason' && (
            <div className="field">
              <label htmlFor="match-reason">{t('matching.reason')}</label>
              <input id="match-reason" data-testid="match-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!reason.trim()} aria-describedby="match-reason-error" />
              <p id="match-reason-error" className="field-error" role="alert">{send.message}</p>
            </div>
          )}
          <button type="button" className="primary" onClick={() => void sendBatch()} disabled={send.name === 'working'} data-testid="match-send">
            {send.name === 'working' ? t('common.loading') : t('matching.send')}
          </button>
          {send.name === 'done' && <p role="status" data-testid="match-sent">{t('matching.sent', { batch: send.batch, n: formatCount(send.people) })}</p>}
          {send.name === 'failed' && <p className="error" role="alert" data-testid="match-send-error">{send.message}</p>}
        </div>
        <div>
          <h3>{t('matching.resultsTitle')}</h3>
          <p className="muted small">{t('matching.resultsHelp')}</p>
          <FileChooser label={t('matching.chooseResults')} accept=".xlsx,.xls,.csv" testId="match-results-file" disabled={result.name === 'reading'}
            onFiles={([f]) => void readResults(f)} />
          {result.name === 'reading' && <p role="status">{t('common.loading')}</p>}
          {result.name === 'failed' && <p className="error" role="alert" data-testid="match-results-error">{result.message}</p>}
          {report && (
            <div data-testid="match-results-report">
              <p className="strong">{t(result.name === 'done' ? 'matching.imported' : 'matching.previewed', { batch: report.batch ?? '—', rows: formatCount(report.rows) })}</p>
              <p data-testid="match-results-counts">{t('matching.counts', {
                match: formatCount(report.counts.match), mismatch: formatCount(report.counts.mismatch),
                notfound: formatCount(report.counts.notfound), unlinked: formatCount(report.counts.unlinked),
              })}</p>
              {report.people.some((p) => p.outcome !== 'match' || p.spellingOnly.length || p.enriched.length) && (
                <ul className="compact-list">
                  {report.people.filter((p) => p.outcome !== 'match' || p.spellingOnly.length || p.enriched.length).slice(0, 30).map((p, i) => (
                    <li key={i}>
                      <strong>{p.fullName}</strong>: {t(`matching.outcomes.${p.outcome}`)}
                      {p.fields.length > 0 && <> — {t('matching.differs')}: {p.fields.map((f) => fieldLabel(t, f)).join(', ')}</>}
                      {p.spellingOnly.length > 0 && <> — {t('matching.spellingOnly')}: {p.spellingOnly.map((f) => fieldLabel(t, f)).join(', ')}</>}
                      {p.enriched.length > 0 && <> — {t('matching.enriched')}: {p.enriched.map((f) => fieldLabel(t, f)).join(', ')}</>}
                    </li>
                  ))}
                </ul>
              )}
              {report.unlinked.length > 0 && (
                <>
                  <p className="strong">{t('matching.unlinkedTitle', { n: formatCount(report.unlinked.length) })}</p>
                  <ul className="compact-list" data-testid="match-unlinked">
                    {report.unlinked.slice(0, 50).map((u, i) => <li key={i}>{t('matching.unlinkedRow', { sheet: u.sheet, row: u.row, name: u.fullName ?? '—' })}: {u.reason}</li>)}
                  </ul>
                </>
              )}
              {result.name === 'preview' && (
                <div className="actions">
                  <button type="button" className="primary" data-testid="match-results-commit" onClick={() => void commit(result.fileRef, result.fileName)}>{t('matching.commit')}</button>
                  <button type="button" onClick={() => setResult({ name: 'idle' })}>{t('matching.cancel')}</button>
                </div>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

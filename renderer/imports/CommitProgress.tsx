import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';
import type { ContractClient } from '../api/client';
import { useElapsedSeconds } from './use-elapsed-seconds';

const POLL_MS = 500;

/**
 * While an import is being written: a real progress bar (rows written of rows to write, asked of the services,
 * which go on answering while the import's worker writes) and a cancel that rolls the whole import back,
 * after a confirmation. The commit call itself reports the end (done, failed or cancelled).
 */
export function CommitProgress({ client, fileRef, total, since }: { client: ContractClient; fileRef: string; total: number; since: number }) {
  const { t } = useTranslation();
  const elapsed = useElapsedSeconds(since);
  const [written, setWritten] = useState(0);
  const [cancel, setCancel] = useState<'none' | 'confirming' | 'cancelling'>('none');

  useEffect(() => {
    let live = true;
    const timer = window.setInterval(() => {
      client.call('import.commitProgress', { fileRef }).then(
        (p) => { if (live && p) setWritten((w) => Math.max(w, p.written)); },
        () => undefined, // a courtesy: the commit's own answer reports any failure
      );
    }, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [client, fileRef]);

  async function confirmCancel() {
    setCancel('cancelling');
    try {
      await client.call('import.commitCancel', { fileRef });
    } catch {
      setCancel('none');
    }
  }

  const finishing = total > 0 && written >= total;
  return (
    <div className="busy-panel commit-progress" aria-busy="true" data-testid="import-committing">
      <div className="commit-progress-body">
        <strong>{t(cancel === 'cancelling' ? 'imports.commitCancelling' : 'imports.committing')}</strong>
        <progress max={Math.max(total, 1)} value={Math.min(written, total)} aria-label={t('imports.committing')} data-testid="import-commit-bar" />
        <p className="num" role="status" data-testid="import-commit-written">
          {finishing ? t('imports.commitFinishing') : t('imports.commitWritten', { written: formatCount(written), total: formatCount(total) })}
        </p>
        <p className="muted">{t('imports.committingHint')}</p>
        <p className="muted num">{t('imports.elapsed', { seconds: elapsed })}</p>
        {cancel === 'none' && !finishing && (
          <div className="button-row">
            <button type="button" data-testid="import-commit-cancel" onClick={() => setCancel('confirming')}>{t('imports.commitCancel')}</button>
          </div>
        )}
        {cancel === 'confirming' && (
          <div className="confirm-box danger" role="alertdialog" aria-labelledby="commit-cancel-q" data-testid="import-commit-cancel-confirm">
            <p id="commit-cancel-q" className="confirm-question">{t('imports.commitCancelQuestion')}</p>
            <div className="button-row">
              <button type="button" className="primary danger" data-testid="import-commit-cancel-yes" onClick={() => void confirmCancel()}>{t('imports.commitCancelYes')}</button>
              <button type="button" autoFocus onClick={() => setCancel('none')}>{t('imports.commitCancelNo')}</button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

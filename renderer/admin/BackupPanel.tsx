import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { useElapsedSeconds } from '../imports/use-elapsed-seconds';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';

type State =
  | { name: 'idle' }
  | { name: 'working'; since: number }
  | { name: 'done'; fileName: string; people: number; sizeMb: string; encrypted: boolean; saved: boolean }
  | { name: 'failed'; message: string };

/**
 * Quản trị → Sao lưu: a backup of the whole database while the app goes on, handed over as one file (still
 * encrypted: it opens again only with the office recovery passphrase, through `ansinh db restore`).
 */
export function BackupPanel() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [state, setState] = useState<State>({ name: 'idle' });
  const seconds = useElapsedSeconds(state.name === 'working' ? state.since : null);

  async function backUp() {
    setState({ name: 'working', since: Date.now() });
    try {
      const made = await client.call('database.backup', { utcOffsetMinutes: -new Date().getTimezoneOffset() });
      const saved = await client.save(made.downloadRef, made.fileName);
      const sizeMb = (made.sizeBytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
      setState({ name: 'done', fileName: made.fileName, people: made.people, sizeMb, encrypted: made.encrypted, saved });
    } catch (e) {
      setState({ name: 'failed', message: messageOf(e) });
    }
  }

  return (
    <div className="backup-panel" data-testid="backup-panel">
      <p>{t('admin.backup.intro')}</p>
      <p className="hint">{t('admin.backup.restoreHint')}</p>
      <button type="button" className="primary" onClick={backUp} disabled={state.name === 'working'}>{t('admin.backup.start')}</button>
      {state.name === 'working' && (
        <div className="backup-progress" role="status" aria-live="polite">
          <progress aria-label={t('admin.backup.working', { seconds })} />
          <span>{t('admin.backup.working', { seconds })}</span>
        </div>
      )}
      {state.name === 'done' && (
        <div role="status" data-testid="backup-result">
          <p>{state.saved
            ? t('admin.backup.done', { file: state.fileName, people: formatCount(state.people), size: state.sizeMb })
            : t('admin.backup.notSaved')}</p>
          {!state.encrypted && <p className="notice">{t('admin.backup.plain')}</p>}
        </div>
      )}
      {state.name === 'failed' && <ErrorMessage message={state.message} />}
    </div>
  );
}

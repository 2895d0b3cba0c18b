import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format/dates';
import { formatCount } from '../../shared/format/money';
import type { MethodOutput } from '../../shared/contract/methods';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import type { UndoReport } from './import-types';
import { UndoConflictList } from './UndoConflictList';

type Entry = MethodOutput<'import.history'>[number];
type Undo = { name: 'none' } | { name: 'confirming'; entry: Entry } | { name: 'undoing'; entry: Entry } | { name: 'undone'; entry: Entry; report: UndoReport };

/**
 * Các lần nhập: every import in the user's area, any of which its author or an administrator can undo (after a
 * confirmation). `of="consolidation"`: the lists the office above consolidated (Các lần tổng hợp), for district staff.
 */
export function ImportHistory({ onOpenRecord, onShowNeedsFixing, refreshKey = 0, of = 'import' }: {
  onOpenRecord?(id: string): void; onShowNeedsFixing?(entry: Entry): void; refreshKey?: number; of?: 'import' | 'consolidation';
}) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo>({ name: 'none' });

  const load = useCallback(async () => {
    try {
      setEntries(await client.call(of === 'consolidation' ? 'consolidation.history' : 'import.history', {}));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, of]);
  useEffect(() => { void load(); }, [load, refreshKey]);

  async function runUndo(entry: Entry) {
    setError(null);
    setUndo({ name: 'undoing', entry });
    try {
      const report = await client.call(of === 'consolidation' ? 'consolidation.undo' : 'import.undo', { importId: entry.importId });
      setUndo({ name: 'undone', entry, report });
      await load();
    } catch (e) {
      setError(messageOf(e));
      setUndo({ name: 'none' });
    }
  }

  return (
    <section className="panel import-history" data-testid="import-history" aria-labelledby="history-title">
      <h2 id="history-title">{t(of === 'consolidation' ? 'imports.history.consolidationTitle' : 'imports.history.title')}</h2>
      <p className="muted">{t(of === 'consolidation' ? 'imports.history.consolidationIntro' : 'imports.history.intro')}</p>
      <ErrorMessage message={error} />
      {undo.name === 'undone' && (
        <div className="undo-result" data-testid="history-undone" role="status">
          <p className="ok-text">{t('imports.history.undoneResult', { file: undo.entry.file, reverted: formatCount(undo.report.reverted) })}</p>
          <UndoConflictList conflicts={undo.report.conflicts} onOpenRecord={onOpenRecord} />
        </div>
      )}
      {undo.name === 'confirming' && (
        <div className="confirm-box danger" role="alertdialog" aria-labelledby="history-undo-q" data-testid="history-undo-confirm">
          <p id="history-undo-q" className="confirm-question">{t('imports.history.undoQuestion', {
            file: undo.entry.file, at: formatDateTime(undo.entry.at), imported: formatCount(undo.entry.imported), updated: formatCount(undo.entry.updated),
          })}</p>
          <div className="button-row">
            <button type="button" className="primary danger" data-testid="history-undo-yes" onClick={() => void runUndo(undo.entry)}>{t('imports.undoYes')}</button>
            <button type="button" autoFocus onClick={() => setUndo({ name: 'none' })}>{t('imports.undoNo')}</button>
          </div>
        </div>
      )}
      {entries === null ? <p className="muted">{t('imports.history.loading')}</p> : entries.length === 0 ? (
        <p className="muted" data-testid="history-empty">{t('imports.history.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact" data-testid="history-table">
            <thead>
              <tr>
                <th className="nowrap">{t('imports.history.columns.at')}</th><th>{t('imports.history.columns.file')}</th>
                <th>{t('imports.history.columns.user')}</th><th>{t('imports.history.columns.unit')}</th>
                <th>{t('imports.history.columns.counts')}</th><th>{t('imports.history.columns.state')}</th><th />
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.importId} data-testid="history-row" data-undone={e.undoneAt ? 'yes' : 'no'}>
                  <td className="num nowrap">{formatDateTime(e.at)}</td>
                  <td className="wrap">{e.file}</td>
                  <td>{e.userName ?? ''}</td>
                  <td>{e.unitName ?? ''}</td>
                  <td className="num">
                    {t('imports.history.counts', {
                      imported: formatCount(e.imported), updated: formatCount(e.updated), unchanged: formatCount(e.unchanged), needsFixing: formatCount(e.needsFixing),
                    })}
                    {e.elsewhere > 0 && <> · {t('imports.history.elsewhere', { count: e.elsewhere })}</>}
                  </td>
                  <td>{e.undoneAt ? t('imports.history.undone', { at: formatDateTime(e.undoneAt), by: e.undoneBy ?? '' }) : t('imports.history.standing')}</td>
                  <td className="nowrap">
                    {!e.undoneAt && e.needsFixing > 0 && onShowNeedsFixing && (
                      <button type="button" className="link-button" data-testid="history-needs-fixing" onClick={() => onShowNeedsFixing(e)}>
                        {t('imports.history.showNeedsFixing')}
                      </button>
                    )}
                    {!e.undoneAt && (
                      <button type="button" data-testid="history-undo" disabled={!e.mayUndo || undo.name === 'undoing'}
                        title={e.mayUndo ? undefined : t('imports.history.notYours')} onClick={() => setUndo({ name: 'confirming', entry: e })}>
                        {undo.name === 'undoing' && undo.entry.importId === e.importId ? t('imports.undoing') : t('imports.history.undo')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

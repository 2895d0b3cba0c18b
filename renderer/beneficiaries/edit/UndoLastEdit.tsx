import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail } from '../../../shared/contract/beneficiaries';
import { formatDateTime } from '../../../shared/format/dates';
import { messageOf } from '../../api/call-error';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { useAppSession } from '../../session/app-session';
import { notifyRegisterChanged } from './register-changes';

/** "Hoàn tác lần sửa cuối": asks first, says what it did (and which fields, changed again since, it left alone). */
export function UndoLastEdit({ detail, isAdministrator, onUndone }: { detail: BeneficiaryDetail; isAdministrator: boolean; onUndone(message: string): void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const last = detail.lastEdit;
  if (!last || !(last.mine || isAdministrator)) return null;

  async function undo() {
    setBusy(true);
    setError(null);
    try {
      const report = await client.call('beneficiaries.undoLastEdit', { id: detail.id });
      notifyRegisterChanged();
      setAsking(false);
      setBusy(false);
      const conflicts = report.conflicts.length ? ` ${t('edit.undoConflicts', { n: report.conflicts.length })}` : '';
      onUndone(t('edit.undone', { n: report.reverted }) + conflicts);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" onClick={() => setAsking(true)} disabled={asking} data-testid="undo-last-edit">↶ {t('edit.undoLast')}</button>
      {asking && (
        <div className="confirm-inline" role="alertdialog" aria-labelledby="undo-question" data-testid="undo-confirm">
          <p id="undo-question">{t('edit.undoConfirm', { at: formatDateTime(last.at), who: last.userName ?? t('detail.system') })}</p>
          <ErrorMessage message={error} />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void undo()} disabled={busy} aria-busy={busy} data-testid="undo-yes">{t('edit.yes')}</button>
            <button type="button" onClick={() => setAsking(false)} disabled={busy}>{t('edit.no')}</button>
          </div>
        </div>
      )}
    </>
  );
}

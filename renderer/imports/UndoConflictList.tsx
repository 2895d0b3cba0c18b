import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../beneficiaries/history-values';
import type { UndoReport } from './import-types';

/** What an undo left alone because it was changed since: whose record, which field, and a way to open it. */
export function UndoConflictList({ conflicts, onOpenRecord }: { conflicts: UndoReport['conflicts']; onOpenRecord?(id: string): void }) {
  const { t } = useTranslation();
  if (conflicts.length === 0) return null;
  return (
    <>
      <p className="notice">{t('imports.undoConflicts', { count: conflicts.length })}</p>
      <ul className="conflicts" data-testid="undo-conflicts">
        {conflicts.map((c, i) => (
          <li key={`${c.entityId}-${c.field}-${i}`} data-testid="undo-conflict">
            {c.personName && <strong>{c.personName}</strong>}
            {c.personName && ': '}
            {c.field === '*' ? t('imports.conflictRecordKept') : fieldLabel(t, c.entity === 'payment_accounts' ? `account.${c.field}` : c.field)}
            {c.beneficiaryId && onOpenRecord && <> · <button type="button" className="link-button" onClick={() => onOpenRecord(c.beneficiaryId!)}>{t('imports.openRecord')}</button></>}
          </li>
        ))}
      </ul>
    </>
  );
}

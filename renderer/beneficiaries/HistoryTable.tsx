import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/contract/beneficiaries';
import { formatDateTime } from '../../shared/format/dates';
import { commandLabel, fieldLabel, valueText } from './history-values';

/** The record's history from the change log, newest first. A creation lists the fields it set. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('detail.noHistory')}</p>;
  return (
    <table className="table history">
      <thead>
        <tr>
          <th>{t('detail.historyWhen')}</th><th>{t('detail.historyWho')}</th><th>{t('detail.historyCommand')}</th>
          <th>{t('detail.historyField')}</th><th>{t('detail.historyChange')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={i} data-testid="history-row">
            <td className="num">{formatDateTime(e.at)}</td>
            <td>{e.userName ?? t('detail.system')}</td>
            <td>{commandLabel(t, e.command)} <span className="muted">({t(`origins.${e.origin}`, { defaultValue: e.origin })})</span>
              {e.mergedFrom && <><br /><span className="muted small" data-testid="history-merged">{t('duplicates.fromMerged')}</span></>}</td>
            <td>{e.op === 'insert' ? t('detail.created') : e.op === 'tombstone' ? t('detail.removed') : fieldLabel(t, e.field)}</td>
            <td>{e.op === 'insert' ? <CreatedFields field={e.field} value={e.newValue} /> : (
              <><span className="old-value">{valueText(t, e.field, e.oldValue)}</span> → <span className="new-value">{valueText(t, e.field, e.newValue)}</span></>
            )}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CreatedFields({ field, value }: { field: string | null; value: unknown }) {
  const { t } = useTranslation();
  if (!value || typeof value !== 'object') return <>{valueText(t, field, value)}</>;
  const skip = new Set(['id', 'rev', 'deleted', 'sortKey', 'searchName', 'unitId', 'householdId', 'beneficiaryId', 'verified', 'problems']);
  const shown = Object.entries(value as Record<string, unknown>).filter(([k]) => !skip.has(k));
  return (
    <details>
      <summary>{t('detail.created')} ({shown.length})</summary>
      <ul className="created-fields">
        {shown.map(([k, v]) => <li key={k}><span className="muted">{fieldLabel(t, k)}:</span> {valueText(t, k, v)}</li>)}
      </ul>
    </details>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { onRegisterChanged } from '../beneficiaries/edit/register-changes';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import type { ChosenFile, NeedsFixing } from './import-types';
import { NeedsFixingTable } from './ProblemTables';

const itemKey = (p: { beneficiaryId?: string | null; field: string; code: string }) => `${p.beneficiaryId ?? ''}|${p.field}|${p.code}`;
/** A row the import could not record, by where it is in the file. */
export const rowKey = (p: { sheet: string; row: number }) => `${p.sheet}|${p.row}`;

/**
 * An import's needs-fixing list, kept true to the records: asked again (import.needsFixing) whenever the register
 * changes from this window, so an item fixed from here (or from the record) disappears. `reported`: the commit's
 * report, whose rows without a record (no name) stay listed; without it, the import's items still on its records.
 */
export function NeedsFixingPanel({ importId, reported, file, onFix, onAdd, added }: {
  importId: string; reported: NeedsFixing[] | null; file: ChosenFile | string; onFix(row: NeedsFixing): void;
  /** Add the person of a row the import could not record; `added`: those rows, once added (by rowKey). */
  onAdd?(row: NeedsFixing): void; added?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [still, setStill] = useState<NeedsFixing[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStill(await client.call('import.needsFixing', { importId }));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, importId]);
  useEffect(() => {
    void load();
    return onRegisterChanged(() => void load());
  }, [load]);

  let rows: NeedsFixing[] = reported ?? still ?? [];
  if (reported && still) {
    const open = new Set(still.map(itemKey));
    rows = reported.filter((p) => (!p.beneficiaryId ? !added?.has(rowKey(p)) : open.has(itemKey(p))));
  }
  const total = reported?.length ?? rows.length;
  const fixed = reported && still ? total - rows.length : 0;

  return (
    <div data-testid="needs-fixing-panel">
      <ErrorMessage message={error} onRetry={() => void load()} retryLabel={t('common.retry')} />
      {fixed > 0 && (
        <p className="ok-text" role="status" data-testid="needs-fixing-progress">
          {rows.length === 0 ? t('imports.allFixed') : t('imports.fixedCount', { fixed: formatCount(fixed), total: formatCount(total) })}
        </p>
      )}
      {(rows.length > 0 || !reported) && (reported || still) && <NeedsFixingTable rows={rows} file={file} onFix={onFix} onAdd={onAdd} />}
    </div>
  );
}

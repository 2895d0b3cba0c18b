import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportChoice } from '../../shared/contract/beneficiaries';
import { EXPORT_LIST_KINDS, type ExportListKind } from '../../shared/contract/exports';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { filterInput, isFiltered, type ListFilters } from '../beneficiaries/list-filters';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { filterSummary } from './filter-summary';

type State =
  | { name: 'choosing' }
  | { name: 'working' }
  | { name: 'done'; count: number; fileName: string; saved: boolean }
  | { name: 'failed'; message: string };

interface Props {
  /** The list's filters and order: the workbook has the people the list shows, in its order. */
  filters: ListFilters;
  facets: { imports: ImportChoice[] } | null;
  /** How many people the list shows now (null while it loads). */
  shown: { count: number; lowerBound: boolean } | null;
  onClose(): void;
}

/**
 * Xuất danh sách: a workbook for people (the police's matching list, the bank's list, the district's list) of exactly
 * the people the list shows. Personal data leaves the machine here, so the clerk sees what goes out, chooses and
 * confirms, and the main process records it.
 */
export function ExportPanel({ filters, facets, shown, onClose }: Props) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [kind, setKind] = useState<ExportListKind>('population-matching');
  const [state, setState] = useState<State>({ name: 'choosing' });
  const filtered = isFiltered(filters);
  const summary = filterSummary(t, filters, facets?.imports ?? []);
  const count = shown ? (shown.lowerBound ? t('exports.moreThan', { n: formatCount(shown.count) }) : formatCount(shown.count)) : '…';

  async function run() {
    setState({ name: 'working' });
    try {
      const made = await client.call('export.list', { kind, unitId: null, filters: filterInput(filters) });
      const saved = await client.save(made.downloadRef, made.fileName);
      setState({ name: 'done', count: made.count, fileName: made.fileName, saved });
    } catch (e) {
      setState({ name: 'failed', message: messageOf(e) });
    }
  }

  return (
    <div className="confirm-box export-panel" role="dialog" aria-labelledby="export-title" data-testid="export-panel">
      <p id="export-title" className="confirm-question">{t('exports.title')}</p>
      <p className="export-scope" data-testid="export-scope">
        {filtered || summary.length > 0
          ? t('exports.scopeFiltered', { count, filters: summary.join(', ') })
          : t('exports.scopeAll', { count })}
      </p>
      <fieldset className="export-kinds" disabled={state.name === 'working'}>
        <legend className="muted">{t('exports.choose')}</legend>
        {EXPORT_LIST_KINDS.map((k) => (
          <label key={k} className="export-kind">
            <input type="radio" name="export-kind" value={k} checked={kind === k} data-testid={`export-kind-${k}`}
              onChange={() => { setKind(k); setState({ name: 'choosing' }); }} />
            <span><strong>{t(`exports.kinds.${k}.name`)}</strong><br /><span className="muted">{t(`exports.kinds.${k}.what`)}</span></span>
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('exports.privacy')}</p>
      {state.name === 'done' && (
        <p className="ok-text" role="status" data-testid="export-done">
          {state.saved ? t('exports.saved', { count: formatCount(state.count), file: state.fileName }) : t('exports.cancelled')}
        </p>
      )}
      {state.name === 'failed' && <ErrorMessage message={state.message} />}
      <div className="button-row">
        <button type="button" className="primary" data-testid="export-run" disabled={state.name === 'working'} aria-busy={state.name === 'working'} onClick={() => void run()}>
          {state.name === 'working' ? t('exports.working') : t('exports.run')}
        </button>
        <button type="button" onClick={onClose}>{t('exports.close')}</button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportChoice } from '../../shared/contract/beneficiaries';
import { EXPORT_LIST_KINDS, type ExportListKind } from '../../shared/contract/exports';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { filterInput, isFiltered, type ListFilters } from '../beneficiaries/list-filters';
import { CallError } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { filterSummary } from './filter-summary';

type State =
  | { name: 'choosing' }
  | { name: 'working' }
  | { name: 'done'; count: number; fileName: string; saved: boolean; batch: string | null }
  | { name: 'needs-reason'; message: string }
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

  const [reason, setReason] = useState('');
  async function run() {
    if (state.name === 'needs-reason' && reason.trim().length < 5) return;
    setState({ name: 'working' });
    try {
      if (kind === 'population-matching') {
        // The list for the police is a batch, as `ansinh match export` makes it: a batch number, a row key per person,
        // and each person's status "sent" (people already matched go again only with a reason).
        const made = await client.call('match.export', { selection: 'list', filters: filterInput(filters), unitId: null, reason: reason.trim() || null });
        const saved = await client.save(made.downloadRef, made.fileName);
        setState({ name: 'done', count: made.people, fileName: made.fileName, saved, batch: made.batch });
        return;
      }
      const made = await client.call('export.list', { kind, unitId: null, filters: filterInput(filters) });
      const saved = await client.save(made.downloadRef, made.fileName);
      setState({ name: 'done', count: made.count, fileName: made.fileName, saved, batch: null });
    } catch (e) {
      if (e instanceof CallError && e.code === 'match-resend-needs-reason') setState({ name: 'needs-reason', message: messageOf(e) });
      else setState({ name: 'failed', message: messageOf(e) });
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
      {state.name === 'needs-reason' && (
        <div className="field">
          <label htmlFor="export-reason">{t('matching.reason')}</label>{' '}
          <input id="export-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="export-reason"
            aria-invalid={reason.trim().length < 5} aria-describedby="export-reason-error" />
          <p id="export-reason-error" className="field-error" role="alert">{reason.trim().length < 5 ? `${state.message} ${t('exports.reasonTooShort')}` : state.message}</p>
        </div>
      )}
      <p className="muted">{t('exports.privacy')}</p>
      {state.name === 'done' && (
        <p className="ok-text" role="status" data-testid="export-done">
          {state.saved ? t('exports.saved', { count: formatCount(state.count), file: state.fileName }) : t('exports.cancelled')}
          {state.batch && <> {t('exports.batchSent', { batch: state.batch })}</>}
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

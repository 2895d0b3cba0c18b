import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { matchingProgressSchema } from '../../shared/contract/identity';
import { MATCHING_STATUSES } from '../../shared/contract/identity';
import { formatCount } from '../../shared/format/money';

type Progress = z.infer<typeof matchingProgressSchema>;

/** How far the commune is in the round trip: people per status, overall and per village. */
export function MatchingProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const done = progress.statuses.verified;
  const percent = progress.total ? Math.round((done / progress.total) * 100) : 0;
  return (
    <section className="panel" aria-labelledby="matching-progress-title" data-testid="matching-progress">
      <h2 id="matching-progress-title">{t('matching.progressTitle')}</h2>
      <p>{t('matching.progressLine', { done: formatCount(done), total: formatCount(progress.total), percent })}</p>
      <progress max={Math.max(progress.total, 1)} value={done} aria-label={t('matching.progressTitle')} />
      <div className="table-scroll">
        <table className="table compact" data-testid="matching-progress-table">
          <thead>
            <tr><th>{t('matching.village')}</th><th>{t('matching.total')}</th>
              {MATCHING_STATUSES.map((s) => <th key={s}>{t(`matching.statuses.${s}`)}</th>)}<th>{t('matching.openItems')}</th></tr>
          </thead>
          <tbody>
            {progress.villages.map((v) => (
              <tr key={v.village ?? '—'} data-testid="matching-progress-village">
                <td className="strong">{v.village ?? t('matching.noVillage')}</td><td>{formatCount(v.total)}</td>
                {MATCHING_STATUSES.map((s) => <td key={s}>{v.statuses[s] ? formatCount(v.statuses[s]) : ''}</td>)}
                <td>{v.openItems ? formatCount(v.openItems) : ''}</td>
              </tr>
            ))}
            <tr className="totals"><td>{t('matching.allVillages')}</td><td>{formatCount(progress.total)}</td>
              {MATCHING_STATUSES.map((s) => <td key={s}>{formatCount(progress.statuses[s])}</td>)}<td /></tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

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
            <tr><th>{t('matching.village')}</th><th className="right">{t('matching.total')}</th>
              {MATCHING_STATUSES.map((s) => <th key={s} className="right">{t(`matching.statuses.${s}`)}</th>)}<th className="right">{t('matching.openItems')}</th></tr>
          </thead>
          <tbody>
            {progress.villages.map((v) => (
              <tr key={v.village ?? '—'} data-testid="matching-progress-village">
                <td>{v.village ?? t('matching.noVillage')}</td><td className="num right">{formatCount(v.total)}</td>
                {MATCHING_STATUSES.map((s) => <td key={s} className="num right">{v.statuses[s] ? formatCount(v.statuses[s]) : ''}</td>)}
                <td className="num right">{v.openItems ? formatCount(v.openItems) : ''}</td>
              </tr>
            ))}
            <tr className="totals" data-testid="matching-progress-totals"><td>{t('matching.allVillages')}</td><td className="num right">{formatCount(progress.total)}</td>
              {MATCHING_STATUSES.map((s) => <td key={s} className="num right">{formatCount(progress.statuses[s])}</td>)}<td /></tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

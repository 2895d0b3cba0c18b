import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../shared/contract/clinic';
import { formatBirth, formatDateTime } from '../../shared/format/dates';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';

/** Today's check-ins in queue order, and the workbook for the hospital information system. */
export function TodayVisits({ visits }: { visits: Visit[] }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [state, setState] = useState<{ name: 'idle' } | { name: 'working' } | { name: 'done'; fileName: string; count: number } | { name: 'failed'; message: string }>({ name: 'idle' });

  async function exportDay() {
    setState({ name: 'working' });
    try {
      const made = await client.call('clinic.exportDay', {});
      await client.save(made.downloadRef, made.fileName);
      setState({ name: 'done', fileName: made.fileName, count: made.count });
    } catch (e) {
      setState({ name: 'failed', message: messageOf(e) });
    }
  }

  return (
    <section className="panel today-visits" aria-labelledby="today-title" data-testid="today-visits">
      <div className="page-head">
        <h2 id="today-title">{t('clinic.todayTitle', { count: visits.length })}</h2>
        <button type="button" onClick={() => void exportDay()} disabled={state.name === 'working' || visits.length === 0} data-testid="clinic-export">
          {state.name === 'working' ? t('clinic.exporting') : t('clinic.export')}
        </button>
      </div>
      {state.name === 'done' && <p className="notice" role="status" data-testid="clinic-exported">{t('clinic.exported', { fileName: state.fileName, count: state.count })}</p>}
      {state.name === 'failed' && <ErrorMessage message={state.message} />}
      {visits.length === 0 ? <p className="muted">{t('clinic.noneToday')}</p> : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr><th>{t('clinic.columns.number')}</th><th>{t('clinic.columns.time')}</th><th>{t('clinic.columns.name')}</th><th>{t('clinic.columns.birth')}</th>
                <th>{t('clinic.columns.card')}</th><th>{t('clinic.columns.status')}</th><th>{t('clinic.columns.reason')}</th></tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id} data-testid="visit-row" data-status={v.insurance.status}>
                  <td className="num">{v.number}</td>
                  <td>{formatDateTime(new Date(v.checkedInAt).toISOString(), 'Asia/Ho_Chi_Minh').slice(11)}</td>
                  <td>{v.person.fullName}</td>
                  <td>{formatBirth(v.person.birth)}</td>
                  <td className="mono">{v.insurance.cardCode ?? v.person.cardCode ?? ''}</td>
                  <td>{t(`clinic.status.${v.insurance.status}`)}{v.insurance.source === 'cache' ? ` (${t('clinic.notToday')})` : ''}{v.insurance.pending ? ' …' : ''}</td>
                  <td>{v.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

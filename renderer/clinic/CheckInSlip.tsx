import { useTranslation } from 'react-i18next';
import type { Visit } from '../../shared/contract/clinic';
import { formatBirth, formatDateTime } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';

export type SlipSize = 'a5' | 'receipt';

/** The check-in slip: only this prints (print CSS), on an A5 sheet or an 80 mm receipt roll. */
export function CheckInSlip({ visit, size, facilityName }: { visit: Visit; size: SlipSize; facilityName: string | null }) {
  const { t } = useTranslation();
  const i = visit.insurance;
  return (
    <div className={`checkin-slip slip-${size}`} data-testid="checkin-slip" data-size={size} aria-hidden="true">
      {facilityName && <p className="slip-facility">{facilityName}</p>}
      <p className="slip-title">{t('clinic.slip.title')}</p>
      <p className="slip-number" data-testid="slip-number">{visit.number}</p>
      <p>{formatDateTime(new Date(visit.checkedInAt).toISOString(), 'Asia/Ho_Chi_Minh')}</p>
      <dl>
        <dt>{t('clinic.slip.name')}</dt><dd className="strong">{visit.person.fullName ?? ''}</dd>
        <dt>{t('clinic.slip.birth')}</dt><dd>{formatBirth(visit.person.birth)}</dd>
        {visit.person.idNumber && (<><dt>{t('clinic.slip.id')}</dt><dd>{formatIdNumber(visit.person.idNumber)}</dd></>)}
        <dt>{t('clinic.slip.card')}</dt><dd>{i.cardCode ?? '—'}{i.benefitPercent !== null ? ` (${i.benefitPercent} %)` : ''}</dd>
        <dt>{t('clinic.slip.status')}</dt><dd>{t(`clinic.status.${i.status}`)}{i.source === 'cache' ? ` — ${t('clinic.slip.notToday')}` : ''}</dd>
        {visit.reason && (<><dt>{t('clinic.slip.reason')}</dt><dd>{visit.reason}</dd></>)}
        {visit.officerName && (<><dt>{t('clinic.slip.officer')}</dt><dd>{visit.officerName}</dd></>)}
      </dl>
    </div>
  );
}

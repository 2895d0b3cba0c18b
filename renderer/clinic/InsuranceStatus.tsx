import { useTranslation } from 'react-i18next';
import type { InsuranceView } from '../../shared/contract/clinic';
import { formatBirth, formatDateTime } from '../../shared/format/dates';

const VIETNAM = 'Asia/Ho_Chi_Minh';

/** The insurance status in one plain line, coloured by what reception must do, and the card's details below it. */
export function InsuranceStatus({ insurance }: { insurance: InsuranceView }) {
  const { t } = useTranslation();
  const i = insurance;
  const checked = i.checkedAt ? formatDateTime(new Date(i.checkedAt).toISOString(), VIETNAM) : null;
  return (
    <section className="panel insurance-status" aria-labelledby="insurance-title" data-testid="insurance-status"
      data-status={i.status} data-source={i.source ?? 'none'} data-pending={i.pending}>
      <h2 id="insurance-title">{t('clinic.insuranceTitle')}</h2>
      <div className={`insurance-line verdict-${i.verdict}`} role="status" data-testid="insurance-line">
        <strong>{t(`clinic.status.${i.status}`)}</strong>
        <span>{i.line}</span>
      </div>
      {i.source === 'cache' && (
        <p className="notice" data-testid="insurance-cached">{t('clinic.cachedNotice', { when: checked })}</p>
      )}
      {i.pending && <p className="muted" data-testid="insurance-pending"><span className="spinner small" aria-hidden="true" /> {t('clinic.pending')}</p>}
      <dl className="fields insurance-fields">
        <div className="field" data-testid="insurance-cardCode"><dt>{t('clinic.cardCode')}</dt><dd className="mono">{i.cardCode ?? '—'}</dd></div>
        <div className="field" data-testid="insurance-benefit">
          <dt>{t('clinic.benefit')}</dt>
          <dd>{i.benefitLevel ? t('clinic.benefitValue', { level: i.benefitLevel, percent: i.benefitPercent }) : '—'}</dd>
        </div>
        <div className="field" data-testid="insurance-validity">
          <dt>{t('clinic.validity')}</dt>
          <dd>{i.validFrom || i.validTo ? `${formatBirth(i.validFrom) || '…'} – ${formatBirth(i.validTo) || '…'}` : '—'}</dd>
        </div>
        <div className="field" data-testid="insurance-facility">
          <dt>{t('clinic.initialFacility')}</dt>
          <dd>
            {i.initialFacility ?? '—'}
            {i.initialFacilityIsOurs === true && <span className="badge ok"> {t('clinic.facilityOurs')}</span>}
            {i.initialFacilityIsOurs === false && <span className="badge warn"> {t('clinic.facilityElsewhere')}</span>}
          </dd>
        </div>
        <div className="field" data-testid="insurance-fiveYears"><dt>{t('clinic.fiveYears')}</dt><dd>{formatBirth(i.fiveYearsFrom) || '—'}</dd></div>
        {i.newCardCode && <div className="field" data-testid="insurance-newCard"><dt>{t('clinic.newCard')}</dt><dd className="mono">{i.newCardCode}</dd></div>}
        <div className="field" data-testid="insurance-checkedAt">
          <dt>{t('clinic.checkedAt')}</dt>
          <dd>{checked ? (i.source === 'gateway' ? t('clinic.checkedToday', { when: checked }) : t('clinic.checkedEarlier', { when: checked })) : t('clinic.neverChecked')}</dd>
        </div>
      </dl>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../screens/ErrorMessage';
import type { ReaderStatus } from './use-reader-status';

/** Why a card cannot be read now (no reader service, no reader), or null when one can: said before any read. */
export function readBlocker(status: ReaderStatus | null): 'starting' | 'no-driver' | 'no-service' | 'closed' | 'no-reader' | null {
  if (!status || status.availability === 'starting') return 'starting';
  if (status.availability !== 'ready') return status.availability;
  return status.readers.length === 0 ? 'no-reader' : null;
}

export function ReaderStatusPanel({ status, error }: { status: ReaderStatus | null; error: string | null }) {
  const { t } = useTranslation();
  const availability = status?.availability ?? 'starting';
  return (
    <section className="panel reader-status" aria-labelledby="reader-title" data-testid="reader-status" data-availability={availability}>
      <h2 id="reader-title">{t('card.readerTitle')}</h2>
      <p className={`availability availability-${availability}`} data-testid="reader-availability" role="status">
        <span className="dot" aria-hidden="true" />
        {t(`card.availability.${availability}`)}
      </p>
      {availability === 'ready' && (status?.readers.length ? (
        <ul className="reader-list" data-testid="reader-list">
          {status.readers.map((r) => (
            <li key={r.name} data-testid="reader" data-card-present={r.cardPresent}>
              <span className="reader-name">{r.name}</span>
              {r.contactless && <span className="muted"> ({t('card.contactless')})</span>}
              <span className={r.cardPresent ? 'card-here' : 'muted'}> · {r.cardPresent ? t('card.cardPresent') : t('card.noCard')}</span>
            </li>
          ))}
        </ul>
      ) : <p className="notice" data-testid="reader-none">{t('card.noReader')}</p>)}
      <ErrorMessage message={error} />
    </section>
  );
}

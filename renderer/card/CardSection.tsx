import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canFromIdNumber } from '../../shared/card/can';
import { parseCccdQr, type CccdQr } from '../../shared/card/qr';
import type { CardReadOutput } from '../../shared/contract/card';
import { can, type Role } from '../../shared/contract/roles';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { messageOf } from '../api/call-error';
import { RecordOverlay } from '../beneficiaries/RecordOverlay';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { AccessForm } from './AccessForm';
import { cardAccessOf, EMPTY_ACCESS, type AccessFields } from './card-access';
import { CardResult } from './CardResult';
import { CardVerification } from './CardVerification';
import { readBlocker, ReaderStatusPanel } from './ReaderStatusPanel';
import { useQrScan } from './use-qr-scan';
import { useReaderStatus } from './use-reader-status';

type Purpose = 'verify' | 'new-record' | 'clinic-check-in';
type ReadState = { name: 'idle' } | { name: 'reading' } | { name: 'failed'; message: string } | { name: 'done'; read: CardReadOutput };
type Scan = { kind: 'card'; qr: CccdQr } | { kind: 'other' } | null;

/**
 * Đọc thẻ: reader status, the way to open the chip (CAN, from a QR scan or typed; MRZ; ID + dates), the read and its
 * trust result. Clerks then verify the record or create one; clinic reception sees the identity only.
 */
export function CardSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client, phase } = useAppSession();
  const welfare = can(role, 'beneficiaries.write');
  const { status, error: statusError } = useReaderStatus();
  const [access, setAccess] = useState<AccessFields>(EMPTY_ACCESS);
  const [purpose, setPurpose] = useState<Purpose>(welfare ? 'verify' : 'clinic-check-in');
  const [reader, setReader] = useState('');
  const [state, setState] = useState<ReadState>({ name: 'idle' });
  const [scan, setScan] = useState<Scan>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const canRef = useRef<HTMLInputElement>(null);
  const readRef = useRef<HTMLButtonElement>(null);

  const onScan = useCallback((text: string) => {
    const qr = parseCccdQr(text);
    const cardAccessNumber = qr && canFromIdNumber(qr.idNumber);
    if (!qr || !cardAccessNumber) {
      setScan({ kind: 'other' });
      return;
    }
    setScan({ kind: 'card', qr });
    setAccess((a) => ({ ...a, mode: 'can', can: cardAccessNumber }));
    // Enter now reads the card: the clerk types nothing.
    window.setTimeout(() => readRef.current?.focus(), 0);
  }, []);
  useQrScan(phase.name === 'ready' && state.name !== 'reading' && openId === null, onScan);

  const cardAccess = cardAccessOf(access);
  const readers = status?.readers ?? [];
  const blocker = readBlocker(status);

  async function read() {
    if (!cardAccess) return;
    setState({ name: 'reading' });
    try {
      const result = await client.call('card.read', { access: cardAccess, purpose, ...(reader ? { reader } : {}) });
      setState({ name: 'done', read: result });
    } catch (e) {
      setState({ name: 'failed', message: messageOf(e) });
    }
  }

  function another() {
    setState({ name: 'idle' });
    setScan(null);
    setAccess(EMPTY_ACCESS);
    window.setTimeout(() => canRef.current?.focus(), 0);
  }

  return (
    <RecordOverlay openId={openId} onClose={() => setOpenId(null)}>
      <section className="page card-page" data-testid="card-section" aria-labelledby="card-title">
        <div className="page-head">
          <h1 id="card-title">{t('card.title')}</h1>
          {state.name === 'done' && <button type="button" onClick={another} data-testid="card-another">{t('card.newRead')}</button>}
        </div>
        <p className="muted">{welfare ? t('card.clerkIntro') : t('card.clinicIntro')}</p>
        <div className="card-layout">
          <div className="card-side">
            <ReaderStatusPanel status={status} error={statusError} />
            <section className="panel" aria-label={t('card.read')}>
              {(welfare || readers.length > 1) && (
                <div className="form compact-form">
                  {welfare && (
                    <>
                      <label htmlFor="card-purpose">{t('card.purpose')}</label>
                      <select id="card-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value as Purpose)} data-testid="card-purpose">
                        <option value="verify">{t('card.purposes.verify')}</option>
                        <option value="new-record">{t('card.purposes.new-record')}</option>
                      </select>
                    </>
                  )}
                  {readers.length > 1 && (
                    <>
                      <label htmlFor="card-reader">{t('card.readerChoice')}</label>
                      <select id="card-reader" value={reader} onChange={(e) => setReader(e.target.value)} data-testid="card-reader">
                        <option value="">{t('card.readerAuto')}</option>
                        {readers.map((r) => <option key={r.name} value={r.name}>{r.name}</option>)}
                      </select>
                    </>
                  )}
                </div>
              )}
              <AccessForm fields={access} onChange={setAccess} onSubmit={() => void read()} ready={cardAccess !== null}
                busy={state.name === 'reading'} canRef={canRef} readRef={readRef} blocked={blocker ? t(`card.readBlocked.${blocker}`) : null} />
            </section>
          </div>
          <div className="card-main">
            {scan?.kind === 'card' && state.name !== 'done' && (
              <div className="qr-box" role="status" data-testid="qr-result">
                <span className="qr-title">{t('card.qrTitle')}</span>
                <span className="qr-name" data-testid="qr-name">{scan.qr.fullName ?? ''}</span>
                <span>
                  <span className="mono" data-testid="qr-id">{formatIdNumber(scan.qr.idNumber)}</span>
                  {scan.qr.birth && <span className="num"> · {formatBirth(scan.qr.birth)}</span>}
                </span>
                <span className="muted">{t('card.qrReady')}</span>
              </div>
            )}
            {scan?.kind === 'other' && <p className="notice" role="status" data-testid="qr-other">{t('card.qrNotCard')}</p>}
            {state.name === 'idle' && !scan && (
              <ol className="card-steps panel" data-testid="card-steps">
                <li>{t('card.steps.place')}</li>
                <li>{t('card.steps.can')}</li>
                <li>{t('card.steps.read')}</li>
              </ol>
            )}
            {state.name === 'reading' && (
              <div className="busy-panel" aria-busy="true" role="status" data-testid="card-reading">
                <span className="spinner" aria-hidden="true" />
                <strong>{t('card.reading')}</strong>
              </div>
            )}
            {state.name === 'failed' && <ErrorMessage message={state.message} onRetry={() => void read()} retryLabel={t('common.retry')} />}
            {state.name === 'done' && (
              <>
                <CardResult key={state.read.readId} read={state.read} />
                {welfare && <CardVerification key={state.read.readId} read={state.read} onOpenRecord={setOpenId} />}
              </>
            )}
          </div>
        </div>
      </section>
    </RecordOverlay>
  );
}

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canFromIdNumber } from '../../shared/card/can';
import { classifyScan } from '../../shared/clinic/scanned-text';
import type { Visit } from '../../shared/contract/clinic';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { CallError, messageOf } from '../api/call-error';
import { readBlocker, ReaderStatusPanel } from '../card/ReaderStatusPanel';
import { useQrScan } from '../card/use-qr-scan';
import { useReaderStatus } from '../card/use-reader-status';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import './clinic.css';
import { CheckInSlip, type SlipSize } from './CheckInSlip';
import { InsuranceStatus } from './InsuranceStatus';
import { OfficerForm, type Officer } from './OfficerForm';
import { TodayVisits } from './TodayVisits';
import { typedIdentity, type TypedErrors, type TypedFields } from './typed-identity';
import { useVisitUpdates } from './use-visit-updates';

type Identity = { readId: string } | { qr: string } | { idNumber: string; fullName: string; birth: string };
type Phase =
  | { name: 'idle' }
  | { name: 'reading' }
  | { name: 'checking' }
  | { name: 'done'; visit: Visit; photo: string | null; photoPending?: boolean; photoFailure?: string | null }
  | { name: 'failed'; message: string; retry: (() => void) | null };

const EMPTY_TYPED: TypedFields = { idNumber: '', fullName: '', birth: '' };

/**
 * Tiếp đón: the patient's chip card (CAN), the CCCD's or the paper BHYT card's QR from a scanner, or an ID, name and
 * birth typed; then identity, the insurance status line, the visit's queue number, the slip to print, the day's list.
 */
export function ClinicSection() {
  const { t } = useTranslation();
  const { client, phase: appPhase } = useAppSession();
  const { status, error: statusError } = useReaderStatus();
  const [officer, setOfficer] = useState<Officer | null | undefined>(undefined);
  const [editingOfficer, setEditingOfficer] = useState(false);
  const [mode, setMode] = useState<'card' | 'typed'>('card');
  const [can, setCan] = useState('');
  const [typed, setTyped] = useState<TypedFields>(EMPTY_TYPED);
  const [typedErrors, setTypedErrors] = useState<TypedErrors>({});
  const [reason, setReason] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [scanNotice, setScanNotice] = useState<string | null>(null);
  const [visits, setVisits] = useState<Visit[]>([]);
  const [facilityName, setFacilityName] = useState<string | null>(null);
  const [slip, setSlip] = useState<SlipSize>('a5');
  const canRef = useRef<HTMLInputElement>(null);
  const typedIdRef = useRef<HTMLInputElement>(null);

  const loadVisits = useCallback(() => {
    client.call('clinic.visits', {}).then(setVisits, () => { /* the list stays as it was */ });
  }, [client]);

  useEffect(() => {
    client.call('clinic.officer', {}).then(setOfficer, () => setOfficer(null));
    client.call('clinic.facility', {}).then((f) => setFacilityName(f.name), () => { /* the slip goes without the facility's name */ });
    loadVisits();
  }, [client, loadVisits]);

  /** `photoOf`: a card read answered before its photo; the photo comes in on the visit when the chip has given it. */
  const checkIn = useCallback(async (identity: Identity, photo: string | null, photoOf?: string) => {
    setPhase({ name: 'checking' });
    try {
      const visit = await client.call('clinic.checkIn', { identity, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setPhase({ name: 'done', visit, photo, photoPending: Boolean(photoOf) });
      loadVisits();
      if (photoOf) {
        const sameVisit = (p: Phase) => p.name === 'done' && p.visit.id === visit.id;
        client.call('card.photo', { readId: photoOf }).then(
          (r) => setPhase((p) => (sameVisit(p) ? { ...p, photo: r.photo, photoPending: false,
            photoFailure: r.failure ? messageOf(new CallError(r.failure.code, r.failure.message, r.failure.messageEn)) : null } as Phase : p)),
          (e: unknown) => setPhase((p) => (sameVisit(p) ? { ...p, photoPending: false, photoFailure: messageOf(e) } as Phase : p)),
        );
      }
    } catch (e) {
      setPhase({ name: 'failed', message: messageOf(e), retry: null });
    }
  }, [client, reason, loadVisits]);

  async function readCard() {
    if (!/^\d{6}$/.test(can)) return;
    setPhase({ name: 'reading' });
    setScanNotice(null);
    try {
      // Identity and insurance as soon as the chip's identity is read and checked; the photo follows.
      const read = await client.call('card.read', { access: { can }, purpose: 'clinic-check-in', photoLater: true });
      await checkIn({ readId: read.readId }, read.photo, read.photoPending ? read.readId : undefined);
    } catch (e) {
      // A chip that fails mid-read: one line, and the patient can still be checked in by typing.
      setPhase({ name: 'failed', message: messageOf(e), retry: () => void readCard() });
    }
  }

  const onScan = useCallback((text: string) => {
    const scan = classifyScan(text);
    if (scan.kind === 'other') {
      setScanNotice(t('clinic.qrOther'));
      return;
    }
    setScanNotice(null);
    if (scan.kind === 'cccd') setCan(canFromIdNumber(scan.qr.idNumber) ?? '');
    void checkIn({ qr: text }, null);
  }, [checkIn, t]);
  const busy = phase.name === 'reading' || phase.name === 'checking';
  useQrScan(appPhase.name === 'ready' && !busy && !!officer && !editingOfficer, onScan);

  const onVisitUpdate = useCallback((v: Visit) => {
    setPhase((p) => (p.name === 'done' && p.visit.id === v.id ? { ...p, visit: v } : p));
    if (!v.insurance.pending) loadVisits();
  }, [loadVisits]);
  useVisitUpdates(phase.name === 'done' ? phase.visit : null, onVisitUpdate);

  function submitTyped(e: FormEvent) {
    e.preventDefault();
    const r = typedIdentity(typed);
    if ('errors' in r) {
      setTypedErrors(r.errors);
      return;
    }
    setTypedErrors({});
    void checkIn(r.identity, null);
  }

  function next() {
    setPhase({ name: 'idle' });
    setCan('');
    setTyped(EMPTY_TYPED);
    setReason('');
    setScanNotice(null);
    // A field keeps the focus: a scanner's Vietnamese letters (Unicode input) reach the page only through an editable field.
    window.setTimeout(() => (mode === 'card' ? canRef : typedIdRef).current?.focus(), 0);
  }

  function print(size: SlipSize) {
    setSlip(size);
    window.setTimeout(() => window.print(), 0);
  }

  if (officer === undefined) return <section className="page" data-testid="clinic-section"><p className="muted">{t('common.loading')}</p></section>;
  const blocker = readBlocker(status);

  return (
    <section className="page clinic-page" data-testid="clinic-section" aria-labelledby="clinic-title">
      <div className="page-head">
        <h1 id="clinic-title">{t('clinic.title')}</h1>
        {officer && !editingOfficer && (
          <span className="muted" data-testid="officer-shown">
            {t('clinic.officerShown', { name: officer.fullName })} <button type="button" className="link-button" onClick={() => setEditingOfficer(true)}>{t('clinic.officer.change')}</button>
          </span>
        )}
        {phase.name === 'done' && <button type="button" className="primary" onClick={next} data-testid="clinic-next">{t('clinic.next')}</button>}
      </div>
      {(!officer || editingOfficer) ? (
        <OfficerForm officer={officer} onSaved={(o) => { setOfficer(o); setEditingOfficer(false); }} onCancel={officer ? () => setEditingOfficer(false) : undefined} />
      ) : (
        <div className="clinic-layout">
          <div className="clinic-side">
            <ReaderStatusPanel status={status} error={statusError} />
            <section className="panel form clinic-how" aria-label={t('clinic.howTitle')}>
              <label htmlFor="clinic-reason">{t('clinic.reason')}</label>
              <input id="clinic-reason" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} data-testid="clinic-reason" disabled={busy} />
              <fieldset className="segmented" disabled={busy}>
                <legend>{t('clinic.howTitle')}</legend>
                {(['card', 'typed'] as const).map((m) => (
                  <label key={m} className={mode === m ? 'on' : ''}>
                    <input type="radio" name="clinic-mode" checked={mode === m} onChange={() => setMode(m)} data-testid={`clinic-mode-${m}`} />
                    {t(`clinic.modes.${m}`)}
                  </label>
                ))}
              </fieldset>
              {mode === 'card' ? (
                <form onSubmit={(e) => { e.preventDefault(); void readCard(); }} data-testid="clinic-card-form">
                  <label htmlFor="clinic-can">{t('clinic.canLabel')}</label>
                  <input id="clinic-can" ref={canRef} className="can-input mono" inputMode="numeric" autoComplete="off" value={can} disabled={busy}
                    onChange={(e) => setCan(e.target.value.replace(/\D/g, '').slice(0, 6))} data-testid="clinic-can" />
                  <p className="muted">{t('clinic.canHint')}</p>
                  <button type="submit" className="primary" disabled={busy || can.length !== 6 || !!blocker} data-testid="clinic-read">{t('clinic.read')}</button>
                  {blocker && <p className="muted">{t(`card.readBlocked.${blocker}`)}</p>}
                </form>
              ) : (
                <form onSubmit={submitTyped} data-testid="clinic-typed-form" noValidate>
                  <label htmlFor="typed-id">{t('clinic.typed.id')}</label>
                  <input id="typed-id" ref={typedIdRef} className="mono" value={typed.idNumber} onChange={(e) => setTyped({ ...typed, idNumber: e.target.value })} data-testid="typed-id" aria-invalid={!!typedErrors.idNumber} />
                  {typedErrors.idNumber && <span className="field-error" role="alert" data-testid="typed-id-error">{t('clinic.typed.idError')}</span>}
                  <label htmlFor="typed-name">{t('clinic.typed.name')}</label>
                  <input id="typed-name" value={typed.fullName} onChange={(e) => setTyped({ ...typed, fullName: e.target.value })} data-testid="typed-name" aria-invalid={!!typedErrors.fullName} />
                  {typedErrors.fullName && <span className="field-error" role="alert">{t('clinic.typed.nameError')}</span>}
                  <label htmlFor="typed-birth">{t('clinic.typed.birth')}</label>
                  <input id="typed-birth" placeholder="dd/mm/yyyy" value={typed.birth} onChange={(e) => setTyped({ ...typed, birth: e.target.value })} data-testid="typed-birth" aria-invalid={!!typedErrors.birth} />
                  {typedErrors.birth && <span className="field-error" role="alert" data-testid="typed-birth-error">{t('clinic.typed.birthError')}</span>}
                  <button type="submit" className="primary" disabled={busy} data-testid="typed-submit">{t('clinic.typed.submit')}</button>
                </form>
              )}
              <p className="muted">{t('clinic.qrHint')}</p>
            </section>
          </div>
          <div className="clinic-main">
            {scanNotice && <p className="notice" role="status" data-testid="clinic-qr-other">{scanNotice}</p>}
            {busy && (
              <div className="busy-panel" aria-busy="true" role="status" data-testid="clinic-busy">
                <span className="spinner" aria-hidden="true" />
                <strong>{phase.name === 'reading' ? t('clinic.reading') : t('clinic.checking')}</strong>
              </div>
            )}
            {phase.name === 'failed' && (
              <div data-testid="clinic-failed">
                <ErrorMessage message={phase.message} onRetry={phase.retry ?? undefined} retryLabel={t('common.retry')} />
                <p className="muted">{t('clinic.failedHint')}</p>
              </div>
            )}
            {phase.name === 'done' && (
              <>
                <section className="panel visit-panel" data-testid="visit-result" aria-labelledby="visit-title">
                  <div className="queue-number" data-testid="queue-number" aria-label={t('clinic.queueNumber')}>
                    <span className="muted">{t('clinic.queueNumber')}</span>
                    <strong id="visit-title">{phase.visit.number}</strong>
                  </div>
                  <div className="visit-person">
                    {phase.photo ? <img src={phase.photo} alt={t('card.photoAlt')} className="visit-photo" data-testid="visit-photo" />
                      : phase.photoPending ? <div className="visit-photo no-photo muted" data-testid="visit-photo-pending" role="status">{t('clinic.photoPending')}</div>
                      : <div className="visit-photo no-photo muted" data-testid="visit-no-photo">{phase.photoFailure ? t('clinic.photoMissing') : t('clinic.noPhoto')}</div>}
                    <dl className="fields">
                      <div className="field" data-testid="visit-name"><dt>{t('clinic.slip.name')}</dt><dd className="strong">{phase.visit.person.fullName}</dd></div>
                      <div className="field" data-testid="visit-birth"><dt>{t('clinic.slip.birth')}</dt><dd>{formatBirth(phase.visit.person.birth)}</dd></div>
                      <div className="field" data-testid="visit-sex"><dt>{t('card.person.sex')}</dt><dd>{phase.visit.person.sex ? t(`sex.${phase.visit.person.sex}`) : '—'}</dd></div>
                      <div className="field" data-testid="visit-id"><dt>{t('clinic.slip.id')}</dt><dd className="mono">{phase.visit.person.idNumber ? formatIdNumber(phase.visit.person.idNumber) : '—'}</dd></div>
                      <div className="field"><dt>{t('clinic.identifiedBy')}</dt><dd>{t(`clinic.by.${phase.visit.identifiedBy}`)}</dd></div>
                    </dl>
                  </div>
                  {phase.photoFailure && <p className="notice visit-photo-failure" role="status" data-testid="visit-photo-failure">{t('clinic.photoFailed', { why: phase.photoFailure })}</p>}
                  <div className="print-buttons">
                    <button type="button" onClick={() => print('a5')} data-testid="print-a5">{t('clinic.printA5')}</button>
                    <button type="button" onClick={() => print('receipt')} data-testid="print-receipt">{t('clinic.printReceipt')}</button>
                  </div>
                </section>
                <InsuranceStatus insurance={phase.visit.insurance} />
                <CheckInSlip visit={phase.visit} size={slip} facilityName={facilityName} />
              </>
            )}
            {phase.name === 'idle' && !scanNotice && (
              <ol className="card-steps panel" data-testid="clinic-steps">
                <li>{t('clinic.steps.card')}</li>
                <li>{t('clinic.steps.qr')}</li>
                <li>{t('clinic.steps.typed')}</li>
              </ol>
            )}
          </div>
        </div>
      )}
      <TodayVisits visits={visits} />
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardReadOutput } from '../../shared/contract/card';
import type { Comparison } from '../../shared/contract/identity';
import { formatBirth } from '../../shared/format/dates';
import { messageOf } from '../api/call-error';
import { fieldLabel, valueText } from '../beneficiaries/history-values';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { NewRecordForm } from './NewRecordForm';

type CardField = Comparison['fields'][number]['field'];
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; value: Comparison };

/** The card next to the record it belongs to: differences highlighted, the clerk takes the card's values or queues them. */
export function CardVerification({ read, onOpenRecord }: { read: CardReadOutput; onOpenRecord(id: string): void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [selected, setSelected] = useState<Set<CardField>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [photoSaved, setPhotoSaved] = useState(false);

  const compare = useCallback(async (beneficiaryId: string | null) => {
    try {
      const value = await client.call('identity.compare', { readId: read.readId, beneficiaryId });
      setLoad({ state: 'done', value });
      setSelected(new Set(value.fields.filter((f) => !f.same && f.cardValue !== null).map((f) => f.field)));
    } catch (e) {
      setLoad({ state: 'failed', message: messageOf(e) });
    }
  }, [client, read.readId]);

  useEffect(() => { void compare(null); }, [compare]);

  async function act(kind: 'accept' | 'queue', beneficiaryId: string) {
    const fields = [...selected];
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (kind === 'accept') {
        const done = await client.call('identity.acceptCardValues', { readId: read.readId, beneficiaryId, fields });
        setNotice(done.markedVerified ? t('card.acceptedVerified') : t('card.accepted', { count: done.changed.length }));
      } else {
        const done = await client.call('identity.queueMismatches', { readId: read.readId, beneficiaryId, fields });
        setNotice(done.queued ? t('card.queued', { count: done.queued }) : t('card.queuedNone'));
      }
      await compare(beneficiaryId);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function savePhoto(beneficiaryId: string) {
    setBusy(true);
    setError(null);
    try {
      await client.call('identity.savePhoto', { readId: read.readId, beneficiaryId });
      setPhotoSaved(true);
      setNotice(t('card.photoSaved'));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (field: CardField) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(field)) next.delete(field);
    else next.add(field);
    return next;
  });

  if (load.state === 'loading') return <section className="panel" aria-busy="true"><p className="muted">{t('card.compareLoading')}</p></section>;
  if (load.state === 'failed') {
    return <section className="panel"><ErrorMessage message={load.message} onRetry={() => void compare(null)} retryLabel={t('common.retry')} /></section>;
  }
  const c = load.value;

  return (
    <section className="panel verification" aria-labelledby="verification-title" data-testid="card-verification">
      <h2 id="verification-title">{t('card.compareTitle')}</h2>
      {notice && <p className="ok-text" role="status" data-testid="verification-notice">{notice}</p>}
      <ErrorMessage message={error} />

      {c.candidates.length === 0 && (
        <>
          <p className="notice" data-testid="no-match">{t('card.noMatch')}</p>
          <NewRecordForm readId={read.readId} onCreated={(id) => {
            setNotice(t('card.created', { name: read.person.fullName ?? '' }));
            void compare(id);
          }} />
        </>
      )}

      {c.candidates.length > 1 && c.beneficiaryId === null && (
        <div data-testid="candidates">
          <h3>{t('card.candidatesTitle', { count: c.candidates.length })}</h3>
          <ul className="candidates">
            {c.candidates.map((cand) => (
              <li key={cand.id}>
                <span className="strong">{cand.fullName}</span> <span className="muted num">{formatBirth(cand.birth)}</span>
                <button type="button" onClick={() => void compare(cand.id)}>{t('card.choose')}</button>
                <button type="button" className="link-button" onClick={() => onOpenRecord(cand.id)}>{t('card.openRecord')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {c.beneficiaryId && (
        <ComparisonTable comparison={c} selected={selected} onToggle={toggle} busy={busy}
          onAccept={() => void act('accept', c.beneficiaryId!)} onQueue={() => void act('queue', c.beneficiaryId!)}
          onOpenRecord={() => onOpenRecord(c.beneficiaryId!)}
          onSavePhoto={read.photo && !photoSaved ? () => void savePhoto(c.beneficiaryId!) : null} />
      )}
    </section>
  );
}

function ComparisonTable({ comparison: c, selected, onToggle, busy, onAccept, onQueue, onOpenRecord, onSavePhoto }: {
  comparison: Comparison; selected: Set<CardField>; onToggle(f: CardField): void; busy: boolean;
  onAccept(): void; onQueue(): void; onOpenRecord(): void; onSavePhoto: (() => void) | null;
}) {
  const { t } = useTranslation();
  const differing = c.fields.filter((f) => !f.same);
  const selectedDiffering = differing.some((f) => selected.has(f.field));
  return (
    <>
      <p className="muted" data-testid="matched-by">{c.matchedBy ? t(`card.matchedBy.${c.matchedBy}`) : ''}</p>
      <p className={differing.length ? 'notice' : 'ok-text'} data-testid="compare-summary">
        {differing.length ? t('card.differences', { count: differing.length }) : t('card.allSame')}
      </p>
      {!c.cardVerified && <p className="notice warn-strong">{t('card.unverifiedWarning')}</p>}
      <table className="table compare" data-testid="compare-table">
        <thead>
          <tr>
            <th>{t('card.compareField')}</th><th>{t('card.compareRecord')}</th><th>{t('card.compareCard')}</th>
            <th className="center">{t('card.compareTake')}</th>
          </tr>
        </thead>
        <tbody>
          {c.fields.map((f) => (
            <tr key={f.field} className={f.same ? '' : 'differs'} data-testid="compare-row" data-field={f.field} data-same={f.same}>
              <th scope="row">{fieldLabel(t, f.field)}{!f.same && <span className="differs-tag">{t('card.differs')}</span>}</th>
              <td>{valueText(t, f.field, f.recordValue)}</td>
              <td className={f.same ? '' : 'strong'}>{valueText(t, f.field, f.cardValue)}</td>
              <td className="center">
                <input type="checkbox" checked={selected.has(f.field)} disabled={busy || f.cardValue === null} onChange={() => onToggle(f.field)}
                  aria-label={`${t('card.compareTake')}: ${fieldLabel(t, f.field)}`} data-testid={`take-${f.field}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy || selected.size === 0} onClick={onAccept} data-testid="accept-card-values">{t('card.accept')}</button>
        <button type="button" disabled={busy || !selectedDiffering} onClick={onQueue} data-testid="queue-mismatches">{t('card.queue')}</button>
        <span className="spacer" />
        {onSavePhoto && <button type="button" disabled={busy} onClick={onSavePhoto} data-testid="save-photo">{t('card.savePhoto')}</button>}
        <button type="button" onClick={onOpenRecord} data-testid="open-record">{t('card.openRecord')}</button>
      </div>
      {onSavePhoto && <p className="muted small">{t('card.photoNote')}</p>}
    </>
  );
}

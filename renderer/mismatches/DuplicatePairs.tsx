import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '../../shared/contract/duplicates';
import { DUPLICATE_STATUSES } from '../../shared/contract/duplicates';
import { formatBirth } from '../../shared/format/dates';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';

type Status = (typeof DUPLICATE_STATUSES)[number] | 'all';
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; rows: DuplicatePair[] };
/** What the clerk is about to do, waiting for a confirmation. */
type Pending = { kind: 'merge'; pair: DuplicatePair; keepId: string } | { kind: 'distinct'; pair: DuplicatePair; note: string; error: string | null };

/**
 * "Người có tên hai lần": the queue's listed-twice items. Each pair side by side with why it was found; a person
 * merges (undoable) or says "two different people". Nothing is merged without a click and a confirmation.
 */
export function DuplicatePairs() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [status, setStatus] = useState<Status>('open');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; undo?: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    client.call('duplicates.list', { status: status === 'all' ? null : status })
      .then((rows) => live && setLoad({ state: 'done', rows }), (e: unknown) => live && setLoad({ state: 'failed', message: messageOf(e) }));
    return () => { live = false; };
  }, [client, status, attempt]);

  const run = async (work: () => Promise<{ text: string; undo?: string }>) => {
    setBusy(true);
    try {
      setNotice(await work());
      setPending(null);
      setAttempt((a) => a + 1);
    } catch (e) {
      setNotice({ text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const detect = () => run(async () => {
    const r = await client.call('duplicates.detect', {});
    return { text: t('duplicates.detected', { people: formatCount(r.people), sameId: formatCount(r.sameId), probable: formatCount(r.probable), added: formatCount(r.added) }) };
  });
  const merge = (p: Extract<Pending, { kind: 'merge' }>) => run(async () => {
    const r = await client.call('duplicates.merge', { pairId: p.pair.id, keepId: p.keepId });
    return { text: t('duplicates.merged'), undo: r.commandId };
  });
  const undo = (commandId: string) => run(async () => {
    await client.call('duplicates.undoMerge', { commandId });
    return { text: t('duplicates.undone') };
  });
  const distinct = (p: Extract<Pending, { kind: 'distinct' }>) => {
    if (!p.note.trim()) {
      setPending({ ...p, error: t('duplicates.noteNeeded') });
      return;
    }
    void run(async () => {
      await client.call('duplicates.markDistinct', { pairId: p.pair.id, note: p.note });
      return { text: t('duplicates.markedDistinct') };
    });
  };

  return (
    <section className="panel duplicate-pairs" data-testid="duplicate-pairs" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('duplicates.title')}</h2>
      <p className="muted">{t('duplicates.intro')}</p>
      <div className="toolbar">
        <div className="filter">
          <label htmlFor="duplicate-status">{t('mismatches.statusFilter')}</label>
          <select id="duplicate-status" data-testid="duplicate-status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {[...DUPLICATE_STATUSES, 'all' as const].map((s) => <option key={s} value={s}>{t(`duplicates.statuses.${s}`)}</option>)}
          </select>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void detect()} data-testid="duplicate-detect">{t('duplicates.detect')}</button>
        <span className="list-meta-inline" data-testid="duplicate-count" aria-live="polite">
          {load.state === 'done' ? t('duplicates.count', { n: formatCount(load.rows.length) }) : load.state === 'loading' ? t('common.loading') : ''}
        </span>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="duplicate-notice">
          {notice.text}{' '}
          {notice.undo && <button type="button" disabled={busy} onClick={() => void undo(notice.undo!)} data-testid="duplicate-undo">{t('duplicates.undo')}</button>}
        </p>
      )}
      {load.state === 'failed' && <ErrorMessage message={load.message} onRetry={() => setAttempt((a) => a + 1)} retryLabel={t('common.retry')} />}
      {load.state === 'done' && load.rows.length === 0 && <p className="empty" data-testid="duplicate-empty">{t('duplicates.empty')}</p>}
      {load.state === 'done' && load.rows.map((pair) => (
        <article key={pair.id} className="duplicate-pair" data-testid="duplicate-pair" data-kind={pair.kind}>
          <p>
            <span className="strong">{pair.kind === 'same-id' ? t('duplicates.sameId') : t('duplicates.probable', { score: pair.score })}</span>
            {' · '}{pair.explanation}
            {pair.blocksPayment && <span className="status mismatch-open"> {t('duplicates.blocksPayment')}</span>}
            {pair.status !== 'open' && <span className="status"> {t(`duplicates.statuses.${pair.status}`)}</span>}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('mismatches.columns.fullName')}</th><th>{t('duplicates.columns.birth')}</th><th>{t('duplicates.columns.idNumber')}</th>
                <th>{t('duplicates.columns.place')}</th><th>{t('duplicates.columns.hometown')}</th>{pair.status === 'open' && <th />}
              </tr>
            </thead>
            <tbody>
              {pair.people.map((p) => (
                <tr key={p.id} data-testid="duplicate-person">
                  <td className="strong">{p.inArea ? p.fullName : t('duplicates.outsideArea')}{pair.keptId === p.id ? ` (${t('duplicates.kept')})` : ''}</td>
                  <td className="num">{formatBirth(p.birth)}</td>
                  <td className="num">{p.idNumber ?? (p.oldIdNumber ? `CMND ${p.oldIdNumber}` : '')}</td>
                  <td>{[p.village, p.unitName].filter(Boolean).join(', ')}</td>
                  <td>{p.hometown ?? ''}</td>
                  {pair.status === 'open' && (
                    <td>
                      {p.inArea && pair.people.every((x) => x.inArea) && (
                        <button type="button" disabled={busy} onClick={() => setPending({ kind: 'merge', pair, keepId: p.id })} data-testid="duplicate-keep">
                          {t('duplicates.keepThis')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {pair.status === 'open' && pair.kind === 'probable' && pair.people.every((x) => x.inArea) && (
            <button type="button" disabled={busy} onClick={() => setPending({ kind: 'distinct', pair, note: '', error: null })} data-testid="duplicate-distinct">
              {t('duplicates.distinct')}
            </button>
          )}
          {pending?.pair.id === pair.id && pending.kind === 'merge' && (
            <div className="confirm-inline" role="alertdialog" aria-labelledby={`merge-${pair.id}`}>
              <p id={`merge-${pair.id}`}>{t('duplicates.confirmMerge', { name: pair.people.find((p) => p.id === pending.keepId)?.fullName ?? '' })}</p>
              <button type="button" className="primary" disabled={busy} onClick={() => void merge(pending)} data-testid="duplicate-merge-run">{t('duplicates.merge')}</button>
              <button type="button" onClick={() => setPending(null)}>{t('admin.users.cancel')}</button>
            </div>
          )}
          {pending?.pair.id === pair.id && pending.kind === 'distinct' && (
            <div className="confirm-inline">
              <label htmlFor={`note-${pair.id}`}>{t('duplicates.note')}</label>
              <input id={`note-${pair.id}`} value={pending.note} maxLength={500} aria-invalid={!!pending.error}
                aria-describedby={pending.error ? `note-${pair.id}-error` : undefined} data-testid="duplicate-note"
                onChange={(e) => setPending({ ...pending, note: e.target.value, error: null })} />
              {pending.error && <span id={`note-${pair.id}-error`} className="field-error" role="alert">{pending.error}</span>}
              <button type="button" className="primary" disabled={busy} onClick={() => distinct(pending)} data-testid="duplicate-distinct-run">{t('duplicates.distinctConfirm')}</button>
              <button type="button" onClick={() => setPending(null)}>{t('admin.users.cancel')}</button>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

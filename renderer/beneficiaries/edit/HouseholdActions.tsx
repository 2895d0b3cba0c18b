import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail } from '../../../shared/contract/beneficiaries';
import { messageOf } from '../../api/call-error';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { useAppSession } from '../../session/app-session';
import { notifyRegisterChanged } from './register-changes';

type Found = { id: string; headName: string; village: string | null; memberCount: number };

/** Hộ gia đình: a new household around this person, a move to another household of the commune, head of household. */
export function HouseholdActions({ person, onDone }: { person: BeneficiaryDetail; onDone(): void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [moving, setMoving] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found[]>([]);
  const [kind, setKind] = useState<'ordinary' | 'poor' | 'near-poor'>('ordinary');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!moving) return;
    let live = true;
    client.call('households.find', { beneficiaryId: person.id, query }).then((rows) => live && setFound(rows.filter((h) => h.id !== person.household?.id)), (e: unknown) => live && setError(messageOf(e)));
    return () => { live = false; };
  }, [client, moving, query, person.id, person.household?.id]);

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      notifyRegisterChanged();
      setMoving(false);
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
    setBusy(false);
  }

  return (
    <div className="household-actions" data-testid="household-actions">
      <div className="button-row">
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} aria-label={t('edit.household.kind')} data-testid="household-kind">
          {(['ordinary', 'poor', 'near-poor'] as const).map((k) => <option key={k} value={k}>{t(`householdKinds.${k}`)}</option>)}
        </select>
        <button type="button" disabled={busy} onClick={() => void run(() => client.call('households.create', { beneficiaryId: person.id, kind }))} data-testid="household-create">{t('edit.household.create')}</button>
        <button type="button" disabled={busy} onClick={() => setMoving((m) => !m)} data-testid="household-move">{t('edit.household.move')}</button>
        {person.household && !person.household.isHead && (
          <button type="button" disabled={busy} onClick={() => void run(() => client.call('households.setHead', { beneficiaryId: person.id }))} data-testid="household-make-head">{t('edit.household.makeHead')}</button>
        )}
        {person.household && (
          <button type="button" disabled={busy} onClick={() => void run(() => client.call('households.assign', { beneficiaryId: person.id, householdId: null }))} data-testid="household-leave">{t('edit.household.leave')}</button>
        )}
      </div>
      {moving && (
        <div className="household-move">
          <label htmlFor="household-query">{t('edit.household.choose')}</label>
          <input id="household-query" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} data-testid="household-query" />
          <ul className="household-results">
            {found.map((h) => (
              <li key={h.id}>
                <button type="button" className="link-button" disabled={busy} data-testid="household-result"
                  onClick={() => void run(() => client.call('households.assign', { beneficiaryId: person.id, householdId: h.id }))}>
                  {h.headName}{h.village ? ` · ${h.village}` : ''} ({h.memberCount})
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage message={error} />
    </div>
  );
}

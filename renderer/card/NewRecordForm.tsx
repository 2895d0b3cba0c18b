import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/call-error';
import { categoryGroupLabel } from '../beneficiaries/row-cells';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';

const GROUPS = ['BTXH', 'NCC', 'TNCC'] as const;

/** "Tạo đối tượng mới từ thẻ": the chip gives the person; the clerk gives only the village and the entitlement. */
export function NewRecordForm({ readId, onCreated }: { readId: string; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [village, setVillage] = useState('');
  const [group, setGroup] = useState<string>('BTXH');
  const [label, setLabel] = useState('');
  const [villages, setVillages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    client.call('beneficiaries.facets', {}).then((f) => live && setVillages(f.villages), () => undefined); // suggestions only
    return () => { live = false; };
  }, [client]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) {
      setError(t('card.needLabel'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await client.call('identity.newRecordFromCard', {
        readId, village: village.trim() || null, categoryGroup: group, categoryLabel: label.trim(),
      });
      onCreated(created.id);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <form className="form new-record" onSubmit={(e) => void submit(e)} data-testid="new-record-form" aria-labelledby="new-record-title">
      <h3 id="new-record-title">{t('card.newRecordTitle')}</h3>
      <p className="muted">{t('card.newRecordIntro')}</p>
      <div className="form-row">
        <div>
          <label htmlFor="new-village">{t('card.village')}</label>
          <input id="new-village" list="new-village-list" value={village} maxLength={200} placeholder={t('card.villagePlaceholder')}
            onChange={(e) => setVillage(e.target.value)} data-testid="new-village" />
          <datalist id="new-village-list">{villages.map((v) => <option key={v} value={v} />)}</datalist>
        </div>
        <div>
          <label htmlFor="new-group">{t('card.categoryGroup')}</label>
          <select id="new-group" value={group} onChange={(e) => setGroup(e.target.value)} data-testid="new-group">
            {GROUPS.map((g) => <option key={g} value={g}>{categoryGroupLabel(t, g)}</option>)}
          </select>
        </div>
        <div className="grow">
          <label htmlFor="new-label">{t('card.categoryLabel')}</label>
          <input id="new-label" value={label} maxLength={200} placeholder={t('card.categoryLabelPlaceholder')}
            onChange={(e) => setLabel(e.target.value)} data-testid="new-label" />
        </div>
      </div>
      <ErrorMessage message={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy} data-testid="new-record-create">{t('card.create')}</button>
      </div>
    </form>
  );
}

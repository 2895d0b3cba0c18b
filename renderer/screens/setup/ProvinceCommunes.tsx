import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitMatch } from '../../../shared/contract/setup';
import { foldVietnamese } from '../../../shared/text/fold';
import { useAppSession } from '../../session/app-session';
import { messageOf } from '../../api/call-error';

/** The communes of a province, to tick those a group office serves; none ticked: the whole province. */
export function ProvinceCommunes({ province, picked, onChange }: {
  province: UnitMatch;
  picked: ReadonlySet<string>;
  onChange: (codes: Set<string>) => void;
}) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [communes, setCommunes] = useState<UnitMatch[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const filterId = useId();

  useEffect(() => {
    let current = true;
    client.call('units.search', { query: '', levels: ['commune'], provinceId: province.id, limit: 500 })
      .then((units) => { if (current) setCommunes(units); })
      .catch((e) => { if (current) setFailure(messageOf(e)); });
    return () => { current = false; };
  }, [client, province.id]);

  const folded = foldVietnamese(filter);
  const shown = (communes ?? []).filter((c) => !folded || foldVietnamese(c.name).includes(folded));
  const toggle = (code: string) => {
    const next = new Set(picked);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    onChange(next);
  };

  return (
    <fieldset className="province-communes">
      <legend>{t('setup.communesOf', { province: province.name })}</legend>
      <small className="hint">{picked.size === 0 ? t('setup.wholeProvince') : t('setup.someCommunes', { count: picked.size })}</small>
      {failure && <p className="field-error" role="alert">{failure}</p>}
      {communes === null && !failure && <p className="muted" aria-busy="true">{t('common.loading')}</p>}
      {communes !== null && (
        <>
          <label htmlFor={filterId}>{t('setup.filterCommunes')}</label>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }} />
          <div className="commune-checklist">
            {shown.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" checked={picked.has(c.code)} onChange={() => toggle(c.code)} />
                {c.name}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}

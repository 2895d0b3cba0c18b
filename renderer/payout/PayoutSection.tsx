import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/contract/roles';
import { parseMonth } from '../../shared/payout/typed-values';
import { AmountChecksPanel } from './AmountChecksPanel';
import { LevelsPanel } from './LevelsPanel';
import { ReconcilePanel } from './ReconcilePanel';
import { RosterPanel } from './RosterPanel';
import './payout.css';

type Tab = 'roster' | 'reconcile' | 'checks' | 'levels';
const TABS: Tab[] = ['roster', 'reconcile', 'checks', 'levels'];

function nextPeriod(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Chi trả: the month's roster, its reconciliation, the amount checks and the standard levels. */
export function PayoutSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(nextPeriod());
  const [typed, setTyped] = useState(`${period.slice(5, 7)}/${period.slice(0, 4)}`);
  const [tab, setTab] = useState<Tab>('roster');
  const typedPeriod = parseMonth(typed);
  return (
    <section className="page payout-page payout" aria-labelledby="payout-title" data-testid="payout-section">
      <h1 id="payout-title">{t('payout.title')}</h1>
      <div className="toolbar">
        <div>
          <label htmlFor="payout-period">{t('payout.periodLabel')}</label>
          <input id="payout-period" type="text" inputMode="numeric" placeholder="mm/yyyy" size={9} value={typed} data-testid="payout-period"
            aria-invalid={!typedPeriod} aria-describedby="payout-period-error"
            onChange={(e) => { setTyped(e.target.value); const p = parseMonth(e.target.value); if (p) setPeriod(p); }} />
          {!typedPeriod && <p id="payout-period-error" className="field-error" role="alert">{t('payout.badPeriod')}</p>}
        </div>
      </div>
      <div className="payout-tabs" role="tablist" aria-label={t('payout.title')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`payout-tab-${id}`} aria-selected={tab === id} aria-controls={`payout-panel-${id}`}
            className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`payout-tab-${id}`}>{t(`payout.tabs.${id}`)}</button>
        ))}
      </div>
      <div role="tabpanel" id={`payout-panel-${tab}`} aria-labelledby={`payout-tab-${tab}`}>
        {tab === 'roster' && <RosterPanel period={period} role={role} />}
        {tab === 'reconcile' && <ReconcilePanel period={period} role={role} />}
        {tab === 'checks' && <AmountChecksPanel role={role} />}
        {tab === 'levels' && <LevelsPanel role={role} />}
      </div>
    </section>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { rosterPeriodSchema } from '../../shared/contract/payout';
import type { Role } from '../../shared/contract/roles';
import { formatCount } from '../../shared/format/money';
import { formatPeriod, periodToOpen } from '../../shared/payout/periods';
import { parseMonth } from '../../shared/payout/typed-values';
import { useAppSession } from '../session/app-session';
import { AmountChecksPanel } from './AmountChecksPanel';
import { LevelsPanel } from './LevelsPanel';
import { ReconcilePanel } from './ReconcilePanel';
import { RosterPanel } from './RosterPanel';
import './payout.css';

type Tab = 'roster' | 'reconcile' | 'checks' | 'levels';
const TABS: Tab[] = ['roster', 'reconcile', 'checks', 'levels'];

type RosterPeriod = z.infer<typeof rosterPeriodSchema>;

function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Chi trả: the month's roster, its reconciliation, the amount checks and the standard levels. */
export function PayoutSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [period, setPeriod] = useState(periodToOpen([], today()));
  const [typed, setTyped] = useState(formatPeriod(period));
  const [tab, setTab] = useState<Tab>('roster');
  const [rosters, setRosters] = useState<RosterPeriod[]>([]);
  const chosen = useRef(false);
  const typedPeriod = parseMonth(typed);
  const open = (p: string) => { setPeriod(p); setTyped(formatPeriod(p)); };
  const loadRosters = useCallback(async () => {
    try {
      const made = await client.call('payout.periods', {});
      setRosters(made);
      // Until the clerk picks a month, the screen opens on the work in hand.
      if (!chosen.current) open(periodToOpen(made, today()));
    } catch { /* the list of months is a help; the month can still be typed */ }
  }, [client]);
  useEffect(() => { void loadRosters(); }, [loadRosters]);
  return (
    <section className="page payout-page payout" aria-labelledby="payout-title" data-testid="payout-section">
      <h1 id="payout-title">{t('payout.title')}</h1>
      <div className="toolbar">
        <div>
          <label htmlFor="payout-period">{t('payout.periodLabel')}</label>
          <input id="payout-period" type="text" inputMode="numeric" placeholder="mm/yyyy" size={9} value={typed} data-testid="payout-period"
            aria-invalid={!typedPeriod} aria-describedby="payout-period-error"
            onChange={(e) => { chosen.current = true; setTyped(e.target.value); const p = parseMonth(e.target.value); if (p) setPeriod(p); }} />
          {!typedPeriod && <p id="payout-period-error" className="field-error" role="alert">{t('payout.badPeriod')}</p>}
        </div>
        {rosters.length > 0 && (
          <nav className="roster-periods" aria-label={t('payout.madeRosters')} data-testid="roster-periods">
            <span className="hint">{t('payout.madeRosters')}:</span>
            {rosters.slice(0, 6).map((r) => (
              <button key={r.period} type="button" className={r.period === period ? 'active' : ''} aria-current={r.period === period ? 'true' : undefined}
                data-testid={`roster-period-${r.period}`} onClick={() => { chosen.current = true; open(r.period); }}>
                <strong>{formatPeriod(r.period)}</strong> · {t(`payout.status.${r.status}`)}
                {r.held > 0 && <> · <span className="held">{t('payout.heldCount', { count: r.held, n: formatCount(r.held) })}</span></>}
              </button>
            ))}
          </nav>
        )}
      </div>
      <div className="payout-tabs" role="tablist" aria-label={t('payout.title')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`payout-tab-${id}`} aria-selected={tab === id} aria-controls={`payout-panel-${id}`}
            className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`payout-tab-${id}`}>{t(`payout.tabs.${id}`)}</button>
        ))}
      </div>
      <div role="tabpanel" id={`payout-panel-${tab}`} aria-labelledby={`payout-tab-${tab}`}>
        {tab === 'roster' && <RosterPanel period={period} role={role} onChanged={() => void loadRosters()} />}
        {tab === 'reconcile' && <ReconcilePanel period={period} role={role} />}
        {tab === 'checks' && <AmountChecksPanel role={role} />}
        {tab === 'levels' && <LevelsPanel role={role} />}
      </div>
    </section>
  );
}

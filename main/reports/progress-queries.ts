import type { SqliteConnection } from '../core/database/open-database';
import { emptyFigures, type ProgressFigures } from '../../shared/reports/progress-figures';
import type { ReportPeriod } from '../../shared/reports/report-period';

// SQL of the progress dashboard: each commune's figures for a period, from the register and its change log (when a
// record, an account or a payment result was first written; when a queue item was decided).

/** The change log's time of an instant: HLC strings start with the wall clock in ms, zero-padded to 15 digits. */
const hlcOf = (ms: number) => String(ms).padStart(15, '0');

const CREATED = (entity: string, id: string) =>
  `(SELECT min(l.hlc) FROM change_log l WHERE l.entity = '${entity}' AND l.entity_id = ${id} AND l.op = 'insert')`;

export function progressByCommune(db: SqliteConnection, unitIds: readonly string[], period: ReportPeriod): Map<string, ProgressFigures> {
  const params = {
    units: JSON.stringify(unitIds),
    fromHlc: hlcOf(period.startMs), toHlc: hlcOf(period.endMs),
    fromIso: new Date(period.startMs).toISOString(), toIso: new Date(period.endMs).toISOString(),
    fromDay: period.from, toDay: dayAfter(period.to),
    // Children: under 16 at the period's end.
    childYear: String(Number(period.to.slice(0, 4)) - 16),
  };
  const out = new Map<string, ProgressFigures>(unitIds.map((id) => [id, emptyFigures()]));
  const figuresOf = (unitId: string) => out.get(unitId) ?? out.set(unitId, emptyFigures()).get(unitId)!;

  const people = db.prepare(`
    WITH p AS (
      SELECT b.id, b.unit_id, b.category_group AS grp, b.birth, b.status, b.status_date, ${CREATED('beneficiaries', 'b.id')} AS created
      FROM beneficiaries b WHERE b.deleted = 0 AND b.unit_id IN (SELECT value FROM json_each(@units))
    ), c AS (
      SELECT p.*, (coalesce(created, '') < @toHlc AND NOT (status IN ('stopped', 'deceased', 'moved') AND coalesce(status_date, '') < @toDay)) AS current FROM p
    )
    SELECT unit_id AS unitId, sum(current) AS people,
      sum(current AND grp = 'NCC') AS ncc, sum(current AND grp = 'TNCC') AS tncc, sum(current AND grp = 'BTXH') AS btxh,
      sum(current AND grp NOT IN ('NCC', 'TNCC', 'BTXH')) AS other,
      sum(current AND substr(coalesce(birth, ''), 1, 4) > @childYear) AS children,
      sum(created >= @fromHlc AND created < @toHlc) AS added,
      sum(status = 'stopped' AND status_date >= @fromDay AND status_date < @toDay) AS stopped,
      sum(status = 'deceased' AND status_date >= @fromDay AND status_date < @toDay) AS deceased,
      sum(current AND EXISTS (SELECT 1 FROM field_verifications v WHERE v.beneficiary_id = c.id AND v.deleted = 0 AND v.source = 'chip' AND coalesce(v.verified_at, '') < @toIso)) AS chip,
      sum(current AND EXISTS (SELECT 1 FROM field_verifications v WHERE v.beneficiary_id = c.id AND v.deleted = 0 AND v.source = 'population' AND coalesce(v.verified_at, '') < @toIso)
        AND NOT EXISTS (SELECT 1 FROM field_verifications v WHERE v.beneficiary_id = c.id AND v.deleted = 0 AND v.source = 'chip' AND coalesce(v.verified_at, '') < @toIso)) AS matching,
      sum(current AND EXISTS (SELECT 1 FROM payment_accounts a WHERE a.beneficiary_id = c.id AND a.deleted = 0 AND a.status = 'active' AND a.owner = 'self'
        AND coalesce(${CREATED('payment_accounts', 'a.id')}, '') < @toHlc)) AS own,
      sum(current AND EXISTS (SELECT 1 FROM payment_accounts a WHERE a.beneficiary_id = c.id AND a.deleted = 0 AND a.status = 'active' AND a.owner = 'authorised'
        AND coalesce(${CREATED('payment_accounts', 'a.id')}, '') < @toHlc)) AS anyAuthorised
    FROM c GROUP BY unit_id`);
  // An account of one's own counts as own even when an authorised one exists too.
  const ownAndAuthorised = db.prepare(`
    SELECT b.unit_id AS unitId, count(*) AS n FROM beneficiaries b
    WHERE b.deleted = 0 AND b.unit_id IN (SELECT value FROM json_each(@units))
      AND coalesce(${CREATED('beneficiaries', 'b.id')}, '') < @toHlc
      AND NOT (b.status IN ('stopped', 'deceased', 'moved') AND coalesce(b.status_date, '') < @toDay)
      AND EXISTS (SELECT 1 FROM payment_accounts a WHERE a.beneficiary_id = b.id AND a.deleted = 0 AND a.status = 'active' AND a.owner = 'self' AND coalesce(${CREATED('payment_accounts', 'a.id')}, '') < @toHlc)
      AND EXISTS (SELECT 1 FROM payment_accounts a WHERE a.beneficiary_id = b.id AND a.deleted = 0 AND a.status = 'active' AND a.owner = 'authorised' AND coalesce(${CREATED('payment_accounts', 'a.id')}, '') < @toHlc)
    GROUP BY b.unit_id`);
  const both = new Map((ownAndAuthorised.all(params) as { unitId: string; n: number }[]).map((r) => [r.unitId, r.n]));
  for (const r of people.all(params) as Record<string, number | string>[]) {
    const f = figuresOf(String(r.unitId));
    const n = (k: string) => Number(r[k] ?? 0);
    f.people = n('people');
    Object.assign(f.categories, { ncc: n('ncc'), tncc: n('tncc'), btxh: n('btxh'), other: n('other'), children: n('children') });
    f.changes = { added: n('added'), stopped: n('stopped'), deceased: n('deceased') };
    f.verified = { chip: n('chip'), matching: n('matching') };
    const authorisedOnly = n('anyAuthorised') - (both.get(String(r.unitId)) ?? 0);
    f.accounts = { own: n('own'), authorised: authorisedOnly, none: f.people - n('own') - authorisedOnly };
  }

  for (const r of db.prepare(`SELECT h.unit_id AS unitId, sum(h.kind = 'poor') AS poor, sum(h.kind = 'near-poor') AS nearPoor FROM households h
      WHERE h.deleted = 0 AND h.unit_id IN (SELECT value FROM json_each(@units)) AND coalesce(${CREATED('households', 'h.id')}, '') < @toHlc
      GROUP BY h.unit_id`).all(params) as { unitId: string; poor: number; nearPoor: number }[]) {
    Object.assign(figuresOf(r.unitId).categories, { poorHouseholds: r.poor ?? 0, nearPoorHouseholds: r.nearPoor ?? 0 });
  }

  // Queue items: open at the end (raised before it, not decided before it); decided during the period.
  for (const r of db.prepare(`
      WITH m AS (
        SELECT b.unit_id, m.status, coalesce(m.created_at, '') AS createdAt,
          (SELECT min(l.hlc) FROM change_log l WHERE l.entity = 'mismatches' AND l.entity_id = m.id AND l.op = 'update' AND l.field = 'status' AND l.new_value <> '"open"') AS decided
        FROM mismatches m JOIN beneficiaries b ON b.id = m.beneficiary_id
        WHERE m.deleted = 0 AND b.unit_id IN (SELECT value FROM json_each(@units)))
      SELECT unit_id AS unitId,
        sum(createdAt < @toIso AND (status = 'open' OR coalesce(decided, '') >= @toHlc)) AS open,
        sum(status <> 'open' AND decided >= @fromHlc AND decided < @toHlc) AS resolved
      FROM m GROUP BY unit_id`).all(params) as { unitId: string; open: number; resolved: number }[]) {
    figuresOf(r.unitId).mismatches = { open: r.open ?? 0, resolved: r.resolved ?? 0 };
  }

  // Paid to an account or in cash: the "paid" results recorded during the period.
  for (const r of paidDuring(db, params, false)) {
    figuresOf(r.unitId)[r.cashless ? 'paidCashless' : 'paidCash'] = { count: r.count, amount: r.amount };
  }
  return out;
}

export interface VillagePaid {
  unitId: string;
  village: string;
  paidCashless: { count: number; amount: number };
  paidCash: { count: number; amount: number };
}

/** What was paid during the period per commune and village (as the roster line names it), for the cash-less share. */
export function paidByVillage(db: SqliteConnection, unitIds: readonly string[], period: ReportPeriod): VillagePaid[] {
  const params = { units: JSON.stringify(unitIds), fromHlc: hlcOf(period.startMs), toHlc: hlcOf(period.endMs) };
  const out = new Map<string, VillagePaid>();
  for (const r of paidDuring(db, params, true)) {
    const key = `${r.unitId}\u0000${r.village}`;
    const v = out.get(key) ?? out.set(key, { unitId: r.unitId, village: r.village!, paidCashless: { count: 0, amount: 0 }, paidCash: { count: 0, amount: 0 } }).get(key)!;
    v[r.cashless ? 'paidCashless' : 'paidCash'] = { count: r.count, amount: r.amount };
  }
  return [...out.values()];
}

const VILLAGE = `coalesce(nullif(trim(l.village), ''), '(không rõ thôn)')`;

/** The "paid" results recorded during the period, counted and summed per commune (and village) and per channel kind. */
function paidDuring(db: SqliteConnection, params: { units: string; fromHlc: string; toHlc: string }, byVillage: boolean):
  { unitId: string; village: string | null; cashless: number; count: number; amount: number }[] {
  return db.prepare(`
      SELECT b.unit_id AS unitId, ${byVillage ? VILLAGE : 'NULL'} AS village, l.channel IN ('own-account', 'authorised-account') AS cashless,
        count(*) AS count, coalesce(sum(r.amount), 0) AS amount
      FROM payout_results r JOIN roster_lines l ON l.id = r.line_id JOIN beneficiaries b ON b.id = l.beneficiary_id
      WHERE r.deleted = 0 AND r.outcome = 'paid' AND b.unit_id IN (SELECT value FROM json_each(@units))
        AND ${CREATED('payout_results', 'r.id')} >= @fromHlc AND ${CREATED('payout_results', 'r.id')} < @toHlc
      GROUP BY 1, 2, 3 ORDER BY 1, 2 COLLATE NOCASE`).all(params) as
    { unitId: string; village: string | null; cashless: number; count: number; amount: number }[];
}

function dayAfter(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

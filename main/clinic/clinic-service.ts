// Clinic reception's check-in: identity, the insurance status within a few seconds (or the last known one, marked
// as not checked today, while the lookup goes on in the background), the visit recorded with its queue number, and
// every lookup in the audit trail. Settings: the gateway, the facility's account and code, each officer's name and CCCD.
import type { z } from 'zod';
import type { checkInInput, InsuranceView, saveClinicSettingsInput } from '../../shared/contract/clinic';
import { isoToGatewayDate, vietnamDay } from '../../shared/clinic/insurance-dates';
import { normaliseFacilityCode } from '../../shared/clinic/initial-facility';
import type { AppDatabase } from '../core/database/open-database';
import { recordAudit } from '../core/audit';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { RecentCardReads } from '../identity/recent-card-reads';
import { checkInPerson, chipPerson, type CheckInPerson } from './check-in-identity';
import type { CardPerson } from '../../shared/contract/card';
import {
  clinicSetting, lastKnownStatus, nextQueueNumber, officerOf, pendingVisits, rememberStatus, saveClinicSettings, saveOfficer, visitById,
  visitsOfDay, type StoredVisit,
} from './clinic-queries';
import { createInsuranceGatewayClient, type CoverageOutcome, type GatewayAccount } from './insurance-gateway-client';
import { RETRYABLE, viewOfAnswer, viewWithoutAnswer, type NoAnswer } from './insurance-view';
import { clinicVisitTable } from './synced-tables';
import { writeVisitsWorkbook } from './visits-workbook';

export interface ClinicOptions {
  /** The longest reception waits for the gateway (default 3 s, ANSINH_INSURANCE_TIMEOUT_MS). */
  gatewayTimeoutMs?: number;
  /** The first background retry (then doubling, at most 5 minutes); default 5 s (ANSINH_CLINIC_RETRY_MS). */
  retryMs?: number;
  /**
   * How long a known patient's lookup may take before the last known status is shown (default 0.6 s: with the
   * chip's identity read at about 0.7 s, reception has it within 1.5 s; a later answer still replaces it), counted from
   * when the lookup was sent (at the chip's identity for a card read). While the gateway is late or failing (a lookup
   * went past this or failed, and nothing has answered since) a known patient gets the last known status at once.
   */
  cacheAfterMs?: number;
  /** ANSINH_INSURANCE_GATEWAY / _USER / _PASSWORD / _FACILITY: the gateway for scripts and tests, over the saved settings. */
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  /** How long a lookup started from a chip's identity waits for its check-in before it is given up (default 1 min). */
  earlyKeepMs?: number;
}

type Officer = { fullName: string; idNumber: string };

const MAX_RETRY_MS = 5 * 60_000;
const REMEMBERED: ReadonlySet<InsuranceView['status']> = new Set(['valid', 'expired', 'reduced', 'not-found']);

export function createClinicService(db: AppDatabase, cardReads: RecentCardReads, options: ClinicOptions = {}) {
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const timeoutMs = options.gatewayTimeoutMs ?? Number(env.ANSINH_INSURANCE_TIMEOUT_MS ?? 3000);
  const retryMs = options.retryMs ?? Number(env.ANSINH_CLINIC_RETRY_MS ?? 5000);
  const cacheAfterMs = options.cacheAfterMs ?? Number(env.ANSINH_INSURANCE_CACHE_AFTER_MS ?? 600);
  const gateway = createInsuranceGatewayClient({ timeoutMs, now });
  /** Visits asked again in the background: visit id → its timer and the next delay. */
  const retries = new Map<string, { timer: NodeJS.Timeout; delayMs: number; officer: Officer | null; actor: Actor }>();
  let closed = false;
  /** Lookups started while the chip was still being read (its photo): user and lookup key → the lookup under way. */
  const early = new Map<string, { lookup: Promise<CoverageOutcome | NoAnswer>; startedAt: number; person: CheckInPerson; timer: NodeJS.Timeout }>();
  /** The gateway went past the grace or could not be reached, and has not answered since (why, then): known patients
   *  do not wait for it. */
  let gatewayLate: 'slow' | 'timeout' | 'unreachable' | null = null;
  const earlyKey = (userId: string, p: Pick<CheckInPerson, 'lookupKey'>) => `${userId}\n${p.lookupKey}`;

  function fromEnvironment(): boolean {
    return Boolean(env.ANSINH_INSURANCE_GATEWAY);
  }

  function account(): GatewayAccount | null {
    const baseUrl = fromEnvironment() ? env.ANSINH_INSURANCE_GATEWAY! : clinicSetting(db.sqlite, 'endpoint');
    const username = fromEnvironment() ? env.ANSINH_INSURANCE_USER : clinicSetting(db.sqlite, 'username');
    const password = fromEnvironment() ? env.ANSINH_INSURANCE_PASSWORD : clinicSetting(db.sqlite, 'password');
    if (!baseUrl || !username || !password) return null;
    return { baseUrl: baseUrl.replace(/\/+$/, ''), username, password };
  }

  function ourFacility(): string | null {
    return normaliseFacilityCode(env.ANSINH_INSURANCE_FACILITY ?? clinicSetting(db.sqlite, 'facilityCode'));
  }

  function keysOf(p: { idNumber: string | null; cardCode: string | null; lookupKey: string | null }, view?: InsuranceView): string[] {
    return [p.lookupKey, p.idNumber, p.cardCode, view?.cardCode, view?.cardCode?.slice(5)].filter((k): k is string => Boolean(k));
  }

  /** Asks the gateway once; null when it cannot even be asked (no settings, no officer, nothing to ask with). */
  async function ask(person: Pick<CheckInPerson, 'lookupKey' | 'fullName' | 'birth'>, officer: Officer | null): Promise<CoverageOutcome | NoAnswer> {
    const acct = account();
    if (!acct) return 'not-configured';
    if (!officer) return 'no-officer';
    if (!person.lookupKey || !person.fullName || !person.birth) return 'no-key';
    const outcome = await gateway.check(acct, { maThe: person.lookupKey, hoTen: person.fullName, ngaySinh: isoToGatewayDate(person.birth), hoTenCb: officer.fullName, cccdCb: officer.idNumber });
    // Any answer, even a malformed one, shows the line works; only silence or no connection makes the next wait moot.
    gatewayLate = outcome.kind === 'failed' && (outcome.failure === 'timeout' || outcome.failure === 'unreachable') ? outcome.failure : null;
    return outcome;
  }

  function auditLookup(actor: Actor, subject: string | null, visitId: string, view: InsuranceView, background: boolean, failure?: string) {
    recordAudit(db, actor, {
      action: 'insurance-lookup',
      subject,
      detail: { visitId, status: view.status, resultCode: view.resultCode, source: view.source, background, ...(failure ? { failure } : {}) },
    });
  }

  /** The view for an outcome: the answer's, or the last known status while the lookup is queued. */
  function viewOf(outcome: CoverageOutcome | NoAnswer, person: { idNumber: string | null; cardCode: string | null; lookupKey: string | null }): { view: InsuranceView; retry: boolean; failure?: string } {
    const at = now();
    if (typeof outcome !== 'string' && outcome.kind === 'answer') {
      const view = viewOfAnswer(outcome.answer, { today: vietnamDay(at), ourFacility: ourFacility(), checkedAt: at, fallbackCardCode: person.cardCode });
      // Worth remembering for the next time the line is down: what the gateway decided about the card itself (not a
      // refusal of how it was asked: a mistyped name, an officer it does not know).
      if (REMEMBERED.has(view.status)) rememberStatus(db.sqlite, keysOf(person, view), view);
      return { view, retry: false };
    }
    const why: NoAnswer = typeof outcome === 'string' ? outcome : outcome.failure;
    const retry = RETRYABLE.has(why);
    return { view: viewWithoutAnswer(why, lastKnownStatus(db.sqlite, keysOf(person)), retry, person.cardCode), retry, failure: why };
  }

  function scheduleRetry(visitId: string, officer: Officer | null, actor: Actor, delayMs: number) {
    if (closed) return;
    const timer = setTimeout(() => void retryVisit(visitId), delayMs);
    timer.unref();
    retries.set(visitId, { timer, delayMs, officer, actor });
  }

  /** A background answer for a pending visit: recorded when final, else asked again later (doubling the wait). */
  function settle(visitId: string, outcome: CoverageOutcome | NoAnswer, officer: Officer | null, actor: Actor, nextDelayMs: number): void {
    if (closed) return;
    const visit = visitById(db.sqlite, visitId);
    if (!visit || visit.insuranceState !== 'pending') return;
    const person = { ...visit.person, lookupKey: visit.lookupKey };
    const { view, retry, failure } = viewOf(outcome, person);
    if (retry) {
      scheduleRetry(visitId, officer, actor, nextDelayMs);
      return; // still no answer: the visit keeps showing what it showed
    }
    runCommand(db, actor, 'clinic-insurance-result', (w) => {
      w.update(clinicVisitTable, visitId, { insurance: JSON.stringify(view), insuranceState: 'done' });
    });
    auditLookup(actor, visit.person.idNumber ?? visit.person.cardCode, visitId, view, true, failure);
  }

  async function retryVisit(visitId: string): Promise<void> {
    const entry = retries.get(visitId);
    retries.delete(visitId);
    if (closed) return;
    const visit = visitById(db.sqlite, visitId);
    if (!entry || !visit || visit.insuranceState !== 'pending') return;
    const outcome = await ask({ ...visit.person, lookupKey: visit.lookupKey }, entry.officer ?? (visit.officerUserId ? officerOf(db.sqlite, visit.officerUserId) : null));
    settle(visitId, outcome, entry.officer, entry.actor, Math.min(entry.delayMs * 2, MAX_RETRY_MS));
  }

  function resumePending() {
    const since = vietnamDay(now() - 86_400_000);
    for (const v of pendingVisits(db.sqlite, since)) scheduleRetry(v.id, null, { userId: v.officerUserId, origin: 'system' }, retryMs);
  }
  resumePending();

  /**
   * The lookup started at the chip's identity for this check-in, if it asked the same question: same card, name and
   * birth, and the officer from the settings (a script's own officer asks afresh).
   */
  function takeEarly(userId: string, input: z.output<typeof checkInInput>, person: CheckInPerson): { lookup: Promise<CoverageOutcome | NoAnswer>; startedAt: number } | null {
    if (!('readId' in input.identity) || input.officer || !person.lookupKey) return null;
    const key = earlyKey(userId, person);
    const entry = early.get(key);
    if (!entry) return null;
    early.delete(key);
    clearTimeout(entry.timer);
    return entry.person.fullName === person.fullName && entry.person.birth === person.birth ? entry : null;
  }

  function publicVisit(v: StoredVisit) {
    const { officerUserId: _u, lookupKey: _k, insuranceState: _s, ...visit } = v;
    return visit;
  }

  return {
    async checkIn(actor: Actor, userId: string, input: z.output<typeof checkInInput>) {
      const person = checkInPerson(input.identity, (readId) => cardReads.get(readId, userId));
      const officer = input.officer ?? officerOf(db.sqlite, userId);
      const { lookup, startedAt } = takeEarly(userId, input, person) ?? { lookup: ask(person, officer), startedAt: now() };
      // Someone checked in here before: their last known status is shown once the gateway is late (the grace counts
      // from when it was asked; none while it is known to be late), and the lookup under way finishes in the
      // background; otherwise reception waits for it, up to the gateway's deadline.
      const known = lastKnownStatus(db.sqlite, keysOf(person)) !== null;
      let late: ReturnType<typeof setTimeout> | undefined;
      const lateAlready = gatewayLate;
      const graceMs = lateAlready ? 0 : Math.max(0, startedAt + cacheAfterMs - now());
      const first = known ? await Promise.race([lookup, new Promise<'late'>((r) => { late = setTimeout(() => r('late'), graceMs); })]) : await lookup;
      clearTimeout(late);
      if (first === 'late') gatewayLate ??= 'slow';
      const outcome: CoverageOutcome | NoAnswer = first === 'late' ? (lateAlready ?? 'slow') : first;
      const { view, retry, failure } = viewOf(outcome, person);
      const at = now();
      const day = vietnamDay(at);
      const { result: visitId } = runCommand(db, actor, 'clinic-check-in', (w) => w.insert(clinicVisitTable, {
        day, number: nextQueueNumber(db.sqlite, day), checkedInAt: at, reason: input.reason || null, officerUserId: userId,
        officerName: officer?.fullName ?? null, identifiedBy: person.identifiedBy, idNumber: person.idNumber, fullName: person.fullName,
        birth: person.birth, sex: person.sex, cardCode: person.cardCode ?? view.cardCode, lookupKey: person.lookupKey,
        insuranceState: retry ? 'pending' : 'done', insurance: JSON.stringify(view),
      }));
      auditLookup(actor, person.idNumber ?? person.cardCode, visitId, view, false, failure);
      if (first === 'late') void lookup.then((o) => settle(visitId, o, input.officer ?? null, actor, retryMs));
      else if (retry) scheduleRetry(visitId, input.officer ?? null, actor, retryMs);
      return publicVisit(visitById(db.sqlite, visitId)!);
    },

    /**
     * The chip's identity is read (card.read for a check-in, the photo still to come): asks the gateway now, so the
     * status is there when the check-in comes. A lookup no check-in takes within a minute is still audited.
     */
    startLookup(actor: Actor, userId: string, cardPerson: CardPerson): void {
      const person = chipPerson(cardPerson);
      if (closed || !person.lookupKey) return;
      const key = earlyKey(userId, person);
      const previous = early.get(key);
      if (previous) clearTimeout(previous.timer);
      const startedAt = now();
      const lookup = ask(person, officerOf(db.sqlite, userId));
      const timer = setTimeout(() => {
        if (early.get(key)?.lookup !== lookup) return;
        early.delete(key);
        void lookup.then((o) => {
          if (closed) return;
          const answer = typeof o !== 'string' && o.kind === 'answer' ? o.answer : null;
          recordAudit(db, actor, {
            action: 'insurance-lookup',
            subject: person.idNumber,
            detail: { visitId: null, unused: true, resultCode: answer?.maKetQua ?? null, ...(typeof o === 'string' ? { failure: o } : o.kind === 'failed' ? { failure: o.failure } : {}) },
          });
        });
      }, options.earlyKeepMs ?? 60_000);
      timer.unref();
      early.set(key, { lookup, startedAt, person, timer });
    },

    visit(id: string) {
      const v = visitById(db.sqlite, id);
      if (!v) throw new AppError('visit-missing', 'Không tìm thấy lượt tiếp đón này.', 'No such visit.');
      return publicVisit(v);
    },

    visits(day?: string) {
      return visitsOfDay(db.sqlite, day ?? vietnamDay(now())).map(publicVisit);
    },

    async exportDay(actor: Actor, day: string | undefined, path: string) {
      const d = day ?? vietnamDay(now());
      const visits = visitsOfDay(db.sqlite, d);
      await writeVisitsWorkbook(visits, d, path);
      recordAudit(db, actor, { action: 'clinic-export', detail: { day: d, count: visits.length } });
      return { day: d, count: visits.length };
    },

    /** Our facility's code and name (no account, no password): what reception prints on the slip. */
    facility() {
      return { code: ourFacility(), name: clinicSetting(db.sqlite, 'facilityName') };
    },

    officer(userId: string): Officer | null {
      return officerOf(db.sqlite, userId);
    },

    setOfficer(actor: Actor, userId: string, officer: Officer) {
      saveOfficer(db.sqlite, userId, { fullName: officer.fullName.normalize('NFC').replace(/\s+/g, ' ').trim(), idNumber: officer.idNumber }, now());
      recordAudit(db, actor, { action: 'clinic-settings', detail: { what: 'officer' } });
      return officerOf(db.sqlite, userId)!;
    },

    settings() {
      return {
        endpoint: clinicSetting(db.sqlite, 'endpoint'), username: clinicSetting(db.sqlite, 'username'), hasPassword: clinicSetting(db.sqlite, 'password') !== null,
        facilityCode: clinicSetting(db.sqlite, 'facilityCode'), facilityName: clinicSetting(db.sqlite, 'facilityName'), fromEnvironment: fromEnvironment(),
      };
    },

    saveSettings(actor: Actor, input: z.output<typeof saveClinicSettingsInput>) {
      saveClinicSettings(db.sqlite, {
        endpoint: input.endpoint.replace(/\/+$/, ''), username: input.username, ...(input.password ? { password: input.password } : {}),
        facilityCode: normaliseFacilityCode(input.facilityCode), facilityName: input.facilityName || null,
      });
      gateway.forgetTokens();
      recordAudit(db, actor, { action: 'clinic-settings', detail: { what: 'gateway' } });
      return this.settings();
    },

    /** Visits still being asked about in the background (tests, diagnostics). */
    retrying: () => retries.size,

    close() {
      closed = true;
      for (const r of retries.values()) clearTimeout(r.timer);
      retries.clear();
      for (const e of early.values()) clearTimeout(e.timer);
      early.clear();
    },
  };
}

export type ClinicService = ReturnType<typeof createClinicService>;

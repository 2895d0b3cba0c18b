// The BHXH coverage check as a facility calls it: a token from /api/token/take with the facility's account (password
// sent as its MD5 hex), kept until it expires and taken again on a 401, then /api/egw/KQNhanLichSuKCB2024. Every
// call has a deadline: reception never waits longer than that for the gateway. Nothing here is logged.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export interface GatewayAccount {
  baseUrl: string;
  username: string;
  password: string;
}

export interface CoverageRequest {
  /** Card code, mã số BHXH or CCCD number. */
  maThe: string;
  hoTen: string;
  /** dd/MM/yyyy or yyyy. */
  ngaySinh: string;
  hoTenCb: string;
  cccdCb: string;
}

const text = z.union([z.string(), z.number().transform(String)]).nullish().transform((v) => (v === undefined || v === null || v === '' ? null : v));

/** The answer's fields we use; anything else is ignored, anything missing is null. */
export const coverageAnswerSchema = z.object({
  maKetQua: z.union([z.string(), z.number().transform((n) => String(n).padStart(3, '0'))]),
  ghiChu: text, maThe: text, hoTen: text, ngaySinh: text, gioiTinh: text, diaChi: text, maDKBD: text, tenDKBD: text, cqBHXH: text,
  gtTheTu: text, gtTheDen: text, maKV: text, ngayDu5Nam: text, maSoBHXH: text, maTheCu: text, maTheMoi: text, gtTheTuMoi: text,
  gtTheDenMoi: text, maDKBDMoi: text, tenDKBDMoi: text,
});
export type CoverageAnswer = z.output<typeof coverageAnswerSchema>;

export type GatewayFailure = 'timeout' | 'unreachable' | 'not-json' | 'no-result-code' | 'http-error' | 'login-refused';

export type CoverageOutcome = { kind: 'answer'; answer: CoverageAnswer; ms: number } | { kind: 'failed'; failure: GatewayFailure; ms: number };

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

interface Token {
  accessToken: string;
  idToken: string;
  expiresAt: number;
}

class Failure extends Error {
  constructor(readonly failure: GatewayFailure) {
    super(failure);
  }
}

/** A token's end: the gateway's expires_in (a date, or seconds), less a minute; about an hour when it says nothing usable. */
function expiryOf(expiresIn: unknown, now: number): number {
  const HOUR = 3_600_000;
  if (typeof expiresIn === 'number' && expiresIn > 0) return now + expiresIn * 1000 - 60_000;
  if (typeof expiresIn === 'string') {
    const at = Date.parse(expiresIn);
    if (!Number.isNaN(at)) return Math.min(at, now + 24 * HOUR) - 60_000;
    if (/^\d+$/.test(expiresIn)) return now + Number(expiresIn) * 1000 - 60_000;
  }
  return now + HOUR - 60_000;
}

export function createInsuranceGatewayClient(options: { timeoutMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, Token>();

  async function post(url: string, body: unknown, signal: AbortSignal): Promise<{ status: number; json: unknown }> {
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
    } catch {
      throw new Failure(signal.aborted ? 'timeout' : 'unreachable');
    }
    let raw: string;
    try {
      raw = await res.text();
    } catch {
      throw new Failure(signal.aborted ? 'timeout' : 'unreachable');
    }
    if (res.status >= 500) throw new Failure('http-error');
    try {
      return { status: res.status, json: JSON.parse(raw) };
    } catch {
      if (res.status === 401) return { status: 401, json: null };
      throw new Failure('not-json');
    }
  }

  async function token(account: GatewayAccount, signal: AbortSignal): Promise<Token> {
    const key = `${account.baseUrl}\n${account.username}`;
    const cached = tokens.get(key);
    if (cached && cached.expiresAt > now()) return cached;
    const { status, json } = await post(`${account.baseUrl}/api/token/take`, { username: account.username, password: md5(account.password) }, signal);
    const body = json as { maKetQua?: unknown; APIKey?: { access_token?: unknown; id_token?: unknown; expires_in?: unknown } } | null;
    const apiKey = body?.APIKey;
    if (status === 401 || String(body?.maKetQua ?? '') === '401') throw new Failure('login-refused');
    if (String(body?.maKetQua ?? '') !== '200' || typeof apiKey?.access_token !== 'string' || typeof apiKey.id_token !== 'string') throw new Failure('no-result-code');
    const fresh = { accessToken: apiKey.access_token, idToken: apiKey.id_token, expiresAt: expiryOf(apiKey.expires_in, now()) };
    tokens.set(key, fresh);
    return fresh;
  }

  async function lookupOnce(account: GatewayAccount, request: CoverageRequest, signal: AbortSignal, t: Token) {
    const q = new URLSearchParams({ token: t.accessToken, id_token: t.idToken, username: account.username, password: md5(account.password) });
    return post(`${account.baseUrl}/api/egw/KQNhanLichSuKCB2024?${q}`, request, signal);
  }

  return {
    /** One coverage check within the deadline: the answer, or why there is none. */
    async check(account: GatewayAccount, request: CoverageRequest, timeoutMs = options.timeoutMs): Promise<CoverageOutcome> {
      const started = now();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        let t = await token(account, controller.signal);
        let res = await lookupOnce(account, request, controller.signal, t);
        if (res.status === 401) {
          // The token expired (or the gateway forgot it): take a new one, once.
          tokens.delete(`${account.baseUrl}\n${account.username}`);
          t = await token(account, controller.signal);
          res = await lookupOnce(account, request, controller.signal, t);
          if (res.status === 401) throw new Failure('login-refused');
        }
        if (res.status >= 400) throw new Failure('http-error');
        const parsed = coverageAnswerSchema.safeParse(res.json);
        if (!parsed.success) throw new Failure(res.json && typeof res.json === 'object' ? 'no-result-code' : 'not-json');
        return { kind: 'answer', answer: parsed.data, ms: now() - started };
      } catch (e) {
        if (e instanceof Failure) return { kind: 'failed', failure: e.failure, ms: now() - started };
        return { kind: 'failed', failure: controller.signal.aborted ? 'timeout' : 'unreachable', ms: now() - started };
      } finally {
        clearTimeout(timer);
      }
    },
    forgetTokens: () => tokens.clear(),
  };
}

export type InsuranceGatewayClient = ReturnType<typeof createInsuranceGatewayClient>;

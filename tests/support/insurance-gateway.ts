// A health-insurance gateway of our own, on loopback, for tests and benchmarks: the two calls of the BHXH coverage
// check (Công văn 1923/BHXH-CNTT, 2024) as facilities see them, scriptable card by card.
//   POST /api/token/take {"username", "password": MD5 hex} → {"maKetQua": "200", "APIKey": {access_token, id_token, …}}
//   POST /api/egw/KQNhanLichSuKCB2024?token=&id_token=&username=&password= {"maThe", "hoTen", "ngaySinh", "hoTenCb",
//        "cccdCb"} → {"maKetQua", "ghiChu", "maThe", "hoTen", …}; HTTP 401 when the token is unknown or expired.
// Never call a real gateway from tests: this one answers with every result code, slowly, never, or with garbage.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface GatewayCard {
  /** The keys it answers to: card code, mã số BHXH, CCCD number (any of them). */
  cardCode: string;
  socialInsuranceNumber?: string;
  idNumber?: string;
  fullName: string;
  /** dd/MM/yyyy or yyyy, as the gateway writes it. */
  birth: string;
  sex?: 'Nam' | 'Nữ';
  address?: string;
  initialFacility?: string;
  initialFacilityName?: string;
  validFrom?: string;
  validTo?: string;
  fiveYearsFrom?: string;
  /** The result code to answer with when the request matches (default "000"). */
  resultCode?: string;
  newCardCode?: string;
  /** How this card's answers misbehave. */
  behaviour?: Behaviour;
}

export type Behaviour =
  | { kind: 'normal' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'hang' } // accepts the request and never answers
  | { kind: 'not-json' }
  | { kind: 'missing-fields' } // a result code but no card fields
  | { kind: 'no-result-code' }
  | { kind: 'http-500' };

export interface GatewayOptions {
  username?: string;
  password?: string;
  /** How long a token lasts (about an hour at BHXH). */
  tokenTtlMs?: number;
  /** Every answer waits this long first (the network and the gateway's own time). */
  delayMs?: number;
  /** Officers the gateway knows; none: any officer is accepted. */
  officers?: { fullName: string; idNumber: string }[];
  cards?: GatewayCard[];
}

export interface InsuranceGateway {
  url: string;
  username: string;
  password: string;
  /** Requests received, by path (for assertions: a refreshed token, a retried lookup). */
  calls: { path: string; body: unknown; at: number; ms: number | null }[];
  setCard(card: GatewayCard): void;
  setDelay(ms: number): void;
  /** Down: every request is cut (the socket destroyed) until up again. */
  setDown(down: boolean): void;
  /** Expires every token issued so far (the next lookup gets a 401). */
  expireTokens(): void;
  stop(): Promise<void>;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

export async function startInsuranceGateway(options: GatewayOptions = {}): Promise<InsuranceGateway> {
  const username = options.username ?? 'cskcb_01054';
  const password = options.password ?? 'matkhau-thu-nghiem';
  const tokenTtlMs = options.tokenTtlMs ?? 3_600_000;
  let delayMs = options.delayMs ?? 0;
  let down = false;
  const cards = new Map<string, GatewayCard>();
  const tokens = new Map<string, { idToken: string; expiresAt: number }>();
  const calls: InsuranceGateway['calls'] = [];
  const sockets = new Set<Socket>();

  function setCard(card: GatewayCard) {
    for (const key of [card.cardCode, card.socialInsuranceNumber ?? card.cardCode.slice(5), card.idNumber]) if (key) cards.set(key, card);
  }
  for (const c of options.cards ?? []) setCard(c);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return null;
    }
  }

  function takeToken(body: Record<string, unknown> | null, res: ServerResponse) {
    if (!body || body.username !== username || body.password !== md5(password)) {
      return send(res, 401, { maKetQua: '401', APIKey: null, ghiChu: 'Sai tên đăng nhập hoặc mật khẩu' });
    }
    const accessToken = randomBytes(16).toString('hex');
    const idToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, { idToken, expiresAt: Date.now() + tokenTtlMs });
    send(res, 200, {
      maKetQua: '200',
      APIKey: { access_token: accessToken, id_token: idToken, token_type: 'Bearer', username, expires_in: new Date(Date.now() + tokenTtlMs).toISOString() },
    });
  }

  function lookup(query: URLSearchParams, body: Record<string, unknown> | null, res: ServerResponse, req: IncomingMessage) {
    const token = tokens.get(query.get('token') ?? '');
    if (!token || token.idToken !== query.get('id_token') || token.expiresAt < Date.now()) return send(res, 401, { maKetQua: '401', ghiChu: 'Token hết hạn hoặc không hợp lệ' });
    if (query.get('username') !== username || query.get('password') !== md5(password)) return send(res, 401, { maKetQua: '401', ghiChu: 'Sai tài khoản' });
    const str = (k: string) => (typeof body?.[k] === 'string' ? (body[k] as string) : null);
    const [maThe, hoTen, ngaySinh, hoTenCb, cccdCb] = ['maThe', 'hoTen', 'ngaySinh', 'hoTenCb', 'cccdCb'].map(str);
    if (!maThe || !hoTen || !ngaySinh || !hoTenCb || !cccdCb || !/^(\d{2}\/\d{2}\/\d{4}|\d{4})$/.test(ngaySinh)) {
      return send(res, 200, { maKetQua: '205', ghiChu: 'Sai định dạng tham số' });
    }
    if (options.officers?.length) {
      const officer = options.officers.find((o) => o.idNumber === cccdCb);
      if (!officer) return send(res, 200, { maKetQua: '055', ghiChu: 'CCCD cán bộ không hợp lệ' });
      if (fold(officer.fullName) !== fold(hoTenCb)) return send(res, 200, { maKetQua: '054', ghiChu: 'Họ tên cán bộ không khớp' });
    }
    const card = cards.get(maThe.toUpperCase());
    if (!card) return send(res, 200, { maKetQua: '050', ghiChu: 'Không tìm thấy thông tin thẻ' });
    const behaviour = card.behaviour ?? { kind: 'normal' };
    if (behaviour.kind === 'hang') return void req.socket.setTimeout(0);
    if (behaviour.kind === 'not-json') return send(res, 200, '<html><body>Hệ thống đang bảo trì</body></html>');
    if (behaviour.kind === 'http-500') return send(res, 500, { message: 'Internal Server Error' });
    if (behaviour.kind === 'no-result-code') return send(res, 200, { ghiChu: 'ok', maThe: card.cardCode });
    if (behaviour.kind === 'missing-fields') return send(res, 200, { maKetQua: card.resultCode ?? '000' });
    let code = card.resultCode ?? '000';
    // The gateway checks the person against the card: a wrong name or birth is a refusal of its own.
    if (code === '000' && fold(hoTen) !== fold(card.fullName)) code = fold(hoTen)[0] === fold(card.fullName)[0] ? '061' : '060';
    else if (code === '000' && ngaySinh !== card.birth && !card.birth.endsWith(ngaySinh)) code = '070';
    const answer = {
      maKetQua: code, ghiChu: `Kết quả ${code}`, maThe: card.cardCode, hoTen: card.fullName, ngaySinh: card.birth, gioiTinh: card.sex ?? 'Nữ',
      diaChi: card.address ?? '', maDKBD: card.initialFacility ?? '01054', cqBHXH: 'BHXH tỉnh', gtTheTu: card.validFrom ?? '01/01/2026',
      gtTheDen: card.validTo ?? '31/12/2026', maKV: '', ngayDu5Nam: card.fiveYearsFrom ?? '', maSoBHXH: card.socialInsuranceNumber ?? card.cardCode.slice(5),
      maTheCu: code === '003' || code === '004' ? card.cardCode : null, maTheMoi: card.newCardCode ?? null,
      gtTheTuMoi: card.newCardCode ? '01/01/2027' : null, gtTheDenMoi: card.newCardCode ? '31/12/2027' : null,
      maDKBDMoi: card.newCardCode ? (card.initialFacility ?? '01054') : null, tenDKBDMoi: card.initialFacilityName ?? null,
      dsLichSuKCB2018: [], dsLichSuKT2018: [],
    };
    const wait = behaviour.kind === 'slow' ? behaviour.delayMs : 0;
    setTimeout(() => send(res, 200, answer), wait);
  }

  const server: Server = createServer((req, res) => {
    if (down) return void req.socket.destroy();
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://gateway');
      // How long the gateway took, from the request's arrival to the answer sent (benchmarks: the gateway's share).
      const call: InsuranceGateway['calls'][number] = { path: url.pathname, body: null, at: Date.now(), ms: null };
      calls.push(call);
      res.on('finish', () => { call.ms = Date.now() - call.at; });
      const body = (await readBody(req)) as Record<string, unknown> | null;
      call.body = body;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (down) return void req.socket.destroy();
      if (req.method !== 'POST') return send(res, 405, { message: 'Method Not Allowed' });
      if (url.pathname === '/api/token/take') return takeToken(body, res);
      if (url.pathname === '/api/egw/KQNhanLichSuKCB2024') return lookup(url.searchParams, body, res, req);
      send(res, 404, { message: 'Not Found' });
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    username,
    password,
    calls,
    setCard,
    setDelay: (ms) => { delayMs = ms; },
    setDown: (d) => {
      down = d;
      if (d) for (const s of sockets) s.destroy();
    },
    expireTokens: () => { for (const t of tokens.values()) t.expiresAt = 0; },
    stop: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

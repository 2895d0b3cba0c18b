import type { ContractRequest } from '../../shared/contract/methods';
import type { Transport } from './transport';

export const CALL_PATH = '/api/call';
export const LAUNCH_KEY_HEADER = 'X-Ansinh-Key';

/** The headless host: POST /api/call on the same origin, with the launch secret in a header. */
export function httpTransport(launchSecret: string | null, fetchImpl: typeof fetch = fetch): Transport {
  return {
    kind: 'http',
    async send(request: ContractRequest): Promise<unknown> {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (launchSecret) headers[LAUNCH_KEY_HEADER] = launchSecret;
      let response: Response;
      try {
        response = await fetchImpl(CALL_PATH, {
          method: 'POST', headers, body: JSON.stringify(request), credentials: 'same-origin', cache: 'no-store',
        });
      } catch {
        return transportFailure('offline', 'Không kết nối được với chương trình An Sinh Desk. Hãy kiểm tra chương trình còn đang chạy.',
          'Cannot reach the An Sinh Desk host.');
      }
      // The host answers refusals (bad key, bad request) with a ContractResponse body and a 4xx status.
      try {
        return await response.json();
      } catch {
        return transportFailure('bad-response', `Máy chủ trả lời không đúng mẫu (mã ${response.status}).`,
          `Host answered with a non-JSON body (HTTP ${response.status}).`);
      }
    },
  };
}

function transportFailure(code: string, message: string, messageEn: string) {
  return { ok: false, error: { code, message, messageEn } };
}

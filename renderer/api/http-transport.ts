import type { ContractRequest } from '../../shared/contract/methods';
import type { Transport } from './transport';

export const CALL_PATH = '/api/call';
export const UPLOAD_PATH = '/api/upload';
export const DOWNLOAD_PATH = '/api/download';
export const LAUNCH_KEY_HEADER = 'X-Ansinh-Key';

const OFFLINE = ['offline', 'Không kết nối được với chương trình An Sinh Desk. Hãy kiểm tra chương trình còn đang chạy.',
  'Cannot reach the An Sinh Desk host.'] as const;

/**
 * The headless host: POST /api/call (JSON), /api/upload (raw bytes) and /api/download (an export's bytes) on the
 * same origin, with the launch secret in a header.
 */
export function httpTransport(launchSecret: string | null, fetchImpl: typeof fetch = fetch): Transport {
  /** POSTs to the host with the launch secret; a Response, or a transport failure when the host is unreachable. */
  async function postRaw(path: string, contentType: string, body: BodyInit): Promise<Response | ReturnType<typeof transportFailure>> {
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (launchSecret) headers[LAUNCH_KEY_HEADER] = launchSecret;
    try {
      return await fetchImpl(path, { method: 'POST', headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      return transportFailure(...OFFLINE);
    }
  }

  // The host answers refusals (bad key, bad request, file too large, download gone) with a ContractResponse
  // body and a 4xx status.
  async function answerOf(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      return transportFailure('bad-response', `Máy chủ trả lời không đúng mẫu (mã ${response.status}).`,
        `Host answered with a non-JSON body (HTTP ${response.status}).`);
    }
  }

  async function post(path: string, contentType: string, body: BodyInit): Promise<unknown> {
    const response = await postRaw(path, contentType, body);
    return response instanceof Response ? answerOf(response) : response;
  }

  /** Fetches the export (the host deletes it once sent) and lets the browser save it under its name. */
  async function save(downloadRef: string, fileName: string): Promise<unknown> {
    const response = await postRaw(DOWNLOAD_PATH, 'application/json', JSON.stringify({ downloadRef }));
    if (!(response instanceof Response)) return response;
    if (!response.ok) return answerOf(response);
    const url = URL.createObjectURL(await response.blob());
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
    return { ok: true, output: { saved: true } };
  }

  return {
    kind: 'http',
    send: (request: ContractRequest) => post(CALL_PATH, 'application/json', JSON.stringify(request)),
    upload: (file: Blob) => post(UPLOAD_PATH, 'application/octet-stream', file),
    save,
  };
}

function transportFailure(code: string, message: string, messageEn: string) {
  return { ok: false, error: { code, message, messageEn } };
}

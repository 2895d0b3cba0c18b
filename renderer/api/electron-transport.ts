import type { ContractRequest } from '../../shared/contract/methods';
import type { Transport } from './transport';

/** What the Electron preload exposes on `window.ansinh`: one call, handing over a file, saving an export. */
export interface PreloadApi {
  call(request: ContractRequest): Promise<unknown>;
  upload(bytes: ArrayBuffer): Promise<unknown>;
  save(downloadRef: string, fileName: string): Promise<unknown>;
}

export function preloadApi(): PreloadApi | null {
  const api = (globalThis as { ansinh?: Partial<PreloadApi> }).ansinh;
  return api && typeof api.call === 'function' && typeof api.upload === 'function' && typeof api.save === 'function' ? (api as PreloadApi) : null;
}

export function electronTransport(api: PreloadApi): Transport {
  return {
    kind: 'electron',
    send: (request) => api.call(request),
    upload: async (file) => api.upload(await file.arrayBuffer()),
    save: (downloadRef, fileName) => api.save(downloadRef, fileName),
  };
}

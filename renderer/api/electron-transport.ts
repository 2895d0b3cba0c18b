import type { ContractRequest } from '../../shared/contract/methods';
import type { Transport } from './transport';

/** What the Electron preload exposes on `window.ansinh`: one function, nothing else. */
export interface PreloadApi {
  call(request: ContractRequest): Promise<unknown>;
}

export function preloadApi(): PreloadApi | null {
  const api = (globalThis as { ansinh?: Partial<PreloadApi> }).ansinh;
  return api && typeof api.call === 'function' ? (api as PreloadApi) : null;
}

export function electronTransport(api: PreloadApi): Transport {
  return { kind: 'electron', send: (request) => api.call(request) };
}

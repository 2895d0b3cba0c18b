import { electronTransport, preloadApi } from './electron-transport';
import { httpTransport } from './http-transport';
import { takeLaunchSecret } from './launch-secret';
import type { Transport } from './transport';

/** Inside Electron the preload's API; in a browser the headless host over HTTP. */
export function chooseTransport(win: Window = window): Transport {
  const api = preloadApi();
  return api ? electronTransport(api) : httpTransport(takeLaunchSecret(win));
}

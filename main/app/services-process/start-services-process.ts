import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServiceOptions } from '../services';
import { startServicesBridge, withRestartKey, type BridgeOptions, type ServicesChild, type ServicesProcess } from './services-bridge';

export type { ServicesProcess } from './services-bridge';

/** The services in a Node child process (the headless host), through the shared bridge. */
export function forkServicesChild(options: ServiceOptions, entry = fileURLToPath(new URL('./services-child.mjs', import.meta.url))): ServicesChild {
  const child = fork(entry, [], { env: { ...process.env, ANSINH_SERVICE_OPTIONS: JSON.stringify(options) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // A failed spawn (or a send on a closed channel) also ends in 'exit' or is answered by the bridge's exit handling.
  child.on('error', () => undefined);
  return {
    send: (message) => {
      if (!child.connected) throw new Error('services channel closed');
      child.send(message as object);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
    get pid() {
      return child.pid;
    },
  };
}

/** Starts the services in a child process; resolves once the database is open (or rejects with its AppError). */
export function startServicesProcess(options: ServiceOptions, entry?: string, bridge: BridgeOptions = {}): Promise<ServicesProcess> {
  return startServicesBridge(() => forkServicesChild(options, entry), withRestartKey(options, bridge));
}

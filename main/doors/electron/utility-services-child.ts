import { utilityProcess } from 'electron';
import type { ServicesChild } from '../../app/services-process/services-bridge';
import type { ServiceOptions } from '../../app/services';

/**
 * The Electron-specific part of the services bridge: the services in a utility process instead of a Node child
 * process. Everything else (calls, exit handling, restarts) is the shared bridge of main/app/services-process.
 */
export function utilityServicesChild(entry: string, options: ServiceOptions): ServicesChild {
  const child = utilityProcess.fork(entry, [], {
    env: { ...process.env, ANSINH_SERVICE_OPTIONS: JSON.stringify(options) },
    serviceName: 'An Sinh Desk services',
  });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => {
      child.kill();
    },
    get pid() {
      return child.pid;
    },
  };
}

// `npx tsx tests/e2e/support/main-thread-host.ts DB`: the headless host (the same HTTP door and services as
// `ansinh serve`) with the services on the process's main thread, as the Electron app runs them (its utility
// process) — for the chip-card tests. `ansinh serve` runs them in a worker thread, where the pcsclite addon aborts
// the process on its first reader event (v8 "Cannot create a handle without a HandleScope"); until the door moves
// PC/SC out of the worker, the card screens are tested against this host. Prints {"url": …} like `ansinh serve --json`.
import { join } from 'node:path';
import { dispatch } from '../../../main/app/dispatch';
import { createServices } from '../../../main/app/services';
import { projectRoot } from '../../../main/core/app-paths';
import { startHostServer } from '../../../main/doors/host/host-server';

const dbPath = process.argv[2];
if (!dbPath) {
  console.error('usage: main-thread-host.ts DB');
  process.exit(2);
}
const services = createServices({ dbPath, create: false, quiet: true });
const host = await startHostServer({
  services: { call: (request, origin) => dispatch(services, request, origin), close: () => services.close() },
  rendererDir: join(projectRoot(), 'dist', 'renderer'),
});
console.log(JSON.stringify({ url: host.url }));
process.once('SIGTERM', () => {
  void host.close().then(() => services.close()).finally(() => process.exit(0));
});

// Entry of the Electron utility process that owns the database: the services run here, off the window's
// event loop, exactly as in the headless host's worker. It receives contract requests from the shell.
import { dispatch } from '../../app/dispatch';
import { createServices } from '../../app/services';

interface ParentPort {
  on(event: 'message', listener: (e: { data: { id: number; request: unknown } }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort;
const dbPath = process.env.ANSINH_DB_PATH!;
// The data key the shell unwrapped from the OS key store (os-key-store.ts); not left in this process's environment.
const dataKeyHex = process.env.ANSINH_DB_KEY;
delete process.env.ANSINH_DB_KEY;

try {
  const services = createServices({ dbPath, create: false, logFile: process.env.ANSINH_LOG_FILE, dataKeyHex });
  parentPort.on('message', ({ data }) => {
    void dispatch(services, data.request, 'electron').then((response) => parentPort.postMessage({ id: data.id, response }));
  });
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ fatal: String((e as Error).message ?? e) });
}

import { isAppError } from '../../core/errors';
import type { Origin } from '../../core/write-path';
import { dispatch } from '../dispatch';
import { appVersion, createServices, type ServiceOptions, type Services } from '../services';
import { dataKeyHexOf } from '../database-unlock';
import { lockedDatabase } from '../locked-database';
import type { ContractResponse } from '../../../shared/contract/methods';
import { keepHeapSteady } from '../../core/steady-heap';

// The services (and so the synchronous database and the PC/SC addon) in a process of their own: a child process
// of the headless host, or Electron's utility process. Off the door's event loop, and on a process's main
// thread, which the pcsclite addon needs (it aborts inside a worker thread).
type Message = { id: number; request: unknown; origin: Origin } | { close: true };

interface Port {
  send(message: unknown): void;
  onMessage(listener: (message: Message) => void): void;
  /** Ends this process's side of the channel (and so the process), once the last message is out. */
  disconnect(): void;
}

/** Electron's utility process talks through process.parentPort; a Node child process through process.send. */
function parentPort(): Port {
  const electronPort = (process as unknown as { parentPort?: { on(e: 'message', l: (e: { data: Message }) => void): void; postMessage(m: unknown): void } }).parentPort;
  if (electronPort) {
    return { send: (m) => electronPort.postMessage(m), onMessage: (l) => electronPort.on('message', (e) => l(e.data)), disconnect: () => setTimeout(() => process.exit(0), 200) };
  }
  // The host going away takes its services with it.
  process.on('disconnect', () => process.exit(0));
  return { send: (m) => process.send!(m), onMessage: (l) => process.on('message', l), disconnect: () => process.disconnect() };
}

keepHeapSteady();
const port = parentPort();
// Read once and dropped: the options may carry the database's data key (the Electron door unwraps it from the OS key store).
const options = JSON.parse(process.env.ANSINH_SERVICE_OPTIONS ?? '{}') as ServiceOptions;
delete process.env.ANSINH_SERVICE_OPTIONS;
let services: Services | null = null;
let locked: ((request: unknown) => Promise<ContractResponse>) | null = null;
let keyAnnounced = false;

/**
 * Once the database is encrypted and open (unlocked by the passphrase, or encrypted by the setup screen), its data
 * key goes to the door once: the Electron door keeps it in the OS key store, and either door restarts a crashed
 * services process with it instead of asking for the passphrase again.
 */
function announceKey(): void {
  if (keyAnnounced || !services?.db.encrypted) return;
  const dataKey = dataKeyHexOf(services.db);
  if (!dataKey) return;
  keyAnnounced = true;
  port.send({ dataKey });
}

try {
  try {
    services = createServices(options);
  } catch (e) {
    // An encrypted database without its key: the window asks for the recovery passphrase (locked-database.ts).
    if (!isAppError(e) || e.code !== 'passphrase-needed') throw e;
    locked = lockedDatabase(options, appVersion(), (opened) => {
      services = opened;
      locked = null;
    });
  }
  port.onMessage((message) => {
    if ('close' in message) {
      void (services?.close() ?? Promise.resolve()).finally(() => port.disconnect());
      return;
    }
    const answer = locked ? locked(message.request) : dispatch(services!, message.request, message.origin);
    void answer.then((response) => {
      announceKey();
      port.send({ id: message.id, response });
    });
  });
  announceKey();
  port.send({ ready: true });
} catch (e) {
  port.send({ fatal: isAppError(e) ? { code: e.code, messageVi: e.messageVi, messageEn: e.messageEn } : { code: 'internal', messageVi: 'Không khởi động được dịch vụ.', messageEn: String(e) } });
  port.disconnect();
}

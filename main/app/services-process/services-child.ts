import { isAppError } from '../../core/errors';
import type { Origin } from '../../core/write-path';
import { dispatch } from '../dispatch';
import { createServices, type ServiceOptions } from '../services';

// The services (and so the synchronous database and the PC/SC addon) in a child process of the headless host,
// as Electron runs them in its utility process: off the door's event loop, and on a process's main thread,
// which the pcsclite addon needs (it aborts inside a worker thread).
type Message = { id: number; request: unknown; origin: Origin } | { close: true };

const send = (message: unknown) => process.send!(message);
try {
  const services = createServices(JSON.parse(process.env.ANSINH_SERVICE_OPTIONS ?? '{}') as ServiceOptions);
  process.on('message', (message: Message) => {
    if ('close' in message) {
      void services.close().finally(() => process.disconnect());
      return;
    }
    void dispatch(services, message.request, message.origin).then((response) => send({ id: message.id, response }));
  });
  // The host going away takes its services with it.
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
} catch (e) {
  send({ fatal: isAppError(e) ? { code: e.code, messageVi: e.messageVi, messageEn: e.messageEn } : { code: 'internal', messageVi: 'Không khởi động được dịch vụ.', messageEn: String(e) } });
  process.disconnect();
}

import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../../core/errors';
import type { Origin } from '../../core/write-path';
import { dispatch } from '../dispatch';
import { createServices, type ServiceOptions } from '../services';

// Runs the services (and so the synchronous database) off the door's event loop.
const port = parentPort!;
try {
  const services = createServices(workerData as ServiceOptions);
  port.on('message', (message: { id: number; request: unknown; origin: Origin } | { close: true }) => {
    if ('close' in message) {
      void services.close().finally(() => port.close());
      return;
    }
    void dispatch(services, message.request, message.origin).then((response) => port.postMessage({ id: message.id, response }));
  });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ fatal: isAppError(e) ? { code: e.code, messageVi: e.messageVi, messageEn: e.messageEn } : { code: 'internal', messageVi: 'Không khởi động được dịch vụ.', messageEn: String(e) } });
}

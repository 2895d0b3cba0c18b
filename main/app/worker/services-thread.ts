import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { ContractResponse } from '../../../shared/contract/methods';
import { AppError } from '../../core/errors';
import type { Origin } from '../../core/write-path';
import type { ServiceOptions } from '../services';

export interface ServicesThread {
  call(request: unknown, origin: Origin): Promise<ContractResponse>;
  close(): Promise<void>;
}

/** Starts the services in a worker thread; resolves once the database is open (or rejects with its AppError). */
export function startServicesThread(options: ServiceOptions, entry = fileURLToPath(new URL('./services-worker.mjs', import.meta.url))): Promise<ServicesThread> {
  const worker = new Worker(entry, { workerData: options });
  const pending = new Map<number, (r: ContractResponse) => void>();
  let nextId = 1;
  return new Promise((resolveStart, rejectStart) => {
    worker.on('message', (m: { ready?: true; fatal?: { code: string; messageVi: string; messageEn: string }; id?: number; response?: ContractResponse }) => {
      if (m.ready) {
        resolveStart({
          call(request, origin) {
            const id = nextId++;
            return new Promise((res) => {
              pending.set(id, res);
              worker.postMessage({ id, request, origin });
            });
          },
          async close() {
            worker.postMessage({ close: true });
            await new Promise((r) => worker.once('exit', r));
          },
        });
      } else if (m.fatal) {
        rejectStart(new AppError(m.fatal.code, m.fatal.messageVi, m.fatal.messageEn));
        void worker.terminate();
      } else if (m.id !== undefined) {
        pending.get(m.id)?.(m.response!);
        pending.delete(m.id);
      }
    });
    worker.on('error', (e) => rejectStart(new AppError('internal', 'Dịch vụ nền bị lỗi.', String(e))));
    worker.on('exit', () => {
      for (const res of pending.values()) res({ ok: false, error: { code: 'internal', message: 'Dịch vụ nền đã dừng.', messageEn: 'Service worker stopped.' } });
      pending.clear();
    });
  });
}

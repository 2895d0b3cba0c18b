import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ContractResponse } from '../../../shared/contract/methods';
import { AppError } from '../../core/errors';
import type { Origin } from '../../core/write-path';
import type { ServiceOptions } from '../services';

export interface ServicesProcess {
  call(request: unknown, origin: Origin): Promise<ContractResponse>;
  close(): Promise<void>;
}

type ChildMessage = { ready?: true; fatal?: { code: string; messageVi: string; messageEn: string }; id?: number; response?: ContractResponse };

/** Starts the services in a child process; resolves once the database is open (or rejects with its AppError). */
export function startServicesProcess(options: ServiceOptions, entry = fileURLToPath(new URL('./services-child.mjs', import.meta.url))): Promise<ServicesProcess> {
  const child = fork(entry, [], { env: { ...process.env, ANSINH_SERVICE_OPTIONS: JSON.stringify(options) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (r: ContractResponse) => void>();
  let nextId = 1;
  const stopped: ContractResponse = { ok: false, error: { code: 'internal', message: 'Dịch vụ nền đã dừng; hãy khởi động lại ứng dụng.', messageEn: 'The services process stopped.' } };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolveStart, rejectStart) => {
    child.on('message', (m: ChildMessage) => {
      if (m.ready) {
        resolveStart({
          call(request, origin) {
            if (!child.connected) return Promise.resolve(stopped);
            const id = nextId++;
            return new Promise((res) => {
              pending.set(id, res);
              child.send({ id, request, origin });
            });
          },
          async close() {
            if (child.connected) child.send({ close: true });
            await exited;
          },
        });
      } else if (m.fatal) {
        rejectStart(new AppError(m.fatal.code, m.fatal.messageVi, m.fatal.messageEn));
      } else if (m.id !== undefined) {
        pending.get(m.id)?.(m.response!);
        pending.delete(m.id);
      }
    });
    child.on('error', (e) => rejectStart(new AppError('internal', 'Không khởi động được dịch vụ nền.', String(e))));
    child.on('exit', () => {
      rejectStart(new AppError('internal', 'Dịch vụ nền dừng khi khởi động.', 'The services process exited at start.'));
      for (const res of pending.values()) res(stopped);
      pending.clear();
    });
  });
}

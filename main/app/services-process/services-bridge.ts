import type { ContractResponse } from '../../../shared/contract/methods';
import { AppError } from '../../core/errors';
import type { Origin } from '../../core/write-path';

// The one bridge between a door and the services running in a process of their own (the headless host's child
// process, Electron's utility process). A call is never left hanging: when the services process dies, every
// call waiting for it is answered with a clear error, and the process is started again; if it keeps dying,
// the bridge reports it once and answers every later call at once with what to do.

/** What the bridge needs of a services process; the door's adapter maps child_process or utilityProcess onto it. */
export interface ServicesChild {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
  readonly pid: number | undefined;
}

export interface ServicesProcess {
  call(request: unknown, origin: Origin): Promise<ContractResponse>;
  close(): Promise<void>;
  /** The current services process (for diagnostics and tests). */
  pid(): number | undefined;
}

export interface BridgeOptions {
  /** Restarts allowed within `windowMs` before the bridge gives up and reports (default 3 in a minute). */
  maxRestarts?: number;
  windowMs?: number;
  /** Told once when the services process keeps dying (the door shows or prints it). */
  onGiveUp?: (error: AppError) => void;
  /** Told at each restart (e.g. for the log). */
  onRestart?: (exitCode: number | null) => void;
  /**
   * Told the data key (hex) of the encrypted database once the services have it open (unlocked by the passphrase
   * typed in the window, or encrypted at setup): the Electron door keeps it in the OS key store; both doors start
   * a crashed services process again with it.
   */
  onDataKey?: (dataKeyHex: string) => void;
}

type ChildMessage = { ready?: true; fatal?: { code: string; messageVi: string; messageEn: string }; dataKey?: string; id?: number; response?: ContractResponse };

/** The answer to a call the services process died in the middle of. */
export const SERVICES_STOPPED: ContractResponse = {
  ok: false,
  error: {
    code: 'services-stopped',
    message: 'Dịch vụ nền của ứng dụng vừa dừng đột ngột nên việc này chưa hoàn tất (dữ liệu không bị ghi dở). Dịch vụ đang được khởi động lại: hãy thử lại, đăng nhập lại nếu được hỏi.',
    messageEn: 'The services process stopped during this request; it is being restarted. Try again.',
  },
};

const FAILED_VI = 'Dịch vụ nền của ứng dụng liên tục bị dừng. Hãy đóng và mở lại ứng dụng; nếu vẫn lỗi, báo cho quản trị viên.';
const FAILED_EN = 'The services process keeps stopping. Restart the application; if it persists, call the administrator.';

/** The answer to every call once the services process has died too often. */
export const SERVICES_FAILED: ContractResponse = { ok: false, error: { code: 'services-failed', message: FAILED_VI, messageEn: FAILED_EN } };

const CLOSED: ContractResponse = { ok: false, error: { code: 'services-closed', message: 'Ứng dụng đang đóng.', messageEn: 'The application is closing.' } };

/**
 * Starts the services through `spawn` and resolves once they are ready (or rejects with the AppError that kept
 * them from starting: a database that cannot be opened is not retried).
 */
export function startServicesBridge(spawn: () => ServicesChild, options: BridgeOptions = {}): Promise<ServicesProcess> {
  const maxRestarts = options.maxRestarts ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const restarts: number[] = [];
  const pending = new Map<number, (r: ContractResponse) => void>();
  let nextId = 1;
  let child: ServicesChild;
  let state: 'starting' | 'ready' | 'failed' | 'closing' | 'closed' = 'starting';
  /** Calls made while the process (re)starts wait here. */
  let waiting: (() => void)[] = [];
  let closed: () => void = () => undefined;
  const whenClosed = new Promise<void>((resolve) => { closed = resolve; });

  function answerAll(response: ContractResponse): void {
    for (const answer of pending.values()) answer(response);
    pending.clear();
  }

  function wakeWaiting(): void {
    const wake = waiting;
    waiting = [];
    for (const w of wake) w();
  }

  function giveUp(error: AppError): void {
    state = 'failed';
    answerAll(SERVICES_FAILED);
    wakeWaiting();
    options.onGiveUp?.(error);
  }

  function launch(onFirstStart?: { resolve: () => void; reject: (e: AppError) => void }): void {
    state = 'starting';
    const current = spawn();
    child = current;
    let ready = false;
    current.onMessage((raw) => {
      const m = raw as ChildMessage;
      if (m.ready) {
        ready = true;
        state = 'ready';
        onFirstStart?.resolve();
        wakeWaiting();
      } else if (m.fatal) {
        const error = new AppError(m.fatal.code, m.fatal.messageVi, m.fatal.messageEn);
        if (onFirstStart) onFirstStart.reject(error);
        else giveUp(error);
      } else if (m.dataKey) {
        options.onDataKey?.(m.dataKey);
      } else if (m.id !== undefined) {
        pending.get(m.id)?.(m.response!);
        pending.delete(m.id);
      }
    });
    current.onExit((code) => {
      if (current !== child) return;
      if (state === 'closing' || state === 'closed') {
        state = 'closed';
        answerAll(CLOSED);
        wakeWaiting();
        closed();
        return;
      }
      if (state === 'failed') return;
      answerAll(SERVICES_STOPPED);
      if (onFirstStart && !ready) {
        onFirstStart.reject(new AppError('internal', 'Dịch vụ nền dừng khi khởi động.', `The services process exited at start (${code}).`));
        state = 'failed';
        return;
      }
      const now = Date.now();
      while (restarts.length && now - restarts[0] > windowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        giveUp(new AppError('services-failed', FAILED_VI, `${FAILED_EN} (${restarts.length + 1} exits within ${windowMs} ms)`));
        return;
      }
      restarts.push(now);
      options.onRestart?.(code);
      launch();
    });
  }

  const bridge: ServicesProcess = {
    async call(request, origin) {
      while (state === 'starting') await new Promise<void>((resolve) => waiting.push(resolve));
      if (state === 'failed') return SERVICES_FAILED;
      if (state !== 'ready') return CLOSED;
      const id = nextId++;
      return new Promise<ContractResponse>((resolve) => {
        pending.set(id, resolve);
        try {
          child.send({ id, request, origin });
        } catch {
          // The channel closed under us: the exit handler answers this call.
        }
      });
    },
    async close() {
      if (state === 'closed') return;
      const wasRunning = state === 'ready' || state === 'starting';
      state = 'closing';
      if (!wasRunning) {
        state = 'closed';
        closed();
        return;
      }
      // A process that does not finish closing in time (or cannot be told to) is ended.
      const timer = setTimeout(() => child.kill(), 10_000);
      try {
        child.send({ close: true });
      } catch {
        child.kill();
      }
      await whenClosed;
      clearTimeout(timer);
    },
    pid: () => child?.pid,
  };

  return new Promise((resolve, reject) => {
    launch({ resolve: () => resolve(bridge), reject: (e) => { state = 'failed'; try { child.kill(); } catch { /* already gone */ } reject(e); } });
  });
}

/**
 * The bridge options of a door whose services may be restarted: once the services announce the data key, a
 * restart gets it (`options` is updated in place) instead of waiting locked for the passphrase again.
 */
export function withRestartKey(options: { dataKeyHex?: string; passphrase?: string }, bridge: BridgeOptions): BridgeOptions {
  return {
    ...bridge,
    onDataKey(dataKeyHex) {
      options.dataKeyHex = dataKeyHex;
      delete options.passphrase;
      bridge.onDataKey?.(dataKeyHex);
    },
  };
}

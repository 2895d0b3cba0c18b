import { appendFileSync } from 'node:fs';
import { redactText, redactValue } from './redaction';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, data?: Record<string, unknown>): void;
}

/** Writes one redacted JSON line per event to a file (or stderr), never personal numbers in clear. */
export function createLogger(target: { file?: string; minLevel?: LogLevel } = {}): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(target.minLevel ?? 'info');
  return {
    log(level, event, data) {
      if (order.indexOf(level) < min) return;
      const line = JSON.stringify({ t: new Date().toISOString(), level, event: redactText(event), ...(redactValue(data ?? {}) as object) });
      if (target.file) appendFileSync(target.file, line + '\n');
      else process.stderr.write(line + '\n');
    },
  };
}

export const silentLogger: Logger = { log() {} };

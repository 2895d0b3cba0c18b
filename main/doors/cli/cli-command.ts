import type { ParseArgsConfig } from 'node:util';
import { defaultDatabasePath } from '../../core/app-paths';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliContext {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  io: CliIo;
  json: boolean;
  /** `--db PATH`, or the app's own database. */
  dbPath: string;
  /** Prints the one JSON document of a --json run, or the human text otherwise. */
  print(document: unknown, human: string): void;
  progress(line: string): void;
}

export interface CliCommand {
  name: string;
  /** One line, Vietnamese / English, for `ansinh help`. */
  summary: string;
  usage: string;
  options: CliOptions;
  /** Returns the exit code (0 = success). Failures throw AppError: the door prints its one line. */
  run(ctx: CliContext): Promise<number> | number;
}

export const COMMON_OPTIONS: CliOptions = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export function resolveDbPath(values: CliContext['values']): string {
  return typeof values.db === 'string' && values.db ? values.db : defaultDatabasePath();
}

import type { ParseArgsConfig } from 'node:util';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods';
import type { User } from '../../../shared/contract/accounts';
import { defaultDatabasePath } from '../../app/app-paths';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The environment the command reads ANSINH_USER / ANSINH_PASSWORD from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * Asks for a secret without echoing it, or null when there is no terminal to ask on
   * (default: stdin when it is a TTY). A command then fails at once instead of waiting.
   */
  promptSecret?: ((question: string) => Promise<string>) | null;
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
  /**
   * Calls a contract method through dispatch (validation, session, permission) as the signed-in user.
   * Only for commands with `needsUser`; a refusal throws the AppError the door prints as its one line.
   */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The signed-in user (commands with `needsUser`), else null. */
  user: User | null;
}

export interface CliCommand {
  name: string;
  /** One line, Vietnamese / English, for `ansinh help`. */
  summary: string;
  usage: string;
  options: CliOptions;
  /**
   * The command reads or writes people's data: the door opens the services on --db and signs in
   * (--user / ANSINH_USER, ANSINH_PASSWORD or a prompt) before `run`, and `ctx.call` goes through dispatch.
   */
  needsUser?: boolean;
  /** Returns the exit code (0 = success). Failures throw AppError: the door prints its one line. */
  run(ctx: CliContext): Promise<number> | number;
}

export const COMMON_OPTIONS: CliOptions = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Added to the options of a command that `needsUser`. */
export const USER_OPTIONS: CliOptions = {
  user: { type: 'string' },
};

export function resolveDbPath(values: CliContext['values']): string {
  return typeof values.db === 'string' && values.db ? values.db : defaultDatabasePath();
}

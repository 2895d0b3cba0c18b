import type { ContractResponse, MethodName } from '../../../shared/contract/methods';
import type { User } from '../../../shared/contract/accounts';
import { dispatch } from '../../app/dispatch';
import { createServices, type Services } from '../../app/services';
import { AppError } from '../../app/errors';
import type { CliContext, CliIo } from './cli-command';
import { readHidden } from './passphrase-prompt';

// The CLI signs in like the other doors: the services are opened on --db (inline: a CLI run is one process and
// one command), the user logs in through `auth.login`, and every call goes through dispatch with that session,
// so the contract, the permissions, the user's area and the audit trail ("cli", that user) are the same.

export interface CliSession {
  user: User;
  call: CliContext['call'];
  /** Logs out and closes the database. */
  close(): Promise<void>;
}

export interface SignInOptions {
  dbPath: string;
  /** --user, when given. */
  username: string | undefined;
  io: CliIo;
  debug: boolean;
}

const toAppError = (response: Extract<ContractResponse, { ok: false }>) =>
  new AppError(response.error.code, response.error.message, response.error.messageEn ?? response.error.message);

/** Who is asking: --user or ANSINH_USER, and the password from ANSINH_PASSWORD or the terminal. Nothing is opened yet. */
export async function cliCredentials(username: string | undefined, io: CliIo): Promise<{ username: string; password: string }> {
  const env = io.env ?? process.env;
  const user = (username ?? env.ANSINH_USER ?? '').trim();
  if (!user) {
    throw new AppError('cli-no-user', 'Cần tên người dùng: --user TÊN hoặc biến môi trường ANSINH_USER.', 'Give a user: --user NAME or ANSINH_USER.');
  }
  if (env.ANSINH_PASSWORD) return { username: user, password: env.ANSINH_PASSWORD };
  const prompt = io.promptSecret === undefined ? (process.stdin.isTTY ? (question: string) => readHidden(question) : null) : io.promptSecret;
  if (!prompt) {
    throw new AppError('cli-no-password', `Cần mật khẩu của "${user}": đặt biến ANSINH_PASSWORD hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.`,
      'Give the password in ANSINH_PASSWORD, or run the command in a terminal to type it.');
  }
  return { username: user, password: await prompt(`Mật khẩu của ${user} / Password: `) };
}

/** Opens the services on the database and signs the user in; a refusal closes everything and throws its one line. */
export async function signIn(options: SignInOptions): Promise<CliSession> {
  const { username, password } = await cliCredentials(options.username, options.io);
  const env = options.io.env ?? process.env;
  const services: Services = createServices({
    dbPath: options.dbPath,
    create: false,
    quiet: !options.debug && !env.ANSINH_LOG_FILE,
    logFile: options.debug ? undefined : env.ANSINH_LOG_FILE,
  });
  const login = await dispatch(services, { method: 'auth.login', input: { username, password } }, 'cli');
  if (!login.ok) {
    await services.close();
    throw toAppError(login);
  }
  const { token, user, mustChangePassword } = login.output as { token: string; user: User; mustChangePassword?: boolean };
  if (mustChangePassword) {
    await dispatch(services, { method: 'auth.logout', input: {}, token }, 'cli');
    await services.close();
    throw new AppError('password-change-required', `Mật khẩu của "${username}" là mật khẩu tạm thời: hãy đăng nhập vào ứng dụng và đổi mật khẩu trước khi dùng dòng lệnh.`,
      'This is a temporary password: sign in to the app and change it before using the command line.');
  }
  const call = async (method: MethodName, input: unknown) => {
    const response = await dispatch(services, { method, input, token }, 'cli');
    if (!response.ok) throw toAppError(response);
    return response.output;
  };
  return {
    user,
    call: call as CliContext['call'],
    async close() {
      await dispatch(services, { method: 'auth.logout', input: {}, token }, 'cli');
      await services.close();
    },
  };
}

/**
 * The administrator an `ansinh db` command acts as (--user / ANSINH_USER, ANSINH_PASSWORD or the terminal): the
 * whole-file operations sign in themselves in main/app, since they need the database file to themselves.
 */
export function administrator(ctx: CliContext): Promise<{ username: string; password: string }> {
  const user = ctx.values.user;
  return cliCredentials(typeof user === 'string' ? user : undefined, ctx.io);
}

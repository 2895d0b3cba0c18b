import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { AppError, isAppError } from '../../app/errors';
import { COMMON_OPTIONS, USER_OPTIONS, resolveDbPath, type CliCommand, type CliContext, type CliIo } from './cli-command';
import { signIn, type CliSession } from './sign-in';
import { cliCommands } from './command-list';
import { askPassphraseWhenNeeded } from './passphrase-prompt';

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** `ansinh` entry: parse, run one command, print one line on failure. Returns the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  const command = findCommand(name, rest);
  if (!command) {
    io.stderr(`Lệnh không hợp lệ: "${name}". Xem "ansinh help". / Unknown command "${name}". See "ansinh help".\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: command.args, options: { ...COMMON_OPTIONS, ...(command.command.needsUser ? USER_OPTIONS : {}), ...command.command.options }, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr(`Tham số không hợp lệ: ${(e as Error).message}. Cách dùng: ${command.command.usage} / Invalid arguments.\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${command.command.summary}\n${command.command.usage}\n`);
    return 0;
  }
  const json = parsed.values.json === true;
  const dbPath = resolve(resolveDbPath(parsed.values));
  let session: CliSession | null = null;
  const ctx: CliContext = {
    positionals: parsed.positionals,
    values: parsed.values,
    io,
    json,
    dbPath,
    print: (document, human) => io.stdout(json ? JSON.stringify(document) + '\n' : human.endsWith('\n') ? human : human + '\n'),
    progress: (line) => io.stderr(line + '\n'),
    call: () => Promise.reject(new AppError('internal', 'Lệnh này không đăng nhập nên không gọi được dịch vụ.', 'This command is not signed in.')),
    user: null,
  };
  try {
    if (!NO_DATABASE.has(command.command.name)) await askPassphraseWhenNeeded(ctx.dbPath);
    if (command.command.needsUser) {
      const user = parsed.values.user;
      session = await signIn({ dbPath, username: typeof user === 'string' ? user : undefined, io, debug });
      ctx.call = session.call;
      ctx.user = session.user;
    }
    return await command.command.run(ctx);
  } catch (e) {
    if (isAppError(e)) {
      io.stderr(`${e.messageVi} / ${e.messageEn}\n`);
      if (debug && e.details) io.stderr(`${JSON.stringify(e.details)}\n`);
    } else {
      io.stderr('Lỗi không mong đợi; dữ liệu không bị thay đổi. Chạy lại với --debug để xem chi tiết. / Unexpected error; run with --debug for details.\n');
      if (debug) io.stderr(`${(e as Error)?.stack ?? String(e)}\n`);
    }
    return 1;
  } finally {
    await session?.close();
  }
}

/** Commands that create their database (or touch none): nothing to unlock first. */
const NO_DATABASE = new Set(['demo', 'init', 'db encrypt', 'db restore', 'hub', 'hub office', 'hub code', 'hub revoke', 'bundle import']);

/** Commands are "serve", "demo", and two-word ones like "export beneficiaries" or "card read". */
function findCommand(first: string, rest: string[]): { command: CliCommand; args: string[] } | undefined {
  const twoWords = rest[0] && cliCommands.find((c) => c.name === `${first} ${rest[0]}`);
  if (twoWords) return { command: twoWords, args: rest.slice(1) };
  const one = cliCommands.find((c) => c.name === first);
  return one && { command: one, args: rest };
}

function helpText(): string {
  const lines = cliCommands.map((c) => `  ${c.usage}${c.needsUser ? ' [--user NAME]' : ''}\n      ${c.summary}`);
  return `ansinh — An Sinh Desk\n\nCác lệnh / Commands:\n${lines.join('\n')}\n\n` +
    'Mọi lệnh: --db PATH (mặc định: cơ sở dữ liệu của ứng dụng), --json, --debug\n' +
    'Lệnh đọc/ghi dữ liệu của người dân cần đăng nhập: --user TÊN (hoặc ANSINH_USER), mật khẩu trong ANSINH_PASSWORD hoặc nhập khi được hỏi.\n' +
    "  Commands on people's data sign in: --user NAME (or ANSINH_USER), the password in ANSINH_PASSWORD or typed at the prompt.\n";
}

import { AppError } from '../../app/errors';
import { needsUnlocking, PASSPHRASE_ENV } from '../../app/database-unlock';

/**
 * Before a command opens an encrypted database: with ANSINH_DB_PASSPHRASE set, nothing to do; in a terminal, the
 * recovery passphrase is asked for (not echoed) and handed on through that variable, so that the services (inline
 * or in their child process) unlock it the one way they know. Without either, the services refuse at once.
 */
export async function askPassphraseWhenNeeded(dbPath: string, input: NodeJS.ReadStream = process.stdin): Promise<void> {
  if (process.env[PASSPHRASE_ENV] || !needsUnlocking(dbPath) || !input.isTTY) return;
  process.env[PASSPHRASE_ENV] = await readHidden('Cụm mật khẩu khôi phục của cơ sở dữ liệu / Recovery passphrase: ', input);
}

/** One line from the terminal, without echoing it. */
export function readHidden(question: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  let value = '';
  return new Promise((resolve, reject) => {
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (c === '\u0003' || c === '\u0004') {
          finish();
          reject(new AppError('cancelled', 'Đã hủy; không có gì bị thay đổi.', 'Cancelled; nothing was changed.'));
          return;
        }
        value = c === '\u007f' || c === '\b' ? value.slice(0, -1) : value + c;
      }
    };
    input.on('data', onData);
  });
}

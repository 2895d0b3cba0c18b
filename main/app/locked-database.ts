import { contract, isMethodName, requestSchema, type ContractResponse } from '../../shared/contract/methods';
import { isAppError } from '../core/errors';
import { createServices, type ServiceOptions, type Services } from './services';

const LOCKED = {
  code: 'database-locked',
  message: 'Cơ sở dữ liệu đang khóa (đã mã hóa): hãy nhập cụm mật khẩu khôi phục của văn phòng để mở.',
  messageEn: 'The database is locked (encrypted): enter the office recovery passphrase to open it.',
};

/**
 * The services of an encrypted database that no key opened yet (the window's first start on a new PC, an OS key
 * store that is unavailable, a host started without ANSINH_DB_PASSPHRASE): until someone types the recovery
 * passphrase, they answer only `app.info` (saying so) and `database.unlock`; every other call is refused with
 * one line. A right passphrase opens the database and hands the real services over.
 */
export function lockedDatabase(options: ServiceOptions, version: string, onUnlocked: (services: Services) => void) {
  let opened: Services | null = null;
  return async function dispatchLocked(raw: unknown): Promise<ContractResponse> {
    const request = requestSchema.safeParse(raw);
    const name = request.success && isMethodName(request.data.method) ? request.data.method : null;
    if (name === 'app.info') {
      return { ok: true, output: { version, needsSetup: false, needsUnlock: true, unitName: null, demo: false, encrypted: true, deviceChange: null } };
    }
    if (name !== 'database.unlock') return { ok: false, error: LOCKED };
    const input = contract['database.unlock'].input.safeParse(request.data!.input ?? {});
    if (!input.success) return { ok: false, error: { code: 'invalid-input', message: 'Hãy nhập cụm mật khẩu khôi phục.', messageEn: 'Enter the recovery passphrase.' } };
    if (opened) return { ok: true, output: { ok: true } };
    try {
      opened = createServices({ ...options, passphrase: input.data.passphrase });
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.messageVi, messageEn: e.messageEn } };
      return { ok: false, error: { code: 'internal', message: 'Không mở được cơ sở dữ liệu; hãy thử lại.', messageEn: String(e) } };
    }
    onUnlocked(opened);
    return { ok: true, output: { ok: true } };
  };
}

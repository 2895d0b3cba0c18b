import { contract, isMethodName, requestSchema, type ContractResponse } from '../../shared/contract/methods';
import { can } from '../../shared/contract/roles';
import { AppError, isAppError } from '../core/errors';
import type { Origin } from '../core/write-path';
import { handlers, type CallContext } from './handlers';
import type { Services } from './services';

/**
 * The one entry every door uses: check the request against the contract, authenticate, check the role's
 * permission, run the handler, check the answer against the contract, and turn failures into clear messages.
 */
export async function dispatch(services: Services, rawRequest: unknown, origin: Origin): Promise<ContractResponse> {
  try {
    const request = requestSchema.safeParse(rawRequest);
    if (!request.success || !isMethodName(request.data.method)) {
      throw new AppError('bad-request', 'Yêu cầu không hợp lệ.', 'Malformed request or unknown method.');
    }
    const name = request.data.method;
    const spec = contract[name];
    const input = spec.input.safeParse(request.data.input ?? {});
    if (!input.success) {
      throw new AppError('invalid-input', 'Dữ liệu gửi lên không đúng mẫu.', 'Request does not match the contract.',
        input.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const token = request.data.token ?? null;
    const ctx: CallContext = { user: null, token, actor: { userId: null, origin } };
    if (spec.permission !== null && name !== 'auth.unlock' && name !== 'auth.logout') {
      ctx.user = services.accounts.authenticate(token, { passwordChange: name === 'auth.changePassword' || name === 'auth.me' });
      ctx.actor = { userId: ctx.user.id, origin };
      if (spec.permission !== 'session' && !can(ctx.user.role, spec.permission)) {
        throw new AppError('forbidden', 'Tài khoản của bạn không có quyền thực hiện việc này.', 'Your role may not do this.');
      }
    }
    const handler = handlers[name] as (s: Services, i: unknown, c: CallContext) => unknown;
    const output = spec.output.safeParse(await handler(services, input.data, ctx));
    if (!output.success) {
      services.logger.log('error', 'contract-output-mismatch', { method: name, issues: output.error.issues.map((i) => i.path.join('.')) });
      throw new AppError('internal', 'Lỗi nội bộ: kết quả trả về không đúng mẫu. Hãy báo cho quản trị viên.', 'Internal error: response failed the contract.');
    }
    return { ok: true, output: output.data } as ContractResponse;
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.messageVi, messageEn: e.messageEn } };
    // A write while a long command (an import commit, in its worker) holds the database's write lock.
    if ((e as { code?: unknown } | null)?.code === 'SQLITE_BUSY') {
      return { ok: false, error: { code: 'database-busy', message: 'Đang ghi một danh sách lớn vào cơ sở dữ liệu; việc này chưa làm được. Hãy thử lại khi ghi xong.', messageEn: 'A large list is being written; try again when it is done.' } };
    }
    // The database's own refusal (a trigger) to change a locked roster, whichever path tried.
    if (String((e as Error | null)?.message ?? '') === 'roster-locked') {
      return { ok: false, error: { code: 'roster-locked', message: 'Bảng kê đã khoá: không sửa được; điều chỉnh sẽ vào kỳ sau.', messageEn: 'The roster is locked; corrections go into the next period.' } };
    }
    services.logger.log('error', 'unexpected-error', { message: String((e as Error)?.message ?? e) });
    return { ok: false, error: { code: 'internal', message: 'Lỗi không mong đợi. Dữ liệu không bị thay đổi; hãy thử lại.', messageEn: 'Unexpected error.' } };
  }
}

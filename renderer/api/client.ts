import { z } from 'zod';
import { fileRefSchema } from '../../shared/contract/imports';
import {
  contract, errorSchema, type MethodInput, type MethodName, type MethodOutput,
} from '../../shared/contract/methods';
import { CallError, isSessionProblem, type SessionProblem } from './call-error';
import type { Transport } from './transport';

const responseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorSchema }),
]);

const uploadOutput = z.object({ fileRef: fileRefSchema });
const saveOutput = z.object({ saved: z.boolean() });

export interface ClientHooks {
  /** A call was refused because the session locked (idle) or ended: the app shows the lock or login screen. */
  onSessionProblem?(problem: SessionProblem, error: CallError): void;
  /** Every answered call, for the idle clock (the server's lock timer restarts with each request). */
  onServerContact?(): void;
}

export interface ContractClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Hands a file (a workbook to import) to the main process; resolves to the reference the import methods take. */
  upload(file: Blob): Promise<string>;
  /** Saves an export the main process wrote (a download, or Electron's save dialog); false when the clerk cancelled. */
  save(downloadRef: string, fileName: string): Promise<boolean>;
  readonly transportKind: Transport['kind'];
  hasSession(): boolean;
  forgetSession(): void;
}

const SESSION_OPENERS: readonly MethodName[] = ['auth.login', 'auth.unlock', 'setup.createAdministrator', 'setup.createOffice'];

/**
 * The renderer's only way to the main process. Both sides validate: the input here before it leaves, the output
 * here on arrival, and the main process again on its side. The session token lives in this closure only
 * (never in storage), so closing the window ends the session.
 */
export function createClient(transport: Transport, hooks: ClientHooks = {}): ContractClient {
  let token: string | null = null;

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const spec = contract[method];
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) {
      throw new CallError('invalid-input', 'Dữ liệu nhập không đúng mẫu, chưa gửi đi.', 'Input fails the contract; not sent.');
    }
    const sentToken = token;
    const raw = await transport.send({ method, input: parsedInput.data, token: sentToken });
    const response = responseSchema.safeParse(raw);
    if (!response.success) {
      throw new CallError('bad-response', 'Chương trình trả lời không đúng mẫu. Dữ liệu không bị thay đổi.', 'Response is not a contract response.');
    }
    hooks.onServerContact?.();
    if (!response.data.ok) {
      const { code, message, messageEn } = response.data.error;
      const error = new CallError(code, message, messageEn);
      // Only about the session this call carried: an answer to a call sent before sign-in (the setup screen's
      // unit search, still in flight) must not end the session that began meanwhile.
      if (isSessionProblem(code) && sentToken !== null && sentToken === token) {
        if (code === 'session-expired') token = null;
        hooks.onSessionProblem?.(code, error);
      }
      throw error;
    }
    const output = spec.output.safeParse(response.data.output);
    if (!output.success) {
      throw new CallError('bad-response', 'Kết quả nhận được không đúng mẫu, không hiển thị. Hãy thử lại.', 'Output fails the contract.');
    }
    const data = output.data as MethodOutput<M>;
    if (SESSION_OPENERS.includes(method)) token = (data as { token: string }).token;
    if (method === 'auth.logout') token = null;
    return data;
  }

  /** The answer of a file transfer (upload or save): its output, or a CallError. */
  function transferOutput(raw: unknown): unknown {
    const response = responseSchema.safeParse(raw);
    if (!response.success) {
      throw new CallError('bad-response', 'Chương trình trả lời không đúng mẫu khi chuyển tệp. Hãy thử lại.', 'File transfer answer is not a contract response.');
    }
    if (!response.data.ok) {
      const { code, message, messageEn } = response.data.error;
      throw new CallError(code, message, messageEn);
    }
    return response.data.output;
  }

  async function save(downloadRef: string, fileName: string): Promise<boolean> {
    const output = saveOutput.safeParse(transferOutput(await transport.save(downloadRef, fileName)));
    if (!output.success) throw new CallError('bad-response', 'Chương trình trả lời không đúng mẫu khi lưu tệp.', 'Save answer fails the contract.');
    hooks.onServerContact?.();
    return output.data.saved;
  }

  async function upload(file: Blob): Promise<string> {
    const output = uploadOutput.safeParse(transferOutput(await transport.upload(file)));
    if (!output.success) {
      throw new CallError('bad-response', 'Chương trình không trả về mã tệp đã nhận. Hãy thử lại.', 'Upload answer has no file reference.');
    }
    hooks.onServerContact?.();
    return output.data.fileRef;
  }

  return {
    call,
    upload,
    save,
    transportKind: transport.kind,
    hasSession: () => token !== null,
    forgetSession: () => { token = null; },
  };
}

import { openSealed, sealTo, signBytes, verifyBytes } from './sync-crypto';
import { versionProblem } from '../../shared/sync/protocol';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

// A USB bundle: "ANSINH-BUNDLE\n", the header's length (4 bytes) and the header (JSON, in clear: which hub, which
// device, which number), the body deflated and encrypted to the reader's X25519 key, and the writer's Ed25519
// signature (64 bytes) over everything before it. Unreadable and untamperable on the stick; the header lets the
// reader refuse a bundle that is not for it with a precise message before trying to open it.

const MAGIC = Buffer.from('ANSINH-BUNDLE\n');

export interface BundleHeader {
  v: number;
  kind: 'changes' | 'receipt';
  /** The hub the bundle is for (changes) or comes from (receipt). */
  hub: string;
  device: string;
  number: number;
  createdAt: string;
}

export class BundleProblem extends Error {
  constructor(readonly code: string, readonly vi: string, en: string) {
    super(en);
  }
}

export function writeBundle(header: BundleHeader, body: unknown, signPrivate: string, readerBoxPublic: string): Buffer {
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  const sealed = sealTo(readerBoxPublic, deflateSync(strToU8(JSON.stringify(body)), { level: 9 }));
  const signed = Buffer.concat([MAGIC, length, head, sealed]);
  return Buffer.concat([signed, Buffer.from(signBytes(signPrivate, signed), 'base64')]);
}

export interface ReadBundle {
  header: BundleHeader;
  /** Whether the writer's signature holds over the whole bundle (a reader that cannot decrypt it can still check this). */
  verify(writerSignPublic: string): boolean;
  /** Checks the writer's signature, then decrypts the body. */
  open<T>(writerSignPublic: string, readerBoxPrivate: string): T;
}

const tampered = () => new BundleProblem('bundle-tampered', 'Gói dữ liệu đã bị sửa, bị hỏng hoặc không do thiết bị đã đăng ký tạo ra: không nhập gì.', 'The bundle was altered, damaged or not made by an enrolled device.');

export function readBundle(bytes: Uint8Array): ReadBundle {
  const buf = Buffer.from(bytes);
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BundleProblem('not-a-bundle', 'Tệp này không phải gói đồng bộ An Sinh Desk.', 'Not an An Sinh Desk sync bundle.');
  }
  const headLength = buf.readUInt32BE(MAGIC.length);
  const headEnd = MAGIC.length + 4 + headLength;
  if (headLength > 64 * 1024 || buf.length < headEnd + 72 + 64) {
    throw new BundleProblem('bundle-truncated', 'Gói dữ liệu bị cắt cụt (chép chưa hết?): không nhập gì. Hãy chép lại gói từ máy gửi.', 'The bundle is truncated.');
  }
  let header: BundleHeader;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length + 4, headEnd).toString('utf8')) as BundleHeader;
  } catch {
    throw tampered();
  }
  const problem = versionProblem(header.v);
  if (problem) throw new BundleProblem('bundle-version', problem.vi, problem.en);
  const signed = buf.subarray(0, buf.length - 64);
  const signature = buf.subarray(buf.length - 64).toString('base64');
  return {
    header,
    verify: (writerSignPublic: string) => verifyBytes(writerSignPublic, signed, signature),
    open<T>(writerSignPublic: string, readerBoxPrivate: string): T {
      if (!verifyBytes(writerSignPublic, signed, signature)) throw tampered();
      try {
        return JSON.parse(strFromU8(inflateSync(openSealed(readerBoxPrivate, buf.subarray(headEnd, buf.length - 64))))) as T;
      } catch {
        throw tampered();
      }
    },
  };
}

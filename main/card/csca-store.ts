import { X509Certificate, createHash } from 'node:crypto';
import type { AppDatabase } from '../core/database/open-database';
import { readMeta, writeMeta } from '../core/database/meta';
import { recordAudit } from '../core/audit';
import { AppError } from '../core/errors';
import type { Actor } from '../core/write-path';

// Country signing certificates (CSCA) the administrator has imported: a chip's document signer is chained to
// one of them. No public Vietnamese CSCA is known, so the list starts empty and the chain reads "unknown".
const INDEX_KEY = 'card.csca';

function parse(bytes: Uint8Array): { der: Uint8Array; certificate: X509Certificate } {
  const text = Buffer.from(bytes).toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  const der = pem ? new Uint8Array(Buffer.from(pem[1].replace(/\s+/g, ''), 'base64')) : bytes;
  try {
    return { der, certificate: new X509Certificate(der) };
  } catch {
    throw new AppError('csca-invalid', 'Tệp không phải chứng thư số X.509 (DER hoặc PEM).', 'Not an X.509 certificate (DER or PEM).');
  }
}

export function listCscaCertificates(db: AppDatabase): Uint8Array[] {
  const index = JSON.parse(readMeta(db, INDEX_KEY) ?? '[]') as string[];
  return index.map((fingerprint) => new Uint8Array(Buffer.from(readMeta(db, `${INDEX_KEY}.${fingerprint}`) ?? '', 'base64')));
}

/** Adds a CSCA certificate (a CA that signs itself); importing the same one twice changes nothing. */
export function importCscaCertificate(db: AppDatabase, actor: Actor, bytes: Uint8Array): { fingerprint: string; subject: string; added: boolean } {
  const { der, certificate } = parse(bytes);
  if (!certificate.ca || !certificate.checkIssued(certificate)) {
    throw new AppError('csca-not-ca', 'Chứng thư này không phải chứng thư gốc (CSCA) tự ký.', 'Not a self-signed CA certificate.');
  }
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const index = JSON.parse(readMeta(db, INDEX_KEY) ?? '[]') as string[];
  const added = !index.includes(fingerprint);
  if (added) {
    db.sqlite.transaction(() => {
      writeMeta(db, `${INDEX_KEY}.${fingerprint}`, Buffer.from(der).toString('base64'));
      writeMeta(db, INDEX_KEY, JSON.stringify([...index, fingerprint]));
    })();
    recordAudit(db, actor, { action: 'csca-import', detail: { fingerprint, subject: certificate.subject } });
  }
  return { fingerprint, subject: certificate.subject, added };
}

import { X509Certificate, createHash } from 'node:crypto';
import type { AppDatabase } from '../core/database/open-database';
import { readMeta } from '../core/database/meta';
import { recordAudit } from '../core/audit';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import { cscaCertificateTable } from './synced-tables';

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
  const rows = db.sqlite.prepare('SELECT der FROM csca_certificates WHERE deleted = 0 ORDER BY id').pluck().all() as string[];
  // Certificates imported before they became synced reference data stay in meta, read as before.
  const index = JSON.parse(readMeta(db, INDEX_KEY) ?? '[]') as string[];
  const legacy = index.map((fingerprint) => readMeta(db, `${INDEX_KEY}.${fingerprint}`) ?? '').filter((der) => der && !rows.includes(der));
  return [...rows, ...legacy].map((der) => new Uint8Array(Buffer.from(der, 'base64')));
}

/** Adds a CSCA certificate (a CA that signs itself) through the write path; importing the same one twice changes nothing. */
export function importCscaCertificate(db: AppDatabase, actor: Actor, bytes: Uint8Array): { fingerprint: string; subject: string; added: boolean } {
  const { der, certificate } = parse(bytes);
  if (!certificate.ca || !certificate.checkIssued(certificate)) {
    throw new AppError('csca-not-ca', 'Chứng thư này không phải chứng thư gốc (CSCA) tự ký.', 'Not a self-signed CA certificate.');
  }
  const fingerprint = createHash('sha256').update(der).digest('hex');
  const base64 = Buffer.from(der).toString('base64');
  const added = !listCscaCertificates(db).some((known) => Buffer.from(known).toString('base64') === base64);
  if (added) {
    runCommand(db, actor, 'csca-import', (w) => {
      const existing = w.get(cscaCertificateTable, fingerprint);
      if (existing) w.restore(cscaCertificateTable, fingerprint);
      else w.insert(cscaCertificateTable, { id: fingerprint, der: base64, subject: certificate.subject });
    });
    recordAudit(db, actor, { action: 'csca-import', detail: { fingerprint, subject: certificate.subject } });
  }
  return { fingerprint, subject: certificate.subject, added };
}

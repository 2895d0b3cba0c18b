import { existsSync, statSync } from 'node:fs';
import { shred } from './file-swap';
import { commitPendingKeyFile, keyFilePath, pendingKeyFilePath, removeKeyFile, removePendingKeyFile } from './key-file';
import { hasSqliteHeader } from './sqlite-header';

/** The encrypted copy `ansinh db encrypt` builds beside the database before swapping it in. */
export function encryptingCopyPath(dbPath: string): string {
  return `${dbPath}.encrypting`;
}

/**
 * What an encryption stopped half-way (a crash, a power cut) left beside the database, settled before it is
 * opened (under the instance lock, so never while another instance is still encrypting):
 * - a pending key file beside a database that is still plain: the encryption never happened; dropped. The same
 *   when a rollback journal is there (the in-place rekey of the setup screen stopped mid-way: opening rolls the
 *   database back to its plain pages);
 * - a pending key file beside an encrypted database and no key file: only the last rename was missing; done now;
 * - the encrypted copy of `db encrypt` that was never swapped in: overwritten and removed. A key file beside a
 *   still-plain database WITH that copy there is what an older version left when it stopped between writing the
 *   key file and the swap: removed too.
 * - a key file (pending or in force) stopped while being written, before its rename: never in force; removed, its
 *   wrapped key overwritten.
 * Returns what it did, for the log.
 */
export function settleInterruptedEncryption(dbPath: string): 'none' | 'dropped' | 'completed' {
  let outcome: 'none' | 'dropped' | 'completed' = 'none';
  for (const halfWritten of [`${pendingKeyFilePath(dbPath)}.tmp`, `${keyFilePath(dbPath)}.tmp`]) shred(halfWritten);
  const hasFile = existsSync(dbPath) && statSync(dbPath).size > 0;
  const copy = encryptingCopyPath(dbPath);
  if (existsSync(copy)) {
    if (hasFile && hasSqliteHeader(dbPath) && existsSync(keyFilePath(dbPath)) && !existsSync(pendingKeyFilePath(dbPath))) {
      removeKeyFile(dbPath);
      outcome = 'dropped';
    }
    shred(copy);
  }
  // Stopped while the copy was being encrypted: its rollback journal holds plain pages.
  for (const suffix of ['-journal', '-wal', '-shm']) shred(copy + suffix);
  if (!existsSync(pendingKeyFilePath(dbPath))) return outcome;
  const rollingBack = existsSync(`${dbPath}-journal`);
  if (!hasFile || rollingBack || hasSqliteHeader(dbPath)) {
    removePendingKeyFile(dbPath);
    return 'dropped';
  }
  if (!existsSync(keyFilePath(dbPath))) {
    commitPendingKeyFile(dbPath);
    return 'completed';
  }
  return outcome;
}

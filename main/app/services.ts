import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type AppDatabase } from '../core/database/open-database';
import { installationId } from '../core/installation';
import { clearHandoverLeftovers } from './handover-folder';
// The hand-over folders register themselves when their modules load; the start clears what a crash left in them.
import './uploads';
import './downloads';
import { readMeta } from '../core/database/meta';
import { migrationsDir, projectRoot } from '../core/app-paths';
import { createLogger, silentLogger, type Logger } from '../core/logging';
import { createAccountsService } from '../accounts/accounts-service';
import { createAuditService } from '../audit/audit-service';
import { createRegistryService } from '../registry/registry-service';
import { createImportService } from '../excel/import-service';
import { createImportCommits } from '../excel/commit-worker/import-commits';
import { createExportService } from '../excel/export-service';
import { createIdentityService } from '../identity/identity-service';
import { createRecentCardReads } from '../identity/recent-card-reads';
import { createMatchingRoundTrip } from '../identity/matching-round-trip';
import { createMismatchDecisions } from '../identity/mismatch-decisions';
import { createDuplicatesService } from '../identity/duplicates-service';
import { createCardReadService } from '../card/card-read-service';
import { ensureAdminUnitReference } from '../registry/admin-unit-reference';
import { createPayoutService } from '../payout/payout-service';
import { createSyncService } from '../sync/sync-capability';
import { DEFAULT_BACKGROUND, type BackgroundSyncOptions } from '../sync/background-sync';
import { createClinicService, type ClinicOptions } from '../clinic/clinic-service';
import { createConsolidation } from '../consolidation/consolidation-service';

export interface ServiceOptions {
  dbPath: string;
  create?: boolean;
  idleLockMinutes?: number;
  logFile?: string;
  quiet?: boolean;
  /** The recovery passphrase of an encrypted database, when a door asked for it (else ANSINH_DB_PASSPHRASE). */
  passphrase?: string;
  /** The data key, hex, when a door already unwrapped it (the Electron door, from the OS key store). */
  dataKeyHex?: string;
  /** The insurance gateway's timeout and retry pace (tests); otherwise from ANSINH_INSURANCE_* and the saved settings. */
  clinic?: ClinicOptions;
  /** Background sync's pace (default every 5 minutes, backing off from 30 s to 30 min; ANSINH_SYNC_EVERY_MS); false: none. */
  syncBackground?: BackgroundSyncOptions | false;
}

/** The composition root: one database, the services on it. Every door (Electron, host, CLI) starts here. */
export function createServices(options: ServiceOptions) {
  const unlock = { passphrase: options.passphrase, dataKey: options.dataKeyHex ? Buffer.from(options.dataKeyHex, 'hex') : undefined };
  clearHandoverLeftovers();
  const db: AppDatabase = openDatabase({ path: options.dbPath, migrationsFolder: migrationsDir(), create: options.create ?? true, unlock, installationId: installationId() });
  // The official units: loaded once per database (and again when the app brings a corrected list).
  ensureAdminUnitReference(db);
  const logger: Logger = options.quiet ? silentLogger : createLogger({ file: options.logFile });
  if (db.deviceChange) logger.log('warn', 'database-copied-new-device', { ...db.deviceChange });
  const idleLockMinutes = options.idleLockMinutes ?? Number(process.env.ANSINH_IDLE_LOCK_MINUTES ?? 15);
  const cardReads = createRecentCardReads();
  const cards = createCardReadService(db);
  const importCommits = createImportCommits(db, logger);
  const clinic = createClinicService(db, cardReads, options.clinic);
  const imports = createImportService(db);
  const duplicates = createDuplicatesService(db);
  const everyMs = Number(process.env.ANSINH_SYNC_EVERY_MS ?? 0);
  const sync = createSyncService(db, { background: options.syncBackground ?? (everyMs > 0 ? { ...DEFAULT_BACKGROUND, everyMs } : DEFAULT_BACKGROUND) });
  return {
    db,
    logger,
    version: appVersion(),
    accounts: createAccountsService(db, { idleLockMinutes }),
    registry: createRegistryService(db),
    audit: createAuditService(db),
    imports,
    importCommits,
    exports: createExportService(db),
    cardReads,
    cards,
    identity: createIdentityService(db, cardReads),
    payout: createPayoutService(db),
    matching: createMatchingRoundTrip(db),
    mismatchDecisions: createMismatchDecisions(db),
    clinic,
    duplicates,
    sync,
    consolidation: createConsolidation(db, {
      bundles: { isBundle: sync.isBundleFile, describe: sync.describeBundle, relay: sync.relayBundle },
      imports,
      commitInWorker: (actor, filePath, options) => importCommits.commit(actor, filePath, options),
      written: (filePath) => importCommits.progress(filePath)?.written ?? null,
      detect: (actor, scope) => duplicates.detect(actor, scope),
    }),
    metaValue: (key: string) => readMeta(db, key),
    close: async () => {
      await cards.close();
      clinic.close();
      sync.close();
      await importCommits.close(); // rolled back: its worker lets go of the database first
      db.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;

export function appVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

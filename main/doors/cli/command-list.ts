import type { CliCommand } from './cli-command';
import { bundleCommands } from './commands/bundle';
import { hubCommands } from './commands/hub';
import { syncCommands } from './commands/sync';
import { cardImportCscaCommand } from './commands/card-import-csca';
import { cardReadCommand } from './commands/card-read';
import { demoCommand } from './commands/demo';
import { dbEncryptCommand } from './commands/db-encrypt';
import { dbRekeyCommand } from './commands/db-rekey';
import { dbBackupCommand } from './commands/db-backup';
import { dbRestoreCommand } from './commands/db-restore';
import { exportBeneficiariesCommand } from './commands/export-beneficiaries';
import { exportListCommands } from './commands/export-list';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { serveCommand } from './commands/serve';
import { rosterCommands } from './commands/roster';
import { matchExportCommand } from './commands/match-export';
import { matchImportCommand } from './commands/match-import';
import { clinicCheckInCommand } from './commands/clinic-check-in';
import { clinicSettingsCommand } from './commands/clinic-settings';
import { consolidateCommand } from './commands/consolidate';
import { consolidateHistoryCommand, consolidateUndoCommand } from './commands/consolidate-history';
import { periodicReportCommands, reportProgressCommand } from './commands/report';
import { exportConsolidatedCommand } from './commands/consolidate-export';

/** Every `ansinh` command. A capability adds its command module here. */
export const cliCommands: CliCommand[] = [serveCommand, initCommand, demoCommand, importCommand, exportBeneficiariesCommand, ...exportListCommands, cardReadCommand, cardImportCscaCommand,
  dbEncryptCommand, dbRekeyCommand, dbBackupCommand, dbRestoreCommand, ...rosterCommands, matchExportCommand, matchImportCommand, clinicCheckInCommand, clinicSettingsCommand, consolidateCommand, consolidateHistoryCommand, consolidateUndoCommand, reportProgressCommand, ...periodicReportCommands, exportConsolidatedCommand,
  ...syncCommands, ...bundleCommands, ...hubCommands];

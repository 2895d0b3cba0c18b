import { z } from 'zod';
import { exportPeriodicInput, exportProgressInput, exportProgressOutput, progressReportSchema, reminderRulesSchema, reportPeriodInput } from './reports';
import { consolidatedExportInput, consolidatedExportOutput, consolidationFilesInput, consolidationPreviewSchema, consolidationProgressSchema, consolidationReportSchema } from './consolidation';
import {
  appInfoSchema, changePasswordInput, createUserInput, managedUserSchema, passwordSchema, resetPasswordInput, sessionSchema,
  setUserActiveInput, signInAttemptsInput, signInAttemptsOutput, unitSchema, updateUserInput, userSchema,
} from './accounts';
import {
  beneficiaryDetailSchema, facetsOutput, historyEntrySchema, listBeneficiariesInput, listBeneficiariesOutput,
  saveOutcomeSchema, savePersonInput, changeStatusInput, statusChangeOutcomeSchema, saveAccountInput, accountOutcomeSchema,
  householdSummarySchema, personCommunesSchema,
} from './beneficiaries';
import { cardPhotoInput, cardPhotoOutput, cardReadInput, cardReadOutput, cardReaderStatusSchema } from './card';
import {
  compareInput, comparisonSchema, decideAllMismatchesInput, decideMismatchesInput, decisionOutcomeSchema, fieldsDecisionInput, matchExportInput,
  matchExportOutput, matchImportInput, matchImportOutput, matchingProgressSchema, mismatchFilterSchema, mismatchSchema, newRecordFromCardInput,
} from './identity';
import {
  detectionReportSchema, duplicateBlockSchema, duplicateBlocksInput, duplicatePairSchema, duplicatesListInput, markDistinctInput, mergeInput, mergeOutput,
} from './duplicates';
import { exportBeneficiariesInput, exportBeneficiariesOutput, exportListInput, exportListOutput } from './exports';
import { auditExportInput, auditExportOutput, auditListInput, auditListOutput } from './audit';
import { fileRefSchema, importHistorySchema, importInput, importPreviewSchema, importReportSchema, rememberMappingInput, stillToFixSchema, undoReportSchema, importCommunesSchema } from './imports';
import { createdOfficeSchema, createOfficeInput, searchUnitsInput, unitMatchSchema } from './setup';
import { databaseBackupInput, databaseBackupOutput, databaseUnlockInput, databaseUnlockOutput } from './database';
import {
  addLevelInput, amountCheckSchema, approveInput, levelSchema, periodSchema, releaseInput, rosterCreateOutput, rosterGetInput,
  rosterStatusOutput, rosterPeriodSchema, rosterViewSchema, settleInput, rosterExportInput, rosterExportOutput, reconcileOutput,
  confirmPaidInput, confirmPaidOutput, resolveAmountCheckInput, levelUnitSchema, entitlementsOutput, saveEntitlementInput, entitlementSchema,
} from './payout';
import { checkInInput, clinicFacilitySchema, clinicSettingsSchema, exportDayOutput, officerSchema, saveClinicSettingsInput, visitSchema, visitsInput } from './clinic';
import { bundleExportOutput, receiptImportOutput, syncEnrolInput, syncIssueSchema, syncReportSchema, syncResolveInput, syncResolveOutput, syncStatusSchema } from './sync';
import type { Permission } from './roles';

const empty = z.object({}).strict();
const byId = z.object({ id: z.string().min(1).max(100) }).strict();

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** null: callable without a session (login, first-start setup). */
  permission: Permission | 'session' | null;
}

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, permission: MethodSpec<I, O>['permission']): MethodSpec<I, O> {
  return { input, output, permission };
}

/** Every request the renderer can make of the main process, with what it takes and gives. */
export const contract = {
  'app.info': method(empty, appInfoSchema, null),
  'setup.createAdministrator': method(
    z.object({ username: createUserInput.shape.username, displayName: createUserInput.shape.displayName, password: passwordSchema }).strict(),
    sessionSchema, null),
  /** First start: the office's unit and its first administrator, in one go; refused once the office is set up. */
  'setup.createOffice': method(createOfficeInput, createdOfficeSchema, null),
  /** The official units in force; without a session only while the database still needs setup. */
  'units.search': method(searchUnitsInput, z.array(unitMatchSchema), null),
  'auth.login': method(z.object({ username: z.string().max(100), password: z.string().max(200) }).strict(), sessionSchema, null),
  'auth.logout': method(empty, z.object({ ok: z.literal(true) }), 'session'),
  'auth.unlock': method(z.object({ password: z.string().max(200) }).strict(), sessionSchema, 'session'),
  'auth.me': method(empty, userSchema, 'session'),
  'units.list': method(empty, z.array(unitSchema), 'session'),
  /** The only call (with auth.me and auth.logout) a user who must change their password may make. */
  'auth.changePassword': method(changePasswordInput.strict(), sessionSchema, 'session'),
  'users.list': method(empty, z.array(managedUserSchema), 'users.manage'),
  'users.create': method(createUserInput.strict(), userSchema, 'users.manage'),
  'users.update': method(updateUserInput.strict(), managedUserSchema, 'users.manage'),
  'users.setActive': method(setUserActiveInput.strict(), managedUserSchema, 'users.manage'),
  'users.resetPassword': method(resetPasswordInput.strict(), managedUserSchema, 'users.manage'),
  'users.signInAttempts': method(signInAttemptsInput.strict(), signInAttemptsOutput, 'users.manage'),
  /** The audit trail of reads and exports, filtered, newest first. */
  'audit.list': method(auditListInput.strict(), auditListOutput, 'users.manage'),
  /** The filtered audit trail as a workbook to hand over (export.list style); itself recorded in the trail. */
  'audit.export': method(auditExportInput.strict(), auditExportOutput, 'users.manage'),
  /** A verified, still-encrypted backup of the open database, written while the app runs; recorded in the trail. */
  'database.backup': method(databaseBackupInput, databaseBackupOutput, 'users.manage'),
  /** Opens an encrypted database no key store could (app.info says needsUnlock); without a session, before any sign-in. */
  'database.unlock': method(databaseUnlockInput, databaseUnlockOutput, null),
  'beneficiaries.list': method(listBeneficiariesInput.strict(), listBeneficiariesOutput, 'beneficiaries.read'),
  'beneficiaries.facets': method(empty, facetsOutput, 'beneficiaries.read'),
  'beneficiaries.get': method(byId, beneficiaryDetailSchema, 'beneficiaries.read'),
  'beneficiaries.history': method(byId, z.array(historyEntrySchema), 'beneficiaries.read'),
  /** Add a person or edit a record by hand; refusals come back by field, a stale form with the current record. */
  'beneficiaries.save': method(savePersonInput, saveOutcomeSchema, 'beneficiaries.write'),
  /** The communes a new person may go to (an office above the commune chooses one in the form). */
  'beneficiaries.communes': method(empty, personCommunesSchema, 'beneficiaries.write'),
  /** Reverses the record's newest hand edit (its author or an administrator). */
  'beneficiaries.undoLastEdit': method(byId, undoReportSchema, 'beneficiaries.write'),
  /** Stopped, moved away, deceased, back to active: one person or a selection, with the date and a reason. */
  'beneficiaries.changeStatus': method(changeStatusInput, statusChangeOutcomeSchema, 'beneficiaries.write'),
  'accounts.save': method(saveAccountInput, accountOutcomeSchema, 'beneficiaries.write'),
  'accounts.close': method(byId, z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  'households.create': method(z.object({ beneficiaryId: z.string().max(100), kind: z.enum(['ordinary', 'poor', 'near-poor']).default('ordinary') }).strict(), z.object({ id: z.string() }), 'beneficiaries.write'),
  'households.assign': method(z.object({ beneficiaryId: z.string().max(100), householdId: z.string().max(100).nullable() }).strict(), z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  'households.setHead': method(z.object({ beneficiaryId: z.string().max(100) }).strict(), z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  'households.find': method(z.object({ beneficiaryId: z.string().max(100), query: z.string().max(100).default('') }).strict(), z.array(householdSummarySchema), 'beneficiaries.read'),
  'card.status': method(empty, cardReaderStatusSchema, 'card.read'),
  'card.read': method(cardReadInput, cardReadOutput, 'card.read'),
  'card.photo': method(cardPhotoInput, cardPhotoOutput, 'card.read'),
  'card.importCsca': method(z.object({ fileRef: fileRefSchema }).strict(), z.object({ fingerprint: z.string(), subject: z.string(), added: z.boolean() }), 'users.manage'),
  'identity.compare': method(compareInput, comparisonSchema, 'beneficiaries.write'),
  'identity.acceptCardValues': method(fieldsDecisionInput, z.object({ changed: z.array(z.string()), markedVerified: z.boolean() }), 'beneficiaries.write'),
  'identity.queueMismatches': method(fieldsDecisionInput, z.object({ queued: z.number().int() }), 'beneficiaries.write'),
  'identity.newRecordFromCard': method(newRecordFromCardInput, z.object({ id: z.string() }), 'beneficiaries.write'),
  'identity.savePhoto': method(z.object({ readId: z.string().max(100), beneficiaryId: z.string().max(100) }).strict(), z.object({ id: z.string() }), 'beneficiaries.write'),
  /** The mismatch queue with its filters (status, kind, spelling only, village, batch, source, age). */
  'mismatches.list': method(mismatchFilterSchema, z.array(mismatchSchema), 'beneficiaries.read'),
  /** Decisions on queue items, each a command: accept theirs, keep ours (with a note), resolved, send again. */
  'mismatches.decide': method(decideMismatchesInput, decisionOutcomeSchema, 'beneficiaries.write'),
  /** One decision for every open item a filter finds ("accept all spelling-only", "resend all not-found of village X"). */
  'mismatches.decideAll': method(decideAllMismatchesInput, decisionOutcomeSchema, 'beneficiaries.write'),
  /** How far the round trip is: people per status, per village, and the batches sent. */
  'match.progress': method(z.object({}).strict(), matchingProgressSchema, 'beneficiaries.read'),
  /** The list for the police with a batch number and row keys (a workbook to save, like export.list); each person becomes "sent". */
  'match.export': method(matchExportInput, matchExportOutput, 'lists.export'),
  /** A results workbook back from the police: tied, compared, statuses and queue items recorded (preview: nothing written). */
  'match.import': method(matchImportInput, matchImportOutput, 'beneficiaries.write'),
  /** People listed twice: detection over the user's area records each new pair in the queue (one command). */
  'duplicates.detect': method(empty, detectionReportSchema, 'beneficiaries.write'),
  'duplicates.list': method(duplicatesListInput, z.array(duplicatePairSchema), 'beneficiaries.read'),
  /** One person listed twice: keeps one record, tombstones the other into it; undone by duplicates.undoMerge. */
  'duplicates.merge': method(mergeInput, mergeOutput, 'beneficiaries.write'),
  'duplicates.undoMerge': method(z.object({ commandId: z.string().min(1).max(100) }).strict(), undoReportSchema, 'beneficiaries.write'),
  /** Two different people after all (refused for a same-ID pair). */
  'duplicates.markDistinct': method(markDistinctInput, z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  /** Payment holds: which of these people share an ID number or old CMND with another record (live, every commune). */
  'duplicates.blocks': method(duplicateBlocksInput, z.array(duplicateBlockSchema), 'beneficiaries.read'),
  'import.preview': method(importInput, importPreviewSchema, 'beneficiaries.write'),
  'import.commit': method(importInput, importReportSchema, 'beneficiaries.write'),
  /** How far the preview of a file has read; null when none is under way. Asked while the preview runs. */
  'import.progress': method(z.object({ fileRef: fileRefSchema }).strict(), z.object({ rowsRead: z.number().int() }).nullable(), 'beneficiaries.write'),
  // While import.commit runs (it answers when the import is written whole, or cancelled): rows written of rows to write.
  'import.commitProgress': method(z.object({ fileRef: fileRefSchema }).strict(), z.object({ written: z.number().int(), total: z.number().int().nullable() }).nullable(), 'beneficiaries.write'),
  // Stops the commit under way and rolls it back (import.commit then fails with 'command-cancelled').
  'import.commitCancel': method(z.object({ fileRef: fileRefSchema }).strict(), z.object({ cancelling: z.boolean() }), 'beneficiaries.write'),
  'import.rememberMapping': method(rememberMappingInput, z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  'export.list': method(exportListInput, exportListOutput, 'lists.export'),
  'export.beneficiaries': method(exportBeneficiariesInput, exportBeneficiariesOutput, 'lists.export'),
  'import.undo': method(z.object({ importId: z.string().max(100) }).strict(), undoReportSchema, 'beneficiaries.write'),
  /** Gives up a previewed file: the uploaded workbook is removed at once. */
  'import.cancel': method(z.object({ fileRef: fileRefSchema }).strict(), z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  /** Every import in the user's units, newest first, with who may undo it. */
  'import.history': method(z.object({}).strict(), z.array(importHistorySchema), 'beneficiaries.write'),
  /** Creates the period's roster, or recomputes it while it is a draft (same lines, by their idempotency keys). */
  'payout.create': method(z.object({ period: periodSchema }).strict(), rosterCreateOutput, 'beneficiaries.write'),
  /** The office's rosters, newest period first, with their status, lines and lines still held. */
  'payout.periods': method(empty, z.array(rosterPeriodSchema), 'beneficiaries.read'),
  /** A roster with its totals, the cash-less share per village and one page of its lines. */
  'payout.get': method(rosterGetInput, rosterViewSchema, 'beneficiaries.read'),
  /** Releases one block of a draft line, with the reason. */
  'payout.release': method(releaseInput, z.object({ released: z.number().int() }), 'beneficiaries.write'),
  /** The transfer list, the post-office list or the printable roster, as xlsx or PDF (audited). */
  'payout.export': method(rosterExportInput, rosterExportOutput, 'lists.export'),
  /** Imports a payer's result file (paid, failed, returned) for the period. */
  'payout.reconcile': method(z.object({ period: periodSchema, fileRef: fileRefSchema, fileName: z.string().max(300) }).strict(), reconcileOutput, 'beneficiaries.write'),
  'payout.approve': method(approveInput, rosterStatusOutput, 'payout.approve'),
  'payout.lock': method(z.object({ period: periodSchema }).strict(), rosterStatusOutput, 'payout.approve'),
  /** A failed or returned line: carried over, paid in cash next period, or cancelled. */
  'payout.settle': method(settleInput, z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  /** Imported amounts that differ from the computed ones. */
  'payout.amountChecks': method(z.object({ status: z.enum(['open', 'resolved']).nullable().default('open') }).strict(), z.array(amountCheckSchema), 'beneficiaries.read'),
  'payout.levels': method(empty, z.array(levelSchema), 'beneficiaries.read'),
  'payout.addLevel': method(addLevelInput, levelSchema, 'users.manage'),
  /** Where a new level can apply: the country, the office's commune and the units above it. */
  'payout.levelUnits': method(empty, z.array(levelUnitSchema), 'beneficiaries.read'),
  /** A person's entitlements (regime, group, coefficient, from, to, override) with what each pays this month, and the regimes to choose from. */
  'payout.entitlements': method(z.object({ beneficiaryId: z.string().min(1).max(100) }).strict(), entitlementsOutput, 'beneficiaries.read'),
  /** Enters or corrects an entitlement by hand (the money is computed from it; an override needs its reason). */
  'payout.saveEntitlement': method(saveEntitlementInput, entitlementSchema, 'beneficiaries.write'),
  /** Cash (and post-office) lines paid: the commune's signed list, recorded as the line's result. */
  'payout.confirmPaid': method(confirmPaidInput, confirmPaidOutput, 'beneficiaries.write'),
  /** An imported amount that differs from the computed one, decided (the computed is right, or the imported one is kept with a reason). */
  'payout.resolveAmountCheck': method(resolveAmountCheckInput, z.object({ ok: z.literal(true) }), 'beneficiaries.write'),
  /** What an import left to fix, as its records hold it now (fixed items are gone), in the file's order. */
  'import.needsFixing': method(z.object({ importId: z.string().max(100) }).strict(), z.array(stillToFixSchema), 'beneficiaries.write'),
  /** The communes an uploaded list may go to, and the one its title names: an office above the commune chooses before the preview. */
  'import.communes': method(z.object({ fileRef: fileRefSchema }).strict(), importCommunesSchema, 'beneficiaries.write'),
  /** Clinic reception: identity, insurance status (gateway within seconds, else the last known, retried) and the visit with its queue number. */
  'clinic.checkIn': method(checkInInput, visitSchema, 'clinic.check-in'),
  /** One visit as it stands now (its insurance status updates when a background lookup answers). */
  'clinic.visit': method(byId, visitSchema, 'clinic.check-in'),
  /** The day's check-ins (default today, Vietnam time), in queue order. */
  'clinic.visits': method(visitsInput, z.array(visitSchema), 'clinic.check-in'),
  /** The day's check-ins as a workbook for the hospital information system (audited). */
  'clinic.exportDay': method(visitsInput, exportDayOutput, 'clinic.check-in'),
  /** The signed-in officer's name and CCCD, sent with every lookup as the gateway requires; null until given. */
  'clinic.officer': method(empty, officerSchema.nullable(), 'clinic.check-in'),
  'clinic.facility': method(empty, clinicFacilitySchema, 'clinic.check-in'),
  'clinic.setOfficer': method(officerSchema.strict(), officerSchema, 'clinic.check-in'),
  /** The gateway's address, the facility's account and code (the password is never sent back). */
  'clinic.settings': method(empty, clinicSettingsSchema, 'users.manage'),
  'clinic.saveSettings': method(saveClinicSettingsInput, clinicSettingsSchema, 'users.manage'),
  /** The office above the commune: many communes' lists recognised (commune, layout, period) and counted; nothing written. */
  'consolidation.preview': method(consolidationFilesInput, consolidationPreviewSchema, 'lists.consolidate'),
  /** Each recognised list imported as its own undoable command; refused files are one line each; listed-twice queued. */
  'consolidation.commit': method(consolidationFilesInput, consolidationReportSchema, 'lists.consolidate'),
  /** While consolidation.commit runs: files and rows done of all. */
  'consolidation.progress': method(z.object({}).strict(), consolidationProgressSchema, 'lists.consolidate'),
  /** The lists consolidated in the user's area (each its own import), newest first: who, when, which commune, undone or not. */
  'consolidation.history': method(z.object({}).strict(), z.array(importHistorySchema), 'lists.consolidate'),
  /** Undoes one consolidated list (by its author or an administrator; the screen asks first). */
  'consolidation.undo': method(z.object({ importId: z.string().max(100) }).strict(), undoReportSchema, 'lists.consolidate'),
  /** The consolidated list of the user's communes in the province's layout, or as canonical JSON (audited, like every export). */
  'export.consolidated': method(consolidatedExportInput, consolidatedExportOutput, 'lists.export'),
  /** The progress dashboard's figures for a week (2026-W48), month (2026-11) or quarter (2026-Q4): per commune, total, over time. */
  'reports.progress': method(reportPeriodInput, progressReportSchema, 'reports.read'),
  /** The same figures as a workbook or a printable PDF in the official layout (a file to save, like export.list). */
  'reports.exportProgress': method(exportProgressInput, exportProgressOutput, 'reports.read'),
  /** The weekly, monthly, quarterly report or the NCC list by group (B08/QT-LĐTBXH, with names: lists.export, audited), as xlsx or PDF. */
  'reports.exportPeriodic': method(exportPeriodicInput, exportProgressOutput, 'lists.export'),
  /** When this office's plan asks for each report: the dashboard reminds before these deadlines. */
  'reports.reminderRules': method(empty, reminderRulesSchema, 'reports.read'),
  /** The administrator sets the deadlines of the office's plan (audited). */
  'reports.saveReminderRules': method(reminderRulesSchema, reminderRulesSchema, 'users.manage'),
  /** Sync with the province hub: last success, what is pending, the last error in Vietnamese. */
  'sync.status': method(empty, syncStatusSchema, 'beneficiaries.read'),
  /** Enrols this device with the hub's one-time code (administrator). */
  'sync.enrol': method(syncEnrolInput, syncStatusSchema, 'users.manage'),
  /** "Đồng bộ ngay": push what the hub has not acknowledged, pull what is new. */
  'sync.now': method(empty, syncReportSchema, 'beneficiaries.write'),
  /** "Cần xử lý": changes sync did not simply apply. */
  'sync.issues': method(empty, z.array(syncIssueSchema), 'beneficiaries.read'),
  /** A person decides an item of "Cần xử lý" (audited in the change log as the command sync-resolve). */
  'sync.resolve': method(syncResolveInput, syncResolveOutput, 'beneficiaries.write'),
  /** Everything the hub has not acknowledged, as one encrypted, signed USB bundle (audited). */
  'sync.exportBundle': method(empty, bundleExportOutput, 'lists.export'),
  /** The hub's receipt bundle: acknowledgements and what the office receives. */
  'sync.importReceipt': method(z.object({ fileRef: fileRefSchema }).strict(), receiptImportOutput, 'beneficiaries.write'),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const errorSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string().optional() });
export type ContractError = z.infer<typeof errorSchema>;

export const requestSchema = z.object({ method: z.string().max(100), input: z.unknown(), token: z.string().max(200).nullable().optional() });
export type ContractRequest = z.infer<typeof requestSchema>;

export type ContractResponse<M extends MethodName = MethodName> =
  | { ok: true; output: MethodOutput<M> }
  | { ok: false; error: ContractError };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

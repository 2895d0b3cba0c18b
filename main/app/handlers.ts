import type { z } from 'zod';
import type { CardPerson } from '../../shared/contract/card';
import { can } from '../../shared/contract/roles';
import type { Contract, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { User } from '../../shared/contract/accounts';
import type { Actor } from '../core/write-path';
import { listUnits, officeArea, searchUnits, unitLabel } from '../registry/admin-unit-queries';
import { setUpEncryptedOffice } from './office-setup';
import { checkTargetCommune, officeAboveCommune, officeCommunes } from '../registry/office-communes';
import { proposeImportCommune } from '../excel/import-commune';
import { AppError } from '../core/errors';
import { discardUpload, isLocalFile, uploadPath } from './uploads';
import { newDownload } from './downloads';
import type { ListFile } from '../consolidation/consolidation-service';
import { backupOpenDatabase } from './database-files';
import { readFileSync } from 'node:fs';
import { importCscaCertificate } from '../card/csca-store';
import type { CardReadResult } from '../card/read-card';
import { exportBeneficiaries } from '../excel/beneficiaries-export';
import type { Services } from './services';
import { queueItems } from '../identity/mismatch-queue-queries';
import { matchingProgress } from '../identity/matching-progress';
import { progressReport } from '../reports/progress-report';
import { exportConsolidatedList } from '../consolidation/consolidated-list';
import { communesInForce } from '../consolidation/consolidation-queries';
import { writeProgress } from '../reports/progress-export';
import { writePeriodicReport } from '../reports/periodic-reports';
import { readReminderRules, saveReminderRules } from '../reports/reminder-rules';

export interface CallContext {
  /** The signed-in user, for methods that need a session. */
  user: User | null;
  token: string | null;
  actor: Actor;
}

type Handler<M extends MethodName> = (services: Services, input: z.output<Contract[M]['input']>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

const scopeOf = (s: Services, ctx: CallContext) => ({ unitIds: s.accounts.unitScope(ctx.user!) });

/** Who asks for an undo, for the one undo rule (main/registry/command-undo.ts). */
const undoRequester = (s: Services, ctx: CallContext) => ({ userId: ctx.user!.id, role: ctx.user!.role, scope: s.accounts.unitScope(ctx.user!) });

/**
 * The commune a new record or an import goes to: the one asked for, else the office's own when it is one commune;
 * always a commune in force of the office's area (main/registry/office-communes.ts) and within the user's units.
 */
function targetUnit(s: Services, ctx: CallContext, unitId: string | null): string {
  const unit = checkTargetCommune(s.db, unitId);
  const scope = s.accounts.unitScope(ctx.user!);
  if (scope && !scope.includes(unit)) throw new AppError('forbidden', 'Xã/phường này ngoài địa bàn của bạn.', 'Unit outside your scope.');
  return unit;
}

/** The office's communes in force that the user may write into; `required` when the office covers more than one. */
function writableCommunes(s: Services, ctx: CallContext) {
  const scope = s.accounts.unitScope(ctx.user!);
  const communes = (officeCommunes(s.db) ?? []).filter((c) => !scope || scope.includes(c.id));
  return { required: officeAboveCommune(s.db), communes };
}

/** Files handed over for consolidation, where the services find them. */
const listFiles = (files: { fileRef: string; fileName: string; unitId: string | null }[]) =>
  files.map((f) => ({ path: uploadPath(f.fileRef), fileName: f.fileName, unitId: f.unitId, fileRef: f.fileRef }));

/** Each contract method, bound to the service that does the work. Validation and permissions happen in dispatch. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'app.info': (s) => {
    const unitId = s.metaValue('office.unitId');
    const unitName = unitId ? unitLabel(s.db.sqlite, unitId) : null;
    return { version: s.version, needsSetup: s.accounts.needsSetup(), unitName, demo: s.metaValue('demo') === '1',
      encrypted: s.db.encrypted, deviceChange: s.db.deviceChange ?? null, needsUnlock: false };
  },
  'setup.createAdministrator': (s, input, ctx) => s.accounts.createFirstAdministrator(ctx.actor, input),
  'setup.createOffice': (s, input, ctx) => {
    if (!s.accounts.needsSetup()) throw new AppError('already-set-up', 'Ứng dụng đã được thiết lập.', 'The office is already set up.');
    const unit = input.unit.level === 'commune' ? input.unit : { ...input.unit, communes: input.unit.communes };
    // A real office's database is encrypted before anyone's data goes in; its passphrase is shown once, then forgotten.
    const { admin, recoveryPassphrase } = setUpEncryptedOffice(s.db, ctx.actor, unit, input);
    return { ...s.accounts.login(admin.username, input.password, ctx.actor.origin), recoveryPassphrase };
  },
  'units.search': (s, input, ctx) => {
    // Open to anyone only while the office is being set up (the picker comes before any account exists).
    if (!s.accounts.needsSetup()) s.accounts.authenticate(ctx.token);
    return searchUnits(s.db.sqlite, input.query, { levels: input.levels, provinceId: input.provinceId, limit: input.limit });
  },
  'auth.login': (s, input, ctx) => s.accounts.login(input.username, input.password, ctx.actor.origin),
  'auth.logout': (s, _input, ctx) => {
    s.accounts.logout(ctx.token);
    return { ok: true as const };
  },
  'auth.unlock': (s, input, ctx) => s.accounts.unlock(ctx.token, input.password, ctx.actor.origin),
  'auth.changePassword': (s, input, ctx) => s.accounts.changePassword(ctx.actor, ctx.token, input.currentPassword, input.newPassword, ctx.actor.origin),
  'auth.me': (_s, _input, ctx) => ctx.user!,
  'units.list': (s, _input, ctx) => listUnits(s.db.sqlite, s.accounts.unitScope(ctx.user!) ?? officeArea(s.db)),
  'users.list': (s) => s.accounts.listUsers(),
  'users.create': (s, input, ctx) => s.accounts.createUser(ctx.actor, input),
  'users.update': (s, input, ctx) => s.accounts.updateUser(ctx.actor, input),
  'users.setActive': (s, input, ctx) => s.accounts.setUserActive(ctx.actor, input.id, input.active),
  'users.resetPassword': (s, input, ctx) => s.accounts.resetPassword(ctx.actor, input.id, input.temporaryPassword, ctx.actor.origin),
  'audit.list': (s, input) => {
    const { offset, limit, ...filter } = input;
    return s.audit.list(filter, offset, limit);
  },
  'audit.export': async (s, input, ctx) => {
    const { utcOffsetMinutes, ...filter } = input;
    const target = newDownload();
    const now = new Date();
    const { count } = await s.audit.exportTo(ctx.actor, filter, target.path, { utcOffsetMinutes, now });
    const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
    const day = [local.getUTCDate(), local.getUTCMonth() + 1].map((n) => String(n).padStart(2, '0')).join('-');
    return { fileName: `Nhat_ky_truy_cap_${day}-${local.getUTCFullYear()}.xlsx`, count, downloadRef: target.ref };
  },
  // Already open (the locked services answer it themselves until the passphrase is right: locked-database.ts).
  'database.unlock': () => ({ ok: true as const }),
  'database.backup': (s, input, ctx) => {
    const target = newDownload();
    const header = backupOpenDatabase(s.db, ctx.actor, target.path);
    const local = new Date(Date.parse(header.createdAt) + input.utcOffsetMinutes * 60_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const stamp = `${two(local.getUTCDate())}-${two(local.getUTCMonth() + 1)}-${local.getUTCFullYear()}_${two(local.getUTCHours())}h${two(local.getUTCMinutes())}`;
    return {
      fileName: `Sao_luu_${stamp}.ansinh-backup`, downloadRef: target.ref, sizeBytes: header.size, encrypted: header.encrypted,
      people: header.counts.beneficiaries ?? 0, createdAt: header.createdAt,
    };
  },
  'users.signInAttempts': (s, input) => {
    const page = s.accounts.signInAttempts(input);
    return { total: page.total, rows: page.rows.map((r) => ({ atMs: r.at, username: r.username, kind: r.kind, outcome: r.outcome, door: r.door })) };
  },
  'beneficiaries.list': (s, input, ctx) => s.registry.list(scopeOf(s, ctx), input),
  'beneficiaries.facets': (s, _input, ctx) => s.registry.facets(scopeOf(s, ctx)),
  'beneficiaries.get': (s, input, ctx) => {
    const detail = s.registry.get(scopeOf(s, ctx), input.id, ctx.user!.id);
    s.audit.recordOpened(ctx.actor, input.id);
    return detail;
  },
  'beneficiaries.history': (s, input, ctx) => {
    const history = s.registry.history(scopeOf(s, ctx), input.id);
    s.audit.historyOpened(ctx.actor, input.id);
    return history;
  },
  'beneficiaries.undoLastEdit': (s, input, ctx) => s.registry.undoLastEdit(ctx.actor, undoRequester(s, ctx), input.id),
  'beneficiaries.changeStatus': (s, input, ctx) => s.registry.changeStatus(ctx.actor, scopeOf(s, ctx), input),
  'accounts.save': (s, input, ctx) => s.registry.saveAccount(ctx.actor, scopeOf(s, ctx), input),
  'accounts.close': (s, input, ctx) => {
    s.registry.closeAccount(ctx.actor, scopeOf(s, ctx), input.id);
    return { ok: true as const };
  },
  'households.create': (s, input, ctx) => ({ id: s.registry.createHousehold(ctx.actor, scopeOf(s, ctx), input) }),
  'households.assign': (s, input, ctx) => {
    s.registry.moveToHousehold(ctx.actor, scopeOf(s, ctx), input);
    return { ok: true as const };
  },
  'households.setHead': (s, input, ctx) => {
    s.registry.setHeadOfHousehold(ctx.actor, scopeOf(s, ctx), input.beneficiaryId);
    return { ok: true as const };
  },
  'households.find': (s, input, ctx) => s.registry.findHouseholds(scopeOf(s, ctx), input.beneficiaryId, input.query),
  'beneficiaries.save': (s, input, ctx) =>
    s.registry.save(ctx.actor, scopeOf(s, ctx), { ...input, unitId: input.id ? null : targetUnit(s, ctx, input.unitId) }),
  'beneficiaries.communes': (s, _input, ctx) => writableCommunes(s, ctx),
  'card.status': (s) => s.cards.status(),
  'card.read': async (s, input, ctx) => {
    // For a check-in, the insurance lookup starts as soon as the chip's identity is read, beside the photo's read.
    const onIdentity = input.purpose === 'clinic-check-in' && ctx.user && can(ctx.user.role, 'clinic.check-in') ? (person: CardPerson) => s.clinic.startLookup(ctx.actor, ctx.user!.id, person) : undefined;
    if (input.photoLater) {
      // Answered with the identity once it is read and checked; the photo goes on being read and card.photo gives it.
      let answerEarly: (r: CardReadResult) => void = () => undefined;
      const early = new Promise<CardReadResult>((resolve) => { answerEarly = resolve; });
      const whole = s.cards.read(ctx.actor, input, onIdentity, (r) => answerEarly(r));
      whole.catch(() => undefined); // a failure after the early answer reaches card.photo
      // The whole read wins only when there was no photo to wait for (onVerified is not called then).
      const first = await Promise.race([early.then((r) => ({ r, pending: true })), whole.then((r) => ({ r, pending: false }))]);
      const readId = s.cardReads.keep(first.r, ctx.user!.id, first.pending ? whole : undefined);
      return { ...cardReadAnswer(readId, first.r), photoPending: first.pending };
    }
    const result = await s.cards.read(ctx.actor, input, onIdentity);
    return cardReadAnswer(s.cardReads.keep(result, ctx.user!.id), result);
  },
  'card.photo': async (s, input, ctx) => {
    const { result, failure } = await s.cardReads.photo(input.readId, ctx.user!.id);
    return { photo: photoUrl(result), trust: result.trust, verified: result.verified, failure: failure ? { code: failure.code, message: failure.messageVi, messageEn: failure.messageEn } : null };
  },
  'card.importCsca': (s, input, ctx) => importCscaCertificate(s.db, ctx.actor, readFileSync(uploadPath(input.fileRef))),
  'identity.compare': (s, input, ctx) => s.identity.compare(scopeOf(s, ctx), ctx.user!.id, input.readId, input.beneficiaryId),
  'identity.acceptCardValues': (s, input, ctx) => s.identity.acceptCardValues(ctx.actor, scopeOf(s, ctx), input.readId, input.beneficiaryId, input.fields),
  'identity.queueMismatches': (s, input, ctx) => s.identity.sendToMismatchQueue(ctx.actor, scopeOf(s, ctx), input.readId, input.beneficiaryId, input.fields),
  'identity.newRecordFromCard': (s, input, ctx) => ({
    id: s.identity.newRecordFromCard(ctx.actor, scopeOf(s, ctx), input.readId, { ...input, unitId: targetUnit(s, ctx, input.unitId) }),
  }),
  'identity.savePhoto': (s, input, ctx) => ({ id: s.identity.savePhoto(ctx.actor, scopeOf(s, ctx), input.readId, input.beneficiaryId) }),
  'mismatches.list': (s, input, ctx) => queueItems(s.db.sqlite, s.accounts.unitScope(ctx.user!), input),
  'mismatches.decide': (s, input, ctx) => s.mismatchDecisions.decide(ctx.actor, s.accounts.unitScope(ctx.user!), input.ids, input.decision, input.note),
  'mismatches.decideAll': (s, input, ctx) => s.mismatchDecisions.decideAll(ctx.actor, s.accounts.unitScope(ctx.user!), input.filter, input.decision, input.note),
  'match.progress': (s, _input, ctx) => matchingProgress(s.db.sqlite, s.accounts.unitScope(ctx.user!)),
  'match.export': async (s, input, ctx) => {
    const unitIds = input.unitId ? [targetUnit(s, ctx, input.unitId)] : s.accounts.unitScope(ctx.user!);
    const target = newDownload();
    const out = await s.matching.exportBatch(ctx.actor, { ...input, unitIds, preparedBy: ctx.user!.displayName }, target.path);
    return { ...out, fileName: `DS_doi_chieu_dot_${out.batch}.xlsx`, downloadRef: target.ref };
  },
  'match.import': async (s, input, ctx) => {
    const report = await s.matching.importResults(ctx.actor, scopeOf(s, ctx), uploadPath(input.fileRef), input.fileName, input.preview);
    // Kept after a preview for the commit that follows; gone once its results are recorded.
    if (!input.preview) discardUpload(input.fileRef);
    return report;
  },
  'import.preview': async (s, input, ctx) => {
    const unitId = targetUnit(s, ctx, input.unitId);
    const file = uploadPath(input.fileRef);
    const preview = await s.imports.preview(file, { unitId, fileName: input.fileName, category: input.category });
    s.audit.importPreviewed(ctx.actor, {
      fileName: input.fileName, unitId, records: preview.records, imported: preview.imported, updated: preview.updated,
      unchanged: preview.unchanged, needsFixing: preview.needsFixing.length,
    });
    s.importCommits.previewed(file, preview.records);
    return preview;
  },
  // In a worker thread (import-commits.ts): the services go on answering while it writes.
  'import.commit': async (s, input, ctx) => {
    const report = await s.importCommits.commit(ctx.actor, uploadPath(input.fileRef), { unitId: targetUnit(s, ctx, input.unitId), fileName: input.fileName, category: input.category });
    discardUpload(input.fileRef); // committed: the workbook's people are in the register, the file goes
    return report;
  },
  'import.cancel': (_s, input) => {
    discardUpload(input.fileRef);
    return { ok: true as const };
  },
  'import.history': (s, _input, ctx) => s.imports.history(undoRequester(s, ctx)),
  'payout.create': (s, input, ctx) => s.payout.create(ctx.actor, scopeOf(s, ctx), input.period),
  'payout.periods': (s) => s.payout.periods(),
  'payout.get': (s, input) => s.payout.get(input),
  'payout.release': (s, input, ctx) => s.payout.release(ctx.actor, input),
  'payout.export': async (s, input, ctx) => {
    const target = newDownload();
    const r = await s.payout.export(ctx.actor, input.period, input.kind, input.format, target.path, { preparedBy: ctx.user!.displayName, signedBy: null },
      input.bankBin ?? null);
    const name = { bank: 'DS_chuyen_khoan', 'post-office': 'DS_chi_buu_dien', printable: 'Bang_ke_chi_tra' }[input.kind] + (input.bankBin ? `_${input.bankBin}` : '');
    return { fileName: `${name}_${input.period}.${input.format}`, count: r.count, amount: r.amount, downloadRef: target.ref };
  },
  'payout.reconcile': (s, input, ctx) => {
    try {
      return s.payout.reconcile(ctx.actor, input.period, uploadPath(input.fileRef), input.fileName);
    } finally {
      discardUpload(input.fileRef);
    }
  },
  'payout.approve': (s, input, ctx) => s.payout.approve(ctx.actor, input.period, input.leaveBlockedOut),
  'payout.lock': (s, input, ctx) => s.payout.lock(ctx.actor, input.period),
  'payout.settle': (s, input, ctx) => {
    s.payout.settle(ctx.actor, input);
    return { ok: true as const };
  },
  'payout.amountChecks': (s, input) => s.payout.amountChecks(input.status),
  'payout.levels': (s) => s.payout.levels(),
  'payout.addLevel': (s, input, ctx) => s.payout.addLevel(ctx.actor, input),
  'payout.levelUnits': (s) => s.payout.levelUnits(),
  'payout.entitlements': (s, input, ctx) => s.payout.entitlements(scopeOf(s, ctx), input.beneficiaryId),
  'payout.saveEntitlement': (s, input, ctx) => s.payout.saveEntitlement(ctx.actor, scopeOf(s, ctx), input),
  'payout.confirmPaid': (s, input, ctx) => s.payout.confirmPaid(ctx.actor, input),
  'payout.resolveAmountCheck': (s, input, ctx) => {
    s.payout.resolveAmountCheck(ctx.actor, input);
    return { ok: true as const };
  },
  'import.needsFixing': (s, input, ctx) => s.imports.stillToFix(input.importId, s.accounts.unitScope(ctx.user!)),
  'import.communes': async (s, input, ctx) => {
    const { required, communes } = writableCommunes(s, ctx);
    if (!required) return { required: false, communes, proposedId: communes[0]?.id ?? null, titleLine: null };
    const office = s.metaValue('office.unitId');
    return { required: true, communes, ...await proposeImportCommune(s.db, uploadPath(input.fileRef), communes, office ? unitLabel(s.db.sqlite, office) : null) };
  },
  'import.progress': (s, input) => s.imports.previewProgress(uploadPath(input.fileRef)),
  'import.commitProgress': (s, input) => s.importCommits.progress(uploadPath(input.fileRef)),
  'import.commitCancel': (s, input) => ({ cancelling: s.importCommits.cancel(uploadPath(input.fileRef)) }),
  'import.rememberMapping': (s, input, ctx) => {
    s.imports.rememberMapping(ctx.actor, input.layout, input.mapping);
    return { ok: true as const };
  },
  'duplicates.detect': (s, _input, ctx) => s.duplicates.detect(ctx.actor, scopeOf(s, ctx)),
  'duplicates.list': (s, input, ctx) => s.duplicates.list(scopeOf(s, ctx), input.status),
  'duplicates.merge': (s, input, ctx) => {
    const done = s.duplicates.merge(ctx.actor, scopeOf(s, ctx), input.pairId, input.keepId);
    return { commandId: done.commandId, ...done.result };
  },
  'duplicates.undoMerge': (s, input, ctx) => s.duplicates.undoMerge(ctx.actor, undoRequester(s, ctx), input.commandId),
  'duplicates.markDistinct': (s, input, ctx) => s.duplicates.markDistinct(ctx.actor, scopeOf(s, ctx), input.pairId, input.note),
  'duplicates.blocks': (s, input, ctx) => {
    const scope = s.accounts.unitScope(ctx.user!);
    return s.duplicates.openDuplicateBlocks(input.personIds).filter((b) => !scope || scope.includes(b.unitId))
      .map(({ unitId: _unit, ...b }) => b);
  },
  'consolidation.preview': async (s, input, ctx) => ({ files: await s.consolidation.preview(listFiles(input.files), s.accounts.unitScope(ctx.user!)) }),
  'consolidation.commit': async (s, input, ctx) => {
    // A commune's sync bundle uploaded from the screen: its receipt becomes a download to save for the commune (from
    // the CLI, it is written beside the bundle).
    const receipts = new Map<string, string>();
    const files: ListFile[] = listFiles(input.files).map((f) => {
      if (isLocalFile(f.fileRef) || !s.sync.isBundleFile(f.path)) return f;
      const target = newDownload();
      receipts.set(f.path, target.ref);
      return { ...f, receiptPath: target.path };
    });
    const { receipts: written, ...report } = await s.consolidation.commit(ctx.actor, files, s.accounts.unitScope(ctx.user!));
    for (const f of input.files) discardUpload(f.fileRef);
    const refOf = new Map(files.map((f) => [f.receiptPath, receipts.get(f.path) ?? null]));
    return { ...report, receipts: written.map((r) => {
      const downloadRef = refOf.get(r.path) ?? null;
      return { file: r.file, fileName: downloadRef ? `${r.file}.bien-nhan` : r.path, downloadRef };
    }) };
  },
  'consolidation.progress': (s) => s.consolidation.progress(),
  'consolidation.history': (s, _input, ctx) => s.consolidation.history(undoRequester(s, ctx)),
  'consolidation.undo': (s, input, ctx) => s.consolidation.undo(ctx.actor, undoRequester(s, ctx), input.importId),
  'export.consolidated': async (s, input, ctx) => {
    const scope = s.accounts.unitScope(ctx.user!);
    const communes = (officeCommunes(s.db) ?? communesInForce(s.db)).filter((c) => !scope || scope.includes(c.id));
    const office = s.metaValue('office.unitId');
    const target = newDownload();
    const date = new Date();
    const r = await exportConsolidatedList(s.db, ctx.actor, communes, input.format, input.layout, target.path,
      { officeName: (office && unitLabel(s.db.sqlite, office)?.split(',')[0]) || 'Đơn vị', date, preparedBy: ctx.user!.displayName });
    const day = [date.getDate(), date.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('-');
    return { fileName: `DS_tong_hop_${day}-${date.getFullYear()}.${input.format}`, count: r.count, communes: r.communes, downloadRef: target.ref };
  },
  'reports.progress': (s, input, ctx) => progressReport(s.db, s.accounts.unitScope(ctx.user!), input.period),
  'reports.reminderRules': (s) => readReminderRules(s.db),
  'reports.saveReminderRules': (s, input, ctx) => saveReminderRules(s.db, ctx.actor, input),
  'reports.exportPeriodic': async (s, input, ctx) => {
    const target = newDownload();
    const { fileName } = await writePeriodicReport(s.db, ctx.actor, s.accounts.unitScope(ctx.user!), input.report, input.period, input.format, target.path,
      { date: new Date(), preparedBy: ctx.user!.displayName });
    return { fileName, downloadRef: target.ref };
  },
  'reports.exportProgress': async (s, input, ctx) => {
    const report = progressReport(s.db, s.accounts.unitScope(ctx.user!), input.period);
    const target = newDownload();
    await writeProgress(report, input.format, target.path, { date: new Date(), preparedBy: ctx.user!.displayName });
    return { fileName: `Bao_cao_tien_do_${report.period.code}.${input.format}`, downloadRef: target.ref };
  },
  'import.undo': (s, input, ctx) => s.imports.undo(ctx.actor, undoRequester(s, ctx), input.importId).result,
  'export.list': async (s, input, ctx) => {
    const unitIds = input.unitId ? [targetUnit(s, ctx, input.unitId)] : s.accounts.unitScope(ctx.user!);
    const target = newDownload();
    const date = new Date();
    const report = await s.exports.exportList(ctx.actor, input.kind, unitIds, target.path, { date, preparedBy: input.preparedBy ?? ctx.user!.displayName, signedBy: input.signedBy, filters: input.filters });
    const day = [date.getDate(), date.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('-');
    const fileName = `${EXPORT_FILE_NAMES[input.kind]}_${day}-${date.getFullYear()}.xlsx`;
    return { kind: input.kind, fileName, count: report.count, downloadRef: target.ref };
  },
  'export.beneficiaries': async (s, input, ctx) => {
    const unitIds = input.unitId ? [targetUnit(s, ctx, input.unitId)] : s.accounts.unitScope(ctx.user!);
    const target = newDownload();
    const { count } = await exportBeneficiaries(s.db, ctx.actor, input.format, unitIds, target.path);
    return { format: input.format, fileName: `DS_doi_tuong.${input.format}`, count, downloadRef: target.ref };
  },
  'clinic.checkIn': (s, input, ctx) => s.clinic.checkIn(ctx.actor, ctx.user!.id, input),
  'clinic.visit': (s, input) => s.clinic.visit(input.id),
  'clinic.visits': (s, input) => s.clinic.visits(input.day),
  'clinic.exportDay': async (s, input, ctx) => {
    const target = newDownload();
    const { day, count } = await s.clinic.exportDay(ctx.actor, input.day, target.path);
    return { fileName: `Tiep_don_${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}.xlsx`, count, downloadRef: target.ref };
  },
  'clinic.officer': (s, _input, ctx) => s.clinic.officer(ctx.user!.id),
  'clinic.facility': (s) => s.clinic.facility(),
  'clinic.setOfficer': (s, input, ctx) => s.clinic.setOfficer(ctx.actor, ctx.user!.id, input),
  'clinic.settings': (s) => s.clinic.settings(),
  'clinic.saveSettings': (s, input, ctx) => s.clinic.saveSettings(ctx.actor, input),
  'sync.status': (s) => s.sync.status(),
  'sync.enrol': (s, input) => s.sync.enrol(input.hubUrl, input.code),
  'sync.now': (s) => s.sync.now(),
  'sync.issues': (s) => s.sync.issues(),
  'sync.resolve': (s, input, ctx) => s.sync.resolve(ctx.actor, input.id, input.choice),
  'sync.exportBundle': (s, _input, ctx) => {
    const target = newDownload();
    const { number, entries } = s.sync.exportBundle(ctx.actor, target.path);
    return { fileName: `Goi_dong_bo_${String(number).padStart(4, '0')}.ansinh`, number, entries, downloadRef: target.ref };
  },
  'sync.importReceipt': (s, input) => {
    try {
      return s.sync.importReceipt(uploadPath(input.fileRef));
    } finally {
      discardUpload(input.fileRef);
    }
  },
};

/** ASCII file names: they survive every file system, zip tool and e-mail client an office uses. */
const EXPORT_FILE_NAMES = {
  'population-matching': 'DS_doi_chieu_CSDL_dan_cu',
  unbanked: 'DS_chua_co_tai_khoan',
  'district-list': 'DS_doi_tuong_gui_cap_tren',
} as const;

function photoUrl(result: CardReadResult): string | null {
  return result.photo ? `data:${result.photo.mime};base64,${Buffer.from(result.photo.bytes).toString('base64')}` : null;
}

function cardReadAnswer(readId: string, result: CardReadResult) {
  return { readId, access: result.access, person: result.person, mrz: result.mrz, files: result.files, trust: result.trust, verified: result.verified, photo: photoUrl(result) };
}

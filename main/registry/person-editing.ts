import type { AppDatabase } from '../core/database/open-database';
import { AppError } from '../core/errors';
import { runCommand, type Actor } from '../core/write-path';
import type { FieldProblem } from '../../shared/canonical-record';
import { EDITABLE_FIELDS, type EditableField, type PersonFieldsInput, type SaveOutcome } from '../../shared/contract/beneficiaries';
import { problem } from '../excel/problems';
import { editRefusal, isEditRefusal, lastChangeOf } from './edit-conflict';
import { idHolder } from './id-holders';
import { editProblem, isRefusal } from './edit-messages';
import {
  idCrossCheckProblems, readAmountText, readBirthText, readCategory, readIdField, readNameText, readOldIdField, readPlainText, readSexText,
} from './person-fields';
import { withoutProblemsOf } from './record-problems';
import { beneficiaryTable } from './synced-tables';
import { unverifyField, verifiedFieldsOf } from '../identity/verification';
import type { UnitScope } from './registry-service';

export { CATEGORY_GROUPS } from '../../shared/contract/imports';
import { CATEGORY_GROUPS } from '../../shared/contract/imports';

export interface SavePersonRequest {
  id: string | null;
  /** A new person's commune, already checked against the user's units. */
  unitId: string | null;
  baseRev: number | null;
  fields: PersonFieldsInput;
  reasons: Record<string, string>;
}

type Values = Partial<Record<EditableField, string | number | null>>;

/** Reads what the clerk typed with the import's rules: values, refusals (errors) and warnings, by field. */
function readTyped(fields: PersonFieldsInput, today: Date): { values: Values; problems: FieldProblem[] } {
  const values: Values = {};
  const problems: FieldProblem[] = [];
  const text = (f: EditableField) => fields[f] ?? '';
  for (const f of EDITABLE_FIELDS) {
    if (fields[f] === undefined) continue;
    switch (f) {
      case 'fullName': values.fullName = readNameText(text(f)); break;
      case 'birth': case 'sex': case 'monthlyAmount': {
        const read = f === 'birth' ? readBirthText(text(f), today) : f === 'sex' ? readSexText(text(f)) : readAmountText(text(f));
        values[f] = read.value;
        if (read.problem) problems.push(read.problem);
        break;
      }
      case 'idNumber': {
        const read = readIdField(text(f));
        if (read.problem) problems.push(problem('idNumber', read.problem));
        // A form's field takes one number: both typed in it ("CCCD …; CMND …") is no ID to save.
        else if (read.oldIdNumber && read.idNumber) problems.push(problem('idNumber', 'id-malformed'));
        else if (read.oldIdNumber) problems.push(editProblem('idNumber', 'id-is-old-id'));
        values.idNumber = read.idNumber;
        break;
      }
      case 'oldIdNumber': {
        const read = readOldIdField(text(f));
        if (read.problem) problems.push(problem('oldIdNumber', read.problem));
        values.oldIdNumber = read.oldIdNumber;
        break;
      }
      case 'categoryGroup': {
        const group = readPlainText(fields[f]);
        if (group !== null && !(CATEGORY_GROUPS as readonly string[]).includes(group)) problems.push(editProblem('categoryGroup', 'category-group-unknown'));
        values.categoryGroup = group;
        break;
      }
      default: values[f] = readPlainText(fields[f]);
    }
  }
  return { values, problems };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** Add a person or change fields of a record: all of it or nothing, with every refusal at its field. */
export function savePerson(db: AppDatabase, actor: Actor, scope: UnitScope, req: SavePersonRequest, today = new Date()): SaveOutcome {
  const sqlite = db.sqlite;
  try {
    return runCommand(db, actor, req.id ? 'manual-edit' : 'manual-add', (w): SaveOutcome => {
      const current = req.id ? w.get(beneficiaryTable, req.id) : undefined;
      if (req.id && (!current || current.deleted || (scope.unitIds && !scope.unitIds.includes(String(current.unitId))))) {
        throw new AppError('not-found', 'Không tìm thấy đối tượng (có thể đã bị xóa hoặc ngoài địa bàn của bạn).', 'Beneficiary not found.');
      }
      if (current && req.baseRev === null) throw new AppError('invalid-input', 'Thiếu phiên bản hồ sơ đã mở để sửa.', 'An edit must name the revision it started from.');
      if (current && current.rev !== req.baseRev) throw editRefusal({ outcome: 'conflict', conflict: lastChangeOf(sqlite, req.id!, scope) });
      const unitId = String(current?.unitId ?? req.unitId);

      const { values, problems: read } = readTyped(req.fields, today);
      const errors = read.filter((p) => isRefusal(p.code));
      const warnings = read.filter((p) => !errors.includes(p));
      // Keep only what differs from the record.
      const patch: Values = {};
      for (const [f, v] of Object.entries(values) as [EditableField, string | number | null][]) {
        if (!current || !sameValue(current[f], v)) patch[f] = v;
      }
      const final = (f: EditableField) => (f in patch ? patch[f] : current?.[f]) ?? null;

      if (!final('fullName')) errors.push(editProblem('fullName', 'name-required'));
      if ('categoryLabel' in patch && !('categoryGroup' in patch) && patch.categoryLabel) {
        const group = readCategory(String(patch.categoryLabel));
        if (group.value) { if (group.value !== current?.categoryGroup) patch.categoryGroup = group.value; }
        else if (!current) errors.push(group.problem!);
      }
      if (!final('categoryGroup')) errors.push(editProblem('categoryGroup', 'category-required'));

      for (const f of ['idNumber', 'oldIdNumber'] as const) {
        const id = patch[f];
        if (typeof id !== 'string' || errors.some((e) => e.field === f)) continue;
        const holder = idHolder(sqlite, f, id, req.id, scope);
        if (holder) errors.push({ field: f, code: 'id-taken', message: holder });
      }

      // A verified field is changed only with a reason; the new value is written and the field is no longer verified
      // (a person's word replaced what the chip or the population database confirmed). History keeps the reason.
      const verified = current ? verifiedFieldsOf(sqlite, req.id!) : {};
      const reasons: Record<string, string> = {};
      const clearedNotes: FieldProblem[] = [];
      for (const f of Object.keys(patch) as EditableField[]) {
        if (!verified[f]) continue;
        const reason = readPlainText(req.reasons[f]);
        if (!reason) errors.push(editProblem(f, 'verified-needs-reason', { how: verified[f] }));
        else {
          reasons[f] = reason;
          clearedNotes.push(editProblem(f, 'verified-cleared', { how: verified[f] }));
        }
      }
      if (errors.length) throw editRefusal({ outcome: 'invalid', errors: dedupe(errors) });
      for (const f of Object.keys(reasons)) unverifyField(w, req.id!, f);

      // What the record still has to fix: the touched fields' old problems go, the rules' warnings on the new values come.
      const touched = new Set<string>(Object.keys(patch));
      if (touched.has('sex') || touched.has('birth')) touched.add('idNumber');
      const crossCheck = idCrossCheckProblems(final('idNumber') as string | null, final('sex') as 'M' | 'F' | null, final('birth') as string | null);
      const stored = JSON.parse(String(current?.problems ?? '[]')) as FieldProblem[];
      const problems = [...withoutProblemsOf(stored, touched), ...warnings, ...(touched.has('idNumber') ? crossCheck : [])];

      let id = req.id;
      let changed: string[];
      if (!current) {
        id = w.insert(beneficiaryTable, { ...patch, fullName: patch.fullName, categoryLabel: patch.categoryLabel ?? '', unitId, problems: JSON.stringify(problems) });
        changed = Object.keys(patch);
      } else {
        changed = w.update(beneficiaryTable, id!, { ...patch, problems: JSON.stringify(problems) });
      }
      w.summary = { fields: Object.keys(patch), ...(Object.keys(reasons).length ? { reasons } : {}) };
      const rev = Number(w.get(beneficiaryTable, id!)!.rev);
      return { outcome: 'saved', id: id!, rev, changed, warnings: [...warnings, ...(touched.has('idNumber') ? crossCheck : []), ...clearedNotes] };
    }).result;
  } catch (e) {
    if (isEditRefusal(e)) return e.refusal;
    throw e;
  }
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.field}|${p.code}`) && seen.add(`${p.field}|${p.code}`));
}

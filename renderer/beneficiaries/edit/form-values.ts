import { EDITABLE_FIELDS, type BeneficiaryDetail, type EditableField, type PersonFieldsInput } from '../../../shared/contract/beneficiaries';
import { formatBirth } from '../../../shared/format/dates';

/** The edit form's fields as the clerk sees and types them: dates dd/mm/yyyy (or a year), everything as text. */
export type FormValues = Record<EditableField, string>;

export function formValuesOf(d: BeneficiaryDetail | null): FormValues {
  const values = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, ''])) as FormValues;
  if (!d) return values;
  for (const f of EDITABLE_FIELDS) {
    const v = d[f];
    values[f] = v === null || v === undefined ? '' : f === 'birth' ? formatBirth(String(v)) : String(v);
  }
  return values;
}

/** Only what the clerk changed travels; an emptied field is sent as null. */
export function changedFields(base: FormValues, values: FormValues): PersonFieldsInput {
  const out: PersonFieldsInput = {};
  for (const f of EDITABLE_FIELDS) {
    if (values[f].trim() !== base[f].trim()) out[f] = values[f].trim() === '' ? null : values[f];
  }
  return out;
}

/** After another user's save: their values, except where the clerk typed something (kept, to look at again). */
export function mergeAfterConflict(oldBase: FormValues, theirs: FormValues, mine: FormValues): { values: FormValues; differs: EditableField[] } {
  const values = { ...theirs };
  const differs: EditableField[] = [];
  for (const f of EDITABLE_FIELDS) {
    if (mine[f].trim() !== oldBase[f].trim()) {
      values[f] = mine[f];
      if (theirs[f].trim() !== oldBase[f].trim()) differs.push(f);
    }
  }
  return { values, differs };
}

/** A row the import could not record, as the new person's form starts from it: the file's text, the sex as the form's choice. */
export function formValuesFromRow(row: Record<string, string> | null | undefined): Partial<FormValues> {
  const out: Partial<FormValues> = {};
  for (const f of EDITABLE_FIELDS) {
    const v = row?.[f];
    if (v !== undefined && f !== 'sex' && f !== 'categoryGroup' && f !== 'fullName') out[f] = v;
  }
  const sex = (row?.sex ?? '').trim().toLowerCase().normalize('NFC');
  if (['nam', 'm', 'male'].includes(sex)) out.sex = 'M';
  else if (['nữ', 'nu', 'f', 'female'].includes(sex)) out.sex = 'F';
  return out;
}

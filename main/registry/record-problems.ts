import type { FieldProblem } from '../../shared/canonical-record';

// Problems are kept on the record by the field they are about; an import names some by its columns.
const FIELD_OF: Record<string, string> = { birthMale: 'birth', birthFemale: 'birth', birthDay: 'birth', birthMonth: 'birth', birthYear: 'birth', sexMale: 'sex', sexFemale: 'sex', givenName: 'fullName', middleName: 'fullName' };

export function problemField(p: FieldProblem): string {
  return FIELD_OF[p.field] ?? p.field;
}

/** The record's problems once the given fields were set again by a person: theirs are fixed. */
export function withoutProblemsOf(problems: readonly FieldProblem[], fields: ReadonlySet<string>): FieldProblem[] {
  return problems.filter((p) => !fields.has(problemField(p)));
}

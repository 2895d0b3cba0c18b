import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail, EditableField } from '../../../shared/contract/beneficiaries';
import { messageOf } from '../../api/call-error';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { useAppSession } from '../../session/app-session';
import { categoryGroupLabel } from '../row-cells';
import { changedFields, formValuesOf, mergeAfterConflict, type FormValues } from './form-values';
import { notifyRegisterChanged } from './register-changes';
import { CommuneField } from './CommuneField';
import type { PersonCommunes } from '../../../shared/contract/beneficiaries';

const GROUPS = ['BTXH', 'NCC', 'TNCC', 'OTHER'] as const;
/** Import problems named by the list's columns. */
const FIELD_OF_PROBLEM: Record<string, string> = { birthMale: 'birth', birthFemale: 'birth', birthDay: 'birth', birthMonth: 'birth', birthYear: 'birth', sexMale: 'sex', sexFemale: 'sex', givenName: 'fullName', middleName: 'fullName' };

interface Props {
  /** null: a new person, into the office's commune. */
  detail: BeneficiaryDetail | null;
  /** A needs-fixing item's field: the form opens on it. */
  focusField?: string | null;
  /** A new person's values to start from (a row the import could not record), to check and complete. */
  initial?: Partial<FormValues>;
  onSaved(id: string): void;
  onCancel(): void;
}

/** Sửa hồ sơ / Thêm đối tượng: every field of the record; the services apply the import's rules and answer by field. */
export function PersonForm({ detail, focusField = null, initial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [base, setBase] = useState(() => ({ values: formValuesOf(detail), rev: detail?.rev ?? null, verified: detail?.verified ?? {} }));
  const rejected = rejectedValues(detail);
  const [values, setValues] = useState<FormValues>(() => withRejectedToCorrect({ ...formValuesOf(detail), ...(detail ? {} : initial) }, rejected, focusField));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [theirs, setTheirs] = useState<{ message: string; values: Partial<FormValues> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [villages, setVillages] = useState<string[]>([]);
  /** A new person in an office above the commune: the communes to choose from, and the one chosen. */
  const [communes, setCommunes] = useState<PersonCommunes | null>(null);
  const [unitId, setUnitId] = useState('');
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const target = focusField ? document.getElementById(`edit-input-${FIELD_OF_PROBLEM[focusField] ?? focusField}`) : null;
    (target ?? first.current)?.focus();
  }, [focusField]);
  useEffect(() => {
    let live = true;
    client.call('beneficiaries.facets', {}).then((f) => live && setVillages(f.villages), () => undefined); // suggestions only
    return () => { live = false; };
  }, [client]);
  useEffect(() => {
    if (detail) return undefined;
    let live = true;
    client.call('beneficiaries.communes', {}).then((c) => live && setCommunes(c), (err: unknown) => live && setFailure(messageOf(err)));
    return () => { live = false; };
  }, [client, detail]);

  const set = (f: EditableField, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setErrors(({ [f]: _gone, ...rest }) => rest);
  };
  const changedVerified = (f: EditableField) => Boolean(base.verified[f]) && values[f].trim() !== base.values[f].trim();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = changedFields(base.values, values);
    if (Object.keys(fields).length === 0 && detail) {
      onCancel();
      return;
    }
    const chooseCommune = !detail && communes?.required;
    if (chooseCommune && !unitId) {
      setErrors((old) => ({ ...old, unitId: t('edit.commune.required') }));
      document.getElementById('edit-input-unitId')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const out = await client.call('beneficiaries.save', { id: detail?.id ?? null, unitId: chooseCommune ? unitId : null, baseRev: base.rev, fields, reasons });
      if (out.outcome === 'saved') {
        notifyRegisterChanged();
        onSaved(out.id);
        return;
      }
      if (out.outcome === 'invalid') {
        setErrors(Object.fromEntries(out.errors.map((p) => [p.field, p.message])));
        setBusy(false);
        return;
      }
      const current = formValuesOf(out.conflict.current);
      const merged = mergeAfterConflict(base.values, current, values);
      setBase({ values: current, rev: out.conflict.current.rev, verified: out.conflict.current.verified });
      setValues(merged.values);
      setTheirs({ message: out.conflict.message, values: Object.fromEntries(merged.differs.map((f) => [f, current[f]])) });
      setBusy(false);
    } catch (err) {
      setFailure(messageOf(err));
      setBusy(false);
    }
  }

  const field = (f: EditableField, input: ReactNode, hint?: string) => (
    <div className={`edit-field${errors[f] ? ' has-error' : ''}`} data-testid={`edit-${f}`}>
      <label htmlFor={`edit-input-${f}`}>
        {t(`edit.fields.${f}`)}
        {base.verified[f] && <span className={`verified verified-${base.verified[f]}`} title={t(`detail.verified.${base.verified[f]}`)}> ✓</span>}
      </label>
      {input}
      {rejected[f] && (
        <span className="rejected-value" data-testid={`edit-rejected-${f}`}>
          {rejected[f].column ? t('edit.rejectedInFile', { value: rejected[f].value, column: rejected[f].column }) : t('edit.rejectedValue', { value: rejected[f].value })}
          <span className="muted"> — {rejected[f].message}</span>
        </span>
      )}
      {hint && !errors[f] && !rejected[f] && <span className="hint">{hint}</span>}
      {errors[f] && <span className="field-error" id={`edit-error-${f}`} role="alert" data-testid={`edit-error-${f}`}>{errors[f]}</span>}
      {theirs?.values[f] !== undefined && (
        <span className="their-value" data-testid={`edit-theirs-${f}`}>{t('edit.theirValue', { value: theirs.values[f] || t('common.none') })}</span>
      )}
      {changedVerified(f) && (
        <>
          <label htmlFor={`edit-reason-${f}`} className="reason-label">{t('edit.reasonLabel')}</label>
          <input id={`edit-reason-${f}`} value={reasons[f] ?? ''} maxLength={500} data-testid={`edit-reason-${f}`}
            onChange={(e) => { setReasons((r) => ({ ...r, [f]: e.target.value })); setErrors(({ [f]: _gone, ...rest }) => rest); }} />
        </>
      )}
    </div>
  );
  const text = (f: EditableField, extra: { placeholder?: string; list?: string; inputMode?: 'numeric'; className?: string } = {}, ref?: React.Ref<HTMLInputElement>) => (
    <input id={`edit-input-${f}`} ref={ref} value={values[f]} maxLength={500} {...extra} aria-invalid={Boolean(errors[f])}
      aria-describedby={errors[f] ? `edit-error-${f}` : undefined} onChange={(e) => set(f, e.target.value)} data-testid={`edit-input-${f}`} />
  );

  return (
    <form className="form person-form" onSubmit={(e) => void submit(e)} noValidate data-testid="person-form" aria-labelledby="person-form-title">
      <h2 id="person-form-title">{detail ? t('edit.editTitle') : t('edit.addTitle')}</h2>
      {theirs && <div className="conflict-message" role="alert" data-testid="edit-conflict">{theirs.message}</div>}
      <ErrorMessage message={failure ?? notice} />
      {!detail && communes?.required && (
        <CommuneField communes={communes.communes} value={unitId} error={errors.unitId ?? null}
          onChange={(id) => { setUnitId(id); setErrors(({ unitId: _gone, ...rest }) => rest); }} />
      )}
      <fieldset>
        <legend>{t('detail.personal')}</legend>
        <div className="edit-grid">
          {field('fullName', text('fullName', {}, first))}
          {field('birth', text('birth', { placeholder: 'dd/mm/yyyy', inputMode: 'numeric' }), t('edit.birthHint'))}
          {field('sex', (
            <select id="edit-input-sex" value={values.sex} onChange={(e) => set('sex', e.target.value)} data-testid="edit-input-sex">
              <option value="">{t('common.none')}</option>
              <option value="M">{t('sex.M')}</option>
              <option value="F">{t('sex.F')}</option>
            </select>
          ))}
          {field('idNumber', text('idNumber', { inputMode: 'numeric', className: 'mono' }), t('edit.idHint'))}
          {field('oldIdNumber', text('oldIdNumber', { inputMode: 'numeric', className: 'mono' }))}
          {field('ethnicity', text('ethnicity', { placeholder: 'Kinh' }))}
          {field('hometown', text('hometown'))}
          {field('permanentAddress', text('permanentAddress'))}
          {field('village', <>{text('village', { list: 'edit-village-list' })}<datalist id="edit-village-list">{villages.map((v) => <option key={v} value={v} />)}</datalist></>)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('detail.benefit')}</legend>
        <div className="edit-grid">
          {field('categoryGroup', (
            <select id="edit-input-categoryGroup" value={values.categoryGroup} onChange={(e) => set('categoryGroup', e.target.value)} data-testid="edit-input-categoryGroup">
              <option value="">{t('edit.groupFromLabel')}</option>
              {GROUPS.map((g) => <option key={g} value={g}>{categoryGroupLabel(t, g)}</option>)}
            </select>
          ))}
          {field('categoryLabel', text('categoryLabel'))}
          {field('monthlyAmount', text('monthlyAmount', { inputMode: 'numeric', placeholder: '1.500.000' }))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy} data-testid="edit-save">{t('edit.save')}</button>
        <button type="button" onClick={onCancel} disabled={busy} data-testid="edit-cancel">{t('edit.cancel')}</button>
      </div>
    </form>
  );
}

interface Rejected { value: string; column: string | null; message: string }

/** The values an import rejected, by the form's field: shown beside it, as the file had them. */
function rejectedValues(detail: BeneficiaryDetail | null): Partial<Record<string, Rejected>> {
  const out: Partial<Record<string, Rejected>> = {};
  for (const p of detail?.problems ?? []) {
    if (p.value == null) continue;
    out[FIELD_OF_PROBLEM[p.field] ?? p.field] ??= { value: p.value, column: p.column ?? null, message: p.message };
  }
  return out;
}

/**
 * Opened to fix a field the record has no value for: the input starts from what the file had (an ID one digit
 * short is corrected, not typed again); a number Excel spoiled is no start, it is typed again.
 */
function withRejectedToCorrect(values: FormValues, rejected: Partial<Record<string, Rejected>>, focusField: string | null): FormValues {
  const f = focusField ? (FIELD_OF_PROBLEM[focusField] ?? focusField) : null;
  const r = f ? rejected[f] : undefined;
  if (!f || !r || !(f in values) || values[f as EditableField] !== '' || /E\+\d+$/i.test(r.value) || f === 'sex' || f === 'categoryGroup') return values;
  return { ...values, [f]: r.value };
}

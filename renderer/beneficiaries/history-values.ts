import type { TFunction } from 'i18next';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { formatVnd } from '../../shared/format/money';
import { EDITABLE_FIELDS } from '../../shared/contract/beneficiaries';

/** A change-log field name ("monthlyAmount", "account.number") in the clerk's words. */
export function fieldLabel(t: TFunction, field: string | null): string {
  if (!field) return '';
  const [head, tail] = field.startsWith('account.') ? ['account', field.slice('account.'.length)] : [null, field];
  const name = t(`fields.${tail}`, { defaultValue: tail });
  return head ? `${t('fields.account')}: ${name}` : name;
}

/** JSON-valued fields may be logged as their stored text ("{}") or as the value itself. */
function structured(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function verifiedText(t: TFunction, value: unknown): string {
  const v = structured(value);
  if (!v || typeof v !== 'object') return String(v);
  // In the form's order: the stored summary's own key order depends on how it was built (triggers sort by name).
  const rank = (f: string) => {
    const i = (EDITABLE_FIELDS as readonly string[]).indexOf(f);
    return i < 0 ? EDITABLE_FIELDS.length : i;
  };
  const entries = Object.entries(v as Record<string, string>).sort(([a], [b]) => rank(a) - rank(b));
  const parts = entries.map(([f, how]) =>
    `${t(`fields.${f}`, { defaultValue: f })}: ${t(`detail.verified.${how}`, { defaultValue: how })}`);
  return parts.length ? parts.join('; ') : t('common.none');
}

function problemsText(t: TFunction, value: unknown): string {
  const v = structured(value);
  if (!Array.isArray(v)) return String(v);
  const parts = v.map((p: { field?: string; message?: string }) => `${t(`fields.${p.field}`, { defaultValue: p.field ?? '' })}: ${p.message ?? ''}`);
  return parts.length ? parts.join('; ') : t('common.none');
}

/** A logged value shown the way the list shows it: dates dd/mm/yyyy, amounts in ₫, codes translated. */
export function valueText(t: TFunction, field: string | null, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const name = field?.replace(/^account\./, '') ?? '';
  if (name === 'verified') return verifiedText(t, value);
  if (name === 'problems') return problemsText(t, value);
  if (typeof value === 'string') {
    if (value === '***') return '•••'; // secret fields are masked in the log itself
    if (name === 'birth') return formatBirth(value);
    if (name === 'idNumber' || name === 'oldIdNumber') return formatIdNumber(value);
    if (name === 'sex') return t(`sex.${value}`, { defaultValue: value });
    if (name === 'status' && !field?.startsWith('account.')) return t(`status.${value}`, { defaultValue: value });
    if (name === 'paymentChannel') return t(`channel.${value}`, { defaultValue: value });
    if (name === 'categoryGroup') return t(`categoryGroups.${value}`, { defaultValue: value });
    if (name === 'kind') return t(`detail.accountKinds.${value}`, { defaultValue: value });
    if (name === 'owner') return value === 'self' ? t('detail.ownerSelf') : value === 'authorised' ? t('detail.ownerAuthorised') : value;
    return value;
  }
  if (typeof value === 'number') return name === 'monthlyAmount' ? formatVnd(value) : String(value);
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return JSON.stringify(value);
}

/** The command name of a change-log entry in Vietnamese (import, manual-edit, card-verification, demo-seed, undo…). */
export function commandLabel(t: TFunction, command: string): string {
  return t(`commands.${command}`, { defaultValue: command });
}

import type { MethodOutput } from '../../../../shared/contract/methods';
import { AppError } from '../../../app/errors';
import type { CliCommand, CliContext } from '../cli-command';

/** dd/mm/yyyy, yyyy-mm-dd or yyyy → yyyy-mm-dd / yyyy */
function birthOf(text: string): string {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  if (/^\d{4}(-\d{2}-\d{2})?$/.test(text.trim())) return text.trim();
  throw new AppError('usage', 'Ngày sinh phải có dạng dd/mm/yyyy (hoặc chỉ năm sinh).', 'The birth date must be dd/mm/yyyy (or the year).');
}

const STATUS_VI = { valid: 'còn giá trị', expired: 'hết hạn', 'not-found': 'không tìm thấy', reduced: 'báo giảm / thu hồi', refused: 'bị từ chối', unknown: 'chưa xác định' } as const;

async function identityOf(ctx: CliContext) {
  const v = ctx.values as Record<string, string | undefined>;
  if (v.can) {
    if (!/^\d{6}$/.test(v.can)) throw new AppError('usage', 'CAN là 6 chữ số cuối của số định danh.', 'The CAN is the last 6 digits of the ID number.');
    const read = await ctx.call('card.read', { access: { can: v.can }, purpose: 'clinic-check-in', ...(v.reader ? { reader: v.reader } : {}) });
    return { readId: read.readId };
  }
  if (v.qr) return { qr: v.qr };
  if (v.id && v.name && v.birth) return { idNumber: v.id, fullName: v.name, birth: birthOf(v.birth) };
  throw new AppError('usage', 'Cần --can 123456, hoặc --qr "…", hoặc --id, --name và --birth.', 'Give --can, or --qr, or --id with --name and --birth.');
}

function officerOf(ctx: CliContext) {
  const { 'officer-name': fullName, 'officer-id': idNumber } = ctx.values as Record<string, string | undefined>;
  if (!fullName && !idNumber) return {};
  if (!fullName || !idNumber || !/^\d{12}$/.test(idNumber)) {
    throw new AppError('usage', 'Cần cả --officer-name và --officer-id (số CCCD 12 chữ số của cán bộ tiếp đón).', 'Give both --officer-name and --officer-id (12 digits).');
  }
  return { officer: { fullName, idNumber } };
}

/** The document `ansinh clinic check-in --json` prints (issue 17). */
export function checkInDocument(visit: MethodOutput<'clinic.checkIn'>) {
  const i = visit.insurance;
  return {
    person: { idNumber: visit.person.idNumber, fullName: visit.person.fullName, birth: visit.person.birth, sex: visit.person.sex },
    insurance: {
      status: i.status, resultCode: i.resultCode, cardCode: i.cardCode, benefitLevel: i.benefitLevel, validFrom: i.validFrom, validTo: i.validTo,
      initialFacility: i.initialFacility, fiveYearsFrom: i.fiveYearsFrom, checkedAt: i.checkedAt === null ? null : new Date(i.checkedAt).toISOString(),
      source: i.source,
    },
    visit: { id: visit.id, number: visit.number },
  };
}

/** `clinic.checkIn` as the signed-in reception user; the gateway from the settings or ANSINH_INSURANCE_*. */
export const clinicCheckInCommand: CliCommand = {
  name: 'clinic check-in',
  summary: 'Tiếp đón người bệnh: danh tính, thẻ BHYT, số thứ tự / Clinic check-in: identity, health insurance, queue number',
  usage: 'ansinh clinic check-in [--can 123456 | --qr TEXT | --id ID --name NAME --birth DATE] [--reason TEXT] [--officer-name NAME --officer-id CCCD] [--reader NAME] [--json]',
  options: {
    can: { type: 'string' }, qr: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, birth: { type: 'string' }, reason: { type: 'string' },
    'officer-name': { type: 'string' }, 'officer-id': { type: 'string' }, reader: { type: 'string' },
  },
  needsUser: true,
  async run(ctx) {
    const officer = officerOf(ctx);
    const identity = await identityOf(ctx);
    const reason = typeof ctx.values.reason === 'string' ? ctx.values.reason : undefined;
    const visit = await ctx.call('clinic.checkIn', { identity, ...officer, ...(reason ? { reason } : {}) });
    const doc = checkInDocument(visit);
    const i = visit.insurance;
    ctx.print(doc,
      `Số thứ tự: ${visit.number}\nHọ và tên: ${visit.person.fullName ?? ''}\nNgày sinh: ${visit.person.birth ?? ''}\n` +
      `Thẻ BHYT: ${i.cardCode ?? '—'} (${STATUS_VI[i.status]}${i.benefitPercent !== null ? `, mức hưởng ${i.benefitPercent} %` : ''})\n${i.line}`);
    return 0;
  },
};

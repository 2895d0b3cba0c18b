// The health-insurance (BHYT) card code: 2 letters (beneficiary group), 1 digit (benefit level), 2 digits (province of
// issue), 10 digits (mã số BHXH, the person's social-insurance number). Since 2024 the coverage check also takes the
// mã số BHXH alone or the 12-digit CCCD number in its place.

export interface BhytCardCode {
  code: string;
  group: string;
  /** The group's name when it is one we know (e.g. "Trẻ em dưới 6 tuổi"), else null: new groups appear by decree. */
  groupName: string | null;
  benefitLevel: 1 | 2 | 3 | 4 | 5;
  /** The share of covered costs the fund pays. */
  benefitPercent: number;
  province: string;
  socialInsuranceNumber: string;
}

/** Benefit levels (mức hưởng, Quyết định 1351/QĐ-BHXH): the 3rd character of the code. */
export const BENEFIT_LEVELS: Record<1 | 2 | 3 | 4 | 5, { percent: number; vi: string }> = {
  1: { percent: 100, vi: '100 % chi phí, không giới hạn tỷ lệ thuốc, vật tư, dịch vụ kỹ thuật' },
  2: { percent: 100, vi: '100 % chi phí (có giới hạn tỷ lệ một số thuốc, dịch vụ kỹ thuật)' },
  3: { percent: 95, vi: '95 % chi phí' },
  4: { percent: 80, vi: '80 % chi phí' },
  5: { percent: 100, vi: '100 % chi phí, kể cả ngoài phạm vi chi trả' },
};

const GROUPS: Record<string, string> = {
  DN: 'Người lao động trong doanh nghiệp',
  HC: 'Cán bộ, công chức, viên chức',
  HT: 'Người hưởng lương hưu',
  CC: 'Người có công với cách mạng',
  CK: 'Người có công với cách mạng',
  CB: 'Cựu chiến binh',
  TE: 'Trẻ em dưới 6 tuổi',
  HN: 'Người thuộc hộ nghèo',
  CN: 'Người thuộc hộ cận nghèo',
  DT: 'Người dân tộc thiểu số vùng khó khăn',
  BT: 'Người hưởng trợ cấp bảo trợ xã hội',
  HS: 'Học sinh',
  SV: 'Sinh viên',
  GD: 'Người tham gia theo hộ gia đình',
  NO: 'Người lao động nghỉ việc đang hưởng chế độ ốm đau',
  TS: 'Thân nhân người có công',
  TC: 'Thân nhân người có công',
  XK: 'Xã viên hợp tác xã',
  NN: 'Người lao động trong cơ quan, tổ chức nước ngoài',
  CA: 'Công an nhân dân',
  QN: 'Quân nhân',
  HG: 'Người hiến bộ phận cơ thể',
  LS: 'Người nước ngoài học tập tại Việt Nam',
};

/** The code as people write it: spaces, dashes and dots removed, upper case. */
export function normaliseCardCode(text: string): string {
  return text.normalize('NFC').replace(/[\s.\-_]/g, '').toUpperCase();
}

/** Null when the text is not a 15-character BHYT card code (the level must be 1–5). */
export function parseBhytCardCode(text: string): BhytCardCode | null {
  const code = normaliseCardCode(text);
  const m = /^([A-Z]{2})([1-5])(\d{2})(\d{10})$/.exec(code);
  if (!m) return null;
  const level = Number(m[2]) as 1 | 2 | 3 | 4 | 5;
  return {
    code,
    group: m[1]!,
    groupName: GROUPS[m[1]!] ?? null,
    benefitLevel: level,
    benefitPercent: BENEFIT_LEVELS[level].percent,
    province: m[3]!,
    socialInsuranceNumber: m[4]!,
  };
}

export type InsuranceKey =
  | { kind: 'card-code'; value: string }
  | { kind: 'social-insurance-number'; value: string }
  | { kind: 'id-number'; value: string };

/** What the coverage check can be asked with: a card code, a 10-digit mã số BHXH or a 12-digit CCCD number. */
export function insuranceKeyOf(text: string): InsuranceKey | null {
  const code = normaliseCardCode(text);
  if (parseBhytCardCode(code)) return { kind: 'card-code', value: code };
  if (/^\d{10}$/.test(code)) return { kind: 'social-insurance-number', value: code };
  if (/^\d{12}$/.test(code)) return { kind: 'id-number', value: code };
  return null;
}

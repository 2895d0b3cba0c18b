import { describe, expect, it } from 'vitest';
import { rosterTable, type LineSource } from '../../../main/payout/exports/roster-table';
import type { LineRow } from '../../../main/payout/payout-queries';

// The printed roster speaks of the unit as it calls itself: a ward's list says "phường" where a commune's says "xã".

const line = (key: number, channel: LineRow['channel'], fullName: string): LineRow & { key: number } => ({
  key, id: `2026-12:p${key}:btxh-monthly`, rosterId: 'r', period: '2026-12', beneficiaryId: `p${key}`, regimeCode: 'btxh-monthly', fullName,
  idNumber: null, village: 'Tổ 1', amount: 500_000, months: 1, detail: '[]', channel, bankBin: null, bankName: null, accountNumber: null,
  holderName: null, blocks: '[]', releases: '[]', held: 0,
});
const LINES = [line(1, 'cash', 'Nguyễn Văn An'), line(2, 'own-account', 'Lê Thị Bích')];
const source: LineSource = {
  outline: () => LINES.map(({ key, amount, village, bankName, bankBin }) => ({ key, amount, village, bankName, bankBin })),
  lines: (keys) => LINES.filter((l) => keys.includes(l.key)),
};

async function printed(communeName: string, communeCode: string): Promise<{ subtitles: string[]; cells: string[] }> {
  const table = rosterTable('printable', source, { communeName, communeCode, period: '2026-12' });
  const cells: string[] = [];
  for (const section of table.sections) for await (const rows of section.rows()) for (const r of rows) cells.push(...r.map((c) => String(c ?? '')));
  return { subtitles: table.subtitles, cells };
}

describe('the printable roster of a ward, a commune, a special zone', () => {
  it.each([
    ['Phường Hải Châu', '20242', 'phường'],
    ['Xã Bình Sơn', '13558', 'xã'],
    ['Đặc khu Phú Quốc', '31234', 'đặc khu'],
  ])('%s: its code and its cash lines in its own word', async (name, code, word) => {
    const { subtitles, cells } = await printed(name, code);
    expect(subtitles).toContain(`Kỳ chi trả: tháng 12/2026 — Mã ${word}: ${code}`);
    expect(cells).toContain(`Tiền mặt tại ${word}`);
    expect(cells).toContain('Chuyển khoản');
    if (word !== 'xã') expect(cells.join('|')).not.toMatch(/tại xã|Mã xã/);
  });
});

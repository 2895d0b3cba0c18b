import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandLabel, fieldLabel, valueText } from '../../../renderer/beneficiaries/history-values';
import { en } from '../../../renderer/i18n/en';
import { vi } from '../../../renderer/i18n/vi';

const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', interpolation: { escapeValue: false } }));
const t = (...args: Parameters<typeof i18n.t>) => i18n.t(...args);

describe('history in the clerk’s words', () => {
  it.each([
    ['import', 'Nhập từ tệp Excel'],
    ['manual-edit', 'Sửa thủ công'],
    ['card-verification', 'Xác thực bằng thẻ căn cước'],
    ['demo-seed', 'Tạo dữ liệu mẫu'],
    ['undo', 'Hoàn tác'],
    ['some-future-command', 'some-future-command'],
  ])('command %s → %s', (command, label) => expect(commandLabel(t as never, command)).toBe(label));

  it('names fields, including an account’s', () => {
    expect(fieldLabel(t as never, 'monthlyAmount')).toBe('Mức trợ cấp');
    expect(fieldLabel(t as never, 'account.number')).toBe('Tài khoản: Số tài khoản');
    expect(fieldLabel(t as never, null)).toBe('');
  });

  it('formats values as the list does', () => {
    expect(valueText(t as never, 'birth', '1945-09-02')).toBe('02/09/1945');
    expect(valueText(t as never, 'birth', '1932')).toBe('1932');
    expect(valueText(t as never, 'monthlyAmount', 1_500_000)).toBe('1.500.000\u00a0₫');
    expect(valueText(t as never, 'status', 'deceased')).toBe('Đã mất');
    expect(valueText(t as never, 'sex', 'F')).toBe('Nữ');
    expect(valueText(t as never, 'paymentChannel', 'authorised')).toBe('Qua người ủy quyền');
    expect(valueText(t as never, 'idNumber', '035145123456')).toBe('035 145 123456');
    expect(valueText(t as never, 'account.number', '***')).toBe('•••');
    expect(valueText(t as never, 'village', null)).toBe('—');
    expect(valueText(t as never, 'account.status', 'closed')).toBe('closed');
  });

  it('spells out verification and problems, whether logged as stored text or as values', () => {
    expect(valueText(t as never, 'verified', '{}')).toBe('—');
    expect(valueText(t as never, 'verified', { idNumber: 'chip', birth: 'population' })).toBe('Ngày sinh: Khớp dữ liệu dân cư; Số định danh: Đã xác thực qua chip'); // the form's order
    expect(valueText(t as never, 'problems', '[]')).toBe('—');
    expect(valueText(t as never, 'problems', [{ field: 'birth', code: 'x', message: 'Năm sinh không hợp lệ.' }])).toBe('Ngày sinh: Năm sinh không hợp lệ.');
  });
});

describe('English has every Vietnamese key', () => {
  const keys = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('same key set', () => expect(keys(en).sort()).toEqual(keys(vi).sort()));
});

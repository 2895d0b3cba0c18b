import { describe, expect, it } from 'vitest';
import { cardAccessSchema } from '../../../shared/contract/card';
import { cardAccessOf, digitsOnly, EMPTY_ACCESS } from '../../../renderer/card/card-access';

describe('opening the chip from what the clerk typed', () => {
  it('a CAN is exactly 6 digits', () => {
    expect(cardAccessOf({ ...EMPTY_ACCESS, can: '012345' })).toEqual({ can: '012345' });
    expect(cardAccessOf({ ...EMPTY_ACCESS, can: '01234' })).toBeNull();
    expect(digitsOnly('01 23-45 67', 6)).toBe('012345');
  });

  it('the MRZ loses the spaces and line breaks of its three printed lines, and is upper-cased', () => {
    const lines = 'IDVNM0850123451001085012345<<0\n8503070F4503079VNM<<<<<<<<<<<2\nNGUYEN<<THI<THU<HUONG<<<<<<<<<';
    const access = cardAccessOf({ ...EMPTY_ACCESS, mode: 'mrz', mrz: ` ${lines.toLowerCase()} ` });
    expect(access).toEqual({ mrz: lines.replace(/\n/g, '') });
    expect(cardAccessSchema.safeParse(access).success).toBe(true);
    expect(cardAccessOf({ ...EMPTY_ACCESS, mode: 'mrz', mrz: 'IDVNM123' })).toBeNull();
  });

  it('ID + birth + expiry take dd/mm/yyyy and give the contract ISO dates', () => {
    const access = cardAccessOf({ ...EMPTY_ACCESS, mode: 'bac', idNumber: '001085012345', birth: '07/03/1985', expiry: '07032045' });
    expect(access).toEqual({ idNumber: '001085012345', birth: '1985-03-07', expiry: '2045-03-07' });
    expect(cardAccessSchema.safeParse(access).success).toBe(true);
    expect(cardAccessOf({ ...EMPTY_ACCESS, mode: 'bac', idNumber: '001085012345', birth: '31/13/1985', expiry: '07/03/2045' })).toBeNull();
    expect(cardAccessOf({ ...EMPTY_ACCESS, mode: 'bac', idNumber: '01085012345', birth: '07/03/1985', expiry: '07/03/2045' })).toBeNull();
  });
});

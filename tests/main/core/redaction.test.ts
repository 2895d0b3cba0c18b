import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../../main/core/redaction';

describe('redaction', () => {
  it('masks ID and account numbers however they are typed', () => {
    const text = redactText('CCCD 035131953893, CMND 035 149 986, TK 1903.5551.2345.678, năm 1931');
    expect(text).not.toMatch(/035131953893|035149986|19035551/);
    expect(text).toContain('…893');
    expect(text).toContain('năm 1931');
  });

  it('hides secret keys entirely and redacts nested values', () => {
    const out = redactValue({ password: 'canbo123!', can: '953893', note: 'số 035131953893', nested: { accountNumber: '123', n: 12 } }) as Record<string, unknown>;
    expect(out.password).toBe('***');
    expect(out.can).toBe('***');
    expect(out.note).toBe('số …893');
    expect(out.nested).toEqual({ accountNumber: '***', n: 12 });
  });
});

import { describe, expect, it } from 'vitest';
import { coverageOn, gatewayDateToIso, isoToGatewayDate, vietnamDay } from '../../../shared/clinic/insurance-dates';
import { isOurFacility, normaliseFacilityCode } from '../../../shared/clinic/initial-facility';

describe('insurance dates', () => {
  it.each([
    ['31/12/2026', '2026-12-31'],
    ['1/2/2026', '2026-02-01'],
    ['01-02-2026', '2026-02-01'],
    ['01022026', '2026-02-01'],
    ['1985', '1985'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2026', null],
    ['31/04/2026', null],
    ['2026-12-31', null],
    ['', null],
    [null, null],
  ])('%s → %s', (text, iso) => {
    expect(gatewayDateToIso(text)).toBe(iso);
  });

  it('writes what the gateway takes', () => {
    expect(isoToGatewayDate('1985-03-07')).toBe('07/03/1985');
    expect(isoToGatewayDate('1985')).toBe('1985');
  });

  it.each([
    ['2026-01-01', '2026-12-31', '2026-12-02', 'in-force'],
    ['2026-01-01', '2026-12-31', '2026-12-31', 'in-force'],
    ['2026-01-01', '2026-12-31', '2027-01-01', 'ended'],
    ['2027-01-01', '2027-12-31', '2026-12-02', 'not-yet'],
    ['2026-01-01', null, '2030-01-01', 'in-force'],
    [null, null, '2026-12-02', 'unknown'],
  ])('valid %s–%s on %s: %s', (from, to, today, coverage) => {
    expect(coverageOn(from, to, today)).toBe(coverage);
  });

  it('the clinic day is Vietnam\'s: 17:30 UTC is already tomorrow', () => {
    expect(vietnamDay(Date.parse('2026-12-02T16:59:59Z'))).toBe('2026-12-02');
    expect(vietnamDay(Date.parse('2026-12-02T17:00:00Z'))).toBe('2026-12-03');
  });
});

describe('the initial-registration facility', () => {
  it.each([
    ['01 - 054', '01054'],
    ['01054', '01054'],
    ['37-001', '37001'],
    ['0105', null],
    ['', null],
  ])('%s → %s', (text, code) => {
    expect(normaliseFacilityCode(text)).toBe(code);
  });

  it('tells whether the card is registered here', () => {
    expect(isOurFacility('01 - 054', '01054')).toBe(true);
    expect(isOurFacility('01055', '01054')).toBe(false);
    expect(isOurFacility(null, '01054')).toBeNull();
    expect(isOurFacility('01054', null)).toBeNull();
  });
});

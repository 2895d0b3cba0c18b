import { describe, expect, it } from 'vitest';
import { hasMergeRule, mergeByRule } from '../../../shared/sync/field-merge';

// A record's problems still to fix are a list merged item by item when both sides changed it.

const p = (field: string, code: string, message = `${field} ${code}`) => ({ field, code, message });
/** As the value travels: the column's JSON text, JSON-encoded. */
const wire = (list: unknown[]) => JSON.stringify(JSON.stringify(list));
const list = (value: string) => JSON.parse(JSON.parse(value)) as unknown[];

describe('merging a list field by rule', () => {
  it('applies only to the lists it knows', () => {
    expect(hasMergeRule('beneficiaries', 'problems')).toBe(true);
    expect(hasMergeRule('beneficiaries', 'birth')).toBe(false);
    expect(hasMergeRule('users', 'unitIds')).toBe(false);
  });

  it('keeps what either side added, drops what either side fixed, and keeps what both kept', () => {
    const base = wire([p('birth', 'missing'), p('idNumber', 'invalid'), p('bankName', 'unknown')]);
    const ours = wire([p('birth', 'missing'), p('bankName', 'unknown'), p('village', 'missing')]); // fixed the ID, raised the village
    const theirs = wire([p('idNumber', 'invalid'), p('bankName', 'unknown'), p('ethnicity', 'missing')]); // fixed the birth, raised the ethnicity
    const merged = list(mergeByRule('beneficiaries', 'problems', base, ours, theirs));
    expect(merged).toEqual([p('bankName', 'unknown'), p('ethnicity', 'missing'), p('village', 'missing')]);
  });

  it('reaches the same value whichever side merges, so the hub and both desktops agree', () => {
    const base = wire([p('birth', 'missing')]);
    const ours = wire([p('birth', 'missing', 'Thiếu ngày sinh'), p('sex', 'missing')]);
    const theirs = wire([p('birth', 'missing', 'Chưa có ngày sinh'), p('hometown', 'missing')]);
    expect(mergeByRule('beneficiaries', 'problems', base, ours, theirs)).toBe(mergeByRule('beneficiaries', 'problems', base, theirs, ours));
    expect(list(mergeByRule('beneficiaries', 'problems', base, ours, theirs))).toHaveLength(3);
  });

  it('treats an unknown base (never held here) as empty: nothing either side holds is lost', () => {
    expect(list(mergeByRule('beneficiaries', 'problems', null, wire([p('a', '1')]), wire([p('b', '2')])))).toEqual([p('a', '1'), p('b', '2')]);
    expect(list(mergeByRule('beneficiaries', 'problems', null, 'null', wire([])))).toEqual([]);
  });
});

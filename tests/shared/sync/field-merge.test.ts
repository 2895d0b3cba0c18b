import { describe, expect, it } from 'vitest';
import { hasMergeRule, mergeBase, mergeByRule } from '../../../shared/sync/field-merge';

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

  // Item by item, three-way with the base: a, b, c are problems; a2 is problem a with its message changed.
  const a = p('birth', 'missing');
  const a2 = p('birth', 'missing', 'Chưa có ngày sinh');
  const b = p('idNumber', 'invalid');
  const c = p('village', 'missing');
  it.each([
    { what: 'a removal wins over an item the other side left unchanged', base: [a, b], ours: [a, b], theirs: [b], merged: [b] },
    { what: 'a removal wins over an item the other side changed', base: [a, b], ours: [a2, b], theirs: [b], merged: [b] },
    { what: 'removed on both sides stays removed', base: [a, b], ours: [b], theirs: [b], merged: [b] },
    { what: 'an item added on one side is kept', base: [b], ours: [a, b], theirs: [b], merged: [a, b] },
    { what: 'the same item added on both sides is kept once', base: [], ours: [a], theirs: [a], merged: [a] },
    { what: 'a change on one side wins over the item unchanged on the other', base: [a], ours: [a], theirs: [a2], merged: [a2] },
    { what: 'changed differently on both sides: the greater, whichever side merges', base: [a], ours: [p('birth', 'missing', 'x')], theirs: [p('birth', 'missing', 'y')], merged: [p('birth', 'missing', 'y')] },
    { what: 'nothing changed on either side', base: [a, b], ours: [a, b], theirs: [a, b], merged: [a, b] },
    { what: 'one side emptied the list, the other added one', base: [a, b], ours: [], theirs: [a, b, c], merged: [c] },
    // The case a stale base got wrong: after both merged to [c], one side fixed c. With the value its edit replaced
    // as the base ([c]), the fix wins; with the value the base entry was sent with ([]), c looked added and came back.
    { what: 'an item fixed after a merge, the base being what the fixing side held', base: [c], ours: [c], theirs: [], merged: [] },
  ])('$what', ({ base, ours, theirs, merged }) => {
    const one = mergeByRule('beneficiaries', 'problems', wire(base), wire(ours), wire(theirs));
    expect(list(one)).toEqual(merged);
    expect(mergeByRule('beneficiaries', 'problems', wire(base), wire(theirs), wire(ours))).toBe(one);
  });

  it.each([
    { what: 'the value the editor replaced, when the change carries it', replaced: wire([c]), sent: wire([]), base: wire([c]) },
    { what: 'the base entry\'s value when it does not (an older app)', replaced: undefined, sent: wire([a]), base: wire([a]) },
    { what: 'nothing known when neither is', replaced: undefined, sent: null, base: null },
  ])('takes as the merge base $what', ({ replaced, sent, base }) => {
    expect(mergeBase(replaced, sent)).toBe(base);
  });
});

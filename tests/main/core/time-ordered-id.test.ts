import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../../main/core/time-ordered-id';

describe('time-ordered ids', () => {
  it('are version 7 UUIDs, unique, and in order of creation, also many within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId(1_796_000_000_000));
    for (const id of ids.slice(0, 20)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const later = timeOrderedId(1_796_000_000_001);
    expect(later > ids[ids.length - 1]).toBe(true);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Services } from '../../../main/app/services';
import { AN_LAO_VILLAGES } from '../../../main/demo/demo-villages';
import { demoServices } from '../../support/services';
import { tempDir } from '../../support/temp-database';

// The demo commune is a real unit with real village names: Xã Bình Sơn, formed from the old Xã An Lão, whose
// villages its people live in (never "Xã An Lão, tỉnh Ninh Bình", a commune that no longer exists under that name).

let services: Services;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  services = demoServices(t.dir, { people: 300 });
});
afterAll(async () => {
  await services.close();
  cleanup();
});

it('places the demo people in the villages of the old Xã An Lão, in addresses of Xã Bình Sơn', () => {
  const rows = services.db.sqlite.prepare('SELECT village, permanent_address AS address FROM beneficiaries').all() as { village: string; address: string }[];
  expect(new Set(rows.map((r) => r.village))).toEqual(new Set(AN_LAO_VILLAGES));
  for (const r of rows) expect(r.address).toBe(`${r.village}, Xã Bình Sơn, Tỉnh Ninh Bình`);
  const households = services.db.sqlite.prepare('SELECT DISTINCT village FROM households').pluck().all() as string[];
  expect(households.every((v) => (AN_LAO_VILLAGES as readonly string[]).includes(v))).toBe(true);
});

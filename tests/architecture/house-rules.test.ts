import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

// The house rules of the architecture, checked on the real import statements of every source file.
const root = resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(rel);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((m) => m[1]);
}

/** The repository folder an import points at ('' for a package). */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : '';
}

const violations = (files: string[], bad: (file: string, spec: string, to: string) => boolean) =>
  files.flatMap((f) => imports(f).filter((s) => bad(f, s, target(f, s))).map((s) => `${f} → ${s}`));

describe('house rules', () => {
  const main = sourceFiles('main');
  const shared = sourceFiles('shared');
  const renderer = sourceFiles('renderer');

  it('only main/doors/electron imports electron', () => {
    expect(violations([...main, ...shared, ...renderer], (f, s) => (s === 'electron' || s.startsWith('electron/')) && !f.startsWith('main/doors/electron/'))).toEqual([]);
  });

  it('the renderer reaches main only through the contract', () => {
    expect(violations(renderer, (_f, _s, to) => to.startsWith('main'))).toEqual([]);
  });

  it('shared/ depends on nothing of main or the renderer, and on no Node module', () => {
    expect(violations(shared, (_f, s, to) => to.startsWith('main') || to.startsWith('renderer') || s.startsWith('node:') || ['fs', 'path', 'crypto', 'os', 'buffer'].includes(s))).toEqual([]);
  });

  it('core knows no capability and services do not know the doors', () => {
    expect(violations(main.filter((f) => f.startsWith('main/core/')), (_f, _s, to) => to.startsWith('main') && !to.startsWith('main/core'))).toEqual([]);
    expect(violations(main.filter((f) => !f.startsWith('main/doors/')), (_f, _s, to) => to.startsWith('main/doors'))).toEqual([]);
  });

  it('never Doors → Core: a door reaches the database, the keys and the audit only through main/app', () => {
    expect(violations(main.filter((f) => f.startsWith('main/doors/')), (_f, _s, to) => to === 'main/core' || to.startsWith('main/core/'))).toEqual([]);
  });

  it('the CLI is a door: its commands never open the database or write audit entries themselves', () => {
    // They sign in and call the services through dispatch (ctx.call), or a main/app function for what has no user yet.
    const commands = main.filter((f) => f.startsWith('main/doors/cli/commands/'));
    expect(commands.length).toBeGreaterThan(0);
    expect(violations(commands, (_f, _s, to) => to === 'main/core/audit' || to === 'main/core/database' || to.startsWith('main/core/database/'))).toEqual([]);
  });

  it('writes go through the write path: no INSERT/UPDATE/DELETE of synced tables outside core', () => {
    const synced = ['beneficiaries', 'households', 'payment_accounts', 'admin_units', 'users', 'change_log', 'commands', 'audit_events',
      'payout_levels', 'payout_regimes', 'entitlements', 'rosters', 'roster_lines', 'payout_results', 'amount_checks', 'clinic_visits', 'csca_certificates', 'column_mappings'];
    const pattern = new RegExp(`\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM)\\s+["\`]?(${synced.join('|')})\\b`, 'i');
    // The one exception: the official list of administrative units, the same on every device, loaded as reference
    // data outside the change log (the reasons are at the top of that file).
    const referenceData = ['main/registry/admin-unit-reference.ts'];
    const offenders = main.filter((f) => !f.startsWith('main/core/') && !referenceData.includes(f) && pattern.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

// `npm run bench:crypto`: the import and search benchmarks (bench/import.ts, bench/search.ts, run as they are)
// on a plain and on an encrypted database (SQLCipher 4 through better-sqlite3-multiple-ciphers, as offices get
// it), alternating, in one run. Prints one JSON line: {"importRatio","searchP95Ratio", …the raw figures}, the
// ratios being encrypted over plain (goal: both ≤ 1.25). BENCH_ROWS (default 100000) and BENCH_PEOPLE (default
// 1000000) make a quicker run; BENCH_ROUNDS (default 1) repeats each pair and keeps the medians.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const script = (name: string) => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));

/** One benchmark in its own process (so memory and caches are its own); its last stdout line is its JSON. */
function run(name: 'import' | 'search', encrypted: boolean): Record<string, number> {
  process.stderr.write(`${name} (${encrypted ? 'mã hóa' : 'không mã hóa'})…\n`);
  const out = execFileSync(process.execPath, [...process.execArgv, script(name)], {
    env: { ...process.env, BENCH_ENCRYPTED: encrypted ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round2 = (n: number) => Math.round(n * 100) / 100;

const importSeconds = { plain: [] as number[], encrypted: [] as number[] };
const searchP95 = { plain: [] as number[], encrypted: [] as number[] };
let rows = 0;
const people = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
for (let i = 0; i < rounds; i++) {
  for (const encrypted of [false, true]) {
    const r = run('import', encrypted);
    rows = r.rows;
    importSeconds[encrypted ? 'encrypted' : 'plain'].push(r.seconds);
  }
  for (const encrypted of [false, true]) searchP95[encrypted ? 'encrypted' : 'plain'].push(run('search', encrypted).p95Ms);
}

const plainImport = median(importSeconds.plain);
const encryptedImport = median(importSeconds.encrypted);
const plainSearch = median(searchP95.plain);
const encryptedSearch = median(searchP95.encrypted);
console.log(JSON.stringify({
  importRatio: round2(encryptedImport / plainImport),
  searchP95Ratio: round2(encryptedSearch / plainSearch),
  rows,
  people,
  importSeconds: { plain: plainImport, encrypted: encryptedImport },
  searchP95Ms: { plain: plainSearch, encrypted: encryptedSearch },
  rounds,
}));

// npm run bench:edit — on 100,000 generated people, through the real headless host (`ansinh serve`, its HTTP door,
// the services process), as the screen does it: open a record (beneficiaries.get), change a field and save
// (beneficiaries.save), and see the list updated (beneficiaries.list finds the row with the new value).
// Prints one JSON line: {"p50Ms","p95Ms"} for that round trip, and beside them the floor measured in the same run on
// a busy machine: three calls that do no work (auth.me) through the same host, interleaved with the rounds
// ("floorP95Ms", "ratioP95ToFloor"); on Linux also the CPU the host and its services process spent per round trip
// ("cpuMsPerRound", with "floorCpuMs" for the three empty calls), which a crowded machine does not inflate.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { openDatabase } from '../main/core/database/open-database';
import { migrationsDir, projectRoot } from '../main/core/app-paths';
import { seedDemo } from '../main/demo/seed-demo';
import { seededRandom } from '../main/demo/seeded-random';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const dir = process.env.BENCH_DIR ?? join(tmpdir(), 'ansinh-bench');
const path = join(dir, `edit-${PEOPLE}.db`);

function build(): void {
  mkdirSync(dir, { recursive: true });
  if (existsSync(path)) return;
  process.stderr.write(`tạo ${PEOPLE} đối tượng…\n`);
  const db = openDatabase({ path, migrationsFolder: migrationsDir(), create: true });
  seedDemo(db, { people: PEOPLE });
  db.sqlite.exec('ANALYZE');
  db.close();
}

function startHost(): Promise<{ url: URL; secret: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/ansinh.mjs', 'serve', '--db', path, '--json'], { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the host exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const url = new URL((JSON.parse(line) as { url: string }).url);
      resolve({ url, secret: url.hash.replace(/^#k=/, ''), child });
    });
  });
}

const host = await (build(), startHost());
const origin = host.url.origin;
let token: string | null = null;

async function call<T>(method: string, input: unknown): Promise<T> {
  const response = await fetch(`${origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ansinh-Key': host.secret, Origin: origin },
    body: JSON.stringify({ method, input, token }),
  });
  const answer = (await response.json()) as { ok: boolean; output?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.output as T;
}

/** CPU milliseconds used so far by a process and its children still running (Linux /proc; 0 elsewhere). */
function treeCpuMs(pid: number | undefined): number {
  if (pid === undefined || process.platform !== 'linux') return 0;
  try {
    const ticks = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const own = (Number(ticks[11]) + Number(ticks[12])) * 10; // utime + stime, in 10 ms clock ticks
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return own + children.reduce((sum, child) => sum + treeCpuMs(child), 0);
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

try {
  token = (await call<{ token: string }>('auth.login', { username: 'canbo', password: 'canbo123!' })).token;
  const rng = seededRandom(5);
  // People to edit, spread through the list (the clerk found them by name).
  const page = await call<{ rows: { id: string; fullName: string; idNumber: string | null }[] }>('beneficiaries.list', { query: '', offset: Math.floor(PEOPLE / 3), limit: 500 });
  const withId = page.rows.filter((r) => r.idNumber);
  const targets = Array.from({ length: ROUNDS + 20 }, () => rng.pick(withId));
  const times: number[] = [];
  const floor: number[] = [];
  let cpu = 0;
  let floorCpu = 0;
  for (let i = 0; i < targets.length; i++) {
    const f = performance.now();
    const fc = treeCpuMs(host.child.pid);
    for (let k = 0; k < 3; k++) await call('auth.me', {});
    if (i >= 20) floor.push(performance.now() - f);
    if (i >= 20) floorCpu += treeCpuMs(host.child.pid) - fc;
    const c = treeCpuMs(host.child.pid);
    const target = targets[i];
    const village = `Xóm Sửa ${i}`;
    const t = performance.now();
    const record = await call<{ rev: number }>('beneficiaries.get', { id: target.id });
    const saved = await call<{ outcome: string }>('beneficiaries.save', { id: target.id, baseRev: record.rev, fields: { village } });
    if (saved.outcome !== 'saved') throw new Error(`save: ${JSON.stringify(saved)}`);
    // Found again the way a clerk does, by the ID number read out.
    const list = await call<{ rows: { id: string; village: string | null }[] }>('beneficiaries.list', { query: target.idNumber!, limit: 50 });
    if (list.rows.find((r) => r.id === target.id)?.village !== village) throw new Error('the list does not show the saved value');
    if (i >= 20) times.push(performance.now() - t); // the first rounds warm the caches
    if (i >= 20) cpu += treeCpuMs(host.child.pid) - c;
  }
  times.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  console.log(JSON.stringify({
    p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)),
    floorP95Ms: round(percentile(floor, 95)), ratioP95ToFloor: round(percentile(times, 95) / percentile(floor, 95)),
    cpuMsPerRound: round(cpu / times.length), floorCpuMs: round(floorCpu / floor.length),
  }));
} finally {
  host.child.removeAllListeners('exit');
  host.child.kill('SIGTERM');
}

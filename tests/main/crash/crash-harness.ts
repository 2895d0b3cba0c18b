import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../../main/core/app-paths';
import { openDatabase, type AppDatabase } from '../../../main/core/database/open-database';
import { migrationsDir } from '../../../main/core/app-paths';
import { seedDemo } from '../../../main/demo/seed-demo';
import { ensurePayoutReference } from '../../../main/payout/payout-reference';
import { writeGovernmentWorkbook } from '../../fixtures/excel/government-xlsx';
import { checkHubCursor, checkSyncAfterKill, deskSyncFacts, hubFacts, prepareSyncWorld, sameSyncEnd, startHubCopy, type DeskSyncFacts, type HubFacts, type SyncWorld } from './sync-world';

// The crash harness: a child process runs a long command with the real services (an import of a large
// workbook, the month's roster from it, a hand edit of every person at once, the undo of that edit, the undo of
// the import, a sync with the province hub) and is killed with SIGKILL at a random moment; then the database is
// opened again the way the app opens it and must be whole (integrity_check, foreign keys, full-text index,
// triggers) and must hold the command completely or not at all (row counts and change log exactly those of
// the state before the command or of the state after it, never anything in between). A sync is many short
// transactions by design (a batch acknowledged, a page received): killed, it must leave the commune and the hub
// agreeing on what was sent and received (nothing believed sent that the hub lacks, every entry received up to the
// cursor exactly once), and the sync after the restart must end where an uninterrupted one ends, on both sides:
// nothing applied twice, nothing lost.
// The moments come from a seeded generator; the seed is printed so that a failure can be replayed.

/**
 * The child is bundled once per run, as the Electron door bundles the services (dist/electron): loading the
 * sources through tsx takes seconds per start on a busy PC, which would be most of every kill's time.
 * The bundle sits two folders below the project root, like dist/electron, so that it finds package.json and
 * migrations/ the same way.
 */
async function bundleChild(): Promise<{ entry: string; remove: () => void }> {
  const out = join(projectRoot(), 'dist', `crash-harness-${process.pid}`);
  const common = {
    bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'warning' as const,
    external: ['better-sqlite3', 'pcsclite', 'electron'],
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(projectRoot(), 'tests/main/crash/import-child.ts')], outfile: join(out, 'import-child.cjs') }),
    build({ ...common, entryPoints: [join(projectRoot(), 'main/excel/read-worker/workbook-read-worker.ts')], outfile: join(out, 'workbook-read-worker.cjs') }),
    build({ ...common, entryPoints: [join(projectRoot(), 'main/excel/commit-worker/import-commit-worker.ts')], outfile: join(out, 'import-commit-worker.cjs') }),
  ]);
  return { entry: join(out, 'import-child.cjs'), remove: () => rmSync(out, { recursive: true, force: true }) };
}

let CHILD = '';

/**
 * The long commands killed, in the order a month goes: a large import, the month's roster created from it, a hand
 * edit of a selection (every imported person's status changed in one command), the undo of that edit, and the undo
 * of the import; and the commune's sync with the province hub (push, then pull; from the base). Then the next round
 * starts again from the base.
 */
export type Job = 'import' | 'roster' | 'edit' | 'undo-edit' | 'undo' | 'sync';
const JOBS: readonly Job[] = ['import', 'sync', 'roster', 'edit', 'undo-edit', 'undo'];
type State = 'base' | 'imported' | 'rostered' | 'edited' | 'edit-undone' | 'undone' | 'synced';
const AFTER: Record<State, { job: Job; next: State } | null> = {
  base: { job: 'import', next: 'imported' },
  imported: { job: 'roster', next: 'rostered' },
  rostered: { job: 'edit', next: 'edited' },
  edited: { job: 'undo-edit', next: 'edit-undone' },
  'edit-undone': { job: 'undo', next: 'undone' },
  undone: null,
  synced: null,
};
/**
 * The sync branches off the chain, from the base (the demo commune, some 850 entries to push): its time does
 * not grow with the import's size, which the soak raises.
 */
const SYNC_FROM: State = 'base';

/** People the office above added in the commune, which the commune's sync receives (two pages of the hub's pull). */
const FROM_ABOVE = 1_200;

/** What must be the same, row for row, between two databases in the same state. */
export interface Facts {
  beneficiaries: number;
  liveBeneficiaries: number;
  paymentAccounts: number;
  changeLog: number;
  commands: number;
  triggers: number;
  rosterLines: number;
  /** People whose status is not active (the hand edit changes them all, its undo changes them back). */
  notActive: number;
}

export interface KillRecord {
  kill: number;
  job: Job;
  killAt: KillAt;
  /** 'resumed': a sync killed part way, which the sync after the restart finished. */
  outcome: 'complete' | 'absent' | 'resumed' | 'finished-before-kill' | 'failed';
  problem?: string;
}

export interface CrashSummary {
  seed: number;
  rows: number;
  kills: number;
  killedDuring: Record<Job, number>;
  outcomes: { complete: number; absent: number; resumed: number };
  finishedBeforeKill: number;
  failures: KillRecord[];
  /** Uninterrupted: the child's start (open, migrations) and each command. */
  referenceMs: Record<Job | 'start', number>;
  seconds: number;
}

/** mulberry32: small, seedable, good enough to spread kill moments. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function open(path: string): AppDatabase {
  return openDatabase({ path, migrationsFolder: migrationsDir() });
}

/** When to kill: so long after the child's start, or after it said the database is open (the command runs). */
type KillAt = { from: 'start' | 'open'; ms: number };

/** Runs the child to its end, or kills it at `killAt`; tells which happened and how long each part took. */
function runChild(dbPath: string, job: Job, workbook: string, killAt?: KillAt): Promise<{ finished: boolean; startMs: number; commandMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let opened = 0;
    const child = spawn(process.execPath, [CHILD, dbPath, job, workbook], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const killIn = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
    if (killAt?.from === 'start') killIn(killAt.ms);
    child.stdout.on('data', (d) => {
      out += d;
      if (!opened && out.includes('open')) {
        opened = performance.now();
        if (killAt?.from === 'open') killIn(killAt.ms);
      }
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const ended = performance.now();
      const times = { startMs: (opened || ended) - started, commandMs: opened ? ended - opened : 0 };
      if (signal === 'SIGKILL') resolve({ finished: false, ...times });
      else if (code === 0 && out.includes('done')) resolve({ finished: true, ...times });
      else reject(new Error(`the ${job} child failed (exit ${code}): ${err.slice(-2000)}`));
    });
  });
}

/** Opens the database as the app does, checks it is whole, and returns its facts (throws what is wrong). */
export function inspect(dbPath: string): Facts {
  const db = open(dbPath); // "the next open works": migrations, meta, refusals, all of it
  try {
    const q = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
    const integrity = db.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${JSON.stringify(db.sqlite.pragma('integrity_check'))}`);
    const orphans = db.sqlite.pragma('foreign_key_check') as unknown[];
    if (orphans.length) throw new Error(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 5))}`);
    // The full-text index against its content table (rank 1: compare with the content, not only itself).
    db.sqlite.prepare("INSERT INTO beneficiaries_fts(beneficiaries_fts, rank) VALUES ('integrity-check', 1)").run();
    // The change log and the commands go together: no entry without its command, no command without entries.
    const lost = q('SELECT count(*) FROM change_log WHERE command_id NOT IN (SELECT id FROM commands)');
    if (lost) throw new Error(`${lost} change_log entries without their command`);
    const empty = q('SELECT count(*) FROM commands c WHERE NOT EXISTS (SELECT 1 FROM change_log l WHERE l.command_id = c.id)');
    if (empty) throw new Error(`${empty} commands without change_log entries`);
    // Every synced row came in through the log.
    for (const entity of ['beneficiaries', 'payment_accounts']) {
      const rows = q(`SELECT count(*) FROM "${entity}"`);
      const inserts = q(`SELECT count(*) FROM change_log WHERE entity = '${entity}' AND op = 'insert'`);
      if (rows !== inserts) throw new Error(`${entity}: ${rows} rows but ${inserts} logged inserts`);
    }
    return {
      beneficiaries: q('SELECT count(*) FROM beneficiaries'),
      liveBeneficiaries: q('SELECT count(*) FROM beneficiaries WHERE deleted = 0'),
      paymentAccounts: q('SELECT count(*) FROM payment_accounts'),
      changeLog: q('SELECT count(*) FROM change_log'),
      commands: q('SELECT count(*) FROM commands'),
      triggers: q("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"),
      rosterLines: q('SELECT count(*) FROM roster_lines'),
      notActive: q("SELECT count(*) FROM beneficiaries WHERE deleted = 0 AND status != 'active'"),
    };
  } finally {
    db.close();
  }
}

function sameFacts(a: Facts, b: Facts): boolean {
  return (Object.keys(a) as (keyof Facts)[]).every((k) => a[k] === b[k]);
}

function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(to + suffix, { force: true });
  copyFileSync(from, to);
}

export interface CrashRun {
  dir: string;
  rows: number;
  seed: number;
  kills: number;
  /** Called after each kill (progress for the long version). */
  onKill?: (record: KillRecord) => void;
}

/**
 * Prepares a demo commune and a generated workbook of `rows` rows, measures an uninterrupted import and undo,
 * then kills `kills` runs at random moments and checks each restart. Never throws for a failed check: the
 * failures are in the summary.
 */
export async function crashRun(run: CrashRun): Promise<CrashSummary> {
  const started = performance.now();
  const { dir, rows, seed, kills } = run;
  const bundle = await bundleChild();
  CHILD = bundle.entry;
  try {
    return await killRuns(run, started);
  } finally {
    bundle.remove();
  }
}

async function killRuns(run: CrashRun, started: number): Promise<CrashSummary> {
  const { dir, rows, seed, kills } = run;
  const workbook = join(dir, 'list.xlsx');
  await writeGovernmentWorkbook(workbook, { rows, text: 'tcvn3', seed: 11 });
  const base = join(dir, 'base.db');
  const seeded = openDatabase({ path: base, migrationsFolder: migrationsDir(), create: true });
  seedDemo(seeded, { people: 300 });
  // The payout's reference levels and regimes are a command of their own, loaded once per database before its
  // first roster: loaded here, so that the roster job is the roster's one command.
  ensurePayoutReference(seeded);
  seeded.close();
  // Enrolled with the province hub (the enrolment is local to the database: the other commands do not feel it).
  const world = await prepareSyncWorld(dir, base, FROM_ABOVE);

  // The reference: each state's facts and database, and how long each command takes uninterrupted (the kill window).
  const reference = join(dir, 'reference.db');
  copyDatabase(base, reference);
  const facts = { base: inspect(reference) } as Record<State, Facts>;
  const snapshot = { base } as Record<State, string>;
  const before = {} as Record<Job, State>;
  const referenceMs = { start: 0 } as Record<Job | 'start', number>;
  for (let state: State = 'base'; AFTER[state]; ) {
    const step: { job: Job; next: State } = AFTER[state]!;
    const { finished, startMs, commandMs } = await runChild(reference, step.job, workbook);
    if (!finished) throw new Error(`the reference ${step.job} did not finish`);
    referenceMs.start = Math.round(startMs);
    referenceMs[step.job] = Math.round(commandMs);
    before[step.job] = state;
    facts[step.next] = inspect(reference);
    snapshot[step.next] = join(dir, `${step.next}.db`);
    copyDatabase(reference, snapshot[step.next]);
    state = step.next;
  }
  if (facts.imported.beneficiaries - facts.base.beneficiaries < rows / 2) throw new Error('the reference import imported too little');
  if (facts.rostered.rosterLines - facts.imported.rosterLines < rows / 2) throw new Error('the reference roster has too few lines');
  if (facts.edited.notActive - facts.rostered.notActive < rows / 2) throw new Error('the reference hand edit changed too few people');
  if (facts['edit-undone'].notActive !== facts.rostered.notActive) throw new Error('the reference undo of the hand edit did not undo it');

  // The sync's reference: the commune synced once, uninterrupted, with a copy of the hub as it was.
  const hubWork = join(dir, 'hub-work');
  const syncReference = join(dir, 'reference-sync.db');
  copyDatabase(snapshot[SYNC_FROM], syncReference);
  let syncEnd: { hub: HubFacts; desk: DeskSyncFacts };
  {
    const hub = await startHubCopy(world, hubWork);
    try {
      const { finished, commandMs } = await runChild(syncReference, 'sync', hub.url);
      if (!finished) throw new Error('the reference sync did not finish');
      referenceMs.sync = Math.round(commandMs);
      before.sync = SYNC_FROM;
      facts.synced = inspect(syncReference);
      syncEnd = { hub: await hubFacts(hub.store, deskSyncFacts(syncReference).device), desk: deskSyncFacts(syncReference) };
      checkHubCursor(syncEnd.hub);
    } finally {
      await hub.close();
    }
  }
  if (syncEnd.desk.received !== FROM_ABOVE || syncEnd.hub.communeAcked !== syncEnd.desk.ownLast || syncEnd.hub.fromCommune < 500) {
    throw new Error(`the reference sync did not carry everything: ${JSON.stringify(syncEnd)}`);
  }

  const random = seededRandom(seed);
  const work = join(dir, 'work.db');
  /** How long after the start, or after the opening, each kill may come: the reference's times, shortened by faster runs. */
  const window = { ...referenceMs };
  const summary: CrashSummary = {
    seed, rows, kills: 0, killedDuring: Object.fromEntries(JOBS.map((j) => [j, 0])) as Record<Job, number>, outcomes: { complete: 0, absent: 0, resumed: 0 }, finishedBeforeKill: 0, failures: [], referenceMs, seconds: 0,
  };
  // Each kill interrupts the next command in turn (the short version's five kills reach each once), started from
  // the reference database of the state before it. A run that finishes before its kill moment does not count as
  // a kill: the runs go on until `kills` kills happened (a busy PC makes the reference slower than later runs),
  // within a bound of tries.
  for (let kill = 1; summary.kills < kills && kill <= kills * 4; kill++) {
    const job = JOBS[summary.kills % JOBS.length];
    const state = before[job];
    const next = job === 'sync' ? 'synced' : AFTER[state]!.next;
    copyDatabase(snapshot[state], work);
    // One kill in ten while the process starts (opening, migrations, meta), the others anywhere in the
    // command, a little past its reference end included.
    const during = random() < 0.1 ? 'start' : 'open';
    const killAt: KillAt = { from: during, ms: Math.round(random() * (during === 'start' ? window.start : window[job] * 1.1)) };
    const record: KillRecord = { kill, job, killAt, outcome: 'failed' };
    if (job === 'sync') {
      await killSync(world, hubWork, work, workbook, killAt, window, { before: facts[state], after: facts.synced, end: syncEnd }, record);
    } else try {
      const { finished, startMs, commandMs } = await runChild(work, job, workbook, killAt);
      // A run that ended before its kill moment shows the machine is faster now than at the reference (a busy PC):
      // later kills of this command aim within what it took.
      if (finished) {
        window.start = Math.min(window.start, Math.round(startMs));
        window[job] = Math.min(window[job], Math.round(commandMs));
      }
      const found = inspect(work);
      if (sameFacts(found, facts[next])) {
        record.outcome = finished ? 'finished-before-kill' : 'complete';
      } else if (sameFacts(found, facts[state])) {
        if (finished) throw new Error(`the ${job} said done but nothing of it is in the database`);
        record.outcome = 'absent';
      } else {
        throw new Error(`neither before nor after the ${job}: ${JSON.stringify(found)} vs ${JSON.stringify({ before: facts[state], after: facts[next] })}`);
      }
    } catch (e) {
      record.problem = e instanceof Error ? e.message : String(e);
    }
    if (record.outcome === 'finished-before-kill') summary.finishedBeforeKill += 1;
    else {
      summary.kills += 1;
      summary.killedDuring[job] += 1;
      if (record.outcome === 'failed') summary.failures.push(record);
      else summary.outcomes[record.outcome] += 1;
    }
    run.onKill?.(record);
  }
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

/**
 * Kills the commune's sync (push, then pull) against a fresh copy of the hub, checks both sides right after the kill,
 * then restarts the sync to its end and checks it ends where the uninterrupted one did.
 */
async function killSync(world: SyncWorld, hubWork: string, work: string, workbook: string, killAt: KillAt, window: Record<Job | 'start', number>,
  expected: { before: Facts; after: Facts; end: { hub: HubFacts; desk: DeskSyncFacts } }, record: KillRecord): Promise<void> {
  const hub = await startHubCopy(world, hubWork);
  try {
    const { finished, startMs, commandMs } = await runChild(work, 'sync', hub.url, killAt);
    if (finished) {
      window.start = Math.min(window.start, Math.round(startMs));
      window.sync = Math.min(window.sync, Math.round(commandMs));
    }
    // Right after the kill: the database is whole, and the two sides agree on what travelled.
    const found = inspect(work);
    const killed = deskSyncFacts(work);
    await checkSyncAfterKill(hub.store, killed);
    const atHub = await hubFacts(hub.store, killed.device);
    let outcome: KillRecord['outcome'] = 'resumed';
    if (finished) outcome = 'finished-before-kill';
    else if (sameFacts(found, expected.after) && killed.acked === expected.end.desk.acked) outcome = 'complete';
    else if (sameFacts(found, expected.before) && killed.acked === 0 && atHub.fromCommune === 0) outcome = 'absent';
    // The restart: the next sync goes on from where both sides are, and ends where an uninterrupted sync ends.
    if (!finished) {
      const again = await runChild(work, 'sync', hub.url);
      if (!again.finished) throw new Error('the sync after the restart did not finish');
    }
    const ended = inspect(work);
    if (!sameFacts(ended, expected.after)) throw new Error(`after the restart's sync the commune holds ${JSON.stringify(ended)}, not ${JSON.stringify(expected.after)}`);
    const desk = deskSyncFacts(work);
    const problem = sameSyncEnd({ hub: await hubFacts(hub.store, desk.device), desk }, expected.end);
    if (problem) throw new Error(`after the restart's sync: ${problem}`);
    record.outcome = outcome;
  } catch (e) {
    record.problem = e instanceof Error ? e.message : String(e);
  } finally {
    await hub.close();
  }
}

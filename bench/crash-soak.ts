// `npm run crash:soak`: the long version of the crash harness (tests/main/crash). Kills an import, a sync with the
// province hub (checked on both sides, then resumed after the restart), the month's roster created from the import,
// a hand edit of a selection, the undo of that edit and the undo of the import, in turn,
// hundreds of times at random moments with SIGKILL, checks every restart, prints one line per kill on stderr and
// one JSON summary line on stdout:
// {"seed","rows","kills","killedDuring","outcomes":{"complete","absent","resumed"},"finishedBeforeKill","failures":[…],…}
// CRASH_KILLS (default 300), CRASH_ROWS (default 20000), CRASH_SEED (default: random, printed) set the run.
// Exits non-zero when any restart found a damaged database or a half-done command.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashRun } from '../tests/main/crash/crash-harness';

const kills = Number(process.env.CRASH_KILLS ?? 300);
const rows = Number(process.env.CRASH_ROWS ?? 20_000);
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const dir = mkdtempSync(path.join(os.tmpdir(), 'ansinh-crash-soak-'));
process.stderr.write(`crash soak: seed ${seed}, ${rows} rows, ${kills} kills (CRASH_SEED=${seed} to replay)\n`);
try {
  const summary = await crashRun({
    dir, rows, seed, kills,
    onKill: (k) => process.stderr.write(`${k.kill}\t${k.job}\t${k.killAt.from}+${k.killAt.ms}ms\t${k.outcome}${k.problem ? `\t${k.problem}` : ''}\n`),
  });
  console.log(JSON.stringify(summary));
  process.exitCode = summary.failures.length ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { createHash } from 'node:crypto';

/**
 * The data key of the benchmarks' encrypted databases (bench:crypto sets BENCH_ENCRYPTED=1): fixed, so that a
 * cached search database opens again; a benchmark holds no real person.
 */
export function benchKey(): Buffer | undefined {
  return process.env.BENCH_ENCRYPTED === '1' ? createHash('sha256').update('ansinh-desk bench key').digest() : undefined;
}

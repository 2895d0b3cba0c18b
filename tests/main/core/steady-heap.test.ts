import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a writer does to the heap: rows that live long enough to be kept, then die, a few hundred thousand of them.
// Run in a process of its own (the setting is the whole process's), with and without the services' setting; its
// collector on the main thread alone, so that when it runs does not depend on how busy the machine's other cores are
// (with concurrent marking, a loaded machine let the heap grow past the bound).
const steadyHeap = fileURLToPath(new URL('../../../main/core/steady-heap.ts', import.meta.url));
const churn = (steady: boolean) => `
  ${steady ? `const { keepHeapSteady } = await import(${JSON.stringify(steadyHeap)}); keepHeapSteady();` : ''}
  const window = [];
  let peak = 0;
  for (let i = 0; i < 300_000; i++) {
    window.push({ i, s: 'row ' + i + ' ' + 'x'.repeat(200), a: new Array(20).fill(i) });
    if (window.length > 40_000) window.shift();
    if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
  }
  console.log(peak);`;
const peakHeap = (steady: boolean) => Number(execFileSync(process.execPath, ['--single-threaded-gc', '--import', 'tsx', '--input-type=module', '-e', churn(steady)], { encoding: 'utf8' }).trim());

describe('keepHeapSteady', () => {
  it('keeps a process that writes much short-lived data well below the heap V8 would grow to by itself', () => {
    const grown = peakHeap(false);
    const steady = peakHeap(true);
    expect(steady).toBeLessThan(grown * 0.8);
  }, 60_000);
});

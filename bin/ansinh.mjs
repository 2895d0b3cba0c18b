#!/usr/bin/env node
// The `ansinh` command: runs the TypeScript sources through tsx, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
// The command line runs the services in this process: as the app's services process does, it keeps its heap close to what it holds.
const { keepHeapSteady } = await import('../main/core/steady-heap.ts');
keepHeapSteady();
// A closed pipe (`ansinh export … | head`) is the reader's choice, not an error.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
const { main } = await import('../main/doors/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));

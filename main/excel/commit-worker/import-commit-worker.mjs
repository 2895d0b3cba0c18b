// Worker bootstrap for running from sources: load TypeScript through tsx, then the worker.
import { register } from 'tsx/esm/api';

register();
await import('./import-commit-worker.ts');

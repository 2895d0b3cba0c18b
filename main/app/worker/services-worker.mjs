// Worker bootstrap for running from sources: load TypeScript through tsx, then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./services-worker.ts');

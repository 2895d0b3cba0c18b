// Child-process bootstrap for running from sources: load TypeScript through tsx, then the services.
import { register } from 'tsx/esm/api';

register();
await import('./services-child.ts');

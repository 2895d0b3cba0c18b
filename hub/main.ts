import { join } from 'node:path';
import { homedir } from 'node:os';
import { openHubStore } from './store';
import { startHubServer } from './server';

// `npm run hub`: the province hub. DATABASE_URL=postgres://… for a PostgreSQL server; without it, embedded PGlite
// in HUB_DATA (default ~/.ansinh-hub). HUB_PORT (default 8470), HUB_HOST (default 127.0.0.1; a reverse proxy with
// TLS in front), HUB_ADMIN_TOKEN to open the admin page at /admin?token=….

export async function runHub(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dataDir = env.HUB_DATA ?? join(homedir(), '.ansinh-hub');
  const store = await openHubStore({ databaseUrl: env.DATABASE_URL, dataDir });
  const hub = await startHubServer(store, { port: Number(env.HUB_PORT ?? 8470), host: env.HUB_HOST ?? '127.0.0.1', adminToken: env.HUB_ADMIN_TOKEN });
  console.log(`Máy chủ tỉnh đang chạy / hub listening: ${hub.url} (${store.kind === 'postgres' ? 'PostgreSQL' : `PGlite ${dataDir}`})`);
  const stop = async () => {
    await hub.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /hub[\\/]main\.ts$/.test(process.argv[1])) await runHub();

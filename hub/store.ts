import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The hub's one store: PostgreSQL through `pg` when DATABASE_URL names a server, else PGlite (PostgreSQL in
// WebAssembly, in-process) in a data folder. Same SQL, same migrations. The hub keeps nothing else: several hub
// processes may serve one PostgreSQL.

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface HubStore extends Sql {
  kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction (retried on a deadlock or serialization failure of PostgreSQL). */
  tx<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openHubStore(options: { databaseUrl?: string; dataDir?: string }): Promise<HubStore> {
  const store = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(store);
  return store;
}

async function openPglite(dataDir?: string): Promise<HubStore> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params as unknown[])).rows;
    },
    // PGlite is one connection: its transactions run one at a time.
    tx: (work) => db.transaction((t) => work({ query: async <T,>(text: string, params?: unknown[]) => (await t.query<T>(text, params as unknown[])).rows })),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<HubStore> {
  const pg = (await import('pg')).default;
  // bigint as a JS number: sequence numbers and cursors stay far below 2^53.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async tx(work) {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const out = await work({ query: async <T,>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] });
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (e as { code?: string }).code;
          if ((code === '40P01' || code === '40001' || code === '23505') && attempt < 5) continue;
          throw e;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies the migrations not applied yet, in name order, each in its own transaction. */
async function migrate(store: HubStore): Promise<void> {
  await store.query('CREATE TABLE IF NOT EXISTS hub_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await store.query<{ name: string }>('SELECT name FROM hub_migrations')).map((r) => r.name));
  for (const name of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue;
    const text = readFileSync(join(MIGRATIONS, name), 'utf8');
    await store.tx(async (sql) => {
      for (const statement of text.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s))) await sql.query(statement);
      await sql.query('INSERT INTO hub_migrations (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
    });
  }
}

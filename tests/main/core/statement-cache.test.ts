import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../main/core/database/open-database';
import { cachedStatement } from '../../../main/core/statement-cache';
import { openTempDatabase, tempDir } from '../../support/temp-database';

let cleanup: () => void;
let db: AppDatabase;

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = openTempDatabase(t.dir);
  db.sqlite.exec("CREATE TEMP TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, 'x'), (2, 'y');");
});
afterEach(() => {
  db.close();
  cleanup();
});

describe('statement cache', () => {
  it('prepares a statement once per connection', () => {
    expect(cachedStatement(db.sqlite, 'SELECT a FROM t')).toBe(cachedStatement(db.sqlite, 'SELECT a FROM t'));
  });

  it('hands each caller the statement in its default modes, whatever the last caller chose', () => {
    const sql = 'SELECT a, b FROM t ORDER BY a';
    expect(cachedStatement(db.sqlite, sql).pluck().all()).toEqual([1, 2]);
    expect(cachedStatement(db.sqlite, sql).all()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    expect(cachedStatement(db.sqlite, sql).raw().get()).toEqual([1, 'x']);
    expect(cachedStatement(db.sqlite, sql).get()).toEqual({ a: 1, b: 'x' });
    cachedStatement(db.sqlite, 'INSERT INTO t VALUES (?, ?)').run(3, 'z'); // a writer has no modes to reset
    expect(cachedStatement(db.sqlite, 'INSERT INTO t VALUES (?, ?)').run(4, 'w').changes).toBe(1);
  });

  it('keeps a bounded number of statements, dropping the least recently used', () => {
    const first = cachedStatement(db.sqlite, 'SELECT 0');
    for (let i = 1; i <= 400; i++) cachedStatement(db.sqlite, `SELECT ${i}`);
    expect(cachedStatement(db.sqlite, 'SELECT 0')).not.toBe(first);
    expect(cachedStatement(db.sqlite, 'SELECT 400')).toBe(cachedStatement(db.sqlite, 'SELECT 400'));
  });
});

import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sqliteDialect } from './sqlite-dialect.js';

describe('the SQLite dialect', () => {
  it('runs pending migrations as one transaction: one failing part-way leaves no trace of any', async () => {
    const database = new SqliteDatabase(':memory:');
    const db = new Kysely<unknown>({ dialect: sqliteDialect(database) });
    const migrations: Record<string, Migration> = {
      '001-first': { up: (trx) => trx.schema.createTable('first').addColumn('id', 'text').execute() },
      '002-breaks': {
        async up(trx) {
          await trx.schema.createTable('half_made').addColumn('id', 'text').execute();
          // As a process killed here would: the rest of the migration never runs.
          throw new Error('interrupted');
        },
      },
    };
    const { error } = await new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } }).migrateToLatest();
    expect(String(error)).toContain('interrupted');
    const tables = database.prepare("select name from sqlite_master where type = 'table' and name in ('first', 'half_made')").all();
    expect(tables).toEqual([]);
    await db.destroy();
  });
});

// The SQLite bulk writer must give the upsert's result whichever statement it takes: a plain
// insert for new ids, the upsert for stored ones and for ids stored after the import looked.
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteFlowWriter } from './sqlite-flow-writer.js';

function database() {
  const db = new SqliteDatabase(':memory:');
  db.exec(`create table flows (id text primary key, version integer not null, classification text not null, owner_partner text,
    doc text not null, created_at text not null, updated_at text not null, commitment_id text)`);
  return db;
}

const rows = (db: SqliteDatabase.Database) => db.prepare('select rowid, id, version, owner_partner, doc, created_at, updated_at from flows order by rowid').all();

describe('SqliteFlowWriter', () => {
  it('inserts new ids and replaces stored ones in place, counting their version up', () => {
    const db = database();
    new SqliteFlowWriter(db, new Map(), 't1').write('a', 'public', 'GB', '{"n":1}', null);
    new SqliteFlowWriter(db, new Map([['a', {}]]), 't2').write('a', 'public', 'FR', '{"n":2}', null);
    expect(rows(db)).toEqual([{ rowid: 1, id: 'a', version: 2, owner_partner: 'FR', doc: '{"n":2}', created_at: 't1', updated_at: 't2' }]);
  });

  it('replaces an id stored after the lookup (a key conflict) instead of failing', () => {
    const db = database();
    const writer = new SqliteFlowWriter(db, new Map(), 't1');
    db.exec('begin');
    writer.write('a', 'public', 'GB', '{"n":1}', null);
    writer.write('b', 'public', 'GB', '{"n":2}', null);
    // "a" is not among the stored ids the writer was given: its insert conflicts, the upsert runs.
    writer.write('a', 'public', 'GB', '{"n":3}', null);
    db.exec('commit');
    expect(rows(db)).toMatchObject([
      { rowid: 1, id: 'a', version: 2, doc: '{"n":3}' },
      { rowid: 2, id: 'b', version: 1, doc: '{"n":2}' },
    ]);
  });

  it('passes other failures on', () => {
    const db = database();
    expect(() => new SqliteFlowWriter(db, new Map(), 't1').write('a', 'public', 'GB', null as unknown as string, null)).toThrow(/NOT NULL/);
  });
});

import type { Database } from 'better-sqlite3';
import { SqliteAdapter, SqliteDialect } from 'kysely';

/**
 * SQLite changes its schema inside transactions, but Kysely's adapter says it cannot, so the
 * migrator would run each migration bare: a process killed part-way through one (found by the
 * kill tests) left a half-made schema that every later start failed to migrate ("table documents
 * already exists"). Claiming transactional DDL makes the pending migrations one transaction.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlAdapter();
  }
}

export function sqliteDialect(database: Database): SqliteDialect {
  return new TransactionalDdlSqliteDialect({ database });
}

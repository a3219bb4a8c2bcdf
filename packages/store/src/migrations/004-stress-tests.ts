import type { Kysely, Migration } from 'kysely';

/**
 * Stress-test runs: parameters, progress and the stored result. `scope` records what the
 * requesting viewer could see (the result is computed from that), so only viewers who see at
 * least as much may read it. Numbered 004 because 003 is the crisis requests' migration.
 */
export const stressTests: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('stress_tests')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('params', 'text', (column) => column.notNull())
      .addColumn('progress_done', 'integer', (column) => column.notNull())
      .addColumn('progress_total', 'integer', (column) => column.notNull())
      .addColumn('result', 'text')
      .addColumn('error', 'text')
      .addColumn('scope', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('stress_tests_scope_created').on('stress_tests').columns(['scope', 'created_at']).execute();
  },
};

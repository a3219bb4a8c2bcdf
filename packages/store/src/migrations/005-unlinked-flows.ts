import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Flows imported from trackers (the Kiel Institute's) name a donor but no commitment, so
 * `commitment_id` becomes nullable. SQLite cannot drop NOT NULL in place: the table is rebuilt
 * the same way on both backends, which keeps one migration for both.
 */
export const unlinkedFlows: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('flows_next')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('classification', 'text', (column) =>
        column.notNull().check(sql`classification in ('public', 'restricted', 'confidential')`),
      )
      .addColumn('owner_partner', 'text')
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('commitment_id', 'text', (column) => column.references('commitments.id'))
      .execute();
    await sql`insert into flows_next (id, version, classification, owner_partner, doc, created_at, updated_at, commitment_id)
      select id, version, classification, owner_partner, doc, created_at, updated_at, commitment_id from flows`.execute(db);
    await db.schema.dropTable('flows').execute();
    await db.schema.alterTable('flows_next').renameTo('flows').execute();
    await db.schema.createIndex('flows_commitment_id').on('flows').column('commitment_id').execute();
    await db.schema.createIndex('flows_owner').on('flows').column('owner_partner').execute();
  },
};

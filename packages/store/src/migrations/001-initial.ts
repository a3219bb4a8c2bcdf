import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

// Plain text and integer columns so that one migration serves SQLite and PostgreSQL alike.
function recordColumns<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T> {
  return table
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('classification', 'text', (column) =>
      column.notNull().check(sqlIn('classification', ['public', 'restricted', 'confidential'])),
    )
    .addColumn('owner_partner', 'text')
    .addColumn('doc', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull());
}

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    for (const table of ['partners', 'agreements', 'coalitions', 'requirements']) {
      await recordColumns(db.schema.createTable(table)).execute();
    }
    await recordColumns(db.schema.createTable('clauses'))
      .addColumn('agreement_id', 'text', (column) => column.notNull().references('agreements.id'))
      .execute();
    await db.schema.createIndex('clauses_agreement').on('clauses').column('agreement_id').execute();
    await recordColumns(db.schema.createTable('commitments'))
      .addColumn('agreement_id', 'text', (column) => column.references('agreements.id'))
      .addColumn('coalition_id', 'text', (column) => column.references('coalitions.id'))
      .execute();
    await db.schema.createIndex('commitments_agreement').on('commitments').column('agreement_id').execute();
    await db.schema.createIndex('commitments_owner').on('commitments').column('owner_partner').execute();
    await recordColumns(db.schema.createTable('flows'))
      .addColumn('commitment_id', 'text', (column) => column.notNull().references('commitments.id'))
      .execute();
    await db.schema.createIndex('flows_commitment').on('flows').column('commitment_id').execute();

    await db.schema
      .createTable('exchange_rates')
      .addColumn('currency', 'text', (column) => column.notNull())
      .addColumn('year', 'integer', (column) => column.notNull())
      .addColumn('doc', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('exchange_rates_pk', ['currency', 'year'])
      .execute();
    await db.schema
      .createTable('peace_formula')
      .addColumn('point', 'integer', (column) => column.primaryKey())
      .addColumn('doc', 'text', (column) => column.notNull())
      .execute();
    for (const table of ['meetings', 'crisis_requests']) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('doc', 'text', (column) => column.notNull())
        .execute();
    }

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (column) => column.primaryKey())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('actor', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('entity', 'text', (column) => column.notNull())
      .addColumn('entity_id', 'text', (column) => column.notNull())
      .addColumn('before_doc', 'text')
      .addColumn('after_doc', 'text')
      .addColumn('prev_hash', 'text', (column) => column.notNull())
      .addColumn('hash', 'text', (column) => column.notNull())
      .execute();
    // One row whose update serialises appends, so concurrent writers cannot fork the hash chain.
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('hash', 'text', (column) => column.notNull())
      .execute();
    await db
      .insertInto('audit_head' as never)
      .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
      .execute();
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .execute();
  },
};

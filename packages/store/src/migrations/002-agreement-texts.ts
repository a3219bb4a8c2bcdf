import type { Kysely, Migration } from 'kysely';

/** Imported agreement texts (the original kept, base64, with its hash) and the review queue. */
export const agreementTexts: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('documents')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('agreement_id', 'text', (column) => column.notNull().references('agreements.id'))
      .addColumn('filename', 'text', (column) => column.notNull())
      .addColumn('format', 'text', (column) => column.notNull())
      .addColumn('sha256', 'text', (column) => column.notNull())
      .addColumn('bytes', 'integer', (column) => column.notNull())
      .addColumn('pages', 'integer')
      .addColumn('original_base64', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('classification', 'text', (column) => column.notNull())
      .addColumn('owner_partner', 'text')
      .addColumn('imported_by', 'text', (column) => column.notNull())
      .addColumn('imported_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('documents_agreement').on('documents').column('agreement_id').execute();
    await db.schema
      .createTable('proposals')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('agreement_id', 'text', (column) => column.notNull().references('agreements.id'))
      .addColumn('document_id', 'text', (column) => column.notNull().references('documents.id'))
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('clause_ref', 'text')
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('classification', 'text', (column) => column.notNull())
      .addColumn('owner_partner', 'text')
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('result_id', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('proposals_agreement_status').on('proposals').columns(['agreement_id', 'status']).execute();
  },
};

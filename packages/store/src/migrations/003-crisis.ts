import { sql, type Kysely, type Migration } from 'kysely';

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

const CLASSIFICATIONS = ['public', 'restricted', 'confidential'];

/**
 * Crisis events, their consultation clocks, requests, offers, allocation proposals, in-app
 * notifications and the webhook outbox. Times are ISO 8601 UTC strings (`…Z`), which sort and
 * compare the same on SQLite and PostgreSQL; clocks are rows, so they survive a restart.
 * Crisis requests carried in data packages keep their verbatim table, renamed.
 */
export const crisis: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('crisis_requests').renameTo('packaged_crisis_requests').execute();

    await db.schema
      .createTable('crisis_events')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('type', 'text', (column) => column.notNull())
      .addColumn('occurred_at', 'text', (column) => column.notNull())
      .addColumn('classification', 'text', (column) => column.notNull().check(sqlIn('classification', CLASSIFICATIONS)))
      .addColumn('owner_partner', 'text')
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();

    await db.schema
      .createTable('consultations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('event_id', 'text', (column) => column.notNull().references('crisis_events.id'))
      .addColumn('partner', 'text', (column) => column.notNull())
      .addColumn('due_at', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull().check(sqlIn('status', ['open', 'held', 'overdue'])))
      .addColumn('escalated_at', 'text')
      .addColumn('escalated_by', 'text')
      .addColumn('classification', 'text', (column) => column.notNull().check(sqlIn('classification', CLASSIFICATIONS)))
      .addColumn('owner_partner', 'text')
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addUniqueConstraint('consultations_event_partner', ['event_id', 'partner'])
      .execute();
    await db.schema.createIndex('consultations_due').on('consultations').columns(['status', 'due_at']).execute();

    await db.schema
      .createTable('crisis_requests')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('event_id', 'text', (column) => column.notNull().references('crisis_events.id'))
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('classification', 'text', (column) => column.notNull().check(sqlIn('classification', CLASSIFICATIONS)))
      .addColumn('owner_partner', 'text')
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('crisis_requests_event').on('crisis_requests').column('event_id').execute();

    await db.schema
      .createTable('offers')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('request_id', 'text', (column) => column.notNull().references('crisis_requests.id'))
      .addColumn('partner', 'text', (column) => column.notNull())
      .addColumn('classification', 'text', (column) => column.notNull().check(sqlIn('classification', CLASSIFICATIONS)))
      .addColumn('owner_partner', 'text')
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('offers_request').on('offers').column('request_id').execute();

    await db.schema
      .createTable('allocations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('request_id', 'text', (column) => column.notNull().references('crisis_requests.id'))
      .addColumn('doc', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('created_by', 'text', (column) => column.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .execute();
    await db.schema.createIndex('allocations_request').on('allocations').column('request_id').execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('classification', 'text', (column) => column.notNull().check(sqlIn('classification', CLASSIFICATIONS)))
      .addColumn('owner_partner', 'text')
      .addColumn('doc', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('notifications_at').on('notifications').column('at').execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('topic', 'text', (column) => column.notNull())
      .addColumn('subject_id', 'text', (column) => column.notNull())
      .addColumn('url', 'text', (column) => column.notNull())
      .addColumn('body', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull().check(sqlIn('status', ['pending', 'delivered', 'failed'])))
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('next_attempt_at', 'text', (column) => column.notNull())
      .addColumn('lease_until', 'text')
      .addColumn('leased_by', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('last_error', 'text')
      // One delivery per subject and address: an escalation cannot be enqueued twice.
      .addUniqueConstraint('webhook_deliveries_once', ['topic', 'subject_id', 'url'])
      .execute();
    await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('webhook_attempts')
      .addColumn('delivery_id', 'text', (column) => column.notNull().references('webhook_deliveries.id'))
      .addColumn('attempt', 'integer', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('by', 'text', (column) => column.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('webhook_attempts_pk', ['delivery_id', 'attempt'])
      .execute();
  },
};

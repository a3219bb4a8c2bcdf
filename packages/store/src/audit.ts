import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Viewer } from '@compact/core';
import type { AuditRow, Tables } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly action: 'create' | 'update' | 'delete' | 'import' | 'reset' | 'declare' | 'transition' | 'offer' | 'propose' | 'decide' | 'escalate' | 'hold' | 'revoke';
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The hash covers every field of the entry and the previous hash, so any edit breaks the chain. */
export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.role,
    row.action,
    row.entity,
    row.entity_id,
    row.before_doc,
    row.after_doc,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends inside the caller's transaction; the head row's update lock orders concurrent writers. */
export async function appendAudit(trx: Kysely<Tables>, viewer: Viewer, entry: AuditEntry, at: string): Promise<void> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row: Omit<AuditRow, 'hash'> = {
    seq: Number(head.seq),
    at,
    actor: viewer.actor ?? viewer.role,
    role: viewer.role,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_doc: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after_doc: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    prev_hash: head.hash,
  };
  const hash = hashEntry(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly firstBroken: number; readonly reason: string };

/** Walks the chain from the start and names the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Kysely<Tables>): Promise<AuditVerification> {
  let previous = GENESIS_HASH;
  let entries = 0;
  let expectedSeq = 1;
  const pageSize = 1000;
  for (let after = 0; ; ) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, entries, firstBroken: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      if (row.prev_hash !== previous) return { ok: false, entries, firstBroken: seq, reason: 'does not link to the previous entry' };
      if (hashEntry({ ...row, seq }) !== row.hash) return { ok: false, entries, firstBroken: seq, reason: 'content does not match its hash' };
      previous = row.hash;
      entries++;
      expectedSeq++;
      after = seq;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== entries || head.hash !== previous)) {
    return { ok: false, entries, firstBroken: entries + 1, reason: 'the chain was truncated after this point' };
  }
  return { ok: true, entries };
}

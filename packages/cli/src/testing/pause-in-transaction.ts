// A child process for fault tests: runs an import or an allocation decision as the CLI does, but
// stops dead (its thread blocked) just before the Nth write to a named table, prints "paused", and
// waits to be killed. The parent thus kills it inside the open transaction for certain, which a
// kill after a delay only hits by luck.
//   node --import tsx pause-in-transaction.ts import <package.json> <table> <n>
//   node --import tsx pause-in-transaction.ts decide <request-id> <table> <n>
// The database comes from COMPACT_DB, or DATABASE_URL and COMPACT_PG_SCHEMA, as for `compact`.
import { readFileSync, writeSync } from 'node:fs';
import { SYSTEM_VIEWER } from '@compact/core';
import { CrisisDesk, openStore } from '@compact/store';
import type { KyselyPlugin, OperationNode, RootOperationNode } from 'kysely';
import { storeOptions } from '../config.js';

const [mode, target, table, nth] = process.argv.slice(2);
if (!mode || !target || !table || !nth) throw new Error('usage: pause-in-transaction.ts import|decide <file|request> <table> <n>');

/** The table an INSERT or UPDATE writes to, if it is one. */
function writtenTable(node: RootOperationNode): string | undefined {
  const named = (value: OperationNode | undefined) => (value as { table?: { identifier?: { name?: string } } } | undefined)?.table?.identifier?.name;
  if (node.kind === 'InsertQueryNode') return named(node.into);
  if (node.kind === 'UpdateQueryNode') return named(node.table);
  return undefined;
}

let armed = false;
let seen = 0;
const pauser: KyselyPlugin = {
  transformQuery({ node }) {
    if (armed && writtenTable(node) === table && ++seen === Number(nth)) {
      writeSync(1, 'paused\n');
      // Blocks this thread for good: no further statement, no commit, no rollback.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    }
    return node;
  },
  transformResult: ({ result }) => Promise.resolve(result),
};

const store = await openStore(storeOptions({}));
// The store's handle, swapped for one with the plugin: every later query, transactions included, passes through it.
(store as { db: typeof store.db }).db = store.db.withPlugin(pauser);
const viewer = { ...SYSTEM_VIEWER, actor: 'fault-test' };
if (mode === 'import') {
  armed = true;
  await store.importPackage(JSON.parse(readFileSync(target, 'utf8')) as unknown, viewer);
} else {
  const desk = new CrisisDesk(store);
  const coordinator = { role: 'coordinator' as const, actor: 'fault-test' };
  const proposal = await desk.proposeAllocation(target, { pins: [], excludedOfferIds: [] }, coordinator);
  armed = true;
  await desk.decideAllocation(target, proposal.id, coordinator);
}
writeSync(1, 'finished without pausing\n');
await store.close();

import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { backupStore, restoreStore } from '@compact/store';
import type { Command } from 'commander';
import { describeDatabase, storeOptions, type DatabaseFlags } from '../config.js';
import { withStore } from '../with-store.js';

/** A gzip file starts with these two bytes; anything else is read as plain JSON. */
function isGzip(bytes: Buffer): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** `backup` and `restore`: a consistent snapshot of every table, and its return into an empty database. */
export function registerBackupCommands(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('backup')
    .description('write a consistent snapshot of every record, document, crisis clock and the audit log (gzipped JSON)')
    .option('--out <file>', 'where to write it', `compact-backup-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.json.gz`)
    .action(async (options: { out: string }) => {
      const backup = await withStore(databaseFlags(), (store) => backupStore(store));
      const rows = Object.values(backup.tables).reduce((sum, table) => sum + table.length, 0);
      writeFileSync(options.out, gzipSync(JSON.stringify(backup)));
      console.log(`wrote ${options.out}: ${rows} rows from ${describeDatabase(storeOptions(databaseFlags()))}, audit log of ${backup.tables.audit_log.length} entries`);
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty database (all or nothing; the audit chain must verify)')
    .action(async (file: string) => {
      const bytes = readFileSync(file);
      let backup: unknown;
      try {
        backup = JSON.parse((isGzip(bytes) ? gunzipSync(bytes) : bytes).toString('utf8'));
      } catch (error) {
        throw new Error(`${file} is not a Compact backup: ${(error as Error).message}`);
      }
      const summary = await withStore(databaseFlags(), (store) => restoreStore(store, backup));
      console.log(`restored ${summary.rows} rows into ${describeDatabase(storeOptions(databaseFlags()))}; audit chain verified (${summary.audit.entries} entries)`);
    });
}

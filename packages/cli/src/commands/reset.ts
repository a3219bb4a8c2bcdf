import { SYSTEM_VIEWER } from '@compact/core';
import type { Command } from 'commander';
import { SHIPPED_DATASET, describeDatabase, storeOptions, type DatabaseFlags } from '../config.js';
import { withStore } from '../with-store.js';
import { readPackageFile } from './package.js';

export function registerResetCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('reset')
    .description('empty the database (records and audit log) and load the shipped dataset again')
    .option('--empty', 'leave the database empty')
    .option('--yes', 'do not ask; required, because this deletes everything')
    .action(async (options: { empty?: boolean; yes?: boolean }) => {
      const where = describeDatabase(storeOptions(databaseFlags()));
      if (!options.yes) throw new Error(`reset deletes every record and account in ${where}; run again with --yes to go ahead`);
      await withStore(databaseFlags(), async (store) => {
        await store.reset();
        if (!options.empty) await store.importPackage(readPackageFile(SHIPPED_DATASET), { ...SYSTEM_VIEWER, actor: 'seed' });
      });
      console.log(`reset ${where}${options.empty ? '' : ' and loaded the shipped dataset'}`);
    });
}

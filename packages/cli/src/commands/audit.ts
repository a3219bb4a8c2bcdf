import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { withStore } from '../with-store.js';

export class AuditBroken extends Error {}

export function registerAuditCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  const audit = program.command('audit').description('the hash-chained log of every change');
  audit
    .command('verify')
    .description('check the chain and name the first broken entry (exit 1 if broken)')
    .action(async () => {
      const result = await withStore(databaseFlags(), (store) => store.verifyAudit());
      if (!result.ok) throw new AuditBroken(`audit log broken at entry ${result.firstBroken}: ${result.reason} (${result.entries} entries verified before it)`);
      console.log(`audit log intact: ${result.entries} entries`);
    });
}

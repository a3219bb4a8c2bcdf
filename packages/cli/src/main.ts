import { Command, CommanderError } from 'commander';
import type { DatabaseFlags } from './config.js';
import { describeError } from './output.js';
import { registerAccountCommands } from './commands/accounts.js';
import { registerAnalyzeCommand } from './commands/analyze.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerBriefCommand } from './commands/brief.js';
import { registerCrisisCommands } from './commands/crisis.js';
import { registerDeliveryCommands } from './commands/delivery.js';
import { registerKielCommand } from './commands/import-kiel.js';
import { registerPackageCommands } from './commands/package.js';
import { registerResetCommand } from './commands/reset.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStressCommand } from './commands/stress.js';
import { registerTextCommands } from './commands/text.js';

const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('compact')
    .description('Compact: the registry and analysis of security agreements supporting Ukraine')
    .version(VERSION)
    .option('--db <file>', 'SQLite database file (env COMPACT_DB, default .compact/compact.sqlite)')
    .option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL); wins over --db')
    .showHelpAfterError()
    .exitOverride();
  const databaseFlags = () => program.opts<DatabaseFlags>();
  registerServeCommand(program, databaseFlags, VERSION);
  registerPackageCommands(program, databaseFlags);
  registerKielCommand(program, databaseFlags);
  registerResetCommand(program, databaseFlags);
  registerAuditCommand(program, databaseFlags);
  registerBackupCommands(program, databaseFlags);
  registerAccountCommands(program, databaseFlags);
  registerBriefCommand(program, databaseFlags);
  registerAnalyzeCommand(program, databaseFlags);
  registerTextCommands(program, databaseFlags);
  registerCrisisCommands(program, databaseFlags);
  registerStressCommand(program, databaseFlags);
  registerDeliveryCommands(program, databaseFlags);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the command line and returns the exit code: 0 done, 1 the input or data is wrong, 2 usage. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    console.error(`compact: ${describeError(error)}`);
    return 1;
  }
}

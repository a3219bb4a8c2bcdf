import {
  DELIVERY_DIMENSIONS,
  IsoDate,
  SYSTEM_VIEWER,
  buildLedger,
  coalitionRoadmap,
  deliveryTotals,
  implementationScores,
  isCurrencyCode,
  lateDeliveries,
  type DataPackage,
  type DeliveryDimension,
} from '@compact/core';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { groupDigits, textTable } from '../format/text-table.js';
import { withStore } from '../with-store.js';
import { packageFromFile } from './analyze.js';

interface ViewFlags {
  input?: string;
  asOf?: string;
  currency: string;
  format: string;
}

interface Settings {
  readonly asOf: string;
  readonly currency: string;
  readonly json: boolean;
}

function settingsOf(flags: ViewFlags): Settings {
  if (!['table', 'json'].includes(flags.format)) throw new Error(`--format must be table or json, not "${flags.format}"`);
  if (!isCurrencyCode(flags.currency)) throw new Error(`--currency must be an ISO 4217 code such as EUR, not "${flags.currency}"`);
  if (flags.asOf !== undefined && !IsoDate.safeParse(flags.asOf).success) throw new Error(`--as-of must be an ISO date such as 2025-11-30, not "${flags.asOf}"`);
  return { asOf: flags.asOf ?? new Date().toISOString().slice(0, 10), currency: flags.currency, json: flags.format === 'json' };
}

function withViewOptions(command: Command): Command {
  return command
    .option('--input <file>', 'read this data package instead of the database')
    .option('--as-of <date>', 'the day of the view (default today)')
    .option('--currency <code>', 'report currency', 'EUR')
    .option('--format <format>', 'table or json', 'table');
}

async function load(flags: ViewFlags, databaseFlags: () => DatabaseFlags): Promise<DataPackage> {
  return flags.input ? packageFromFile(flags.input) : withStore(databaseFlags(), (store) => store.exportPackage(SYSTEM_VIEWER));
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** `delivery`, `implementation` and `coalition`: promise to delivery from the command line. */
export function registerDeliveryCommands(program: Command, databaseFlags: () => DatabaseFlags): void {
  withViewOptions(
    program
      .command('delivery')
      .description('committed, allocated and delivered by partner, capability area and/or year, and late deliveries')
      .option('--by <dimensions>', `comma-separated: ${DELIVERY_DIMENSIONS.join(', ')}`, 'provider'),
  ).action(async (flags: ViewFlags & { by: string }) => {
    const settings = settingsOf(flags);
    const by = flags.by.split(',').map((part) => part.trim()) as DeliveryDimension[];
    const unknown = by.find((dimension) => !(DELIVERY_DIMENSIONS as readonly string[]).includes(dimension));
    if (unknown !== undefined) throw new Error(`--by may list ${DELIVERY_DIMENSIONS.join(', ')}; "${unknown}" is not one of them`);
    const ledger = buildLedger(await load(flags, databaseFlags), settings);
    const rows = deliveryTotals(ledger, by);
    const late = lateDeliveries(ledger);
    if (settings.json) return print(JSON.stringify({ asOf: ledger.asOf, currency: ledger.currency, by, rows, late, skipped: ledger.skipped }, null, 2));
    print(`Promise to delivery as of ${ledger.asOf} (amounts in ${ledger.currency})\n`);
    print(
      textTable(
        [...by, 'committed', 'allocated', 'delivered', 'delivered %'],
        rows.map((row) => [
          ...by.map((dimension) => String(row[dimension] ?? '—')),
          groupDigits(row.committed),
          groupDigits(row.allocated),
          groupDigits(row.delivered),
          row.deliveryRatio === null ? '—' : `${Math.round(row.deliveryRatio * 1000) / 10}`,
        ]),
        new Set([by.length, by.length + 1, by.length + 2, by.length + 3]),
      ),
    );
    print(late.length === 0 ? '\nNo allocation with a due date is late.' : `\nLate deliveries (${late.length}):`);
    if (late.length > 0) {
      print(textTable(['allocation', 'partner', 'due', 'status', 'days late'], late.map((entry) => [entry.allocationId, entry.provider, entry.dueOn, entry.status, String(entry.daysLate)]), new Set([4])));
    }
  });

  withViewOptions(
    program
      .command('implementation')
      .description('implementation scores (Peace Accords Matrix 0–3) by partner, agreement, coalition or commitment')
      .option('--by <group>', 'partner, agreement, coalition or commitment', 'partner'),
  ).action(async (flags: ViewFlags & { by: string }) => {
    const settings = settingsOf(flags);
    const groups = { partner: 'partners', agreement: 'agreements', coalition: 'coalitions' } as const;
    if (flags.by !== 'commitment' && !(flags.by in groups)) throw new Error(`--by must be partner, agreement, coalition or commitment, not "${flags.by}"`);
    const report = implementationScores(await load(flags, databaseFlags), settings);
    if (settings.json) return print(JSON.stringify(report, null, 2));
    print(`Implementation as of ${report.asOf} (0 not started, 1 minimal, 2 intermediate, 3 complete; no flows recorded = not assessed)\n`);
    if (flags.by === 'commitment') {
      return print(
        textTable(
          ['commitment', 'partner', 'score', 'basis', 'due', 'delivered'],
          report.commitments.map((item) => [item.commitmentId, item.provider, item.overall.score === null ? '—' : String(item.overall.score), item.overall.basis, groupDigits(item.overall.due ?? '—'), groupDigits(item.overall.delivered ?? '—')]),
          new Set([2, 4, 5]),
        ),
      );
    }
    const rows = report[groups[flags.by as keyof typeof groups]];
    print(
      textTable(
        [flags.by, 'assessed', 'mean', 'weighted', '0/1/2/3'],
        rows.map((row) => [row.id, `${row.assessed}/${row.commitments}`, row.mean === null ? '—' : String(row.mean), row.weighted === null ? '—' : String(row.weighted), row.distribution.join('/')]),
        new Set([1, 2, 3]),
      ),
    );
  });

  withViewOptions(program.command('coalition <id>').description("a coalition's roadmap: members, late milestones, requirement shared by the fair-share key")).action(
    async (id: string, flags: ViewFlags) => {
      const settings = settingsOf(flags);
      const pkg = await load(flags, databaseFlags);
      const coalition = pkg.coalitions.find((entry) => entry.id === id);
      if (!coalition) throw new Error(`coalition "${id}" not found; known: ${pkg.coalitions.map((entry) => entry.id).join(', ')}`);
      const roadmap = coalitionRoadmap(coalition, pkg, settings);
      if (settings.json) return print(JSON.stringify(roadmap, null, 2));
      print(`${roadmap.name} as of ${roadmap.asOf}`);
      print(`Members: ${roadmap.members.map((member) => (member.role === 'lead' ? `${member.partner} (lead)` : member.partner)).join(', ')}`);
      print(`Late milestones: ${roadmap.lateMilestones} of ${roadmap.milestones.length}`);
      const unit = roadmap.measure === 'money' ? roadmap.currency : (roadmap.requirement?.quantity?.item ?? 'units');
      print(roadmap.requirement ? `Requirement: ${groupDigits(roadmap.totals.target ?? '—')} ${unit}, key: ${roadmap.key.kind}${roadmap.key.year ? ` ${roadmap.key.year}` : ''}\n` : 'No requirement on record.\n');
      print(
        textTable(
          ['partner', 'role', 'share', 'target', 'pledged', 'delivered', 'status'],
          roadmap.shares.map((share) => [share.partner, share.role, share.share ?? '—', groupDigits(share.target ?? '—'), groupDigits(share.pledged), groupDigits(share.delivered), share.status]),
          new Set([2, 3, 4, 5]),
        ),
      );
      for (const warning of roadmap.warnings) print(`note: ${warning}`);
    },
  );
}

import { writeFileSync } from 'node:fs';
import { BRIEFING_LANGUAGES, IsoDate, PUBLIC_VIEWER, SYSTEM_VIEWER, briefingMarkdown, buildBriefing, isCurrencyCode, type BriefingLanguage, type BriefingScope } from '@compact/core';
import { briefingPdf } from '@compact/exchange';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { withStore } from '../with-store.js';
import { packageFromFile } from './analyze.js';

interface BriefFlags {
  partner?: string;
  coalition?: string;
  format: string;
  out?: string;
  asOf?: string;
  currency: string;
  lang: string;
  input?: string;
  internal?: boolean;
}

/** `brief`: a one- or two-page briefing for the network, a partner or a coalition, as PDF or Markdown. */
export function registerBriefCommand(program: Command, databaseFlags: () => DatabaseFlags): void {
  program
    .command('brief')
    .description('a briefing (key figures, agreements, money by capability area, top findings, sources) as PDF or Markdown; public records only unless --internal')
    .option('--partner <code>', 'one partner (e.g. GB)')
    .option('--coalition <id>', 'one coalition (e.g. artillery)')
    .option('--format <format>', 'pdf or markdown', 'markdown')
    .option('--out <file>', 'where to write it (default: standard output for Markdown, briefing-<scope>.pdf for PDF)')
    .option('--as-of <date>', 'the day the briefing speaks of (default today)')
    .option('--currency <code>', 'report currency', 'EUR')
    .option('--lang <language>', 'en (English) or uk (Ukrainian)', 'en')
    .option('--input <file>', 'a data package instead of the database')
    .option('--internal', 'count every record in the database, restricted and confidential ones too (not for publication)')
    .action(async (flags: BriefFlags) => {
      if (flags.partner && flags.coalition) throw new Error('choose --partner or --coalition, not both');
      if (!['pdf', 'markdown'].includes(flags.format)) throw new Error(`--format must be pdf or markdown, not "${flags.format}"`);
      if (!BRIEFING_LANGUAGES.includes(flags.lang as BriefingLanguage)) throw new Error(`--lang must be en or uk, not "${flags.lang}"`);
      if (!isCurrencyCode(flags.currency)) throw new Error(`--currency must be an ISO 4217 code such as EUR, not "${flags.currency}"`);
      if (flags.asOf !== undefined && !IsoDate.safeParse(flags.asOf).success) throw new Error(`--as-of must be an ISO date such as 2025-11-30, not "${flags.asOf}"`);
      const scope: BriefingScope = flags.partner ? { kind: 'partner', partner: flags.partner.toUpperCase() } : flags.coalition ? { kind: 'coalition', coalition: flags.coalition } : { kind: 'network' };
      const pkg = flags.input ? packageFromFile(flags.input) : await withStore(databaseFlags(), (store) => store.exportPackage(flags.internal ? SYSTEM_VIEWER : PUBLIC_VIEWER));
      const briefing = buildBriefing(pkg, scope, { asOf: flags.asOf ?? new Date().toISOString().slice(0, 10), currency: flags.currency, language: flags.lang as BriefingLanguage });
      if (flags.format === 'markdown') {
        const text = briefingMarkdown(briefing);
        if (flags.out) writeFileSync(flags.out, text);
        else process.stdout.write(text);
        return;
      }
      const out = flags.out ?? `briefing-${scope.kind === 'partner' ? scope.partner : scope.kind === 'coalition' ? scope.coalition : 'network'}.pdf`;
      writeFileSync(out, await briefingPdf(briefing));
      console.log(`wrote ${out}`);
    });
}

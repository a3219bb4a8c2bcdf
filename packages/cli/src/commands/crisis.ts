import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { REQUEST_ACTIONS, edxlMessages, edxlXml, type Viewer } from '@compact/core';
import { CrisisScheduler } from '@compact/server';
import { CrisisDesk, type Store } from '@compact/store';
import type { Command } from 'commander';
import { pino } from 'pino';
import type { DatabaseFlags } from '../config.js';
import { crisisSettings } from '../crisis-config.js';
import { formatAllocation, formatEventDetail, formatEvents, formatRequest } from '../format/crisis.js';
import { withStore } from '../with-store.js';

/** The command line is the local operator's desk: it acts as the coordinator, named in the audit log. */
function operator(): Viewer {
  return { role: 'coordinator', actor: `cli:${userInfo().username}` };
}

function readJsonFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function print(value: unknown, format: string, table: () => string): void {
  if (format !== 'json' && format !== 'table') throw new Error(`--format must be json or table, not "${format}"`);
  process.stdout.write(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : table());
}

/** `--pin OFFER:LINE[:QTY]`, repeatable. */
function parsePin(value: string, previous: Array<{ offerId: string; lineId: string; quantity?: number }> = []) {
  const [offerId, lineId, quantity] = value.split(':');
  if (!offerId || !lineId) throw new Error(`--pin must be OFFER:LINE or OFFER:LINE:QUANTITY, not "${value}"`);
  return [...previous, { offerId, lineId, ...(quantity ? { quantity: Number(quantity) } : {}) }];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerCrisisCommands(program: Command, databaseFlags: () => DatabaseFlags): void {
  const crisis = program.command('crisis').description('crisis events, consultation clocks, requests, offers and allocation');
  const run = <T>(work: (desk: CrisisDesk, store: Store) => Promise<T>) =>
    withStore(databaseFlags(), (store) => work(new CrisisDesk(store, { consultationDefaults: crisisSettings().consultationDefaults }), store));

  crisis
    .command('declare')
    .description('declare an event; opens a consultation clock for every partner whose agreement it triggers')
    .requiredOption('--type <type>', 'armed-attack, threat-of-attack or significant-escalation')
    .requiredOption('--at <time>', 'when it happened, ISO 8601 with a zone (2026-03-01T04:30:00Z)')
    .requiredOption('--title <text>', 'a short title')
    .option('--classification <level>', 'public, restricted or confidential', 'restricted')
    .option('--format <format>', 'json or table', 'table')
    .action((flags: { type: string; at: string; title: string; classification: string; format: string }) =>
      run(async (desk) => {
        const detail = await desk.declareEvent({ type: flags.type, occurredAt: flags.at, title: flags.title, classification: flags.classification }, operator());
        print(detail, flags.format, () => formatEventDetail(detail, desk.clock()));
      }),
    );

  crisis
    .command('events')
    .description('list crisis events')
    .option('--format <format>', 'json or table', 'table')
    .action((flags: { format: string }) => run(async (desk) => {
      const events = await desk.listEvents(operator());
      print(events, flags.format, () => formatEvents(events));
    }));

  crisis
    .command('show <event>')
    .description('an event: consultation clocks with countdowns, partners not obliged, requests')
    .option('--format <format>', 'json or table', 'table')
    .action((id: string, flags: { format: string }) => run(async (desk) => {
      const detail = await desk.getEvent(id, operator());
      print(detail, flags.format, () => formatEventDetail(detail, desk.clock()));
    }));

  crisis
    .command('request <file>')
    .description('raise a request (a draft) from a JSON file: { eventId, title, capabilityArea, lines: [...] }')
    .option('--format <format>', 'json or table', 'table')
    .action((file: string, flags: { format: string }) => run(async (desk) => {
      const request = await desk.createRequest(readJsonFile(file), operator());
      print(request, flags.format, () => formatRequest(request));
    }));

  crisis
    .command('transition <request> <action>')
    .description(`move a request on: ${REQUEST_ACTIONS.join(', ')}`)
    .option('--note <text>', 'why, for the record')
    .option('--format <format>', 'json or table', 'table')
    .action((id: string, action: string, flags: { note?: string; format: string }) => run(async (desk) => {
      const request = await desk.transition(id, { action, ...(flags.note ? { note: flags.note } : {}) }, operator());
      print(request, flags.format, () => formatRequest(request));
    }));

  crisis
    .command('offer <request> <file>')
    .description("record a partner's offer from a JSON file: { partner, item, quantity, earliestDelivery, ... }")
    .option('--format <format>', 'json or table', 'json')
    .action((id: string, file: string, flags: { format: string }) => run(async (desk) => {
      const offer = await desk.addOffer(id, readJsonFile(file), operator());
      print(offer, flags.format, () => `${offer.id}: ${offer.partner} offers ${offer.quantity} ${offer.unit} of ${offer.item} from ${offer.earliestDelivery}\n`);
    }));

  crisis
    .command('allocate <request>')
    .description('solve the allocation of the offers to the lines (HiGHS) and show the proposal')
    .option('--pin <offer:line[:quantity]>', 'force an offer onto a line (repeatable)', parsePin)
    .option('--exclude <offer>', 'leave an offer out (repeatable)', collect)
    .option('--cap <share>', "largest share (0-1] of the items one partner may provide")
    .option('--decide', 'record the decision at once (the request becomes allocated)')
    .option('--format <format>', 'json or table', 'table')
    .action((id: string, flags: { pin?: ReturnType<typeof parsePin>; exclude?: string[]; cap?: string; decide?: boolean; format: string }) => run(async (desk) => {
      const viewer = operator();
      const proposal = await desk.proposeAllocation(id, { pins: flags.pin ?? [], excludedOfferIds: flags.exclude ?? [], ...(flags.cap ? { fairShareCap: Number(flags.cap) } : {}) }, viewer);
      const decided = flags.decide ? (await desk.decideAllocation(id, proposal.id, viewer)).allocation : proposal;
      print(decided, flags.format, () => formatAllocation(decided) + (flags.decide ? `decided; request ${id} is allocated\n` : `decide with: compact crisis decide ${id} ${proposal.id}\n`));
    }));

  crisis
    .command('decide <request> <allocation>')
    .description('record the decision for a proposal; the request becomes allocated')
    .option('--note <text>', 'for the record')
    .action((id: string, allocation: string, flags: { note?: string }) => run(async (desk) => {
      const { request } = await desk.decideAllocation(id, allocation, operator(), flags.note);
      process.stdout.write(formatRequest(request));
    }));

  crisis
    .command('edxl <request>')
    .description('the request as OASIS EDXL-RM messages')
    .option('--xml', 'XML instead of JSON')
    .action((id: string, flags: { xml?: boolean }) => run(async (desk) => {
      const viewer = operator();
      const request = await desk.getRequest(id, viewer);
      const [{ event }, offers, decided] = await Promise.all([desk.getEvent(request.eventId, viewer), desk.listOffers(id, viewer), desk.decidedAllocation(id, viewer)]);
      const messages = edxlMessages(event, request, offers, decided?.result.assignments ?? []);
      process.stdout.write(flags.xml ? edxlXml(messages) : `${JSON.stringify(messages, null, 2)}\n`);
    }));

  crisis
    .command('tick')
    .description('escalate overdue consultations and deliver due webhooks once (what a running server does every second)')
    .action(() => run(async (desk) => {
      const settings = crisisSettings();
      const scheduler = new CrisisScheduler({ desk, logger: pino({ level: 'silent' }), webhookUrls: settings.webhookUrls, webhookSecret: settings.webhookSecret, retryPolicy: settings.retryPolicy });
      const report = await scheduler.tick();
      for (const escalation of report.escalations) process.stdout.write(`escalated: ${escalation.notification.message}\n`);
      for (const webhook of report.webhooks) process.stdout.write(`webhook ${webhook.id} attempt ${webhook.attempt}: ${webhook.result}\n`);
      if (report.escalations.length === 0 && report.webhooks.length === 0) process.stdout.write('nothing due\n');
    }));
}

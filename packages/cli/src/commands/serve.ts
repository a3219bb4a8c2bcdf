import { SYSTEM_VIEWER } from '@compact/core';
import { CrisisScheduler, startServer } from '@compact/server';
import { CrisisDesk, openStore } from '@compact/store';
import type { Command } from 'commander';
import { pino } from 'pino';
import { SHIPPED_DATASET, WEB_ROOT, describeDatabase, isLoopback, parseRole, storeOptions, type DatabaseFlags } from '../config.js';
import { crisisSettings } from '../crisis-config.js';
import { readPackageFile } from './package.js';

interface ServeFlags {
  port?: string;
  host?: string;
  seed: boolean;
}

export function registerServeCommand(program: Command, databaseFlags: () => DatabaseFlags, version: string): void {
  program
    .command('serve')
    .description('serve the web app and the API; an empty database is loaded with the shipped dataset')
    .option('--port <port>', 'port to listen on (env PORT, default 8080)')
    .option('--host <host>', 'address to listen on (env HOST, default 127.0.0.1)')
    .option('--no-seed', 'leave an empty database empty')
    .action(async (flags: ServeFlags) => {
      const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
      const port = Number(flags.port ?? process.env.PORT ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${flags.port}"`);
      const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
      const options = storeOptions(databaseFlags());
      const crisis = crisisSettings();
      const store = await openStore(options);
      if (flags.seed && (await store.isEmpty())) {
        const summary = await store.importPackage(readPackageFile(SHIPPED_DATASET), { ...SYSTEM_VIEWER, actor: 'seed' });
        logger.info({ created: summary.created }, 'loaded the shipped dataset into the empty database');
      }
      // Until the first account exists, a server reachable only from this machine acts for its one
      // local user (the coordinator); one listening on a network shows public records only to
      // whoever has not signed in. Once an account exists, everyone signs in.
      const anonymousRole = parseRole(process.env.COMPACT_ANONYMOUS_ROLE ?? (isLoopback(host) ? 'coordinator' : 'public'), 'COMPACT_ANONYMOUS_ROLE');
      const desk = new CrisisDesk(store, { consultationDefaults: crisis.consultationDefaults });
      // Consultation deadlines live in the database; this loop only looks for what is due.
      const scheduler = new CrisisScheduler({ desk, logger, webhookUrls: crisis.webhookUrls, webhookSecret: crisis.webhookSecret, retryPolicy: crisis.retryPolicy, intervalMs: crisis.schedulerIntervalMs });
      const server = await startServer({
        store,
        desk,
        logger,
        version,
        port,
        host,
        webRoot: WEB_ROOT,
        viewerPolicy: { anonymousRole, trustViewerHeader: process.env.COMPACT_TRUST_VIEWER_HEADER === '1', secureCookies: process.env.COMPACT_SECURE_COOKIES === '1' },
      });
      scheduler.start();
      logger.info({ url: server.url, database: describeDatabase(options), anonymousRole, webhooks: crisis.webhookUrls.length, worker: scheduler.worker }, `Compact is serving ${server.url}`);
      const stop = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        void scheduler
          .stop()
          .then(() => server.close())
          .then(() => store.close())
          .then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

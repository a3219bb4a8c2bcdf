import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Classification, LiveTopic } from '@compact/core';


/**
 * What changed, small enough for a PostgreSQL notification (under 8,000 bytes): ids only, never
 * the record, plus what access control needs to decide who may hear of it.
 */
export interface LiveEvent {
  topic: LiveTopic;
  id: string;
  eventId?: string;
  requestId?: string;
  at: string;
  classification: Classification;
  ownerPartner: string | null;
  /** Partners whose officers may also hear of a confidential change (those consulted on its event). */
  audience?: string[];
}

export type LiveListener = (event: LiveEvent) => void;

/**
 * Changes fan out to every server process's live views: in-process when embedded, through
 * PostgreSQL LISTEN/NOTIFY when several processes share one database.
 */
export interface ChangeFeed {
  publish(event: LiveEvent): Promise<void>;
  subscribe(listener: LiveListener): () => void;
  close(): Promise<void>;
}

export class LocalFeed implements ChangeFeed {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: LiveEvent): Promise<void> {
    this.emitter.emit('change', event);
    return Promise.resolve();
  }

  subscribe(listener: LiveListener): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  close(): Promise<void> {
    this.emitter.removeAllListeners();
    return Promise.resolve();
  }
}

/**
 * One listening connection per process, opened on the first subscriber. Publishing goes through
 * the database, so this process hears its own changes the same way the others do. The channel
 * is per schema, so test schemas on one server do not hear each other.
 */
export class PostgresFeed implements ChangeFeed {
  private readonly local = new LocalFeed();
  private listener: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private subscribers = 0;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
    private readonly channel: string,
  ) {}

  async publish(event: LiveEvent): Promise<void> {
    await this.pool.query('select pg_notify($1, $2)', [this.channel, JSON.stringify(event)]);
  }

  subscribe(listener: LiveListener): () => void {
    const unsubscribe = this.local.subscribe(listener);
    this.subscribers++;
    this.connecting ??= this.listen();
    return () => {
      unsubscribe();
      this.subscribers--;
    };
  }

  /** Resolves once this process is listening; tests wait for it before publishing elsewhere. */
  async ready(): Promise<void> {
    this.connecting ??= this.listen();
    await this.connecting;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      void this.local.publish(JSON.parse(message.payload) as LiveEvent);
    });
    // A lost listening connection must not crash the server (its 'end' follows and reconnects).
    client.on('error', () => undefined);
    // The database ended it (a restart): listen again, or this process's live views would stay
    // silent until the server itself restarted. Changes made meanwhile are not replayed; clients'
    // slow polls cover them.
    client.on('end', () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listenAgain(250);
    });
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }

  /** Retries, backing off to one attempt every 5 s while the database stays away. */
  private listenAgain(delayMs: number): void {
    if (this.closed) return;
    this.retry = setTimeout(() => {
      this.connecting = this.listen().catch(() => this.listenAgain(Math.min(delayMs * 2, 5_000)));
    }, delayMs);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.connecting?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    await this.local.close();
  }

  /** How many live views in this process listen. */
  get listening(): number {
    return this.subscribers;
  }
}

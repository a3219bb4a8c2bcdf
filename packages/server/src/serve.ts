import { serve, type ServerType } from '@hono/node-server';
import type { AppOptions } from './app.js';
import { createApp } from './app.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the HTTP server; port 0 picks a free one (tests). */
export function startServer(options: AppOptions & { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server?.close(() => done());
            (server as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { CompactError } from '@compact/core';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './context.js';
import { toHttpError } from './errors.js';
import { documentRoute } from './openapi.js';
import { registerAgreementRoutes } from './routes/agreements.js';
import { registerAnalysisRoutes } from './routes/analysis.js';
import { registerTextRoutes } from './routes/texts.js';
import { registerCrisisRoutes } from './routes/crisis.js';
import { registerDeliveryRoutes } from './routes/delivery.js';
import { registerLiveRoutes } from './routes/live.js';
import { CrisisDesk } from '@compact/store';
import { registerExportRoutes } from './routes/exports.js';
import { registerPackageRoutes } from './routes/packages.js';
import { registerRegistryRoutes } from './routes/registry.js';
import { registerStressTestRoutes } from './routes/stress-tests.js';
import { Accounts } from '@compact/store';
import { authenticate, type ViewerPolicy } from './auth/authenticate.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerPublicRoutes } from './routes/public.js';
import { registerBriefingRoutes } from './routes/briefing.js';

export interface AppOptions extends AppDeps {
  readonly viewerPolicy: ViewerPolicy;
  /** Folder of the built web app; when absent the API still works and `/` explains how to build it. */
  readonly webRoot?: string | undefined;
  /** Largest accepted request body; packages are the big ones. */
  readonly maxBodyBytes?: number;
  /** The crisis workflow; tests pass one with a clock they control. */
  readonly desk?: CrisisDesk;
  /** Accounts, sessions and tokens; tests pass one with their own clock or limits. */
  readonly accounts?: Accounts;
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const { store, logger, version, viewerPolicy } = options;
  const app = new OpenAPIHono<AppEnv>();

  app.onError((error, c) => {
    const { status, body } = toHttpError(error, logger);
    return c.json(body, status);
  });

  const contentSecurityPolicy = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
  };
  const appHeaders = secureHeaders({ contentSecurityPolicy });
  // Open data is for other sites too: they may fetch it and embed its cards (<img>), so its
  // resources are cross-origin; an SVG card still runs no script (its own policy says so).
  const publicHeaders = secureHeaders({
    contentSecurityPolicy: { ...contentSecurityPolicy, scriptSrc: ["'none'"] },
    crossOriginResourcePolicy: 'cross-origin',
  });
  app.use('*', (c, next) => (c.req.path.startsWith('/api/public') ? publicHeaders(c as never, next) : appHeaders(c as never, next)));
  // Liveness needs no viewer (nor the database, which finding out who asks may need).
  documentRoute(app, { method: 'get', path: '/api/health', tag: 'service', summary: 'Liveness and the database in use' });
  app.get('/api/health', (c) => c.json({ status: 'ok', database: store.backend, version }));
  // The public API answers everyone alike and ignores credentials, so it comes before them.
  registerPublicRoutes(app, store);
  app.get('/api/public/openapi.json', (c) => c.json(publicDocument(app, version)));
  // Only where a body is read: checking one makes the adapter build a whole Request, which
  // costs a cached public answer more than the rest of its work (measured: 4,150 → 8,500 req/s).
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 50 * 1024 * 1024,
      onError: () => {
        throw new CompactError('PAYLOAD_TOO_LARGE', 'the request body is too large');
      },
    }),
  );
  const accounts = options.accounts ?? new Accounts(store);
  app.use('/api/*', authenticate(accounts, viewerPolicy));

  registerAuthRoutes(app, { accounts, logger, secureCookies: viewerPolicy.secureCookies ?? false });
  registerAgreementRoutes(app, options);
  registerRegistryRoutes(app, options);
  registerPackageRoutes(app, options);
  registerExportRoutes(app, options);
  registerAnalysisRoutes(app, options);
  registerTextRoutes(app, options);
  registerCrisisRoutes(app, options.desk ?? new CrisisDesk(store));
  registerLiveRoutes(app, store);
  registerStressTestRoutes(app, options);
  registerDeliveryRoutes(app, options);
  registerBriefingRoutes(app, options);

  app.get('/api/openapi.json', (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Compact API', version, description: 'Registry of security agreements, commitments and coalitions supporting Ukraine.' },
      }),
    ),
  );
  app.all('/api/*', () => {
    throw new CompactError('NOT_FOUND', 'no such API endpoint; see /api/openapi.json');
  });

  mountWebApp(app, options.webRoot);
  return app;
}

/** The OpenAPI document of the public API alone. */
function publicDocument(app: OpenAPIHono<AppEnv>, version: string) {
  const whole = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Compact public API', version, description: 'Public records of the security agreements and capability coalitions supporting Ukraine: read-only, cached (ETag, Last-Modified), paginated.' },
  });
  return { ...whole, paths: Object.fromEntries(Object.entries(whole.paths ?? {}).filter(([path]) => path.startsWith('/api/public'))) };
}

/** Serves the single-page app; unknown paths get index.html so client-side routes survive a reload. */
function mountWebApp(app: OpenAPIHono<AppEnv>, webRoot: string | undefined): void {
  const index = webRoot ? join(webRoot, 'index.html') : undefined;
  if (!webRoot || !index || !existsSync(index)) {
    app.get('*', (c) => c.text('The web app is not built yet: run `npm run build:web`. The API is at /api.', 503));
    return;
  }
  app.use('/assets/*', serveStatic({ root: webRoot }));
  // A hashed asset that is not there is a 404, not the app's HTML (a stale page after a rebuild).
  app.get('/assets/*', (c) => c.text('not found', 404));
  app.use('*', serveStatic({ root: webRoot, index: 'index.html' }));
  // Read on each request so a rebuilt app is served without a restart; it is a small file.
  app.get('*', (c) => c.html(readFileSync(index, 'utf8')));
}

import type { OpenAPIHono } from '@hono/zod-openapi';
import { briefingMarkdown, buildBriefing } from '@compact/core';
import { briefingPdf } from '@compact/exchange';
import { BRIEFING_QUERY, briefingFilename, briefingRequest } from '../briefing/request.js';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';

/**
 * Briefings over what the viewer may see (a coordinator's may count restricted commitments; the
 * public API's never do). Not cached: each viewer's package differs. Marked private so no proxy
 * keeps a copy.
 */
export function registerBriefingRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  for (const [extension, summary] of [
    ['pdf', 'A one- or two-page briefing (PDF) of the network, a partner or a coalition, from the records the viewer may see'],
    ['md', 'The same briefing as Markdown'],
  ] as const) {
    documentRoute(app, { method: 'get', path: `/api/briefing.${extension}`, tag: 'briefing', summary, query: [...BRIEFING_QUERY] });
    app.get(`/api/briefing.${extension}`, async (c) => {
      const pkg = await store.exportPackage(c.var.viewer);
      const request = briefingRequest(c, pkg);
      const briefing = buildBriefing(pkg, request.scope, request);
      const headers = {
        'Content-Disposition': `attachment; filename="${briefingFilename(request, extension)}"`,
        'Cache-Control': 'private, no-store',
      };
      if (extension === 'md') return c.body(briefingMarkdown(briefing), 200, { ...headers, 'Content-Type': 'text/markdown; charset=utf-8' });
      return c.body(await briefingPdf(briefing), 200, { ...headers, 'Content-Type': 'application/pdf' });
    });
  }
}

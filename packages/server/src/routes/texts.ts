import type { OpenAPIHono } from '@hono/zod-openapi';
import { CompactError, analyseAgreementText, categoryMatrix, compareAgreements, directOwner } from '@compact/core';
import { readDocument } from '@compact/ingest';
import { AgreementTexts } from '@compact/store';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { readJson } from '../request.js';

function decisionVersion(body: unknown): number {
  const version = (body as { version?: unknown } | null)?.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new CompactError('VALIDATION', 'say which version of the proposal you decided on', '$.version');
  return version;
}

/** Agreement texts: upload, clauses, the review queue of proposals, and comparison. */
export function registerTextRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  const texts = new AgreementTexts(store);

  documentRoute(app, { method: 'post', path: '/api/agreements/{id}/text', tag: 'texts', summary: 'Upload an agreement text (.txt, .md, .pdf, .docx; multipart field "file"): clauses, topics and proposals for review', status: 201 });
  app.post('/api/agreements/:id/text', async (c) => {
    const agreement = await store.get('agreements', c.req.param('id'), c.var.viewer);
    const form = await c.req.parseBody().catch(() => {
      throw new CompactError('BAD_REQUEST', 'send the file as multipart/form-data in the field "file"', 'file');
    });
    const file = form.file;
    if (!(file instanceof File)) throw new CompactError('VALIDATION', 'send the file as multipart/form-data in the field "file"', 'file');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const read = await readDocument(bytes, file.name);
    const analysed = analyseAgreementText(read.text, { agreementId: agreement.id, provider: directOwner('agreements', agreement) ?? agreement.parties[0] ?? agreement.beneficiary, beneficiary: agreement.beneficiary });
    const { document, proposals } = await texts.importText({ agreementId: agreement.id, filename: file.name, format: read.format, sha256: read.sha256, bytes: read.bytes, pages: read.pages, original: bytes, analysed }, c.var.viewer);
    return c.json({ document, clauses: analysed.clauses, proposals, warnings: analysed.warnings, removedLines: analysed.removedLines }, 201);
  });

  documentRoute(app, { method: 'get', path: '/api/agreements/{id}/documents', tag: 'texts', summary: 'Imported texts of an agreement (name, format, SHA-256, when, by whom)' });
  app.get('/api/agreements/:id/documents', async (c) => c.json({ items: await texts.listDocuments(c.req.param('id'), c.var.viewer) }));

  documentRoute(app, { method: 'get', path: '/api/proposals', tag: 'texts', summary: 'Proposed commitments and terms waiting for review', query: ['agreementId', 'status'] });
  app.get('/api/proposals', async (c) => c.json({ items: await texts.listProposals({ agreementId: c.req.query('agreementId'), status: c.req.query('status') }, c.var.viewer) }));

  documentRoute(app, { method: 'post', path: '/api/proposals/{id}/accept', tag: 'texts', summary: 'Accept a proposal (optionally edited): creates the commitment linked to its clause, or sets the terms' });
  app.post('/api/proposals/:id/accept', async (c) => {
    const body = (await readJson(c)) as { draft?: Record<string, unknown> } | null;
    return c.json(await texts.accept(c.req.param('id'), { version: decisionVersion(body), draft: body?.draft }, c.var.viewer));
  });

  documentRoute(app, { method: 'post', path: '/api/proposals/{id}/reject', tag: 'texts', summary: 'Reject a proposal, with an optional note' });
  app.post('/api/proposals/:id/reject', async (c) => {
    const body = (await readJson(c)) as { note?: unknown } | null;
    return c.json(await texts.reject(c.req.param('id'), { version: decisionVersion(body), note: typeof body?.note === 'string' ? body.note : undefined }, c.var.viewer));
  });

  documentRoute(app, { method: 'get', path: '/api/compare', tag: 'texts', summary: 'Two agreements clause by clause: aligned pairs, differing figures, unmatched clauses', query: ['a', 'b'] });
  app.get('/api/compare', async (c) => {
    const ids = [c.req.query('a'), c.req.query('b')];
    if (!ids[0] || !ids[1]) throw new CompactError('VALIDATION', 'give two agreements: ?a=ID&b=ID', ids[0] ? 'query.b' : 'query.a');
    const [a, b] = await Promise.all(
      ids.map(async (id) => {
        const agreement = await store.get('agreements', id ?? '', c.var.viewer);
        return { id: agreement.id, title: agreement.title, clauses: await store.list('clauses', c.var.viewer, { agreementId: agreement.id }) };
      }),
    );
    if (!a || !b) throw new CompactError('INTERNAL', 'comparison failed');
    return c.json({ ...compareAgreements(a, b), a, b });
  });

  documentRoute(app, { method: 'get', path: '/api/text/categories', tag: 'texts', summary: "Which G7 Joint Declaration categories each agreement's clauses cover" });
  app.get('/api/text/categories', async (c) => {
    const clauses = await store.list('clauses', c.var.viewer);
    const byAgreement = new Map<string, typeof clauses>();
    for (const clause of clauses) byAgreement.set(clause.agreementId, [...(byAgreement.get(clause.agreementId) ?? []), clause]);
    return c.json(categoryMatrix([...byAgreement].map(([id, list]) => ({ id, clauses: list }))));
  });
}

import { EventEmitter } from 'node:events';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { CompactError, IsoDate, StressScenario, StressSettings, parseStressInput, type StressScenarioInput, type StressSettingsInput, type Viewer } from '@compact/core';
import { StressPool } from '@compact/compute';
import { StressTests, type StressTestRun } from '@compact/store';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../context.js';
import { documentRoute } from '../openapi.js';
import { readJson } from '../request.js';

/** The request body: the model's settings (all optional but the trials' defaults), and a what-if scenario. */
const StressRequest = StressSettings.omit({ asOf: true })
  .partial()
  .extend({ asOf: IsoDate.optional(), scenario: StressScenario.nullable().optional() })
  .strict();

const RunBody = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  params: z.unknown(),
  progress: z.object({ done: z.number(), total: z.number() }),
  result: z.unknown().optional(),
  error: z.string().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
});

/** Progress is written to the database at most this often (and on the last trial). */
const PROGRESS_EVERY_MS = 200;
/** SSE subscribers re-read the run at least this often: runs started by another server process report only through the database. */
const POLL_MS = 1000;

function finished(run: StressTestRun): boolean {
  return run.status === 'done' || run.status === 'failed';
}

/**
 * Stress tests run in the background on worker threads over what the requesting viewer may see
 * (the store's export for that viewer), with progress as server-sent events and the result stored.
 */
export function registerStressTestRoutes(app: OpenAPIHono<AppEnv>, { store, logger, stressWorkers }: AppDeps): void {
  const runs = new StressTests(store);
  const pool = new StressPool(stressWorkers);
  const events = new EventEmitter();
  events.setMaxListeners(0);

  async function execute(id: string, viewer: Viewer, settings: StressSettingsInput, scenario: StressScenarioInput | null): Promise<void> {
    try {
      const visible = await store.exportPackage(viewer);
      let last = 0;
      let writing: Promise<void> = Promise.resolve();
      const result = await pool.run(visible, settings, scenario, (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        writing = writing.then(() => runs.progress(id, done, total)).then(() => void events.emit(id));
      });
      await writing;
      await runs.finish(id, result);
    } catch (error) {
      logger.warn({ err: error, run: id }, 'stress test failed');
      await runs.fail(id, error instanceof Error ? error.message : String(error));
    } finally {
      events.emit(id);
    }
  }

  documentRoute(app, {
    method: 'post',
    path: '/api/stress-tests',
    tag: 'stress',
    summary: 'Start a stress test (Monte Carlo over the commitments the viewer may see); 202 with the run id, then follow /events',
    body: StressRequest,
    response: RunBody,
    status: 202,
  });
  app.post('/api/stress-tests', async (c) => {
    const viewer = c.var.viewer;
    if (viewer.role === 'public') throw new CompactError('UNAUTHENTICATED', 'sign in to run a stress test');
    const body = parseStressInput(StressRequest, await readJson(c), 'body');
    const { scenario = null, asOf, ...rest } = body;
    const settings: StressSettingsInput = { ...rest, asOf: asOf ?? new Date().toISOString().slice(0, 10) };
    // Validate now, so that a bad request is a 400 rather than a failed run.
    const parsed = parseStressInput(StressSettings, settings, 'body');
    const sides = scenario ? 2 : 1;
    const run = await runs.create({ settings: parsed, scenario }, parsed.trials * sides, viewer);
    void execute(run.id, viewer, parsed, scenario);
    return c.json(run, 202, { location: `/api/stress-tests/${run.id}` });
  });

  documentRoute(app, { method: 'get', path: '/api/stress-tests', tag: 'stress', summary: 'Stress-test runs the viewer may read, newest first (without results)', response: RunBody, list: true });
  app.get('/api/stress-tests', async (c) => c.json({ items: await runs.list(c.var.viewer) }));

  const getRun = async (id: string, viewer: Viewer) => {
    const run = await runs.get(id, viewer);
    if (!run) throw new CompactError('NOT_FOUND', `stress test "${id}" not found`);
    return run;
  };

  documentRoute(app, { method: 'get', path: '/api/stress-tests/{id}', tag: 'stress', summary: 'A stress-test run: status, progress, and the result when done', response: RunBody });
  app.get('/api/stress-tests/:id', async (c) => c.json(await getRun(c.req.param('id'), c.var.viewer)));

  documentRoute(app, {
    method: 'get',
    path: '/api/stress-tests/{id}/events',
    tag: 'stress',
    summary: 'Server-sent events: "progress" {done, total} while it runs, then one "done" or "failed" event with the run (without its result), then the stream ends',
  });
  app.get('/api/stress-tests/:id/events', async (c) => {
    const id = c.req.param('id');
    const viewer = c.var.viewer;
    let run = await getRun(id, viewer);
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | null = null;
      const onEvent = () => wake?.();
      events.on(id, onEvent);
      stream.onAbort(() => wake?.());
      try {
        let sent = -1;
        while (!stream.aborted) {
          if (finished(run)) {
            const { result: _result, ...summary } = run;
            await stream.writeSSE({ event: run.status, data: JSON.stringify(summary) });
            break;
          }
          if (run.progress.done !== sent) {
            sent = run.progress.done;
            await stream.writeSSE({ event: 'progress', data: JSON.stringify(run.progress) });
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, POLL_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
          run = await getRun(id, viewer);
        }
      } finally {
        events.off(id, onEvent);
      }
    });
  });
}

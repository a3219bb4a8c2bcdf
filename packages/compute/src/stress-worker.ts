// One worker: runs the trial blocks it is given with core's kernel and sends them back, the
// sample buffers transferred rather than copied.
import { parentPort } from 'node:worker_threads';
import { simulateBlock, type BlockResult } from '@compact/core/stress-kernel';
import type { RunRequest, WorkerMessage } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('stress-worker runs in a worker thread');

port.on('message', (request: RunRequest) => {
  try {
    const out: { model: number; block: BlockResult }[] = [];
    let finished = 0;
    let reported = 0;
    for (const task of request.tasks) {
      const model = request.models[task.model];
      if (!model) throw new Error(`no model ${task.model}`);
      const block = simulateBlock(
        model,
        task.from,
        task.to,
        (done) => {
          // A message per 1,024 trials is plenty for a progress bar.
          if (finished + done - reported >= 4096) {
            port.postMessage({ type: 'progress', done: finished + done - reported } satisfies WorkerMessage);
            reported = finished + done;
          }
        },
        request.criticality,
      );
      finished += task.to - task.from;
      out.push({ model: task.model, block });
    }
    if (finished > reported) port.postMessage({ type: 'progress', done: finished - reported } satisfies WorkerMessage);
    const transfer = out.map(({ block }) => block.samples.buffer as ArrayBuffer);
    port.postMessage({ type: 'done', blocks: out } satisfies WorkerMessage, transfer);
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  }
});

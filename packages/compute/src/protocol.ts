// Messages between the pool and its workers.
import type { BlockResult } from '@compact/core/stress-kernel';
import type { CompiledModel } from '@compact/core';

export interface BlockTask {
  readonly model: number;
  readonly from: number;
  readonly to: number;
}

export interface RunRequest {
  readonly type: 'run';
  readonly models: readonly CompiledModel[];
  readonly tasks: readonly BlockTask[];
  readonly criticality: boolean;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'done'; readonly blocks: readonly { readonly model: number; readonly block: BlockResult }[] }
  | { readonly type: 'error'; readonly message: string };

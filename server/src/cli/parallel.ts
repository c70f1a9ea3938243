// Checks briefs on every core: a pool of worker threads, each running the same core over the same
// dataset, fed one brief at a time. Callers get each result as a promise and consume them in input
// order, so the output is byte-for-byte what a single thread would print.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Dataset, DatasetFiles } from '../core/dataset/types';
import type { BriefResult, CheckOptions } from '../core/types';

/** What a worker is asked to do: check one text against a dataset it has been sent once. */
export interface WorkerRequest {
  id: number;
  text: string;
  options: CheckOptions;
  datasetKey: string;
  /** The dataset's files, sent only the first time a worker meets `datasetKey`. */
  datasetFiles?: DatasetFiles;
  /** False: the reply leaves out the claims, which only the claims worklist prints. */
  claims: boolean;
}

export type WorkerReply = { id: number; result: BriefResult } | { id: number; error: string; stack?: string };

export type CheckFn = (text: string, dataset: Dataset, options: CheckOptions) => BriefResult;

export interface Checker {
  /** Number of worker threads; 0 means every check runs on the calling thread. */
  readonly workers: number;
  check(text: string, dataset: Dataset, datasetKey: string, options: CheckOptions): Promise<BriefResult>;
  close(): Promise<void>;
}

/** Below this many briefs, starting threads costs more than it saves. */
const MIN_BRIEFS_PER_WORKER = 4;
/** Checks queued per worker, so a worker never waits for its next message. */
const IN_FLIGHT_PER_WORKER = 2;
export const WORKER_ENV = 'BRIEFCHECK_WORKERS';

/**
 * How many workers to start for `briefs` briefs: one per core, none for small runs or a single
 * core. `BRIEFCHECK_WORKERS=N` overrides it (0 or 1 checks on the main thread).
 */
export function workerCount(env: Record<string, string | undefined>, briefs: number, cores = availableParallelism()): number {
  const forced = env[WORKER_ENV];
  if (forced !== undefined && /^\d+$/.test(forced.trim())) {
    const n = Number(forced);
    return n <= 1 ? 0 : Math.min(n, briefs);
  }
  if (cores < 2) return 0;
  return Math.min(cores, Math.floor(briefs / MIN_BRIEFS_PER_WORKER));
}

/** The worker bundle next to the CLI bundle; absent when running from source (tests). */
export function workerScript(dir: string = __dirname): string | undefined {
  const file = join(dir, 'cli-worker.js');
  return existsSync(file) ? file : undefined;
}

/**
 * What a run keeps of a result. Claims are most of a result's size: dropping them in the worker
 * saves copying them between threads and holding them until the output is written.
 */
export function keepOf(result: BriefResult, claims: boolean): BriefResult {
  return claims ? result : { ...result, claims: [] };
}

/**
 * A checker over `workers` threads (none: the calling thread). With `claims` false, results come
 * back with an empty claims list.
 */
export function createChecker(check: CheckFn, workers: number, script = workerScript(), claims = true): Checker {
  if (workers < 2 || !script) {
    return {
      workers: 0,
      check: async (text, dataset, _key, options) => keepOf(check(text, dataset, options), claims),
      close: async () => undefined,
    };
  }
  return new WorkerPool(script, workers, claims);
}

interface Pending {
  request: WorkerRequest;
  resolve: (result: BriefResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  datasets: Set<string>;
}

class WorkerPool implements Checker {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending>();
  private readonly files = new Map<string, DatasetFiles>();
  private nextId = 0;

  constructor(script: string, readonly workers: number, private readonly claims: boolean) {
    for (let i = 0; i < workers; i++) {
      const slot: Slot = { worker: new Worker(script), busy: 0, datasets: new Set() };
      slot.worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
      slot.worker.on('error', (error) => this.failAll(error));
      // Idle workers must not keep the process alive once the run is over.
      slot.worker.unref();
      this.slots.push(slot);
    }
  }

  check(text: string, dataset: Dataset, datasetKey: string, options: CheckOptions): Promise<BriefResult> {
    if (!this.files.has(datasetKey)) this.files.set(datasetKey, dataset.files as DatasetFiles);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, text, options, datasetKey, claims: this.claims }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= IN_FLIGHT_PER_WORKER) return;
      this.queue.shift();
      const request = { ...next.request };
      if (!slot.datasets.has(request.datasetKey)) {
        slot.datasets.add(request.datasetKey);
        request.datasetFiles = this.files.get(request.datasetKey);
      }
      slot.busy++;
      this.running.set(request.id, next);
      slot.worker.ref();
      slot.worker.postMessage(request);
    }
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const pending = this.running.get(reply.id);
    if (!pending) return;
    this.running.delete(reply.id);
    slot.busy--;
    if (slot.busy === 0) slot.worker.unref();
    if ('error' in reply) pending.reject(Object.assign(new Error(reply.error), reply.stack ? { stack: reply.stack } : {}));
    else pending.resolve(reply.result);
    this.dispatch();
  }

  private failAll(error: Error): void {
    for (const pending of [...this.running.values(), ...this.queue]) pending.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}

/**
 * Runs `start` for each item strictly one after another (so its messages come in input order),
 * while the checks it hands to the pool run ahead; `finish` runs in input order too, at most
 * `window` items behind. Every side effect therefore happens as in a sequential loop.
 */
export async function inOrder<T, S>(
  items: readonly T[],
  window: number,
  start: (item: T, index: number) => Promise<S>,
  finish: (started: S, item: T, index: number) => Promise<void>,
): Promise<void> {
  const lag = Math.max(1, window);
  const started: (S | undefined)[] = [];
  let due = 0;
  for (let i = 0; i < items.length; i++) {
    started.push(await start(items[i]!, i));
    if (i - due + 1 >= lag) await finishNext();
  }
  while (due < items.length) await finishNext();

  async function finishNext(): Promise<void> {
    const s = started[due] as S;
    // Drop the reference so a finished brief's text and result can be collected.
    started[due] = undefined;
    await finish(s, items[due]!, due);
    due++;
  }
}

/** How many briefs may be read ahead of the one being finished. */
export function readAhead(checker: Checker): number {
  return checker.workers === 0 ? 1 : checker.workers * IN_FLIGHT_PER_WORKER * 2;
}

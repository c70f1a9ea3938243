// Checks briefs on every core: the calling thread and a pool of worker threads (one fewer than the
// cores), each running the same core over the same dataset, fed one brief at a time. Callers get each
// result as a promise and consume them in input order, so the output is byte-for-byte what a single
// thread would print.

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
  /** Threads that check, the calling thread included; 1 means no worker threads. */
  readonly threads: number;
  check(text: string, dataset: Dataset, datasetKey: string, options: CheckOptions): Promise<BriefResult>;
  close(): Promise<void>;
}

/** Below this many briefs, starting threads costs more than it saves. */
const MIN_BRIEFS_PER_WORKER = 4;
/**
 * Checks queued per worker, so a worker never waits for its next message: its replies wait while
 * the calling thread runs a check of its own, so a worker needs more than that one check's work.
 */
const IN_FLIGHT_PER_WORKER = 4;
export const WORKER_ENV = 'BRIEFCHECK_WORKERS';

/**
 * How many threads check `briefs` briefs, the calling thread included: one per core, only the
 * calling thread for small runs or a single core. `BRIEFCHECK_WORKERS=N` overrides it (0 or 1:
 * the calling thread alone).
 */
export function threadCount(env: Record<string, string | undefined>, briefs: number, cores = availableParallelism()): number {
  const forced = env[WORKER_ENV];
  if (forced !== undefined && /^\d+$/.test(forced.trim())) {
    return Math.max(1, Math.min(Number(forced), briefs));
  }
  return Math.max(1, Math.min(cores, Math.floor(briefs / MIN_BRIEFS_PER_WORKER)));
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
 * A checker over `threads` threads: the calling thread and `threads - 1` workers. Each worker is a
 * V8 isolate with its own heap (about 100 MiB at the peak of a large run), so the calling thread,
 * which otherwise mostly waits, checks too instead of one more worker. With `claims` false,
 * results come back with an empty claims list.
 */
export function createChecker(check: CheckFn, threads: number, script = workerScript(), claims = true): Checker {
  if (threads < 2 || !script) {
    return {
      threads: 1,
      check: async (text, dataset, _key, options) => keepOf(check(text, dataset, options), claims),
      close: async () => undefined,
    };
  }
  return new WorkerPool(script, threads, check, claims);
}

interface Pending {
  request: WorkerRequest;
  dataset: Dataset;
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
  /** True while a check waits for or runs its turn on the calling thread. */
  private localBusy = false;

  constructor(script: string, readonly threads: number, private readonly local: CheckFn, private readonly claims: boolean) {
    for (let i = 1; i < threads; i++) {
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
      this.queue.push({ request: { id: this.nextId++, text, options, datasetKey, claims: this.claims }, dataset, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /**
   * Keeps every worker's queue full first, then gives the calling thread one check. That check
   * runs on a later turn of the event loop, so reading, replies and printing go on between checks
   * here, and the workers have their next brief queued while this thread is busy.
   */
  private dispatch(): void {
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= IN_FLIGHT_PER_WORKER) {
        if (!this.localBusy) this.runLocally(this.queue.shift()!);
        return;
      }
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

  private runLocally(pending: Pending): void {
    this.localBusy = true;
    setImmediate(() => {
      const { request } = pending;
      try {
        pending.resolve(keepOf(this.local(request.text, pending.dataset, request.options), this.claims));
      } catch (error) {
        pending.reject(error instanceof Error ? error : new Error(String(error)));
      }
      this.localBusy = false;
      this.dispatch();
    });
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
  return checker.threads === 1 ? 1 : checker.threads * IN_FLIGHT_PER_WORKER * 2;
}

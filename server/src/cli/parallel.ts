// Checks briefs on every core: a pool of worker threads, each running the same core over the same
// dataset, fed one brief at a time. Callers get each result as a promise and consume them in input
// order, so the output is byte-for-byte what a single thread would print.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Dataset, DatasetFiles } from '../core/dataset/types';
import type { BriefResult, CheckOptions } from '../core/types';
import { DEFAULT_PARSER, type ParserName } from '../core/parse/index';

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
  /** Worker threads started so far: none until the first check that is not answered elsewhere. */
  readonly started: number;
  check(text: string, dataset: Dataset, datasetKey: string, options: CheckOptions): Promise<BriefResult>;
  close(): Promise<void>;
}

/** Below this many briefs, starting threads costs more than it saves. */
const MIN_BRIEFS_PER_WORKER = 4;
/** Checks queued per worker, so a worker never waits for its next message. */
const IN_FLIGHT_PER_WORKER = 2;
export const WORKER_ENV = 'BRIEFCHECK_WORKERS';
/**
 * Each worker's heap limits. The old-generation cap is not there to bound a brief: a brief that
 * outgrows it is checked again on the main thread, which has V8's default limit (4 GB here). Below
 * a 2 GB limit, V8 lets an old generation grow by a factor of at most 1.3 to 2 (1.6 at 1 GB) between
 * full collections instead of up to 4, which keeps a worker's heap near what it holds (the dataset
 * and one brief's parse, 15 to 25 MB) instead of several times that. Checking a 20,000-line brief
 * needs under 256 MB with either parser. A 24 MB young generation (two 8 MB semi-spaces instead of
 * 16) is enough for a brief's short-lived objects with the fast parser. Measured on 2,000 briefs
 * (docs/performance.md): peak memory 321–372 → 263–298 MiB for about 7 % more CPU.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 24 };

/**
 * The limits for a run whose first brief is read with `parser`. The reference parser makes far more
 * garbage: on 400 briefs with remark these limits cost 30–40 % more CPU (93–98 s against 65–72 s
 * with none; 82 s with the old-generation cap alone), so remark's workers keep V8's defaults.
 */
export function workerLimits(parser: ParserName | undefined): ResourceLimits {
  return (parser ?? DEFAULT_PARSER) === 'lezer' ? WORKER_LIMITS : {};
}

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
 * A checker over `workers` threads (none: the calling thread), started on the first check. With
 * `claims` false, results come back with an empty claims list.
 */
export function createChecker(check: CheckFn, workers: number, script = workerScript(), claims = true, limits: ResourceLimits | typeof workerLimits = workerLimits): Checker {
  if (workers < 2 || !script) {
    return {
      workers: 0,
      started: 0,
      check: async (text, dataset, _key, options) => keepOf(check(text, dataset, options), claims),
      close: async () => undefined,
    };
  }
  return new WorkerPool(script, workers, claims, check, limits);
}

interface Pending {
  request: WorkerRequest;
  /** For checking the brief on this thread if its worker runs out of memory. */
  dataset: Dataset;
  resolve: (result: BriefResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The checks sent to this worker and not answered yet. */
  busy: Set<number>;
  datasets: Set<string>;
}

class WorkerPool implements Checker {
  private slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<number, Pending>();
  private readonly files = new Map<string, DatasetFiles>();
  private nextId = 0;
  private startedCount = 0;
  private chosen: ResourceLimits | undefined;

  constructor(
    private readonly script: string,
    readonly workers: number,
    private readonly claims: boolean,
    private readonly local: CheckFn,
    private readonly limits: ResourceLimits | typeof workerLimits,
  ) {}

  get started(): number {
    return this.startedCount;
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
   * Threads start with the first check, not with the pool: a run whose every brief comes from the
   * cache never loads the core into them (about 80 MB and a CPU second for two).
   */
  private startWorker(): Slot {
    this.startedCount++;
    // Chosen by the parser of the brief that starts the threads (a run rarely mixes parsers), and kept for replacements.
    this.chosen ??= typeof this.limits === 'function' ? this.limits(this.queue[0]?.request.options.config.parser) : this.limits;
    const slot: Slot = { worker: new Worker(this.script, { resourceLimits: this.chosen }), busy: new Set(), datasets: new Set() };
    slot.worker.on('message', (reply: WorkerReply) => this.settle(slot, reply));
    slot.worker.on('error', (error) => this.failed(slot, error));
    // Idle workers must not keep the process alive once the run is over.
    slot.worker.unref();
    return slot;
  }

  private dispatch(): void {
    if (this.startedCount === 0) this.slots = Array.from({ length: this.workers }, () => this.startWorker());
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      if (this.slots.length === 0) {
        // Every worker ran out of memory: the rest is checked here.
        this.queue.shift();
        this.runHere(next);
        continue;
      }
      const slot = this.slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      if (slot.busy.size >= IN_FLIGHT_PER_WORKER) return;
      this.queue.shift();
      const request = { ...next.request };
      if (!slot.datasets.has(request.datasetKey)) {
        slot.datasets.add(request.datasetKey);
        request.datasetFiles = this.files.get(request.datasetKey);
      }
      slot.busy.add(request.id);
      this.running.set(request.id, next);
      slot.worker.ref();
      slot.worker.postMessage(request);
    }
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const pending = this.running.get(reply.id);
    if (!pending) return;
    this.running.delete(reply.id);
    slot.busy.delete(reply.id);
    if (slot.busy.size === 0) slot.worker.unref();
    if ('error' in reply) pending.reject(Object.assign(new Error(reply.error), reply.stack ? { stack: reply.stack } : {}));
    else pending.resolve(reply.result);
    this.dispatch();
  }

  /**
   * A worker that runs out of memory takes none of its briefs with it: they are checked here, under
   * the main thread's own limit, so the workers' cap never makes a brief fail. The worker is
   * replaced, up to as many times as the pool has workers; after that the pool shrinks (down to
   * checking everything here). Any other error fails every check in progress.
   */
  private failed(slot: Slot, error: Error): void {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return this.failAll(error);
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    if (this.startedCount < 2 * this.workers) this.slots[index] = this.startWorker();
    else this.slots.splice(index, 1);
    for (const id of slot.busy) {
      const pending = this.running.get(id);
      if (!pending) continue;
      this.running.delete(id);
      this.runHere(pending);
    }
    this.dispatch();
  }

  private runHere(pending: Pending): void {
    try {
      const { text, options } = pending.request;
      pending.resolve(keepOf(this.local(text, pending.dataset, options), this.claims));
    } catch (cause) {
      pending.reject(cause instanceof Error ? cause : new Error(String(cause)));
    }
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

// Checks documents off the server's main thread: one worker thread holds each open document's
// incremental checker, so a long check of one document never holds up hover, code actions or
// diagnostics of the others, which the main thread answers from their cached analyses (a long
// brief's claims are asked of the worker by range: lsp/document-checker.ts). Without the worker
// bundle (tests run from source) checks run on the main thread, with the same results.

import { Worker } from 'node:worker_threads';
import type { Dataset, DatasetFiles } from '../core/dataset/types';
import { sharedDatasetKey } from '../node/dataset';
import { claimsIn, InThreadChecker, type CheckedBrief, type CheckReply, type CheckRequest, type DocumentChecker, type IndexedClaim } from './document-checker';
import type { CheckOptions, Claim, Problem, Range } from '../core/types';
import { checkWorkerScript, startCheckWorker, takePrestartedWorker } from './prestart';
import { applyProblemDelta } from './problem-delta';

export type { CheckedBrief, CheckReply, CheckRequest, DocumentChecker, IndexedClaim } from './document-checker';

type Answer = CheckedBrief | IndexedClaim[] | undefined;

export function createDocumentChecker(script = checkWorkerScript()): DocumentChecker {
  return script ? new WorkerChecker(script) : new InThreadChecker();
}

class WorkerChecker implements DocumentChecker {
  private worker: Worker | undefined;
  private sent = new Set<string>();
  private readonly keys = new WeakMap<Dataset, string>();
  private readonly pending = new Map<number, { resolve: (answer: Answer) => void; reject: (e: Error) => void }>();
  /** The claims that came with a document's latest result (few enough to copy), by document. */
  private readonly inline = new Map<string, { check: number; claims: Claim[] }>();
  /** Each document's latest problems: the worker sends the next as a change against them. */
  private readonly problems = new Map<string, Problem[]>();
  private nextId = 0;
  private nextKey = 0;

  constructor(private readonly script: string) {}

  check(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<CheckedBrief> {
    return this.ask(this.checkRequest(uri, text, dataset, options, false)) as Promise<CheckedBrief>;
  }

  checkTop(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<CheckedBrief | undefined> {
    return this.ask(this.checkRequest(uri, text, dataset, options, true)) as Promise<CheckedBrief | undefined>;
  }

  private checkRequest(uri: string, text: string, dataset: Dataset, options: CheckOptions, top: boolean): Extract<CheckRequest, { type: 'check' }> {
    let datasetKey = this.keys.get(dataset);
    // The bundled dataset by its content hash: the worker has read it for itself, and keeps the copy.
    if (!datasetKey) this.keys.set(dataset, (datasetKey = sharedDatasetKey(dataset) ?? `d${this.nextKey++}`));
    const request: Extract<CheckRequest, { type: 'check' }> = { type: 'check', id: this.nextId++, uri, text, options, datasetKey, ...(top ? { top } : {}) };
    if (!this.sent.has(datasetKey)) {
      this.sent.add(datasetKey);
      request.datasetFiles = dataset.files as DatasetFiles;
    }
    return request;
  }

  async claims(uri: string, check: number, range?: Range): Promise<IndexedClaim[] | undefined> {
    const inline = this.inline.get(uri);
    if (inline?.check === check) return claimsIn(inline.claims, range);
    return this.ask({ type: 'claims', id: this.nextId++, uri, check, ...(range ? { range } : {}) }) as Promise<IndexedClaim[] | undefined>;
  }

  private ask(request: Exclude<CheckRequest, { type: 'forget' }>): Promise<Answer> {
    const worker = this.start();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  forget(uri: string): void {
    this.inline.delete(uri);
    this.problems.delete(uri);
    this.worker?.postMessage({ type: 'forget', uri } satisfies CheckRequest);
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The first worker was usually started, and warmed up, before the server had loaded.
    const worker = takePrestartedWorker(this.script) ?? startCheckWorker(this.script);
    worker.on('message', (reply: CheckReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error), reply.stack ? { stack: reply.stack } : {}));
      else if ('result' in reply) {
        if (reply.claims) this.inline.set(reply.uri, { check: reply.result.check, claims: reply.claims });
        else this.inline.delete(reply.uri);
        // Replies come in the order of the checks, so the last problems are the ones the worker diffed
        // against (a reply for a document closed meanwhile has none, and is refused).
        try {
          const problems = Array.isArray(reply.problems) ? reply.problems : applyProblemDelta(this.problems.get(reply.uri) ?? [], reply.problems);
          this.problems.set(reply.uri, problems);
          waiting.resolve({ ...reply.result, problems });
        } catch (error) {
          waiting.reject(error as Error);
        }
      } else if ('noTop' in reply) waiting.resolve(undefined);
      else waiting.resolve(reply.claims);
    });
    // A worker that dies fails what it was doing; the next check starts a fresh one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      this.sent = new Set();
      // A new worker starts from nothing: it sends whole problem lists and holds no claims.
      this.problems.clear();
      this.inline.clear();
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the check worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

// The language server's check worker (bundled as dist/server-worker.js, see lsp/checker.ts): it
// keeps one incremental checker per open document and each dataset it has been sent once.

import { parentPort } from 'node:worker_threads';
import { createDataset } from '../core/dataset/index';
import type { Dataset } from '../core/dataset/types';
import { createIncrementalChecker, type IncrementalChecker } from '../core/incremental/index';
import type { CheckReply, CheckRequest } from './checker';

const datasets = new Map<string, Dataset>();
const checkers = new Map<string, IncrementalChecker>();

function handle(request: Extract<CheckRequest, { type: 'check' }>): CheckReply {
  try {
    if (request.datasetFiles) datasets.set(request.datasetKey, createDataset(request.datasetFiles));
    const dataset = datasets.get(request.datasetKey);
    if (!dataset) return { id: request.id, error: `briefcheck check worker: dataset ${request.datasetKey} was never sent` };
    let checker = checkers.get(request.uri);
    if (!checker) checkers.set(request.uri, (checker = createIncrementalChecker()));
    return { id: request.id, result: checker.check(request.text, dataset, request.options) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, error: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  }
}

parentPort?.on('message', (request: CheckRequest) => {
  if (request.type === 'forget') checkers.delete(request.uri);
  else parentPort?.postMessage(handle(request));
});

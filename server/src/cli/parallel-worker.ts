// The worker thread behind the CLI's pool (bundled as dist/cli-worker.js): it receives a dataset's
// files once per dataset, then briefs one at a time, and answers each with the core's result.

import { parentPort } from 'node:worker_threads';
import { checkBrief } from '../core/check';
import { createDataset } from '../core/dataset/index';
import type { Dataset } from '../core/dataset/types';
import { keepOf, type WorkerReply, type WorkerRequest } from './parallel';

const datasets = new Map<string, Dataset>();

function handle(request: WorkerRequest): WorkerReply {
  try {
    if (request.datasetFiles) datasets.set(request.datasetKey, createDataset(request.datasetFiles));
    const dataset = datasets.get(request.datasetKey);
    if (!dataset) return { id: request.id, error: `briefcheck worker: dataset ${request.datasetKey} was never sent` };
    return { id: request.id, result: keepOf(checkBrief(request.text, dataset, request.options), request.claims) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, error: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => parentPort?.postMessage(handle(request)));

// The language server's check worker (bundled as dist/server-worker.js, see lsp/checker.ts): it
// keeps one incremental checker per open document, the claims of each document's latest check,
// and each dataset it has been sent once.

import { parentPort } from 'node:worker_threads';
import { createDataset } from '../core/dataset/index';
import type { Dataset } from '../core/dataset/types';
import { CheckedDocuments, INLINE_CLAIMS, type CheckReply, type CheckRequest } from './document-checker';


const datasets = new Map<string, Dataset>();
const documents = new CheckedDocuments();

function handle(request: Exclude<CheckRequest, { type: 'forget' }>): CheckReply {
  try {
    if (request.type === 'claims') return { id: request.id, claims: documents.claims(request.uri, request.check, request.range) };
    if (request.datasetFiles) datasets.set(request.datasetKey, createDataset(request.datasetFiles));
    const dataset = datasets.get(request.datasetKey);
    if (!dataset) return { id: request.id, error: `briefcheck check worker: dataset ${request.datasetKey} was never sent` };
    // The request's id names the check: the server numbers requests across worker restarts.
    const { result, claims } = documents.check(request.uri, request.text, dataset, request.options, request.id);
    if (claims.length > INLINE_CLAIMS) return { id: request.id, uri: request.uri, result };
    // Sent with the result: the server holds them, and asks for none.
    documents.release(request.uri);
    return { id: request.id, uri: request.uri, result, claims };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, error: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  }
}

parentPort?.on('message', (request: CheckRequest) => {
  if (request.type === 'forget') documents.forget(request.uri);
  else parentPort?.postMessage(handle(request));
});

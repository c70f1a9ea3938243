// The language server's check worker (run by dist/server-worker.js, see lsp/checker.ts): it keeps
// one incremental checker per open document, the claims of each document's latest check (unless
// they were sent with its result), the problems last sent for each document, and each dataset it
// has been sent once. The bundled dataset it reads for itself as it starts, while the server loads
// (node/bundled-data.ts): the server sends it too, with the first check, but it need not be
// indexed again then.

import { parentPort } from 'node:worker_threads';
import { lexiconFor } from '../core/claims/lexicon';
import { createDataset } from '../core/dataset/index';
import type { Dataset } from '../core/dataset/types';
import type { Problem } from '../core/types';
import { readValidatedBundled } from '../node/bundled-data';
import { CheckedDocuments, INLINE_CLAIMS, type CheckReply, type CheckRequest } from './document-checker';
import { diffProblems } from './problem-delta';

const datasets = new Map<string, Dataset>();
const documents = new CheckedDocuments();
/** What was last sent for each document: problems go as a change against it. */
const sent = new Map<string, { problems: Problem[]; textLength: number; claimCount: number }>();

function handle(request: Exclude<CheckRequest, { type: 'forget' }>): CheckReply {
  try {
    if (request.type === 'claims') return { id: request.id, claims: documents.claims(request.uri, request.check, request.range) };
    if (request.datasetFiles && !datasets.has(request.datasetKey)) datasets.set(request.datasetKey, createDataset(request.datasetFiles));
    const dataset = datasets.get(request.datasetKey);
    if (!dataset) return { id: request.id, error: `briefcheck check worker: dataset ${request.datasetKey} was never sent` };
    // The request's id names the check: the server numbers requests across worker restarts.
    const checked = request.top ? documents.checkTop(request.uri, request.text, dataset, request.options, request.id) : documents.check(request.uri, request.text, dataset, request.options, request.id);
    if (!checked) return { id: request.id, noTop: true };
    const { result, claims } = checked;
    const { problems, ...rest } = result;
    const last = sent.get(request.uri);
    sent.set(request.uri, { problems, textLength: request.text.length, claimCount: claims.length });
    const reply = { id: request.id, uri: request.uri, result: rest, problems: last ? diffProblems(last.problems, problems, request.text.length - last.textLength, claims.length - last.claimCount) : problems };
    if (claims.length > INLINE_CLAIMS) return reply;
    // Sent with the result: the server holds them, and asks for none.
    documents.release(request.uri);
    return { ...reply, claims };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, error: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  }
}

parentPort?.on('message', (request: CheckRequest) => {
  if (request.type === 'forget') {
    documents.forget(request.uri);
    sent.delete(request.uri);
  } else parentPort?.postMessage(handle(request));
});

/** Reads and indexes the bundled dataset, as the build validated it, and builds its lexicon of names. */
function readBundled(): void {
  try {
    const own = readValidatedBundled();
    if (!own) return;
    const dataset = createDataset(own.files);
    lexiconFor(dataset);
    datasets.set(own.key, dataset);
  } catch {
    // Not as built, or unreadable: the server reads it, reports what is wrong, and sends it.
  }
}

readBundled();

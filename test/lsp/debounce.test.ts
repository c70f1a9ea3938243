// The adaptive wait before pull diagnostics: none after a cheap check or after a pause, a share of
// the cost while edits come faster than an expensive check, and a pull that a newer edit overtakes
// during the wait is cancelled for a retry.

import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from '../../server/src/lsp/analysis';
import { DiagnosticsProvider, INSTANT_CHECK_MS, MAX_WAIT_MS, adaptiveWaitMs } from '../../server/src/lsp/diagnostics';
import { generateBrief } from '../bench/corpus.mjs';
import { TODAY, repoRoot } from './workspace';

function analyzer(): Analyzer {
  return new Analyzer({
    settingsFor: async () => undefined,
    folderOf: () => repoRoot,
    today: () => TODAY,
    logError: (m) => {
      throw new Error(m);
    },
    warnOnce: () => undefined,
  });
}

describe('adaptive debounce', () => {
  it('waits nothing after a pause longer than the check', () => {
    expect(adaptiveWaitMs(90, 200)).toBe(0);
    expect(adaptiveWaitMs(90, 91)).toBe(0);
    expect(adaptiveWaitMs(90, 90)).toBe(45);
    expect(adaptiveWaitMs(90, 30)).toBe(45);
    expect(adaptiveWaitMs(10, 5)).toBe(0);
  });

  it('waits nothing below the threshold and half the cost above it, capped', () => {
    expect(adaptiveWaitMs(undefined)).toBe(0);
    expect(adaptiveWaitMs(0)).toBe(0);
    expect(adaptiveWaitMs(INSTANT_CHECK_MS - 0.1)).toBe(0);
    expect(adaptiveWaitMs(INSTANT_CHECK_MS)).toBe(INSTANT_CHECK_MS / 2);
    expect(adaptiveWaitMs(90)).toBe(45);
    expect(adaptiveWaitMs(10_000)).toBe(MAX_WAIT_MS);
    expect(adaptiveWaitMs(Number.NaN)).toBe(0);
  });

  it('answers a cheap brief at once, and waits after an expensive one until a newer edit cancels the pull', async () => {
    const a = analyzer();
    const provider = new DiagnosticsProvider(a, 'adaptive');
    const uri = pathToFileURL(join(repoRoot, 'large-brief.md')).href;
    let doc = TextDocument.create(uri, 'markdown', 1, generateBrief(7, 5_000) as string);
    const none = new CancellationTokenSource().token;

    // First pull: cost unknown, so no wait; it records the check's cost.
    await provider.pull(() => doc, undefined, none);
    const cost = (await a.analyze(doc)).checkMs!;
    expect(cost).toBeGreaterThan(INSTANT_CHECK_MS);
    expect(provider.waitMs(uri)).toBe(adaptiveWaitMs(cost));

    // An edit after a pause longer than the check is checked at once; one that follows quickly waits.
    provider.changed(uri);
    await new Promise((r) => setTimeout(r, cost + 20));
    provider.changed(uri);
    expect(provider.waitMs(uri)).toBe(0);
    provider.changed(uri);
    expect(provider.waitMs(uri)).toBe(adaptiveWaitMs(cost));

    // An edit, a pull that waits, and a newer edit that the client answers by cancelling it.
    doc = TextDocument.update(doc, [{ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: 'x' }], 2);
    const source = new CancellationTokenSource();
    const pending = provider.pull(() => doc, undefined, source.token);
    source.cancel();
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.ServerCancelled);

    // A small brief checks in well under the threshold on any machine, so it is answered at once.
    const small = TextDocument.create(pathToFileURL(join(repoRoot, 'small-brief.md')).href, 'markdown', 1, generateBrief(8, 40) as string);
    await provider.pull(() => small, undefined, none);
    const smallCost = (await a.analyze(small)).checkMs!;
    expect(provider.waitMs(small.uri)).toBe(adaptiveWaitMs(smallCost));
    provider.changed(small.uri);
    if (smallCost < INSTANT_CHECK_MS) expect(provider.waitMs(small.uri)).toBe(0);
  }, 30_000);
});

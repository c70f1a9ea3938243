// The server survives what goes wrong: an exception inside a rule becomes one logged error for
// that document while other documents and requests go on, and malformed requests get JSON-RPC
// errors instead of crashes.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, LIMITS_RULE } from '../../server/src/core/limits';
import { rules } from '../../server/src/core/rules';
import { runCli } from '../cli/helpers';
import { startHarness, type Harness } from './harness';
import { TODAY, fixtures, removeWorkspace, repoRoot, tempWorkspace } from './workspace';

describe('language server: robustness', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = tempWorkspace('robust');
    h = await startHarness([dir], { today: TODAY });
  });
  afterAll(() => {
    h.dispose();
    removeWorkspace(dir);
  });

  it('logs one error for a document whose rule throws, and keeps serving', async () => {
    const text = readFileSync(join(fixtures, 'memo.md'), 'utf8');
    const healthy = await h.open(join(dir, 'inline-links.md'), readFileSync(join(fixtures, 'inline-links.md'), 'utf8'));
    // The first rule runs per claim: it is checkClaim that throws.
    const registry = rules as unknown as Record<string, { checkClaim: (...args: unknown[]) => unknown }>;
    const id = Object.keys(registry)[0]!;
    const original = registry[id]!.checkClaim;
    expect(original).toBeTypeOf('function');
    registry[id]!.checkClaim = () => {
      throw new Error('rule exploded');
    };
    try {
      const doc = await h.open(join(dir, 'memo.md'), text);
      await h.diagnostics(doc);
      await h.change(doc, `${text}\nOne more line.\n`);
      await h.diagnostics(doc);
      const hover = await h.hover(doc, 10);
      expect(hover === null || typeof hover === 'object').toBe(true);
      const errors = h.logs.filter((l) => l.type === 1 && l.message.includes(doc.uri));
      expect(errors.length).toBe(1);
    } finally {
      registry[id]!.checkClaim = original;
    }
    const other = await h.diagnostics(healthy);
    expect(Array.isArray(other)).toBe(true);
    expect(await h.client.sendRequest('briefcheck/claims', { uri: healthy.uri })).toMatchObject({ uri: healthy.uri });
  });

  it('answers malformed requests with JSON-RPC errors and goes on', async () => {
    await expect(h.client.sendRequest('textDocument/hover', {})).rejects.toMatchObject({ code: -32602 });
    await expect(h.client.sendRequest('briefcheck/claims', { uri: 42 })).rejects.toMatchObject({ code: -32602 });
    await expect(h.client.sendRequest('briefcheck/setAsOf', { uri: 'file:///nowhere.md', date: '2025-02-30' })).rejects.toMatchObject({ code: -32602 });
    await expect(h.client.sendRequest('briefcheck/controlTable', { uri: 'file:///x.md' })).rejects.toMatchObject({ code: -32602 });
    await expect(h.client.sendRequest('briefcheck/noSuchThing', {})).rejects.toMatchObject({ code: -32601 });
    const doc = await h.open(join(dir, 'memo.md'), readFileSync(join(fixtures, 'memo.md'), 'utf8'));
    expect((await h.diagnostics(doc)).length).toBeGreaterThan(0);
  });

  it('checks a document past the size limit up to the limit with a notice, and drops it when closed', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    const paragraph = 'Nothing in this paragraph names a mineral, but it is long enough to fill a large document.\n\n';
    const t0 = performance.now();
    const doc = await h.open(join(dir, 'huge.md'), paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)));
    const items = await h.diagnostics(doc);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(items.map((d) => d.code)).toEqual([LIMITS_RULE]);
    expect(items[0]!.message).toContain(`longer than the limit of ${LIMITS.maxChars.toLocaleString('en-US')} characters`);
    await h.client.sendNotification('textDocument/didClose', { textDocument: { uri: doc.uri } });
    await h.client.sendRequest('briefcheck/datasetInfo', {});
    doc.text = '';
    (doc as { document?: unknown }).document = undefined;
    // The twenty megabytes of text are gone again.
    expect(heap() - before).toBeLessThan(5 * 1024 * 1024);
  }, 60_000);

  it.each([
    ['7,000 >', '>'.repeat(7000)],
    ['3,000 list items', '- '.repeat(3000)],
    ['2,000 quoted items', '> - '.repeat(2000)],
  ])('agrees with the command line on a brief followed by %s', async (_name, tail) => {
    const text = `${readFileSync(join(repoRoot, 'examples/stale-and-mismatched.md'), 'utf8')}\n${tail}\n`;
    const file = join(dir, 'deep.md');
    writeFileSync(file, text);
    const doc = await h.open(file, text);
    const diagnostics = await h.diagnostics(doc);
    const fromServer = diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
    const notice = diagnostics.find((d) => d.code === LIMITS_RULE)!;
    // A notice is not a rule: no action offers to disable it.
    expect((await h.codeActions(doc, notice.range, [notice])).map((a) => a.title)).not.toContain(`Disable ${LIMITS_RULE} for this line`);
    const cli = await runCli([file, '--format', 'json'], { cwd: dir, today: TODAY });
    const fromCli = JSON.parse(cli.stdout).files[0].problems.map((p: { ruleId: string; line: number }) => `${p.ruleId}@${p.line}`).sort();
    expect(fromServer).toEqual(fromCli);
    expect(fromCli.length).toBeGreaterThanOrEqual(9);
    expect(fromCli).toContain(`${LIMITS_RULE}@${text.split('\n').length - 1}`);
  });

  it('answers a hover on one document promptly while another holds pathological nesting', async () => {
    const memo = readFileSync(join(fixtures, 'memo.md'), 'utf8');
    const healthy = await h.open(join(dir, 'memo.md'), memo);
    await h.diagnostics(healthy);
    const bad = await h.open(join(dir, 'bad.md'), `${memo}\n${'- '.repeat(10_000)}\ngallium 50%\n`);
    const t0 = performance.now();
    const pending = h.diagnostics(bad);
    await h.hover(healthy, memo.indexOf('antimony'));
    expect(performance.now() - t0).toBeLessThan(5_000);
    await pending;
  });
});

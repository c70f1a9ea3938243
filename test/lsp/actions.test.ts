// Hovers, code actions (rule fixes, disable-for-line, import share, control table), fix-all,
// inlay hints and the claims request, each applied over the real protocol and compared with what
// the core computes for the same text.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { run } from '../../server/src/cli/main';
import { checkBrief } from '../../server/src/core/check';
import { applyFixes } from '../../server/src/core/fix';
import { currentFigureHints } from '../../server/src/core/editor';
import { usableForChecking } from '../../server/src/core/verdicts/figures';
import type { BriefResult } from '../../server/src/core/types';
import type { Dataset } from '../../server/src/core/dataset/types';
import { resolveConfig } from '../../server/src/node/config';
import { loadDataset } from '../../server/src/node/dataset';
import type { ClaimsResult } from '../../server/src/shared/protocol';
import { applyWorkspaceEdit, startHarness, type Doc, type Harness } from './harness';
import { TODAY, removeWorkspace, tempWorkspace } from './workspace';

describe('language server: hovers and code actions', () => {
  let h: Harness;
  let dir: string;
  let dataset: Dataset;

  function check(text: string, folder = dir): BriefResult {
    return checkBrief(text, dataset, { config: resolveConfig({}, folder), today: TODAY });
  }

  async function openFixture(name: string): Promise<{ doc: Doc; result: BriefResult; diagnostics: Diagnostic[] }> {
    const path = join(dir, name);
    const text = readFileSync(path, 'utf8');
    const doc = await h.open(path, text);
    return { doc, result: check(text), diagnostics: await h.diagnostics(doc) };
  }

  beforeAll(async () => {
    dir = tempWorkspace('actions');
    dataset = (await loadDataset([])).dataset;
    h = await startHarness([dir], { today: TODAY });
  });
  afterAll(() => {
    h.dispose();
    removeWorkspace(dir);
  });

  it('shows a mineral card on a mention: name, status on the as-of date, sources', async () => {
    const { doc, result } = await openFixture('memo.md');
    const mention = result.claims.find((c) => c.kind === 'mention')!;
    expect(mention, 'the memo mentions a mineral').toBeDefined();
    const mineral = dataset.mineral(mention.minerals[0]!)!;
    const hover = await h.hover(doc, mention.range.start + 1);
    const text = (hover?.contents as MarkupContent).value;
    expect(text.toLowerCase()).toContain(`### ${mineral.name.toLowerCase()}`);
    expect(text).toContain(`Controls on ${result.asOf}`);
    expect(text).toMatch(/Sources: \[/);
  });

  it('shows the checked record and the verdict on a figure', async () => {
    const { doc, result } = await openFixture('memo.md');
    const figure = result.claims.find((c) => c.kind === 'figure' && c.valueRange)!;
    expect(figure, 'the memo has a figure claim').toBeDefined();
    const hover = await h.hover(doc, figure.valueRange!.start);
    const text = (hover?.contents as MarkupContent).value;
    expect(text).toContain('**Verdict:**');
    expect(text).toContain(`checked on ${figure.checkedOn}`);
  });

  it("offers each rule's fix as a preferred quick fix that gives the core's result", async () => {
    const { doc, result, diagnostics } = await openFixture('memo.md');
    const fixable = result.problems.filter((p) => p.fix);
    expect(fixable.length, 'the memo has a fixable problem').toBeGreaterThan(0);
    for (const problem of fixable) {
      const d = diagnostics.find((x) => x.code === problem.ruleId && doc.document.offsetAt(x.range.start) === problem.range.start)!;
      const actions = await h.codeActions(doc, d.range, [d], ['quickfix']);
      const fix = actions.find((a) => a.isPreferred)!;
      expect(fix, `a preferred fix for ${problem.ruleId}`).toBeDefined();
      expect(applyWorkspaceEdit(doc, fix.edit)).toBe(applyFixes(doc.text, [problem.fix!]).text);
    }
  });

  it('adds a disable-next-line directive that silences the rule on that line only', async () => {
    const { doc, diagnostics } = await openFixture('memo.md');
    const d = diagnostics[0]!;
    const actions = await h.codeActions(doc, d.range, [d], ['quickfix']);
    const disable = actions.find((a) => a.title === `Disable ${String(d.code)} for this line`)!;
    const text = applyWorkspaceEdit(doc, disable.edit);
    expect(text).toContain(`<!-- briefcheck-disable-next-line ${String(d.code)} -->`);
    await h.change(doc, text);
    const after = await h.diagnostics(doc);
    expect(after.filter((x) => x.code === d.code).length).toBe(diagnostics.filter((x) => x.code === d.code).length - 1);
  });

  it('refuses a quick fix whose diagnostic was made for an older version', async () => {
    const { doc, diagnostics } = await openFixture('memo.md');
    const d = diagnostics.find((x) => (x.data as { fix?: unknown }).fix) ?? diagnostics[0]!;
    await h.change(doc, `${doc.text}\n`);
    const actions = await h.codeActions(doc, d.range, [d], ['quickfix']);
    expect(actions).toEqual([]);
  });

  it("answers an edit that changes no diagnostic with 'unchanged', and the fixes the editor keeps still apply", async () => {
    const path = join(dir, 'memo.md');
    const text = readFileSync(path, 'utf8');
    const doc = await h.open(path, text);
    const pull = (previousResultId?: string) => h.client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: doc.uri }, ...(previousResultId ? { previousResultId } : {}) });
    const withoutVersion = (items: Diagnostic[]) => items.map((d) => ({ ...d, data: { ...(d.data as object), version: 0 } }));
    const first = (await pull()) as FullDocumentDiagnosticReport;
    const d = first.items.find((x) => (x.data as { fix?: unknown }).fix)!;
    expect(d, 'the memo has a fixable problem').toBeDefined();

    // A keystroke in the heading: no problem moves or changes.
    const typed = text.replace('# Chinese mineral coercion', '# Chinese mineral coercions');
    await h.change(doc, typed);
    const second = await pull(first.resultId);
    expect(second.kind).toBe('unchanged');
    expect(second.resultId).not.toBe(first.resultId);
    const fix = (await h.codeActions(doc, d.range, [d], ['quickfix'])).find((a) => a.isPreferred);
    expect(fix?.edit).toEqual({ documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: (d.data as { fix: unknown }).fix }] });
    // What the server vouched for: a whole report now says the same.
    const fresh = (await pull()) as FullDocumentDiagnosticReport;
    expect(withoutVersion(fresh.items)).toEqual(withoutVersion(first.items));

    // An edit that changes the problems: the whole report, and the old diagnostic's fix is refused.
    const line = typed.split('\n')[d.range.start.line]!;
    await h.change(doc, typed.replace(`${line}\n`, ''));
    expect((await pull(fresh.resultId)).kind).toBe('full');
    expect(await h.codeActions(doc, d.range, [d], ['quickfix'])).toEqual([]);
  });

  it("fixes everything with source.fixAll.briefcheck, exactly as the CLI's --fix does, and is idempotent", async () => {
    const { doc } = await openFixture('memo.md');
    const actions = await h.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.briefcheck')!;
    expect(fixAll).toBeDefined();
    const fixed = applyWorkspaceEdit(doc, fixAll.edit);
    expect(fixed).not.toBe(doc.text);
    expect(check(fixed).problems.filter((p) => p.fix)).toEqual([]);
    const copy = join(dir, 'memo-cli-fix.md');
    writeFileSync(copy, doc.text);
    await run(['--fix', '--format', 'json', copy], { stdout: () => undefined, stderr: () => undefined, cwd: dir, env: {}, isTTY: false, today: TODAY });
    expect(fixed).toBe(readFileSync(copy, 'utf8'));
    await h.change(doc, fixed);
    const again = await h.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.briefcheck']);
    expect(again.filter((a) => a.kind === 'source.fixAll.briefcheck')).toEqual([]);
  });

  it('inserts the current import share after a mention, cited in the brief’s style', async () => {
    for (const [name, footnote] of [['memo.md', true], ['inline-links.md', false]] as const) {
      const { doc, result } = await openFixture(name);
      const candidates = result.claims.filter((c) => c.kind === 'mention');
      let inserted: string | undefined;
      for (const mention of candidates) {
        const at = doc.document.positionAt(mention.range.start);
        const actions = await h.codeActions(doc, { start: at, end: at }, []);
        const share = actions.find((a) => a.title.startsWith('Insert current import share'));
        if (!share) continue;
        inserted = applyWorkspaceEdit(doc, share.edit);
        // The newest observation firm enough for the rules to judge by: never a low-confidence one.
        const observation = dataset.observations({ mineral: mention.minerals[0]!, metric: 'import_share', partner: 'CN', asOf: result.asOf }).find(usableForChecking)!;
        expect(inserted).toContain(observation.period.label);
        break;
      }
      expect(inserted, `${name}: some mention can take an import share`).toBeDefined();
      expect(/\(China supplied [^\n]*?\)\[\^[^\]]+\]/.test(inserted!)).toBe(footnote);
      if (!footnote) expect(inserted).toMatch(/China supplied [^;]+; \[[^\]]+\]\(https?:/);
    }
  });

  it('inserts a control-status table with footnoted sources, by request and by code action', async () => {
    const { doc, result } = await openFixture('memo.md');
    const minerals = [...new Set(result.claims.flatMap((c) => c.minerals))].filter((m) => dataset.mineral(m));
    const blank = doc.text.split('\n').findIndex((line, i) => i > 5 && line.trim() === '');
    const edit = await h.client.sendRequest<WorkspaceEdit | null>('briefcheck/controlTable', { uri: doc.uri, position: { line: blank, character: 0 } });
    const text = applyWorkspaceEdit(doc, edit);
    expect(text).toContain(`| Mineral | Status on ${result.asOf} | Measures |`);
    for (const m of minerals) expect(text.toLowerCase()).toContain(`| ${dataset.mineral(m)!.name.toLowerCase()}`);
    for (const label of text.matchAll(/\[\^([^\]]+)\](?!:)/g)) expect(text).toContain(`[^${label[1]}]:`);
    const actions = await h.codeActions(doc, { start: { line: blank, character: 0 }, end: { line: blank, character: 0 } }, []);
    const action = actions.find((a: CodeAction) => a.kind === 'refactor.insert.briefcheck.controlTable')!;
    expect(applyWorkspaceEdit(doc, action.edit)).toBe(text);
  });

  it('lists the claims with verdicts, as the core found them', async () => {
    const { doc, result } = await openFixture('memo.md');
    const claims = await h.client.sendRequest<ClaimsResult>('briefcheck/claims', { uri: doc.uri });
    expect(claims.asOf).toBe(result.asOf);
    expect(claims.claims.map((c) => `${c.kind}:${c.verdict}:${c.text}`)).toEqual(result.claims.map((c) => `${c.kind}:${c.verdict}:${c.text}`));
    expect(claims.datasetVersion).toBe(dataset.meta.version);
  });

  it('shows current figures as inlay hints, and not when switched off', async () => {
    const { doc, result } = await openFixture('memo.md');
    const expected = currentFigureHints(dataset, result.claims, result.asOf).map((x) => x.label);
    expect((await h.inlayHints(doc)).map((x) => x.label)).toEqual(expected);
    const seen = h.refreshes();
    h.settings.set('', { inlayHints: { enable: false } });
    await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await h.waitForRefresh(seen);
    expect(await h.inlayHints(doc)).toEqual([]);
    h.settings.delete('');
    await h.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('sets the as-of date in the front matter', async () => {
    const { doc } = await openFixture('memo.md');
    const edit = await h.client.sendRequest<WorkspaceEdit>('briefcheck/setAsOf', { uri: doc.uri, date: '2025-09-01' });
    const text = applyWorkspaceEdit(doc, edit);
    expect(text).toContain('as_of: 2025-09-01');
    expect(text).not.toContain('as_of: 2025-04-15');
  });
});

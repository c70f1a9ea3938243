// Small fuzz findings, one regression each: an unusable front-matter date warns instead of silently
// becoming today, CR-only files have lines, YAML anchors print nothing on stderr, --stdin drops the
// byte-order mark as file reading does, an overlay may start with one like a configuration, and
// any number of unknown rule ids in a configuration is one message.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkBrief, FRONT_MATTER_NOTICE } from '../../server/src/core/check';
import { loadDataset } from '../../server/src/node/dataset';
import { bundledDataset } from '../core/bundled-dataset';
import { runCli, tempTree } from './helpers';

const options = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
const figure = 'The US was 100% net import-reliant on gallium in 2024.';

describe('front matter', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['an impossible date', 'as_of: 2025-13-45'],
    ['a five-digit year', 'as_of: 99999-01-01'],
    ['broken YAML', 'as_of: [2025-01-01'],
  ])('warns about %s and says which date it checks as of', (_name, line) => {
    const result = checkBrief(`---\n${line}\n---\n\n${figure}\n`, bundledDataset(), options);
    expect(result.asOf).toBe('2026-11-28');
    const notice = result.problems.find((p) => p.ruleId === FRONT_MATTER_NOTICE);
    expect(notice?.message).toMatch(/ignored\. The brief is checked as of 2026-11-28 \(today\)\.$/);
    expect(notice?.range.start).toBe(0);
  });

  it('prints no YAML warning for anchors and collection keys', () => {
    const emit = vi.spyOn(process, 'emitWarning');
    const result = checkBrief(`---\nas_of: 2025-01-01\n? &k [a]\n: 1\nc: *k\n---\n\n${figure}\n`, bundledDataset(), options);
    expect(result.asOf).toBe('2025-01-01');
    expect(emit).not.toHaveBeenCalled();
  });
});

describe('line endings', () => {
  it('gives CR-only files real line numbers, and honours disable-next-line in them', async () => {
    const lf = `# Notes\n\n${figure}\n\n<!-- briefcheck-disable-next-line -->\n${figure}\n`;
    const dir = tempTree({ 'lf.md': lf, 'cr.md': lf.replace(/\n/g, '\r') });
    const json = async (file: string) => JSON.parse((await runCli([file, '--format', 'json', '--rule', 'data-age=off'], { cwd: dir })).stdout).files[0].problems;
    const [fromLf, fromCr] = [await json('lf.md'), await json('cr.md')];
    expect(fromLf.length).toBeGreaterThan(0);
    expect(fromCr.map((p: { line: number; ruleId: string }) => [p.ruleId, p.line])).toEqual(fromLf.map((p: { line: number; ruleId: string }) => [p.ruleId, p.line]));
    expect(fromCr.every((p: { line: number }) => p.line === 3)).toBe(true);
  });
});

describe('byte-order marks', () => {
  it('checks --stdin input with a BOM exactly as the same file read from disk', async () => {
    const text = `\uFEFF# Notes\n\n${figure}\n`;
    const dir = tempTree({ 'a.md': text });
    const fromFile = await runCli(['a.md', '--format', 'json'], { cwd: dir });
    const fromStdin = await runCli(['--stdin', '--stdin-filename', 'a.md', '--format', 'json'], { cwd: dir, stdin: async () => text });
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(JSON.parse(fromFile.stdout).files[0].problems[0].column).toBe(1);
  });

  it('accepts an overlay that starts with a BOM, as a configuration may', async () => {
    const dir = tempTree({});
    const file = join(dir, 'overlay.json');
    writeFileSync(file, `\uFEFF${JSON.stringify({ observations: [] })}`);
    const { errors } = await loadDataset([file]);
    expect(errors).toEqual([]);
  });
});

describe('configuration', () => {
  it('reports 2,000 unknown rule ids as one message', async () => {
    const rules = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`no-such-rule-${i}`, 'error']));
    const dir = tempTree({ '.briefcheck.json': JSON.stringify({ rules }), 'a.md': `${figure}\n` });
    const ran = await runCli([], { cwd: dir });
    expect(ran.code).toBe(2);
    const lines = ran.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('2,000 unknown rule ids: "no-such-rule-0", "no-such-rule-1", "no-such-rule-2", "no-such-rule-3", "no-such-rule-4" and 1,995 more');
  });
});

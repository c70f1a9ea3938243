// Bounded work (core/limits): briefs past a limit are never reported clean and never stall. Each case
// is a fuzz finding: deep nesting made the parser overflow its stack (the CLI then reported a clean
// brief while the editor found every problem), or made it take tens of seconds.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { createIncrementalChecker } from '../../server/src/core/incremental/index';
import { guardText, LIMITS, LIMITS_RULE } from '../../server/src/core/limits';
import type { BriefResult, CheckOptions } from '../../server/src/core/types';
import { bundledDataset } from './bundled-dataset';

const options: CheckOptions = { config: { rules: {}, data: [], include: [], exclude: [] }, today: '2026-11-28' };
const brief = readFileSync(join(__dirname, '../../examples/stale-and-mismatched.md'), 'utf8');
const dataset = bundledDataset();
const ids = (r: BriefResult) => r.problems.map((p) => `${p.ruleId}@${p.range.start}`);

/**
 * A time budget that catches a stall (seconds turning into tens of seconds), scaled by how busy the
 * machine is: on a machine running other work, a linear check takes proportionally longer.
 */
function budget(ms: number): number {
  return ms * Math.max(1, loadavg()[0]! / cpus().length);
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe('limits', () => {
  const plain = checkBrief(brief, dataset, options);
  // Some cases below are read by the reference parser (the fast one hands them over): warm it up
  // too, so that the budgets measure the work and not the first call's compilation.
  checkBrief(brief, dataset, { ...options, config: { ...options.config, parser: 'remark' } });

  it.each([
    ['7,000 >', '>'.repeat(7000)],
    ['3,000 list items', '- '.repeat(3000)],
    ['3,000 ordered items', '1. '.repeat(3000)],
    ['2,000 quoted items', '> - '.repeat(2000)],
    ['10,000 list items then a figure', `${'- '.repeat(10_000)}\ngallium 50%`],
  ])('still reports every problem of a brief followed by %s, and one notice', (_name, tail) => {
    const text = `${brief}\n${tail}\n`;
    const { value, ms } = timed(() => checkBrief(text, dataset, options));
    expect(ms).toBeLessThan(budget(2000));
    const notices = value.problems.filter((p) => p.ruleId === LIMITS_RULE);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.range.start).toBe(brief.length + 1);
    expect(value.problems.filter((p) => p.ruleId !== LIMITS_RULE).map((p) => p.message)).toEqual(expect.arrayContaining(plain.problems.map((p) => p.message)));
    expect(plain.problems.length).toBeGreaterThanOrEqual(8);
    // The editor's incremental checker gives the same.
    expect(ids(createIncrementalChecker().check(text, dataset, options))).toEqual(ids(value));
  });

  it('checks the lines after a masked one', () => {
    const cut = brief.indexOf('\n\n', brief.indexOf('---', 3)) + 2;
    const text = `${brief.slice(0, cut)}${'- '.repeat(10_000)}\n\n${brief.slice(cut)}`;
    const result = checkBrief(text, dataset, options);
    expect(result.problems.filter((p) => p.ruleId !== LIMITS_RULE).map((p) => p.ruleId)).toEqual(plain.problems.map((p) => p.ruleId));
    expect(result.problems[0]!.ruleId).toBe(LIMITS_RULE);
  });

  it('reads a 20,000-row table up to its row limit, quickly', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `| gallium ${i} | ${i % 100}% |`).join('\n');
    const text = `${brief}\n| Mineral | Share |\n| --- | --- |\n${rows}\n`;
    const { value, ms } = timed(() => checkBrief(text, dataset, options));
    expect(ms).toBeLessThan(budget(3000));
    const notice = value.problems.find((p) => p.ruleId === LIMITS_RULE)!;
    expect(notice.message).toContain(`more than ${LIMITS.maxTableRows} rows`);
    expect(text.slice(notice.range.start).startsWith(`| gallium ${LIMITS.maxTableRows} |`)).toBe(true);
  });

  it('reads a paragraph of 2,000 lines after an unclosed bracket up to the block limit (a fuzz finding: 6 s for 37 KB)', () => {
    const text = `${brief}\n[^u]: USGS, [Mineral Commodity Summaries\n${'| gallium | 50% |\n'.repeat(2030)}`;
    const { value, ms } = timed(() => checkBrief(text, dataset, options));
    expect(ms).toBeLessThan(budget(3000));
    const notice = value.problems.find((p) => p.ruleId === LIMITS_RULE)!;
    expect(notice.message).toContain(`more than ${LIMITS.maxBlockLines.toLocaleString('en-US')} lines`);
  });

  it('reads a paragraph of thousands of emphasis markers up to the limit (a fuzz finding: 2.4 s for 8 KB)', () => {
    const text = `${brief}\n${'*a '.repeat(2423)}\n`;
    const { value, ms } = timed(() => checkBrief(text, dataset, options));
    expect(ms).toBeLessThan(budget(1500));
    const notice = value.problems.find((p) => p.ruleId === LIMITS_RULE)!;
    expect(notice.message).toContain(`more than ${LIMITS.maxDelimiters} emphasis markers`);
    expect(notice.range.start).toBe(brief.length + 1);
  });

  it('masks without moving any offset, and keeps line breaks of every kind', () => {
    const text = `a\r\n${'>'.repeat(100)}\rb\n${'x '.repeat(LIMITS.maxLineLength)}\n`;
    const guarded = guardText(text);
    expect(guarded.text).toHaveLength(text.length);
    expect(guarded.text.replace(/[^\r\n]/g, '')).toBe(text.replace(/[^\r\n]/g, ''));
    expect(guarded.text.startsWith('a\r\n' + ' '.repeat(100) + '\rb\n')).toBe(true);
    expect(guarded.notice!.message).toContain('more place');
    expect(guardText(brief)).toEqual({ text: brief, cut: false });
  });

  it('counts emphasis markers and cuts at line breaks of every kind alike', () => {
    const limits = { ...LIMITS, maxChars: 40, maxDelimiters: 4 };
    // Four markers on a line ending in a lone CR, one more on the next: the paragraph is past the limit there.
    expect(guardText('*a* _b_\r\n_c\r\n', limits).notice?.range.start).toBe(9);
    expect(guardText('*a* _b_\r\n\r\n_c\r\n', limits).notice).toBeUndefined();
    for (const eol of ['\n', '\r', '\r\n']) {
      const text = `${'word '.repeat(5)}${eol}`.repeat(3);
      expect(guardText(text, limits).text).toBe(text.slice(0, text.lastIndexOf(eol.at(-1)!, 39) + 1));
    }
  });

  it('cuts a brief past the size limit at a line break, offering no fixes', () => {
    const small = { ...LIMITS, maxChars: brief.length + 10 };
    const text = `${brief}\n${'The US imported gallium.\n'.repeat(10)}`;
    const guarded = guardText(text, small);
    expect(guarded.cut).toBe(true);
    expect(guarded.text.length).toBeLessThanOrEqual(small.maxChars);
    expect(guarded.text.endsWith('\n')).toBe(true);
  });

  it('reads a control sentence among hundreds of mentions quickly (a fuzz finding: minutes for 17 KB)', () => {
    // A run of mentions that no time closes once made the test for a continued clause backtrack exponentially.
    const mentions = (n: number) => Array.from({ length: n }, () => 'gallium').join(' ');
    const text = `The US relied on imports for 85% of its antimony in 2024, acco\n${mentions(300)} ]China bans exports of gallium to the US.x${mentions(300)}\nrding to the USGS.\n`;
    const { value, ms } = timed(() => checkBrief(text, dataset, options));
    expect(ms).toBeLessThan(budget(3000));
    expect(value.claims.some((c) => c.kind === 'control')).toBe(true);
  });

  it('checks one long line of claim sentences in linear time', () => {
    const sentence = 'China produced 98% of the world’s gallium in 2023. ';
    const lengths = [1_000, 4_000];
    const times = lengths.map((n) => {
      const text = `${sentence.repeat(n)}\n`;
      // Off the line-length limit, so the claim reader itself is measured.
      return timed(() => checkWithoutLineLimit(text)).ms;
    });
    // Four times the text: linear work takes about four times as long; quadratic took sixteen.
    expect(times[1]!).toBeLessThan(times[0]! * 8 + 200);
  });
});

function checkWithoutLineLimit(text: string): BriefResult {
  // The paragraph is split into lines shorter than the limit, which the parser joins into one block.
  return checkBrief(text.replace(/(\. )/g, (m, _g, offset: number) => (offset % 5000 < 60 ? '.\n' : m)), dataset, options);
}

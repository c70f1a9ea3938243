// The claims worklist shows what was read and what was not: each claim's reading confidence and, when
// it is not certain, how it was read and its other readings; a "Not read" section of the sentences
// that name a mineral beside a control word or a number but yield no claim. Those sentences are never
// problems and never counted as verdicts, in any format.
import { describe, expect, it } from 'vitest';
import { claimsJson, claimsStylish } from '../../server/src/cli/formatters/claims';
import type { CliClaim, FileResult, FormatContext } from '../../server/src/cli/results';
import type { Claim } from '../../server/src/core/types';
import { runCli, tempTree } from './helpers';

// "has not banned" negates the status: a negated sentence is not an asserted claim, so it is listed
// as unread (the claim reader's negation rule). USGS MCS 2025 gives US net import reliance on
// antimony as 85% in 2024, so the 95% on line 7 is a mismatch.
const brief = [
  '---',
  'as_of: 2025-06-01',
  '---',
  '# Nickel and antimony',
  '',
  'China has not banned exports of nickel to the US.',
  'The US net import reliance on antimony was 95% in 2024.',
  '',
].join('\n');

interface JsonClaim {
  kind: string;
  line: number;
  verdict: string;
  why?: string;
  confidence?: string;
  explanation?: string;
}

describe('briefcheck claims on a brief with an unread sentence', () => {
  const root = tempTree({ 'brief.md': brief });

  it('lists the sentence as unread with why in JSON, and a confidence for every checked claim', async () => {
    const ran = await runCli(['claims', 'brief.md', '--format', 'json'], { cwd: root });
    expect(ran.code).toBe(0);
    const claims = JSON.parse(ran.stdout).files[0].claims as JsonClaim[];
    const unread = claims.filter((c) => c.kind === 'unread');
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({ line: 6, why: expect.stringMatching(/negat/i) });
    expect(unread[0]!.explanation).toBeUndefined();
    expect(unread[0]!.confidence).toBeUndefined();
    const figure = claims.find((c) => c.kind === 'figure');
    expect(figure).toMatchObject({ line: 7, verdict: 'mismatch', confidence: 'certain' });
    // The nickel in the unread sentence is still listed as a mention.
    expect(claims.some((c) => c.kind === 'mention' && c.line === 6)).toBe(true);
  });

  it('prints a "Not read" section and leaves unread sentences out of the verdict tally', async () => {
    const ran = await runCli(['claims', 'brief.md'], { cwd: root });
    const [read, notRead] = ran.stdout.split(/\n\n {2}Not read/);
    expect(notRead).toMatch(/^ \(1\)/);
    expect(notRead).toMatch(/\n {2}6:1 {2}China has not banned exports of nickel to the US\. {2}\(negated\)/);
    expect(read).not.toMatch(/\bunread\b/);
    expect(ran.stdout).toMatch(/\n\d+ claims: [^;\n]*; 1 sentence not read\n$/);
    expect(ran.stdout.match(/\n\d+ claims: ([^;\n]*)/)![1]).not.toMatch(/unread/);
  });

  it.each(['stylish', 'json', 'sarif', 'github', 'junit'])('reports no problem on the unread sentence in %s', async (format) => {
    const ran = await runCli(['brief.md', '--format', format], { cwd: root });
    expect(ran.code).toBe(1);
    // Every format names the line of each problem; the figure on line 7 is the only one.
    const lines = [...ran.stdout.matchAll(/(?:"line": |"startLine": |line=|name="|^ {2})(\d+)\b/gm)].map((m) => Number(m[1]));
    expect(lines).toContain(7);
    expect(lines).not.toContain(6);
  });
});

const at = { line: 3, column: 1, endLine: 3, endColumn: 40 };
const base = { range: { start: 0, end: 40 }, cited: false, checkedOn: '2025-06-01' } as const;
const cliClaim = (claim: Omit<Claim, keyof typeof base> & Partial<Claim>): CliClaim => ({ ...at, claim: { ...base, ...claim } });
const context: FormatContext = { cwd: '/repo', version: '0.1.0', color: false, rules: [] };

// Hand-built claims of the kinds the claim reader gives: a likely figure with another reading, an
// ambiguous count of a subset, an unread sentence.
const file: FileResult = {
  path: 'brief.md',
  absolutePath: '/repo/brief.md',
  asOf: '2025-06-01',
  asOfSource: 'front-matter',
  fixed: 0,
  problems: [],
  claims: [
    cliClaim({
      kind: 'figure', minerals: ['antimony'], text: 'It was 63% in 2024', metric: 'import_share', partner: 'CN', value: 63, verdict: 'mismatch',
      period: { start: '2024-01-01', end: '2024-12-31', text: '2024' }, confidence: 'likely',
      alternatives: [{ metric: 'net_import_reliance', period: { start: '2024-01-01', end: '2024-12-31', text: '2024' }, verdict: 'verified' }],
    }),
    cliClaim({ kind: 'count', minerals: [], text: 'seven rare earths', count: 7, countOf: 'rare-earths', verdict: 'unverifiable', confidence: 'ambiguous' }),
    cliClaim({ kind: 'control', minerals: ['gallium'], text: 'China bans gallium exports to the US', control: { type: 'ban', destination: 'US' }, verdict: 'verified' }),
    cliClaim({ kind: 'unread', minerals: ['nickel'], text: 'Nickel may be next, analysts said.', why: 'speculation', verdict: 'unverifiable', explanation: 'A mention names a mineral and asserts nothing to check.' }),
  ],
};

describe('claims formatters on hand-built readings', () => {
  it('JSON carries confidence, alternatives in data and words, countOf and why', () => {
    const claims = JSON.parse(claimsJson([file])).files[0].claims;
    expect(claims[0]).toMatchObject({
      confidence: 'likely',
      alternatives: [{ metric: 'net_import_reliance', verdict: 'verified', text: 'US net import reliance, 2024: verified' }],
    });
    expect(claims[1]).toMatchObject({ count: 7, countOf: 'rare-earths', confidence: 'ambiguous' });
    expect(claims[1].alternatives).toBeUndefined();
    expect(claims[2]).toMatchObject({ confidence: 'certain' });
    expect(claims[3]).toMatchObject({ kind: 'unread', why: 'speculation' });
    expect(claims[3].explanation).toBeUndefined();
  });

  it('text shows how an uncertain claim was read and its other readings, and nothing extra for a certain one', () => {
    const text = claimsStylish([file], context);
    expect(text).toContain('\n       read as share of US imports from CN, 2024 (likely)\n       or as US net import reliance, 2024: verified\n');
    expect(text).toContain('read as 7 controlled minerals (the rare earths among them) (ambiguous)');
    const control = text.split('\n').findIndex((l) => l.includes('China bans gallium'));
    expect(text.split('\n')[control + 1]).not.toMatch(/read as|or as/);
    expect(text).toContain('Not read (1)');
    expect(text).toContain('3:1  Nickel may be next, analysts said.  (speculation)');
    expect(text).toMatch(/\n3 claims: 1 mismatch, 1 unverifiable, 1 verified; 1 sentence not read\n$/);
  });
});

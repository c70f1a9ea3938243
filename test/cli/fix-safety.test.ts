// --fix and the file system (fuzz findings): fixes settle in one run and a second run changes
// nothing, line endings are kept, and the write goes through symbolic links, keeps mode, owner and
// hard links, and refuses a read-only file with exit 2 instead of silently replacing it.
import { chmodSync, chownSync, linkSync, lstatSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixUntilSettled, MAX_FIX_PASSES } from '../../server/src/cli/engine';
import { runCli, tempTree } from './helpers';

const front = '---\ndate: 2025-06-01\n---\n\n';
const figure = 'The US was 58% net import-reliant on antimony in 2024.\n';
const footnoted = `${front}${figure}\nSomething else.[^a]\n\n[^a]: A note.\n`;

async function fixTwice(dir: string, file = 'a.md'): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < 2; i++) {
    await runCli(['--fix', file], { cwd: dir });
    texts.push(readFileSync(join(dir, file), 'utf8'));
  }
  return texts;
}

describe('--fix settles', () => {
  it('changes nothing on a second run when the brief ends in an unclosed code fence', async () => {
    const original = `${footnoted}\n\`\`\`\ncode never closed\n`;
    const dir = tempTree({ 'a.md': original });
    const [once, twice] = await fixTwice(dir);
    expect(once).not.toBe(original);
    expect(twice).toBe(once);
    // The citation cannot be a footnote the parser never reads, so it is an inline link.
    expect(once).toMatch(/2024 \(U\.S\. Geological Survey, \[/);
    const again = await runCli(['a.md', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(again.stdout).files[0].problems.filter((p: { fix?: unknown }) => p.fix)).toEqual([]);
  });

  it('keeps CRLF and CR-only line endings in what fixes insert', async () => {
    const crlf = footnoted.replace(/\n/g, '\r\n');
    const cr = footnoted.replace(/\n/g, '\r');
    const dir = tempTree({ 'a.md': crlf, 'b.md': cr });
    const a = (await fixTwice(dir, 'a.md'))[0]!;
    const b = (await fixTwice(dir, 'b.md'))[0]!;
    expect(a).not.toBe(crlf);
    expect(a.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(b).not.toBe(cr);
    expect(b).not.toContain('\n');
  });
});

describe('--fix writes safely', () => {
  it('refuses a read-only file with exit 2 and leaves it unchanged', async () => {
    const dir = tempTree({ 'a.md': footnoted });
    chmodSync(join(dir, 'a.md'), 0o444);
    const ran = await runCli(['--fix', 'a.md'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('a.md: is read-only; not fixed');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(footnoted);
    expect(statSync(join(dir, 'a.md')).mode & 0o777).toBe(0o444);
  });

  it('writes through a symbolic link to its target, keeping the link and the mode', async () => {
    const dir = tempTree({ 'real/a.md': footnoted });
    chmodSync(join(dir, 'real/a.md'), 0o640);
    symlinkSync(join(dir, 'real/a.md'), join(dir, 'link.md'));
    const ran = await runCli(['--fix', 'link.md'], { cwd: dir });
    expect(ran.stderr).toBe('');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real/a.md'), 'utf8')).not.toBe(footnoted);
    expect(statSync(join(dir, 'real/a.md')).mode & 0o7777).toBe(0o640);
  });

  it('refuses to split a hard link, leaving both names unchanged', async () => {
    const dir = tempTree({ 'a.md': footnoted });
    linkSync(join(dir, 'a.md'), join(dir, 'b.markdown'));
    const ran = await runCli(['--fix', 'a.md'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('hard links');
    expect(statSync(join(dir, 'a.md')).ino).toBe(statSync(join(dir, 'b.markdown')).ino);
    expect(readFileSync(join(dir, 'b.markdown'), 'utf8')).toBe(footnoted);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner of a file another user wrote', async () => {
    const dir = tempTree({ 'a.md': footnoted });
    chownSync(join(dir, 'a.md'), 1234, 1234);
    await runCli(['--fix', 'a.md'], { cwd: dir });
    const after = statSync(join(dir, 'a.md'));
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).not.toBe(footnoted);
    expect([after.uid, after.gid]).toEqual([1234, 1234]);
  });
});

describe('fixUntilSettled', () => {
  const problem = (text: string) => ({
    ruleId: 'x', severity: 'warning' as const, messageId: 'm', message: 'm', range: { start: 0, end: 0 },
    fix: { edits: [{ range: { start: text.length, end: text.length }, text: '!' }] },
  });
  const result = (text: string, fixable: boolean) => ({ asOf: '2026-01-01', asOfSource: 'today' as const, claims: [], problems: fixable ? [problem(text)] : [] });

  it('stops as soon as nothing changes', async () => {
    const out = await fixUntilSettled('a', result('a', true), async (t) => result(t, t.length < 3));
    expect(out).toMatchObject({ text: 'a!!', applied: 2, settled: true });
  });

  it(`gives up after ${MAX_FIX_PASSES} passes and says the fixes did not settle`, async () => {
    const out = await fixUntilSettled('a', result('a', true), async (t) => result(t, true));
    expect(out.settled).toBe(false);
    expect(out.text).toBe(`a${'!'.repeat(MAX_FIX_PASSES)}`);
  });
});

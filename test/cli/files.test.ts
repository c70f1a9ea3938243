// Finding and reading briefs the way the CLI does: default discovery, .gitignore, include/exclude,
// explicit paths and globs, sorted order, and one clear reason for every file that cannot be read.
import { chmodSync, mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPatterns, readBrief, writeFileAtomic } from '../../server/src/node/files';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'briefcheck-files-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const rel = (root: string, files: string[]) => files.map((f) => f.slice(root.length + 1));

describe('expandPatterns', () => {
  const layout = {
    '.git/HEAD': 'ref: main',
    '.gitignore': 'build/\n*.draft.md\n',
    'b.md': '#',
    'a.markdown': '#',
    'notes.txt': 'x',
    'build/out.md': '#',
    'x.draft.md': '#',
    'briefs/.gitignore': 'private.md\n',
    'briefs/private.md': '#',
    'briefs/z.md': '#',
    'briefs/sub/y.md': '#',
    'node_modules/pkg/readme.md': '#',
  };

  it('finds all Markdown under the folder, honouring .gitignore files at every level, in sorted order', async () => {
    const root = tree(layout);
    const { files, unmatched } = await expandPatterns([], root);
    expect(rel(root, files)).toEqual(['a.markdown', 'b.md', 'briefs/sub/y.md', 'briefs/z.md']);
    expect(unmatched).toEqual([]);
  });

  it('honours a .gitignore above the working folder up to the repository root', async () => {
    const root = tree({ ...layout, 'briefs/sub/x.draft.md': '#' });
    const { files } = await expandPatterns([], join(root, 'briefs'));
    expect(rel(join(root, 'briefs'), files)).toEqual(['sub/y.md', 'z.md']);
  });

  it('applies config include and exclude relative to the configuration folder', async () => {
    const root = tree(layout);
    const only = await expandPatterns([], root, { include: ['briefs/**/*.md'], exclude: ['sub/'], baseDir: root });
    // .gitignore syntax: "sub/" excludes a folder of that name at any depth.
    expect(rel(root, only.files)).toEqual(['briefs/z.md']);
    const excluded = await expandPatterns([], root, { exclude: ['briefs/sub/'], baseDir: root });
    expect(rel(root, excluded.files)).toEqual(['a.markdown', 'b.md', 'briefs/z.md']);
  });

  it('expands folders and globs, keeps explicit files even when ignored, and reports globs that match nothing', async () => {
    const root = tree(layout);
    const { files, unmatched } = await expandPatterns(['briefs', 'x.draft.md', '*.markdown', 'nothing/*.md', 'gone.md'], root);
    expect(rel(root, files)).toEqual(['a.markdown', 'briefs/sub/y.md', 'briefs/z.md', 'gone.md', 'x.draft.md']);
    expect(unmatched).toEqual(['nothing/*.md']);
  });
});

describe('readBrief', () => {
  it('reads UTF-8 text and remembers a byte-order mark', async () => {
    const root = tree({ 'a.md': Buffer.from('\uFEFF# Brief\n', 'utf8') });
    expect(await readBrief(join(root, 'a.md'))).toEqual({ ok: true, text: '# Brief\n', bom: true });
  });

  it.each([
    ['missing', () => ({}), 'nope.md', 'no such file'],
    ['directory', () => ({ 'dir/a.md': '#' }), 'dir', 'is a folder, not a file'],
    ['binary', () => ({ 'bin.md': Buffer.from([0x23, 0x00, 0x01]) }), 'bin.md', 'looks like a binary file (it contains NUL bytes); skipped'],
    ['encoding', () => ({ 'latin.md': Buffer.from([0x63, 0x61, 0x66, 0xe9]) }), 'latin.md', 'is not valid UTF-8 text; skipped'],
  ])('says why a %s file cannot be checked', async (reason, files, name, message) => {
    const root = tree(files());
    expect(await readBrief(join(root, name))).toEqual({ ok: false, reason, message });
  });

  it('skips a file over the size limit with its size in the message', async () => {
    const root = tree({ 'huge.md': 'x'.repeat(3 * 1024 * 1024) });
    expect(await readBrief(join(root, 'huge.md'), 2 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'is 3.0 MB, over the 2 MB limit for a brief; skipped',
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports a file it may not read', async () => {
    const root = tree({ 'locked.md': '#' });
    chmodSync(join(root, 'locked.md'), 0o000);
    expect(await readBrief(join(root, 'locked.md'))).toMatchObject({ ok: false, reason: 'unreadable', message: 'permission denied' });
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole, keeps its mode and BOM, and leaves no temporary file behind', async () => {
    const root = tree({ 'a.md': 'old' });
    chmodSync(join(root, 'a.md'), 0o640);
    await writeFileAtomic(join(root, 'a.md'), 'new text', true);
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('\uFEFFnew text');
    expect(readdirSync(root)).toEqual(['a.md']);
  });

  it('leaves the original untouched when the write fails', async () => {
    const root = tree({ 'a.md': 'old' });
    await expect(writeFileAtomic(join(root, 'missing-dir', 'a.md'), 'new')).rejects.toThrow();
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['a.md']);
  });
});

// Finding, reading and safely rewriting briefs on disk: folder and glob expansion that honours
// .gitignore and the configuration's include/exclude, reading that turns every kind of bad file
// into one clear message, and atomic writes so --fix can never leave half a file behind.

import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { access, chmod, chown, constants, lstat, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.markdown'];
/** Briefs larger than this are skipped with a message: no real brief is that long. */
export const MAX_BRIEF_BYTES = 10 * 1024 * 1024;
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface FindOptions {
  /** Globs used when no patterns are given, relative to baseDir (default: all Markdown). */
  include?: string[];
  /** .gitignore-syntax patterns relative to baseDir; applied to files found via folders and globs. */
  exclude?: string[];
  /** The folder include and exclude are relative to (the configuration file's); default cwd. */
  baseDir?: string;
  /** Drop named files that .gitignore or exclude ignores, instead of always keeping them. */
  respectIgnoreOnNamedFiles?: boolean;
}

export interface FoundBriefs {
  /** Absolute paths, sorted by path relative to cwd. */
  files: string[];
  /** Globs, folders holding no brief and include patterns that matched nothing. */
  unmatched: string[];
}

const toPosix = (p: string) => p.split(sep).join('/');

/** All .gitignore rules that can apply under cwd: those of its ancestors up to the repository root, and below it. */
async function loadGitignores(cwd: string): Promise<Map<string, Ignore>> {
  const found = new Map<string, Ignore>();
  const add = async (dir: string) => {
    const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => undefined);
    if (text !== undefined) found.set(dir, ignore().add(text));
  };
  for (let dir = cwd; ; dir = dirname(dir)) {
    await add(dir);
    const isRepoRoot = await stat(join(dir, '.git')).then(() => true, () => false);
    if (isRepoRoot || dirname(dir) === dir) break;
  }
  const nested = await glob('**/.gitignore', { cwd, dot: true, ignore: ALWAYS_SKIPPED, absolute: true });
  for (const file of nested) await add(dirname(file));
  return found;
}

function isGitignored(file: string, gitignores: Map<string, Ignore>): boolean {
  for (const [dir, rules] of gitignores) {
    const rel = relative(dir, file);
    if (rel.startsWith('..') || isAbsolute(rel)) continue;
    if (rules.ignores(toPosix(rel))) return true;
  }
  return false;
}

async function kindOf(path: string): Promise<'file' | 'dir' | undefined> {
  const s = await stat(path).catch(() => undefined);
  return s?.isDirectory() ? 'dir' : s ? 'file' : undefined;
}

/**
 * Expands paths and globs into briefs. No patterns means `include` under baseDir (kept to files
 * under cwd). A folder means the Markdown below it. A file named explicitly is kept even when
 * ignored (unless respectIgnoreOnNamedFiles), and so is a path that does not exist (reading it then
 * reports it).
 */
export async function expandPatterns(patterns: string[], cwd: string, options: FindOptions = {}): Promise<FoundBriefs> {
  const baseDir = options.baseDir ?? cwd;
  const excluded = ignore().add(options.exclude ?? []);
  const gitignores = await loadGitignores(cwd);
  const explicit = new Set<string>();
  const discovered = new Set<string>();
  const unmatched: string[] = [];
  const globIn = async (dir: string, globs: string[]) =>
    glob(globs, { cwd: dir, absolute: true, dot: false, expandDirectories: false, ignore: ALWAYS_SKIPPED });

  const ignored = (file: string) => isGitignored(file, gitignores) || isExcluded(file, baseDir, excluded);
  if (patterns.length === 0) {
    const configured = Boolean(options.include?.length);
    // Each configured include pattern must match a brief; the default only as a whole.
    const groups = configured ? options.include!.map((p) => [p]) : [DEFAULT_INCLUDE];
    for (const group of groups) {
      const kept = (await globIn(baseDir, group)).filter((file) => !relative(cwd, file).startsWith('..') && !ignored(file));
      if (kept.length === 0) unmatched.push(group.join(', '));
      for (const file of kept) discovered.add(file);
    }
  }
  for (const pattern of patterns) {
    const full = resolve(cwd, pattern);
    const kind = await kindOf(full);
    let matches: string[];
    if (kind === 'file' || (!kind && !isDynamicPattern(pattern))) {
      if (!(options.respectIgnoreOnNamedFiles && ignored(full))) explicit.add(full);
      continue;
    } else if (kind === 'dir') {
      matches = await globIn(full, DEFAULT_INCLUDE);
    } else {
      matches = await globIn(cwd, [toPosix(pattern)]);
    }
    const kept = matches.filter((file) => !ignored(file));
    if (kept.length === 0) unmatched.push(pattern);
    for (const file of kept) discovered.add(file);
  }
  const files = [...new Set([...explicit, ...discovered])];
  files.sort((a, b) => compare(toPosix(relative(cwd, a)), toPosix(relative(cwd, b))));
  return { files, unmatched };
}

function isExcluded(file: string, baseDir: string, excluded: Ignore): boolean {
  const rel = relative(baseDir, file);
  return !rel.startsWith('..') && !isAbsolute(rel) && excluded.ignores(toPosix(rel));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The briefs the patterns name, sorted; see expandPatterns for the rules. */
export async function findBriefs(patterns: string[], cwd: string, options?: FindOptions): Promise<string[]> {
  return (await expandPatterns(patterns, cwd, options)).files;
}

export type ReadBrief =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; reason: 'missing' | 'directory' | 'unreadable' | 'binary' | 'too-large' | 'encoding'; message: string };

/**
 * Reads a brief as UTF-8 text, or says in one sentence why it cannot be checked. The reads are
 * synchronous on one descriptor (open, fstat, read, close): a brief is small, and the thread-pool
 * round trips of asynchronous calls cost more than the read itself (about half a second of a
 * 2,000-brief run that comes from the cache).
 */
export async function readBrief(path: string, maxBytes = MAX_BRIEF_BYTES): Promise<ReadBrief> {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, reason: 'directory', message: 'is a folder, not a file' };
    if (info.size > maxBytes) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      return { ok: false, reason: 'too-large', message: `is ${mb} MB, over the ${maxBytes / 1024 / 1024} MB limit for a brief; skipped` };
    }
    bytes = readAll(fd, info.size, maxBytes);
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: 'too-large', message: `grew over the ${maxBytes / 1024 / 1024} MB limit for a brief while being read; skipped` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: 'no such file' };
    if (code === 'EISDIR') return { ok: false, reason: 'directory', message: 'is a folder, not a file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: 'permission denied' };
    return { ok: false, reason: 'unreadable', message: `cannot be read (${code ?? (error as Error).message})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary', message: 'looks like a binary file (it contains NUL bytes); skipped' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom };
  } catch {
    return { ok: false, reason: 'encoding', message: 'is not valid UTF-8 text; skipped' };
  }
}

class TooLarge extends Error {}

/** The whole file behind `fd`, expected to be `size` bytes; a file that grows past `maxBytes` throws TooLarge. */
function readAll(fd: number, size: number, maxBytes: number): Buffer {
  // One byte more than expected, so the read that finds the end needs no second buffer.
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) throw new TooLarge();
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

/** A write --fix declines to make, with the sentence that says why. */
export class WriteRefused extends Error {}

/**
 * Writes a brief safely: through a symbolic link to its target, via a temporary file in the same
 * folder and a rename (never half a file), keeping the file's mode and owner. A read-only file, a
 * file with other hard links (a rename would split them) and a file whose owner cannot be kept are
 * refused with a WriteRefused, and the file is left as it was.
 */
export async function writeFileAtomic(path: string, text: string, bom = false): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const info = await stat(target).catch(() => undefined);
  if (info) {
    const writable = await access(target, constants.W_OK).then(() => true, () => false);
    // root may write anything; a file marked read-only is still not meant to be rewritten.
    if (!writable || (info.mode & 0o222) === 0) throw new WriteRefused('is read-only; not fixed (make it writable to fix it)');
    if (info.nlink > 1) throw new WriteRefused(`has ${info.nlink} hard links, which rewriting it would split; not fixed`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, (bom ? '\uFEFF' : '') + text, { flag: 'wx' });
    if (info) {
      // The mode given to writeFile is narrowed by the umask; set it exactly.
      await chmod(temp, info.mode & 0o7777);
      const uid = process.getuid?.();
      if (uid !== undefined && (info.uid !== uid || info.gid !== process.getgid?.())) {
        await chown(temp, info.uid, info.gid).catch(async () => {
          // Owner (or group) cannot be kept: refuse rather than hand the file to whoever ran --fix.
          const written = await lstat(temp);
          if (written.uid !== info.uid) throw new WriteRefused('belongs to another user, whose ownership rewriting it would change; not fixed');
        });
      }
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

// The --cache file read in place: one pass through a reused buffer finds where each line is and
// its head (the path, key and checksum before the entry), and an entry's bytes are read from the
// file only when a run asks for them. Holding the whole file instead cost its size in fresh memory
// on every run, which on some machines took longer than everything else an unchanged run does with
// it (docs/performance.md). The descriptor stays open until the run ends: a cache saved meanwhile by
// another run replaces the file's name, not what this descriptor reads. readAt and closeQuietly
// serve the run's scratch file too (node/cache-spill.ts).

import { closeSync, readSync } from 'node:fs';

export interface Line {
  /** The line's offset in the file and its length, without the line break. */
  at: number;
  length: number;
  /** The line's first HEAD_BYTES bytes at most; valid only until the callback returns. */
  head: Buffer;
}

/** How much of a line's start is kept: a path as JSON plus the key and checksum fit many times over. */
export const HEAD_BYTES = 64 * 1024;
const PIECE = 1 << 20;
const NEWLINE = 10;

/**
 * Calls `each` with every non-empty line of the open file `fd`, in order, until it returns false.
 * The last line needs no line break. Read errors are thrown.
 */
export function forEachLine(fd: number, each: (line: Line) => boolean | void, piece = PIECE): void {
  const buffer = Buffer.allocUnsafe(Math.max(piece, 2 * HEAD_BYTES));
  let base = 0; // the file offset of buffer[0]
  let filled = 0;
  let view = buffer.subarray(0, 0);
  let from = 0; // where in the buffer to look for the next line break
  let lineAt = 0; // the file offset of the current line
  let head: Buffer | undefined; // the current line's head, once its start has left the buffer
  const emit = (end: number) => {
    const start = lineAt - base;
    const more = end === lineAt || each({ at: lineAt, length: end - lineAt, head: head ?? view.subarray(start, Math.min(end - base, start + HEAD_BYTES)) }) !== false;
    head = undefined;
    lineAt = end + 1;
    return more;
  };
  for (;;) {
    const newline = view.indexOf(NEWLINE, from);
    if (newline !== -1) {
      if (!emit(base + newline)) return;
      from = newline + 1;
      continue;
    }
    // No line break in what is buffered: keep what the current line still needs, read on.
    const start = lineAt - base;
    if (head === undefined && filled - start >= HEAD_BYTES) head = Buffer.from(view.subarray(start, start + HEAD_BYTES));
    const keep = head === undefined ? start : filled;
    buffer.copy(buffer, 0, keep, filled);
    base += keep;
    filled -= keep;
    from = filled;
    const read = readSync(fd, buffer, filled, buffer.length - filled, base + filled);
    if (read === 0) {
      view = buffer.subarray(0, filled);
      if (base + filled > lineAt) emit(base + filled);
      return;
    }
    filled += read;
    view = buffer.subarray(0, filled);
  }
}

/** `length` bytes of `fd` from `at`; throws when the file ends first. */
export function readAt(fd: number, at: number, length: number, into: Buffer = Buffer.allocUnsafe(length)): Buffer {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, into, done, length - done, at + done);
    if (n === 0) throw new Error('the file ended early');
    done += n;
  }
  return into.subarray(0, length);
}

/** Closes `fd`, which may already be closed. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
}

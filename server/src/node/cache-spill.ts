// Where a --cache run keeps the entries it makes until the cache is saved: a scratch file in the
// system's temporary folder, written as results come, instead of memory (a first run over 2,000
// briefs held 35 MB of them). Entries are read back only to save them. If the scratch file cannot
// be written, an entry simply stays in memory. The file's name is removed as soon as it is opened,
// so nothing is left behind even by a process killed mid-run (the system frees the file with its
// last descriptor). Where an open file cannot be removed (Windows), it is removed once the cache is
// saved or when the process exits.

import { randomBytes } from 'node:crypto';
import { openSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeQuietly, readAt } from './cache-file';

export interface Spilled {
  at: number;
  length: number;
}

export class Spill {
  private fd: number | undefined;
  /** True once the file's name is gone and only the descriptor holds it. */
  private unlinked = false;
  private size = 0;
  private failed = false;
  private readonly path = join(tmpdir(), `briefcheck-cache-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  private readonly removeOnExit = () => this.remove();

  /** Writes `bytes` to the scratch file and says where, or undefined when they must stay in memory. */
  put(bytes: Buffer): Spilled | undefined {
    if (this.failed) return undefined;
    try {
      if (this.fd === undefined) {
        this.fd = openSync(this.path, 'wx+', 0o600);
        process.once('exit', this.removeOnExit);
        this.unlinked = unlinkQuietly(this.path);
      }
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    } catch {
      this.failed = true;
      return undefined;
    }
    const spilled = { at: this.size, length: bytes.length };
    this.size += bytes.length;
    return spilled;
  }

  /** The bytes `put` wrote at `spilled`. */
  get(spilled: Spilled): Buffer {
    return readAt(this.fd!, spilled.at, spilled.length);
  }

  remove(): void {
    process.removeListener('exit', this.removeOnExit);
    if (this.fd === undefined) return;
    closeQuietly(this.fd);
    if (!this.unlinked) unlinkQuietly(this.path);
    this.fd = undefined;
    this.unlinked = false;
    this.size = 0;
  }
}

function unlinkQuietly(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

// A one-line progress indicator on stderr for long runs on a terminal; when stderr is piped or the
// run is short it prints nothing at all, so CI logs and machine formats stay clean.

import type { CliIo } from './io';

/** Runs with fewer files than this finish before a progress line would help. */
export const PROGRESS_MIN_FILES = 50;

export interface Progress {
  update(done: number, current: string): void;
  done(): void;
}

export function createProgress(io: CliIo, total: number): Progress {
  if (!io.isTTY || total < PROGRESS_MIN_FILES) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, current) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      const name = current.length > 50 ? `…${current.slice(-49)}` : current;
      io.stderr(`\r\u001b[2Kchecking ${done + 1}/${total} ${name}`);
    },
    done() {
      if (drawn) io.stderr('\r\u001b[2K');
    },
  };
}

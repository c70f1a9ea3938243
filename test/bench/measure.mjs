// Runs one command as its own child process and reports its wall time and peak resident memory.
// Peak memory comes from GNU time's wait4 figure when /usr/bin/time is present (exact), else from
// polling the kernel's high-water mark (VmHWM) for the process, so nothing needs installing.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const useGnuTime = existsSync(GNU_TIME) && (() => {
  try {
    // BusyBox and BSD time lack -v/-o; only use it when it is GNU time.
    return readFileSync(GNU_TIME).includes('GNU');
  } catch {
    return false;
  }
})();

function readHwmKiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `command args` in `cwd` with stdout and stderr written to `stdoutFile` and `stderrFile` (or
 * discarded: peers report thousands of lint messages) and resolves to `{ wallMs, cpuMs, peakMiB, code }`
 * (cpuMs, user plus system time, only with GNU time; on a shared machine it is steadier than wall time).
 */
export function measure(command, args, { cwd, env, stdoutFile, stderrFile } = {}) {
  const timeFile = join(tmpdir(), `briefcheck-bench-time-${process.pid}-${Date.now()}`);
  const [file, argv] = useGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, args];
  const out = openSync(stdoutFile ?? '/dev/null', 'w');
  const err = openSync(stderrFile ?? '/dev/null', 'w');
  const started = performance.now();
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, err] });
  let polledKiB = 0;
  const poll = useGnuTime ? undefined : setInterval(() => {
    polledKiB = Math.max(polledKiB, readHwmKiB(child.pid));
  }, 10);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (poll) clearInterval(poll);
      closeSync(out);
      closeSync(err);
      let peakKiB = polledKiB;
      let cpuMs;
      if (useGnuTime) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        const [maxrss, user, system] = lines[lines.length - 1].split(' ').map(Number);
        peakKiB = maxrss;
        cpuMs = (user + system) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({ wallMs, cpuMs, peakMiB: peakKiB / 1024, code });
    });
  });
}

export const memorySource = useGnuTime ? 'GNU time (wait4 maxrss)' : '/proc VmHWM polling';

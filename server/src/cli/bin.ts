// The command line's bundle (dist/cli-main.js, run by the entry dist/cli.js, cli/entry.ts): runs the
// command with the real process and sets the exit code without cutting off output that is still
// being written to a pipe.

import { run } from './main';

const chunks = () =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });

// A reader that stops early (`briefcheck . | head`) closes the pipe: stop at once and quietly, with
// the status of a process ended by SIGPIPE (128 + 13), as other Unix tools do, not a stack trace.
const EXIT_BROKEN_PIPE = 141;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_BROKEN_PIPE);
    throw error;
  });
}

void run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdin: chunks,
}).then((code) => {
  process.exitCode = code;
});

// Shared by the CLI tests: an in-memory CliIo that records what the command prints, and temporary
// brief folders made fresh for each test under the system's temp folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run, type CliIo } from '../../server/src/cli/main';

export const repoRoot = resolve(__dirname, '../..');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: Partial<CliIo> = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: repoRoot,
    env: {},
    isTTY: false,
    today: '2026-11-28',
    ...options,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export function tempTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'briefcheck-cli-'));
  // A .git folder makes the temp folder a repository root, so no .gitignore above it applies.
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

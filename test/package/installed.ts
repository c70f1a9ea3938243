// Packs the npm package once (`npm pack`, as a release does) and installs the tarball into a fresh
// temporary repository of briefs, with no network: the package has no runtime dependencies. The
// tests of the package, the GitHub Action and the pre-commit hook all use this one installation.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');

export interface Packed {
  /** The .tgz written by npm pack. */
  tarball: string;
  /** Paths inside the tarball, as npm pack lists them. */
  files: string[];
  /** A git repository of briefs (a copy of examples/) with the tarball installed. */
  repo: string;
  /** The folder the temporary files live in. */
  dir: string;
}

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

export const git = (args: string[], cwd: string) =>
  execFileSync('git', ['-c', 'user.name=briefcheck test', '-c', 'user.email=test@briefcheck.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

/** dist/ is already built (test/global-build.ts), so pack skips `prepare`, which would build it again. */
export function packAndInstall(): Packed {
  const dir = mkdtempSync(join(tmpdir(), 'briefcheck-package-'));
  const [info] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], repoRoot)) as [{ filename: string; files: { path: string }[] }];
  const tarball = join(dir, info.filename);
  const repo = join(dir, 'briefs');
  mkdirSync(repo);
  git(['init', '-q'], repo);
  for (const name of readdirSync(join(repoRoot, 'examples'))) cpSync(join(repoRoot, 'examples', name), join(repo, name));
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'policy-briefs', private: true }, null, 2) + '\n');
  npm(['install', '--offline', '--save-dev', tarball], repo);
  git(['add', '-A'], repo);
  git(['commit', '-q', '-m', 'briefs'], repo);
  return { tarball, files: info.files.map((f) => f.path), repo, dir };
}

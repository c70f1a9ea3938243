// Where the language server keeps what it caches between starts (V8's code cache, the results of
// briefs it checked): the folder an environment variable names, none when it says `off`, else a
// folder in the user's cache folder. Never a shared temporary folder: what is read back from it is
// trusted (code the server runs, results it shows).

import { homedir } from 'node:os';
import { join } from 'node:path';

/** The cache folder `variable` chooses, or `sub` in the user's cache folder for this platform. */
export function userCacheDir(
  variable: string,
  sub: string,
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
  home = homedir(),
): string | undefined {
  const chosen = env[variable];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'briefcheck', sub) : undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'briefcheck', sub);
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'briefcheck', sub);
}

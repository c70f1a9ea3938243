// The command line's entry (dist/cli.js): tunes V8's compilers for checking
// (node/compiler-flags.ts), then runs the command (cli/bin.ts, bundled as dist/cli-main.js) with
// V8's code cache (node/code-cache.ts), stored as the first run without one ends, with every
// function that run compiled. Compiling the bundle was about a fifth of a one-brief run.

import { join } from 'node:path';
import { cacheFileFor, runWithCodeCache } from '../node/code-cache';
import { tuneCompiler } from '../node/compiler-flags';

// Before any code is compiled: V8's code cache holds only for the flags it was made under.
tuneCompiler('cli');
const main = join(__dirname, 'cli-main.js');
runWithCodeCache(main, cacheFileFor(main), (save) => process.once('exit', save));

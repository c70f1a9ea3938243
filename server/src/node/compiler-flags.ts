// V8's compilers, tuned for checking briefs. Set once, before any code runs hot, for the whole
// process (a worker thread cannot have flags of its own): every thread that checks briefs starts
// after them. Measured in docs/performance.md.
//
// Regular expressions: V8 first compiles an expression to bytecode and interprets it, and compiles
// it again to machine code once it has run. The claim reader runs hundreds of expressions, nearly
// all of them many times per brief, so each was compiled twice; compiled once, straight to machine
// code, a fresh process's first check of a 300-line brief took about a quarter less time (162 → 115
// ms), and a one-brief run of the command line 0.44 → 0.40 s, for the same output. This is asked
// for by tiering up after no run of the interpreter, not by turning tier-up off: turned off while
// the process runs, after Node's module loader had run expressions of its own (the npm package's
// command requires `../dist/cli.js`), V8 crashed with a segmentation fault. Expressions made
// before the flag keep tiering up as they did.
//
// Calls inlined (the command line only): the claim reader's large functions (reading figures,
// controls, table rows) are optimized several times in a run, as the shapes they meet change, and
// with calls inlined each optimization took 250–400 ms of a background thread. Those threads share
// the cores with the checks: on two cores, two check threads ran barely faster than one. Without
// inlining, the same 600 briefs took about a sixth less time and a fifth less CPU. The language
// server keeps inlining: its first check was no faster without it.

import { setFlagsFromString } from 'node:v8';

/** For every process that checks briefs: the language server's and the command line's. */
export const CHECK_FLAGS = ['--regexp-tier-up-ticks=0'] as const;
/** For the command line, on top of CHECK_FLAGS. */
export const CLI_FLAGS = ['--no-turbo-inlining'] as const;

/** Applies CHECK_FLAGS, and CLI_FLAGS for the command line, to this process. */
export function tuneCompiler(process: 'cli' | 'server'): void {
  for (const flag of [...CHECK_FLAGS, ...(process === 'cli' ? CLI_FLAGS : [])]) setFlagsFromString(flag);
}

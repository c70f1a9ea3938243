// V8's optimizing compiler, tuned for checking briefs. Set once, before any code is hot, for the
// whole process (a worker thread cannot have flags of its own): every thread that checks briefs
// starts after it.
//
// The claim reader's large functions (reading figures, controls, table rows) are optimized several
// times in a run, as the shapes they meet change, and with calls inlined each optimization took
// 250–400 ms of a background thread. Those threads share the cores with the checks: on two cores,
// two check threads ran barely faster than one. Without inlining, the same 600 briefs took about a
// sixth less time and a fifth less CPU, for the same output (docs/performance.md).

import { setFlagsFromString } from 'node:v8';

export const COMPILER_FLAGS = ['--no-turbo-inlining'] as const;

/** Applies COMPILER_FLAGS to this process. */
export function tuneCompiler(): void {
  for (const flag of COMPILER_FLAGS) setFlagsFromString(flag);
}

// The analysis core: text, configuration and dataset in; claims, problems and fixes out.
// It imports no Node API, no protocol types and no globals, so the CLI and the editor run exactly
// the same checks (test/architecture.test.ts fails when an import crosses that line).

export type * from './types';
export type * from './dataset/types';

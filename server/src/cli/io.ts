// The command line's only window on the outside world: output streams, the working folder, the
// environment and, for --stdin, standard input. Tests pass an in-memory one to run(argv, io).

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal, so progress may be drawn there. */
  isTTY: boolean;
  /** True when stdout is a terminal, so the human formats may use colour there. */
  stdoutIsTTY?: boolean;
  /** Overrides today's date (YYYY-MM-DD), for reproducible runs and tests. */
  today?: string;
  stdin?: () => Promise<string>;
}

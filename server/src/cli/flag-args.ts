// The words after a data subcommand, flag by flag: `--name value` and `--name=value` alike. A
// flag's `value()` takes its value (the next word when none is inline); a word that is no flag
// comes as its own `flag`.

export interface FlagArg {
  flag: string;
  value(): string;
}

export function* flagArgs(words: readonly string[], missing: (flag: string) => Error): Generator<FlagArg> {
  for (let i = 0; i < words.length; i++) {
    const arg = words[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    yield {
      flag,
      value() {
        const v = inline ?? words[++i];
        if (v === undefined) throw missing(flag);
        return v;
      },
    };
  }
}

// The text of briefcheck --help; docs/cli.md has the long form.

export const HELP = `Usage: briefcheck [options] [paths or globs...]
       briefcheck claims [options] FILE...
       briefcheck rules [--format json]
       briefcheck data validate|info ...

Checks Markdown briefs on critical minerals against the bundled dataset, as of each brief's date.
With no paths, checks the Markdown files under the current folder, honouring .gitignore.

Options:
  -f, --format NAME        stylish (default), json, sarif, github or junit
      --as-of DATE         check as of DATE (YYYY-MM-DD), over front matter and configuration
      --parser NAME        Markdown parser: remark (the reference, default) or lezer (fast)
      --fix                apply fixes to the files (atomically) and report what is left
      --rule ID=SEVERITY   set a rule to error, warning, info or off (repeatable)
  -c, --config FILE        use FILE instead of the nearest .briefcheck.json
      --max-warnings N     exit 1 when there are more than N warnings
  -q, --quiet              report errors only
      --cache              skip briefs unchanged since the last run (.briefcheckcache)
      --cache-location F   where to keep the cache
      --shard I/N          check only the I-th of N disjoint parts of the file list
      --stdin              read one brief from standard input
      --stdin-filename F   the path to report (and find configuration from) for --stdin
      --color, --no-color  force colour on or off
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage, configuration, dataset or file error.
`;

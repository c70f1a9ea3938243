// The text of briefcheck --help; docs/cli.md has the long form. A test checks that every command
// and every format the code knows is listed here.

export const HELP = `Usage: briefcheck [options] [paths or globs...]
       briefcheck claims [options] FILE...
       briefcheck rules [--format json]
       briefcheck init [--workflow]
       briefcheck data validate [overlay.json ...]
       briefcheck data info|status|figures|import ... (briefcheck data --help)
       briefcheck diff --data OLD NEW [paths...]

Checks Markdown briefs on critical minerals against the bundled dataset, as of each brief's date.
With no paths, checks the Markdown files under the current folder, honouring .gitignore.

Commands:
  (none)                   check the briefs named, or all under the current folder
  claims FILE...           list every claim recognised in the briefs, with its verdict
  rules                    list the rules, their default severities and documentation
  init                     write a commented .briefcheck.json (--workflow: and a GitHub workflow);
                           never overwrites a file
  data validate            check the dataset and overlays against their schemas and invariants
  data info                the dataset's version, horizon and counts
  data status MINERAL      a mineral's control status on a date (--on YYYY-MM-DD)
  data figures MINERAL     the figures published for a mineral by a date
  data import KIND FILE    turn a USGS MCS table (usgs-mcs) or a saved Census trade API response
                           (census) into a validated overlay
  diff --data OLD NEW      list the claims whose verdict a data update changes

Options:
  -f, --format NAME        stylish (default), json, sarif, github, gitlab, junit or markdown
      --as-of DATE         check as of DATE (YYYY-MM-DD), over front matter and configuration
      --parser NAME        Markdown parser: lezer (fast, default) or remark (the reference)
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
      --no-error-on-unmatched-pattern
                           skip globs, folders and include patterns that match no brief
                           (by default they are an error, exit 2)
      --respect-ignore-on-named-files
                           skip named files that .gitignore or exclude ignores
                           (for pre-commit hooks and changed-file lists)
      --color, --no-color  force colour on or off (FORCE_COLOR and NO_COLOR are honoured)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 no errors, 1 errors or too many warnings, 2 usage, configuration, dataset or file error.
`;

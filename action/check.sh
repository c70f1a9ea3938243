#!/usr/bin/env bash
# Step 2 of action.yml: runs briefcheck once for the annotations (--format github), then again,
# from its cache, for the job summary and the SARIF report. The exit code is passed on as an output
# so the SARIF upload still happens; the last step of the action fails the job with it.
set -uo pipefail
set -f # patterns are briefcheck's to expand, not the shell's

bin="${BRIEFCHECK_BIN:?}"
args=(--cache --cache-location "${RUNNER_TEMP:?}/briefcheck-action-cache.json")
[[ -n "${INPUT_CONFIG:-}" ]] && args+=(--config "$INPUT_CONFIG")
[[ -n "${INPUT_AS_OF:-}" ]] && args+=(--as-of "$INPUT_AS_OF")
[[ -n "${INPUT_MAX_WARNINGS:-}" ]] && args+=(--max-warnings "$INPUT_MAX_WARNINGS")

# Spaces and new lines separate the patterns.
read -r -d '' -a patterns <<<"${INPUT_FILES:-}" || true

if [[ "${INPUT_CHANGED_FILES_ONLY:-false}" == "true" ]]; then
  if [[ -n "${GITHUB_BASE_REF:-}" ]]; then
    base="origin/$GITHUB_BASE_REF"
  elif [[ -n "${GITHUB_EVENT_PATH:-}" && -f "$GITHUB_EVENT_PATH" ]]; then
    base="$(node -e 'const e = require(process.argv[1]); process.stdout.write(/^0+$/.test(e.before ?? "0") ? "" : e.before)' "$GITHUB_EVENT_PATH")"
  else
    base=""
  fi
  if [[ -z "$base" ]] || ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    echo "::error title=briefcheck::changed-files-only cannot find the base commit${base:+ $base}; check out with fetch-depth: 0"
    echo "exit-code=2" >>"$GITHUB_OUTPUT"
    exit 0
  fi
  # Paths relative to this folder, for the files added, copied, modified or renamed since base.
  mapfile -t patterns < <(git diff --name-only --relative --diff-filter=ACMRT "$base...HEAD" -- '*.md' '*.markdown')
  if ((${#patterns[@]} == 0)); then
    printf '## briefcheck\n\nNo brief changed since %s.\n' "$base" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
    echo "exit-code=0" >>"$GITHUB_OUTPUT"
    exit 0
  fi
  # Changed files honour .gitignore and exclude, as a folder or glob would.
  args+=(--respect-ignore-on-named-files)
fi

"$bin" "${patterns[@]}" "${args[@]}" --format github
code=$?
echo "exit-code=$code" >>"$GITHUB_OUTPUT"

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  "$bin" "${patterns[@]}" "${args[@]}" --format markdown >>"$GITHUB_STEP_SUMMARY" 2>/dev/null
fi
if [[ "${INPUT_UPLOAD_SARIF:-false}" == "true" ]]; then
  sarif="$RUNNER_TEMP/briefcheck.sarif"
  "$bin" "${patterns[@]}" "${args[@]}" --format sarif >"$sarif" 2>/dev/null
  echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi
exit 0

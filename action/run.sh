#!/usr/bin/env bash
# The work of the atolint GitHub Action (action.yml), runnable anywhere: the action calls it, and
# ActionScriptIT calls it on a fixture repository laid out like a user's (no pom.xml).
#
#   run.sh install   makes $ATOLINT_HOME/atolint.jar (+ the ./atolint launcher beside it) unless it is
#                    there already (restored from the cache): fetched from $INPUT_JAR_URL when set,
#                    else built once with Maven from the action's own source ($ACTION_PATH).
#   run.sh scan      runs `atolint scan` on $INPUT_PATHS in the current directory (the user's checkout):
#                    SARIF to $INPUT_SARIF, each of $INPUT_FORMATS (FORMAT=FILE, space-separated), the text
#                    report to the log, --fail-on $INPUT_FAIL_ON, --config $INPUT_CONFIG when set, and
#                    $INPUT_ARGS (e.g. --region us-east-1). Exits with atolint's code (0, 1 findings, 2 error).
#   run.sh key       prints the cache key: the atolint version and a digest of its source (or of the URL).
#
# Outputs go to $GITHUB_OUTPUT (exit-code, sarif) and a Markdown report to $GITHUB_STEP_SUMMARY when set.
set -euo pipefail
set -f # paths and options are split on spaces, never globbed

ACTION_PATH="${ACTION_PATH:-${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}}"

key() {
  local version digest
  version="$(sed -n '/<version>/{s:.*<version>\(.*\)</version>.*:\1:p;q;}' "$ACTION_PATH/pom.xml")"
  if [ -n "${INPUT_JAR_URL:-}" ]; then
    digest="$(printf '%s' "$INPUT_JAR_URL" | sha256sum | cut -c1-16)"
  else
    # the source the jar is built from, so that a moved tag or branch never reuses another build
    digest="$(cd "$ACTION_PATH" && find pom.xml parsers/pom.xml analyzer/pom.xml parsers/src/main analyzer/src/main atolint \
      -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)"
  fi
  printf 'atolint-%s-%s\n' "$version" "$digest"
}

home() {
  printf '%s\n' "${ATOLINT_HOME:-${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}/atolint/$(key)}"
}

install() {
  local dir
  dir="$(home)"
  if [ -f "$dir/atolint.jar" ] && [ -x "$dir/atolint" ]; then
    echo "atolint: using $dir/atolint.jar" >&2
    return 0
  fi
  mkdir -p "$dir"
  if [ -n "${INPUT_JAR_URL:-}" ]; then
    echo "atolint: fetching $INPUT_JAR_URL" >&2
    curl -fsSL --retry 3 -o "$dir/atolint.jar.tmp" "$INPUT_JAR_URL"
  else
    echo "atolint: building atolint.jar with Maven from $ACTION_PATH (once per version; cached)" >&2
    local log="$dir/build.log"
    if ! (cd "$ACTION_PATH" && mvn -B -q -DskipTests -Dstyle.color=never package) >"$log" 2>&1 </dev/null; then
      sed 's/\x1b\[[0-9;]*m//g' "$log" | tail -n 40 >&2
      echo "atolint: build failed" >&2
      return 2
    fi
    cp "$ACTION_PATH/analyzer/target/atolint.jar" "$dir/atolint.jar.tmp"
  fi
  cp "$ACTION_PATH/atolint" "$dir/atolint.tmp"
  chmod +x "$dir/atolint.tmp"
  mv -f "$dir/atolint.jar.tmp" "$dir/atolint.jar"
  mv -f "$dir/atolint.tmp" "$dir/atolint"
}

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

scan() {
  local dir sarif fail_on args=() rc=0 md=""
  dir="$(home)"
  if [ ! -x "$dir/atolint" ]; then
    echo "atolint: not installed in $dir (run: $0 install)" >&2
    return 2
  fi
  sarif="${INPUT_SARIF:-atolint.sarif}"
  fail_on="${INPUT_FAIL_ON:-high}"
  # shellcheck disable=SC2206
  args=(scan ${INPUT_PATHS:-.} --fail-on "$fail_on" --format "sarif=$sarif" --format text)
  if [ -n "${INPUT_CONFIG:-}" ]; then
    args+=(--config "$INPUT_CONFIG")
  fi
  for f in ${INPUT_FORMATS:-}; do
    args+=(--format "$f")
    case "$f" in md=* | markdown=*) md="${f#*=}" ;; esac
  done
  # shellcheck disable=SC2206
  args+=(${INPUT_ARGS:-})
  "$dir/atolint" "${args[@]}" || rc=$?
  output exit-code "$rc"
  if [ -s "$sarif" ]; then
    output sarif "$sarif"
  fi
  if [ -n "$md" ] && [ -s "$md" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    cat "$md" >>"$GITHUB_STEP_SUMMARY"
  fi
  return "$rc"
}

case "${1:-}" in
  key) key ;;
  home) home ;;
  install) install ;;
  scan) scan ;;
  *)
    echo "usage: $0 install|scan|key|home" >&2
    exit 2
    ;;
esac

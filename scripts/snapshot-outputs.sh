#!/usr/bin/env bash
# The CLI's outputs on the shipped scenarios, one file per command, so that two trees can be diffed:
# a refactoring must leave every byte (stdout, stderr, exit code, written files) as it was.
#
#   scripts/snapshot-outputs.sh OUT            # builds, then writes OUT/<name>.out, .err, .code and any file written
#   diff -r before/ after/                     # nothing: behaviour unchanged
#
# Solve times are not in these outputs (the JSON carries none); a decision record carries a date, so
# `--record` is left out. Every solve names its engine: `auto` hands a model to HiGHS when
# javascript-lp-solver takes more than 1.5 s, so on a loaded machine its answer (and the engine it
# reports) would differ from one run to the next. The simulator's frames are checked by `npm run docs -- --check` and the TUI tests.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: scripts/snapshot-outputs.sh OUT-FOLDER}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
npm run build --silent >&2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r scenarios "$work/scenarios"

# run NAME ARGS…: runs the CLI in a private copy of scenarios/, keeps stdout, stderr and the exit code.
run() {
  local name="$1"
  shift
  local code=0
  (cd "$work" && node "$OLDPWD/bin/enveloppe.js" "$@") >"$out/$name.out" 2>"$out/$name.err" || code=$?
  echo "$code" >"$out/$name.code"
  # Any file the command wrote beside the scenarios.
  for written in "$work"/written.*; do
    [[ -e "$written" ]] || continue
    mv "$written" "$out/$name.${written##*/}"
  done
}

for scenario in tiny ptce-2013 ptce-2015 rhone-alpes; do
  s="scenarios/$scenario.yaml"
  run "validate-$scenario" validate "$s"
  run "solve-$scenario" solve "$s" --all --solver highs
  run "solve-$scenario-json" solve "$s" --json --solver highs
  run "solve-$scenario-csv" solve "$s" --csv written.csv --lp written.lp --solver highs
  run "solve-$scenario-excel" solve "$s" --csv written.csv --excel --solver highs
  run "compare-$scenario" compare "$s"
  run "compare-$scenario-json" compare "$s" --json
  run "budget-sweep-$scenario" budget-sweep "$s" --steps 5
  run "robustness-$scenario" robustness "$s" --samples 40 --seed 7
done
# javascript-lp-solver on the small call only: on the others its tie-break can run past the time limit.
run solve-tiny-jslp solve scenarios/tiny.yaml --all --solver jslp
run solve-tiny-emploi solve scenarios/tiny.yaml --policy emploi --solver jslp
run solve-tiny-weights solve scenarios/tiny.yaml --weights utilite_sociale=1,emplois=3 --json --solver jslp
run solve-ptce-2013-highs solve scenarios/ptce-2013.yaml --solver highs --policy emploi
run sweep-tiny sweep scenarios/tiny.yaml --criterion emplois --steps 11
run sweep-ptce-2013 sweep scenarios/ptce-2013.yaml --criterion perennite_emplois --steps 11
run sweep-ptce-2013-csv sweep scenarios/ptce-2013.yaml --criterion perennite_emplois --steps 6 --csv written.csv --excel
run budget-sweep-ptce-2013-range budget-sweep scenarios/ptce-2013.yaml --from 2000000 --to 4000000 --steps 5
run robustness-ptce-2013-json robustness scenarios/ptce-2013.yaml --samples 60 --seed 3 --json
run robustness-tiny-uniform robustness scenarios/tiny.yaml --samples 50 --uniform
run tipping-tiny tipping scenarios/tiny.yaml
# Mistakes: one message and an exit code.
run bad-policy solve scenarios/tiny.yaml --policy sociale
run bad-weights solve scenarios/tiny.yaml --weights emploi=1
run bad-flag solve scenarios/tiny.yaml --jsn
run bad-command solv scenarios/tiny.yaml
run bad-path validate scenarios/nothing.yaml
run bad-excel solve scenarios/tiny.yaml --excel
run over-input solve scenarios/tiny.yaml --csv scenarios/tiny.csv
# No allocation satisfies the rules: at least four laureates among three at most.
sed 's/laureates: {min: 0, max: 3}/laureates: {min: 4, max: 3}/' "$work/scenarios/tiny.yaml" >"$work/scenarios/infeasible.yaml"
run infeasible-min-above-max solve scenarios/infeasible.yaml
sed 's/share: {min: 0.30}/share: {min: 0.90}/' "$work/scenarios/tiny.yaml" >"$work/scenarios/infeasible.yaml"
run infeasible solve scenarios/infeasible.yaml --solver highs
run infeasible-validate validate scenarios/infeasible.yaml
echo "snapshot: $(find "$out" -type f | wc -l) files in $out" >&2

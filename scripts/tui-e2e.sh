#!/usr/bin/env bash
# The simulator in a real terminal: runs `node bin/enveloppe.js` in tmux (120×40), types keys,
# reads the screen as a person would, walks every view at 80×24 and 200×50 (the id column, a
# conflict's fix scrolled to in its panel), checks that Compare and Allocation give the same change
# the same sign, quits, and checks that the shell gets its terminal back as it was. Builds first when
# dist/ is older than src/.
#
#   scripts/tui-e2e.sh                    # the checks
#   scripts/tui-e2e.sh --captures docs/tui # the checks, and a text capture of each view at 120×40
#                                          # (the analyses' too: a minute or two more)
set -euo pipefail
cd "$(dirname "$0")/.."

captures=''
if [[ "${1:-}" == '--captures' ]]; then captures="${2:?--captures needs a folder}"; fi

if ! command -v tmux >/dev/null 2>&1; then
  echo 'tui-e2e: tmux is not installed' >&2
  exit 2
fi
if [[ ! -f dist/bundle/run.js ]] || [[ -n "$(find src -newer dist/bundle/run.js -name '*.ts*' -print -quit)" ]]; then
  npm run build --silent >&2
fi

socket="enveloppe-e2e-$$"
work="$(mktemp -d)"
t() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() {
  t kill-server >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "tui-e2e: FAIL: $1" >&2
  echo '--- screen ---' >&2
  t capture-pane -p -t e2e >&2 || true
  exit 1
}
screen() { t capture-pane -p -t e2e; }
# Waits until the screen matches an extended regular expression (grep -E), at most $2 seconds.
wait_for() {
  local pattern="$1" seconds="${2:-15}" tries
  tries=$((seconds * 10))
  while ((tries-- > 0)); do
    if screen | grep -Eq -- "$pattern"; then return 0; fi
    sleep 0.1
  done
  fail "waited ${seconds}s for /$pattern/"
}
wait_settled() {
  wait_for '✓ optimal|✗ infeasible' "${1:-20}"
  local tries=100
  while ((tries-- > 0)) && screen | grep -q 'solving…'; do sleep 0.1; done
}
keys() { t send-keys -t e2e "$@"; }
check() { screen | grep -Eq -- "$1" || fail "$2"; }
check_not() { ! screen | grep -Eq -- "$1" || fail "$2"; }
save() { if [[ -n "$captures" ]]; then mkdir -p "$captures" && screen >"$captures/$1.txt"; fi; }
# Every line within the width, the header on the first line and the keys on the last: the frame fits.
fits() {
  local columns="$1" rows="$2" text
  text="$(screen)"
  node -e 'const max = Number(process.argv[1]); const lines = require("fs").readFileSync(0, "utf8").split("\n"); process.exit(lines.some((line) => [...line].length > max) ? 1 : 0)' "$columns" <<<"$text" || fail "a line is wider than $columns columns"
  [[ "$(head -n 1 <<<"$text")" == 'Appel à projets PTCE 2013'* ]] || fail "the header is not on the first line at ${columns}×${rows}"
  [[ "$(grep -c 'Appel à projets PTCE 2013' <<<"$text")" == 1 ]] || fail "the header shows more than once at ${columns}×${rows}"
  [[ "$(sed -n "$((rows - 1))p" <<<"$text")" =~ ^1\ (Allocation\ )?2 ]] || fail "the keys line is not at the bottom at ${columns}×${rows}"
}

# A plain shell in a 120×40 terminal, as a person would have; the simulator is typed at its prompt.
t new-session -d -s e2e -x 120 -y 40 -c "$PWD" "env -u CI -u CONTINUOUS_INTEGRATION -u NO_COLOR TERM=xterm-256color PS1='e2e\$ ' bash --norc --noprofile"
wait_for '^e2e\$' 10
keys "stty -g > '$work/stty-before'" Enter
keys 'node bin/enveloppe.js' Enter

# Header, a row of the table, the keys.
wait_settled 30
check '^Appel à projets PTCE 2013 · policy equilibre \(Équilibrée \(poids égaux\)\) +✓ optimal · [0-9]+ ms$' 'header: call, policy, status and solve time'
check '^Spent 3 000 000 € / 3 000 000 € · 2013 1 500 000 € / 1 500 000 € · 2014 1 500 000 € / 1 500 000 € · Laureates [0-9]+ / 23$' 'header: spend per year and laureates'
check '^   Rank Id +Name +Region +Score' 'the id column'
check '^› +[0-9]+ ptce-109 Pôle Sud \(Groupe Archer\) +Rhône-Alpes +84\.00 .*290 000 € +89\.8 %' 'a row of the table, with its id'
check '^1 Allocation 2 Weights 3 Budget 4 Summary' 'the footer with the views'
screen | grep -q $'\e\\[' && fail 'capture-pane -p printed escape codes'
t capture-pane -e -p -t e2e | grep -q $'\e\\[3[0-9]m' || fail 'no colour on screen without NO_COLOR'
fits 120 40
save allocation

# A weight change re-solves and the change column shows what moved.
keys 2
wait_for '^Policy equilibre'
keys Down Down Down Down Down Down
keys S-Right S-Right S-Right
wait_for 'Pérennité des emplois créés +█+[▏▎▍▌▋▊▉]? +26\.1 %'
wait_settled
check '\(edited\)' 'the weights view says the policy is edited'
check '[0-9]+ changed, [0-9]+ new, [0-9]+ out' 'the weights view says what moved'
check 'policy equilibre\* \(Équilibrée \(poids égaux\), edited\)' 'the header says the weights are edited'
save weights
keys 1
wait_for '^   (Rank )?Id +Name'
check '(▲ \+|▼ −)[0-9 ]+ €|  new$|  out$' 'the change column after a weight change'

# Detail, budget, summary and help, each captured.
keys Enter
wait_for 'Rules it counts towards'
save detail
keys Escape 3
wait_for '^› Envelope total +3 000 000 €'
save budget
keys 4
wait_for '^Spend by region'
save summary
keys '?'
wait_for '^Everywhere'
save help
keys Escape 1
wait_for '^   (Rank )?Id +Name'

# An analysis view on the policy as written: Compare (5) solves the other policies in the
# background, then lines them up. With --captures, the other three views too (tipping points take
# about a minute on this call).
keys 2 r
wait_for '^Policy equilibre — Équilibrée \(poids égaux\) +│'
wait_settled
keys 5
wait_for '^Compare equilibre with emploi, citoyenne, solidite'
wait_for '^Id +Name +equilibre +emploi +citoyenne +solidite' 30
check '^› emploi → equilibre: [0-9]+ laureates in common · [0-9 ]+ € change hands$' 'the compare view: who enters and who leaves'
check '^ptce-109 +Pôle Sud \(Groupe Archer\) +290 000 €' 'the compare view: a row with its grants'
check '5 Compare' 'the compare tab in the footer'
fits 120 40
save compare
if [[ -n "$captures" ]]; then
  keys 6
  wait_for '^Funded along the sweep' 60
  save sweep
  keys 8
  wait_for '[0-9]+ of 200 solved' 180
  save robustness
  keys 7
  wait_for 'Holds from–to' 600
  save tipping
fi
keys 1
wait_for '^   (Rank )?Id +Name'

# An infeasible edit: laureates at most 2 with 40 % of the envelope for territories in difficulty.
keys 3 Down Down Down Down Down Enter
wait_for '^Laureates at most \(now 23\):'
keys 2 Enter
wait_for '✗ infeasible'
wait_for 'What would fix it' 30
keys 1
wait_for '^   (Rank )?Id +Name'
check '\(last feasible\)' 'the last feasible allocation stays'
check '╭─+╮' 'the conflict panel'
save conflict
keys u
wait_for '✓ optimal'
check_not 'No allocation satisfies' 'undo clears the conflict'

# Every view at 80×24 and 200×50: each fits, with its key information on screen.
walk() {
  local columns="$1" rows="$2" tries
  t resize-window -t e2e -x "$columns" -y "$rows"
  keys 1
  sleep 0.3
  wait_for '^   (Rank )?Id +Name'
  fits "$columns" "$rows"
  check '^› +([0-9]+ +)?ptce-109 Pôle Sud' "the selected row with its id at ${columns}×${rows}"
  keys Enter
  wait_for '^ptce-109 · Pôle Sud'
  check 'Rules it counts towards' "the detail keeps the rules it counts towards at ${columns}×${rows}"
  fits "$columns" "$rows"
  keys Escape
  wait_for '^   (Rank )?Id +Name'
  keys 2
  wait_for '^› [A-ZÉ]'
  fits "$columns" "$rows"
  keys 3 Up Up Up Up Up Up
  wait_for '^› Envelope total +3 000 000 €'
  fits "$columns" "$rows"
  keys 4
  wait_for '^Mean score weighted by the euros: [0-9]+\.[0-9]{2}'
  fits "$columns" "$rows"
  keys '?'
  wait_for '^Everywhere'
  fits "$columns" "$rows"
  keys Escape 5
  wait_for '^› emploi → equilibre: [0-9]+ laureates in common' 30
  fits "$columns" "$rows"
  # The analyses start at once; their first frame is enough here (Esc stops them).
  keys 6
  wait_for '^Sweep '
  fits "$columns" "$rows"
  keys Escape 7
  wait_for '^Tipping points '
  fits "$columns" "$rows"
  keys Escape 8
  wait_for '^Robustness '
  fits "$columns" "$rows"
  keys Escape

  # An envelope of 100 000 €: the conflict panel says what would fix it (scrolled to with >), the
  # regions said once, no amount split across two lines.
  keys 3 Enter
  wait_for '^Envelope total \(now 3 000 000 €\): '
  keys '100 000' Enter
  wait_for '✗ infeasible'
  wait_for 'What would fix it|< > scroll' 60
  tries=100
  while ((tries-- > 0)) && screen | grep -q 'looking for the rules'; do sleep 0.2; done
  fits "$columns" "$rows"
  tries=20
  while ((tries-- > 0)) && ! screen | grep -q 'lower the grant floor'; do keys '>'; sleep 0.2; done
  check 'lower the grant floor' "the fix of the conflict, scrolled to, at ${columns}×${rows}"
  screen | node -e 'const lines = require("fs").readFileSync(0, "utf8").split("\n").map((line) => /│ (.*?) *│$/.exec(line)?.[1] ?? ""); process.exit(lines.some((line, index) => /[0-9≤≥]$/.test(line) && /^ *([0-9]{3}\b|[kM]?€)/.test(lines[index + 1] ?? "")) ? 1 : 0)' || fail "an amount split across lines at ${columns}×${rows}"
  tries=20
  while ((tries-- > 0)) && ! screen | grep -Eq '[0-9]+ regions'; do keys '>'; sleep 0.2; done
  check '[0-9]+ regions' "the regions grouped in the conflict panel at ${columns}×${rows}"
  check_not '— Aquitaine: ≤' "one line per region in the conflict panel at ${columns}×${rows}"
  save "conflict-${columns}x${rows}"
  keys u
  wait_for '✓ optimal' 30
}
walk 200 50
walk 80 24

# q gives the shell back: normal screen, same terminal settings, commands echo.
keys q
wait_for '^e2e\$ ?$' 10
check_not '^Spent ' 'the simulator left its screen behind'
keys "echo EXITED:\$?; stty -g > '$work/stty-after'" Enter
wait_for '^EXITED:0$' 10
wait_for '^e2e\$ ?$' 10
cmp -s "$work/stty-before" "$work/stty-after" || fail "terminal settings changed: $(cat "$work/stty-before") → $(cat "$work/stty-after")"

# NO_COLOR: no colour at all.
t resize-window -t e2e -x 120 -y 40
keys 'clear; NO_COLOR=1 node bin/enveloppe.js scenarios/tiny.yaml' Enter
wait_settled
t capture-pane -e -p -t e2e | grep -q $'\e\\[[0-9;]*[1-9][0-9;]*m' && fail 'colours or styles despite NO_COLOR'

# One sign for one change: social becomes the reference, emploi is solved; Allocation and Compare
# both give tiny-1 the change from the reference to the current allocation.
keys c p
wait_for 'policy emploi'
wait_settled
allocation_change="$(screen | grep -E ' tiny-1 ' | grep -Eo '(▲ \+|▼ −)[0-9 ]+ €')" || fail 'no change for tiny-1 in the allocation view'
keys 5 m
wait_for '^Compare emploi with social \(ref\)'
compare_change="$(screen | grep -E '^tiny-1 ' | grep -Eo '(▲ \+|▼ −)[0-9 ]+ €')" || fail 'no change for tiny-1 in the compare view'
[[ "$allocation_change" == '▼ −30 000 €' && "$compare_change" == "$allocation_change" ]] || fail "Allocation says $allocation_change, Compare says $compare_change for tiny-1"
keys q
wait_for '^e2e\$ ?$' 10

echo 'tui-e2e: ok'

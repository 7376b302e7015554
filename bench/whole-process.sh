#!/bin/sh
# Whole-process benchmark (issue 16): the huizong command line as a user runs it, over clean
# generated returns of the standard collection, beside the naive POI full-model loop.
#
#   bench/whole-process.sh [N ...]        default: 2000 5000
#
# For each N it generates N returns (once; ReturnCopies rewrites the cell XML of templates
# that `huizong template` wrote, no spreadsheet library), then runs in turn, PAIRS times,
#   A  huizong consolidate --roster schools-N.csv --out book-N.xlsx returns-N   (book written)
#   B  the naive loop: POI XSSFWorkbook per file, F_ cells summed, nothing written
# and checks the book's county totals (read back with POI) and the naive loop's totals against
# the generator's sums; then `validate` on the same files. After all N: `consolidate` of the
# demo's 61 returns (with the previous period) and `template` for 300 schools. Every run is
# timed by /usr/bin/time: wall, CPU (user + sys, all threads), max RSS; each line carries the
# 1-minute load average at its start. The summary gives medians and the naive/huizong ratios.
#
# Environment:
#   PAIRS=3             A/B pairs (and runs of validate, demo and template)
#   JAR=cli/target/huizong.jar   built with ./mvnw if missing
#   HUIZONG             the command that runs huizong (default: java $JAVA_OPTS -jar $JAR;
#                       e.g. HUIZONG=cli/target/huizong for the launcher, which reads JAVA_OPTS)
#   BEFORE              another huizong to run beside it, step by step, the two in alternating
#                       order (labels @before), e.g. BEFORE="java -Xmx1g -jar old.jar"; its
#                       books must be the same bytes (every run has SOURCE_DATE_EPOCH set)
#   JAVA_OPTS=-Xmx1g    for huizong (unless HUIZONG is given) and the naive loop alike
#   DIR=/tmp/huizong-whole   generated returns, books and logs (returns reused while the
#                       templates the jar writes stay byte for byte the same)
#   NAIVE=1             0 skips the naive loop (quick runs of huizong alone)
#   EXTRAS=1            0 skips validate, the demo and the templates
set -eu

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PAIRS=${PAIRS:-3}
JAR=${JAR:-$ROOT/cli/target/huizong.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
export JAVA_OPTS # the launcher cli/target/huizong reads it too
HUIZONG=${HUIZONG:-java $JAVA_OPTS -jar $JAR}
BEFORE=${BEFORE:-}
export SOURCE_DATE_EPOCH=1700000000 # the same book bytes from every run
DIR=${DIR:-/tmp/huizong-whole}
NAIVE=${NAIVE:-1}
EXTRAS=${EXTRAS:-1}
[ $# -gt 0 ] || set -- 2000 5000

TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
mkdir -p "$DIR"
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$DIR/results-$STAMP.txt
LOG=$DIR/log-$STAMP.txt
: > "$RESULTS"

if [ ! -f "$JAR" ]; then
    echo "building $JAR"
    ./mvnw -B -q -pl cli -am package -DskipTests
fi
CP_FILE=$ROOT/engine/target/bench.cp
if [ ! -f "$CP_FILE" ] || [ -n "$(find engine/src engine/pom.xml -newer "$CP_FILE" | head -1)" ]
then
    echo "compiling the benchmark classes (engine test scope)"
    ./mvnw -B -q -pl engine test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
    touch "$CP_FILE" # the plugin leaves an unchanged file alone
fi
CP=$ROOT/engine/target/classes:$ROOT/engine/target/test-classes:$(cat "$CP_FILE")
bench() { java $JAVA_OPTS -cp "$CP" "org.huizong.engine.bench.$@"; }

# run LABEL EXPECTED_EXIT COMMAND...: one timed run, a line in $RESULTS, output in $LOG
run() {
    label=$1 expected=$2
    shift 2
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "== $label: $*" >> "$LOG"
    set +e
    $TIME -f '%e %U %S %M' -o "$DIR/time.txt" "$@" >> "$LOG" 2>&1
    rc=$?
    set -e
    if [ "$rc" != "$expected" ]; then
        echo "$label: exit $rc, expected $expected; see $LOG" >&2
        tail -20 "$LOG" >&2
        exit 1
    fi
    tail -1 "$DIR/time.txt" | awk -v l="$label" -v load="$load" '{
        printf "%s %s %.2f %d %s\n", l, $1, $2 + $3, $4 / 1024, load }' >> "$RESULTS"
    tail -1 "$RESULTS" | awk '{ printf "  %-24s wall %6.2f s  CPU %6.2f s  max RSS %5d MB  load %s\n",
        $1, $2, $3, $4, $5 }'
}

# the variants of pair $i: after (HUIZONG), and before (BEFORE) first in every other pair
variants() {
    if [ -z "$BEFORE" ]; then echo after
    elif [ $((i % 2)) = 1 ]; then echo after before
    else echo before after
    fi
}
command_of() { if [ "$1" = before ]; then echo "$BEFORE"; else echo "$HUIZONG"; fi; }
tag_of() { if [ "$1" = before ]; then echo @before; fi; }

# generate N: returns, roster and sums in $DIR, reused while the models are the same bytes
generate() {
    n=$1
    models=$DIR/models
    rm -rf "$models.new"
    bench ReturnCopies --model-roster "$DIR/models.csv"
    $HUIZONG template --period 2024H1 --roster "$DIR/models.csv" --out "$models.new" > /dev/null
    if [ -d "$models" ] && diff -r -q "$models" "$models.new" > /dev/null; then
        rm -rf "$models.new"
    else
        rm -rf "$models" "$DIR"/returns-* "$DIR"/sums-*
        mv "$models.new" "$models"
    fi
    if [ ! -f "$DIR/sums-$n.csv" ]; then
        bench ReturnCopies --models "$models" --returns "$n" --out "$DIR"
        # clean returns: not one error, or the totals could not be compared
        $HUIZONG validate "$DIR/returns-$n" > "$DIR/validate-$n.txt" || {
            echo "generated returns have errors: $DIR/validate-$n.txt" >&2; exit 1; }
    fi
}

{
    echo "whole-process benchmark $STAMP, commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
    echo "huizong: $HUIZONG"
    [ -z "$BEFORE" ] || echo "before: $BEFORE"
    echo "jar: $JAR ($(sha256sum "$JAR" | cut -c1-12))"
    echo "naive loop: java $JAVA_OPTS (engine test classes); pairs: $PAIRS"
    echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
} | tee "$DIR/header-$STAMP.txt"

for n in "$@"; do
    echo "N=$n: generating (or reusing) the returns"
    generate "$n"
    i=1
    while [ "$i" -le "$PAIRS" ]; do
        for v in $(variants); do
            t=$(tag_of "$v")
            run "consolidate-$n$t" 0 $(command_of "$v") consolidate \
                --roster "$DIR/schools-$n.csv" --out "$DIR/book-$n$t.xlsx" "$DIR/returns-$n"
        done
        if [ "$NAIVE" = 1 ]; then
            run "naive-$n" 0 java $JAVA_OPTS -cp "$CP" org.huizong.engine.bench.NaiveLoop \
                --dir "$DIR/returns-$n" --sums "$DIR/sums-$n.csv"
        fi
        i=$((i + 1))
    done
    bench BookTotals --book "$DIR/book-$n.xlsx" --sums "$DIR/sums-$n.csv"
    grep -q "计入 $n，" "$LOG" || { echo "not every return counted; see $LOG" >&2; exit 1; }
    if [ -n "$BEFORE" ]; then
        cmp "$DIR/book-$n.xlsx" "$DIR/book-$n@before.xlsx"
        echo "the books of huizong and before are the same bytes"
    fi
    if [ "$EXTRAS" = 1 ]; then
        i=1
        while [ "$i" -le "$PAIRS" ]; do
            for v in $(variants); do
                run "validate-$n$(tag_of "$v")" 0 $(command_of "$v") validate "$DIR/returns-$n"
            done
            i=$((i + 1))
        done
    fi
done

if [ "$EXTRAS" = 1 ]; then
    [ -d "$DIR/demo" ] || $HUIZONG demo --out "$DIR/demo" > /dev/null
    bench ReturnCopies --roster "$DIR/schools-300.csv" --schools 300
    i=1
    while [ "$i" -le "$PAIRS" ]; do
        for v in $(variants); do
            t=$(tag_of "$v")
            run "demo-61$t" 0 $(command_of "$v") consolidate --roster "$DIR/demo/schools.csv" \
                --previous "$DIR/demo/县汇总-2023H1.xlsx" --unit-code 313400 \
                --unit-name 示范县 --out "$DIR/demo-book$t.xlsx" "$DIR/demo/报表-2024H1"
            rm -rf "$DIR/templates-300$t"
            run "templates-300$t" 0 $(command_of "$v") template --period 2024H1 \
                --roster "$DIR/schools-300.csv" --out "$DIR/templates-300$t"
        done
        i=$((i + 1))
    done
    if [ -n "$BEFORE" ]; then
        cmp "$DIR/demo-book.xlsx" "$DIR/demo-book@before.xlsx"
        diff -r -q "$DIR/templates-300" "$DIR/templates-300@before"
        echo "the demo's books and the 300 templates of huizong and before are the same bytes"
    fi
fi

echo
echo "medians ($PAIRS runs each; load = 1-minute load average at the start of the runs)"
awk '
function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
        t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
    if (!($1 in wall)) order[++count] = $1
    wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " $3; rss[$1] = rss[$1] " " $4
    if (!($1 in lo) || $5 < lo[$1]) lo[$1] = $5
    if (!($1 in hi) || $5 > hi[$1]) hi[$1] = $5
}
END {
    printf "%-24s %9s %9s %10s  %s\n", "what", "wall s", "CPU s", "max RSS MB", "load"
    for (k = 1; k <= count; k++) {
        l = order[k]; w[l] = median(wall[l]); c[l] = median(cpu[l])
        printf "%-24s %9.2f %9.2f %10d  %s-%s\n", l, w[l], c[l], median(rss[l]), lo[l], hi[l]
    }
    for (k = 1; k <= count; k++) {
        l = order[k]
        if (l ~ /^consolidate-[0-9]/) {
            n = l; sub(/^consolidate-/, "", n); sub(/@.*/, "", n)
            if (("naive-" n) in c) printf "%s: naive/huizong %.1fx by CPU, %.1fx by wall\n",
                l, c["naive-" n] / c[l], w["naive-" n] / w[l]
        }
        if ((l "@before") in c) printf "%s: before/after %.1fx by CPU, %.1fx by wall\n",
            l, c[l "@before"] / c[l], w[l "@before"] / w[l]
    }
}' "$RESULTS" | tee "$DIR/summary-$STAMP.txt"
echo "runs: $RESULTS; output: $LOG"

#!/usr/bin/env bash
# The report of a soak (soak.sh calls it at the end; it may be run again on a soak's directory):
# reads OUT/run.env (ENGINE, START, END, loads, JVM, COMMIT, PAUSED when the run was cut short, NOTE),
# samples.tsv, routes.tsv, sessions.txt and app.log, writes OUT/report.md and prints it. Slopes are
# over the last two thirds of the time the samples span. Exit 0 when every check passes, 1 if not.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:?Usage: soak-report.sh OUT_DIR}
PERIOD=15
PAUSED=
NOTE=
JVM=
source "$OUT/run.env"
# Only the samples taken while the load ran (a sampler that fell behind on a busy machine catches
# up after it): those up to 5 s past its end.
LOADED=$(( END - START + 5 ))
SPAN=$(awk -F'\t' -v to="$LOADED" '$1 <= to { t = $1 } END { print t + 0 }' "$OUT/samples.tsv")
read -r SAMPLES LATE < <(awk -F'\t' -v to="$LOADED" '$1 <= to { n++; next } { late++ } END { print n + 0, late + 0 }' "$OUT/samples.tsv")
FROM=$(( SPAN / 3 ))
# "first last min max slope se" of column COL of FILE (rows where column 2 is ROUTE, when given):
# the least-squares slope per minute over the rows whose time (column 1) is past FROM, and its
# standard error (a slope within about two of them of zero is not told apart from the samples' noise).
stats() { # FILE COL [ROUTE]
  awk -F'\t' -v c="$2" -v r="${3:-}" -v from="$FROM" -v to="$LOADED" '
    r != "" && $2 != r || $1 > to { next }
    { if (n++ == 0) first = $c; last = $c; if (n == 1 || $c > max) max = $c; if (n == 1 || $c < min) min = $c
      if ($1 >= from) { x = $1 / 60; y = $c; k++; sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y } }
    END { d = k * sxx - sx * sx; slope = (k > 1 && d != 0) ? (k * sxy - sx * sy) / d : 0
          cxx = sxx - sx * sx / (k ? k : 1); cxy = sxy - sx * sy / (k ? k : 1); cyy = syy - sy * sy / (k ? k : 1)
          sse = cyy - slope * cxy; se = (k > 2 && cxx > 0 && sse > 0) ? sqrt(sse / (k - 2) / cxx) : 0
          printf "%s %s %s %s %.4f %.4f\n", first, last, min, max, slope, se }' "$1"
}
mb() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.1f", v / d }'; }
read -r logins outs held < "$OUT/sessions.txt" || { logins=0; outs=0; held=0; }
errors_logged=$(grep -c ' ERROR ' "$OUT/app.log" || true)
promise=$(grep -c 'Promise already completed' "$OUT/app.log" || true)
read -r _ _ min_main _ _ _ < <(stats "$OUT/samples.tsv" 8)
read -r _ _ min_analytics _ _ _ < <(stats "$OUT/samples.tsv" 9)
read -r _ _ _ max_wal _ _ < <(stats "$OUT/samples.tsv" 6)
read -r _ _ _ _ rss_slope rss_se < <(stats "$OUT/samples.tsv" 2)
answer_errors=$(awk -F'\t' '{ e += $8 } END { print e + 0 }' "$OUT/routes.tsv")
check() { if [[ $1 == 1 ]]; then echo PASS; else echo MISS; fi; }
{
  echo "# Soak report: $ENGINE, $(( (END - START) / 60 )) min planned, $(awk -v s="$SPAN" 'BEGIN { printf "%.1f", s / 60 }') min sampled"
  echo
  echo "- date: $(date -u -d "@$START" +%Y-%m-%dT%H:%M:%SZ) to $(date -u -d "@$END" +%H:%M:%SZ); commit $COMMIT"
  [[ -n $PAUSED ]] && echo "- cut short: $PAUSED"
  [[ -n $NOTE ]] && echo "- note: $NOTE"
  echo "- machine: $(nproc) cores, shared; load average at start $LOAD_AT_START, at end $LOAD_AT_END (1-min load of each sample in samples.tsv)"
  echo "- node: ${JVM:--Xms64m -Xmx384m}, 2,000 demo sales at start; 32 connections of mixed load, sampled every $PERIOD s ($SAMPLES samples during the load, one every $(( SPAN / (SAMPLES > 1 ? SAMPLES - 1 : 1) )) s on average$( (( LATE )) && echo "; $LATE more taken after it ended are left out")); slopes over the last two thirds (from second $FROM)"
  echo
  echo "| figure | first | last | min | max | slope per minute ± standard error |"
  echo "|---|---:|---:|---:|---:|---:|"
  for spec in "RSS MB:2:1024" "heap after full GC MB:3:1024" "threads:4:1" "descriptors:5:1" "WAL MB:6:1048576" \
      "database MB:7:1048576" "pool_queue_pending main:8:1" "pool_queue_pending analytics:9:1" "load average:10:1"; do
    IFS=: read -r name col div <<<"$spec"
    read -r first last min max slope se < <(stats "$OUT/samples.tsv" "$col")
    echo "| $name | $(mb "$first" "$div") | $(mb "$last" "$div") | $(mb "$min" "$div") | $(mb "$max" "$div") | $(awk -v s="$slope" -v e="$se" -v d="$div" 'BEGIN { printf "%+.3f ± %.3f", s / d, e / d }') |"
  done
  echo
  echo "| route | connections | requests | mean req/s | first p50 ms | last p50 ms | p50 slope ms/min | first p99 ms | last p99 ms | max p99 ms | p99 slope ms/min | error answers |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for route in get_product get_products purchase purchase_keyed get_sales_data add_inventory; do
    read -r requests rps conns < <(awk -F'\t' -v r="$route" '$2 == r { n += $4; s += $5; k++; c = $3 } END { printf "%d %.1f %d\n", n, (k ? s / k : 0), c }' "$OUT/routes.tsv")
    read -r p50_first p50_last _ _ p50_slope _ < <(stats "$OUT/routes.tsv" 6 "$route")
    read -r p99_first p99_last _ p99_max p99_slope _ < <(stats "$OUT/routes.tsv" 7 "$route")
    errors=$(awk -F'\t' -v r="$route" '$2 == r { e += $8 } END { print e + 0 }' "$OUT/routes.tsv")
    echo "| $route | $conns | $requests | $rps | $p50_first | $p50_last | $p50_slope | $p99_first | $p99_last | $p99_max | $p99_slope | $errors |"
  done
  echo "| login + logout_user | 1 | $logins sign-ins, $outs sign-outs | - | - | - | - | - | - | - | - | revoked token refused $held of $outs |"
  echo
  echo "| check | measured | result |"
  echo "|---|---|---|"
  echo "| RSS slope <= 1 MB/min over the last two thirds | $(awk -v s="$rss_slope" -v e="$rss_se" 'BEGIN { printf "%+.3f ± %.3f MB/min", s / 1024, e / 1024 }') | $(check "$(awk -v s="$rss_slope" 'BEGIN { print (s / 1024 <= 1) ? 1 : 0 }')") |"
  if [[ $ENGINE == sqlite ]]; then
    echo "| WAL < 64 MB at every sample | max $(mb "$max_wal" 1048576) MB | $(check "$(( max_wal < 64 * 1048576 ? 1 : 0 ))") |"
  fi
  echo "| no ERROR in the log | $errors_logged | $(check "$(( errors_logged == 0 ? 1 : 0 ))") |"
  echo "| no \"Promise already completed\" | $promise | $(check "$(( promise == 0 ? 1 : 0 ))") |"
  echo "| vertx_pool_queue_pending never negative | min main $min_main, analytics $min_analytics | $(check "$(( min_main >= 0 && min_analytics >= 0 ? 1 : 0 ))") |"
  echo "| no error answer (non-2xx, socket errors) | $answer_errors | $(check "$(( answer_errors == 0 ? 1 : 0 ))") |"
  echo "| every revoked token refused | $held of $outs | $(check "$(( outs > 0 && held == outs ? 1 : 0 ))") |"
  echo
  if [[ -f $OUT/nmt-start.txt && -f $OUT/nmt-end.txt ]]; then
    echo "## Native memory (jcmd VM.native_memory summary), committed MB"
    echo
    echo "Where the process's memory is, by the JVM's own account, at the start, middle and end of the"
    echo "load; RSS is that of the sample nearest each; \"outside NMT\" is RSS less NMT's total, roughly what"
    echo "native libraries (SQLite's page cache, Netty's native transport) and glibc's allocator hold."
    echo
    nmt_files=("$OUT/nmt-start.txt")
    [[ -f $OUT/nmt-middle.txt ]] && nmt_files+=("$OUT/nmt-middle.txt")
    nmt_files+=("$OUT/nmt-end.txt")
    header="| category |"; rule="|---|"
    for f in "${nmt_files[@]}"; do
      header+=" $(basename "$f" .txt | cut -d- -f2) (minute $(( ($(stat -c %Y "$f") - START) / 60 ))) |"; rule+="---:|"
    done
    echo "$header change |"; echo "$rule---:|"
    # "category committed-KB" lines of each file, "Total" first
    nmt_lines() { sed -nE 's/^Total: .*committed=([0-9]+)KB.*/Total \1/p; s/^- +([A-Za-z ]+[A-Za-z]) \(reserved=[0-9]+KB, committed=([0-9]+)KB.*/\1\t\2/p' "$1" | sed -E 's/^Total /Total\t/'; }
    rss_near() { # FILE: RSS KiB of the sample nearest the file's time
      awk -F'\t' -v t="$(( $(stat -c %Y "$1") - START ))" '{ d = $1 - t; if (d < 0) d = -d; if (n++ == 0 || d < best) { best = d; v = $2 } } END { print v + 0 }' "$OUT/samples.tsv"
    }
    while IFS= read -r category; do
      row="| $category |"; first=; last=
      for f in "${nmt_files[@]}"; do
        v=$(nmt_lines "$f" | awk -F'\t' -v c="$category" '$1 == c { print $2 }')
        row+=" $(mb "${v:-0}" 1024) |"; first=${first:-${v:-0}}; last=${v:-0}
      done
      echo "$row $(awk -v a="$first" -v b="$last" 'BEGIN { printf "%+.1f", (b - a) / 1024 }') |"
    done < <(nmt_lines "$OUT/nmt-start.txt" | cut -f1)
    for what in RSS "outside NMT"; do
      row="| $what |"; first=; last=
      for f in "${nmt_files[@]}"; do
        v=$(rss_near "$f")
        [[ $what == RSS ]] || v=$(( v - $(nmt_lines "$f" | awk -F'\t' '$1 == "Total" { print $2 }') ))
        row+=" $(mb "$v" 1024) |"; first=${first:-$v}; last=$v
      done
      echo "$row $(awk -v a="$first" -v b="$last" 'BEGIN { printf "%+.1f", (b - a) / 1024 }') |"
    done
    echo
  fi
  echo "## WARN and ERROR lines of the node's log, by kind"
  echo
  echo '```'
  grep -E '^[0-9-]+T[0-9:.]+Z (WARN|ERROR) ' "$OUT/app.log" | cut -d' ' -f2- | sed -E 's/\[[^]]*\] //; s/request_id=[0-9a-f]+ //; s/[0-9]+ ms/N ms/g' \
    | sort | uniq -c | sort -rn || echo "(none)"
  echo '```'
  echo
  echo "## WARN and ERROR lines of the node's log"
  echo
  echo '```'
  # each with the first lines of its stack trace, if any
  awk '/^[0-9-]+T[0-9:.]+Z (WARN|ERROR) / { n++; print; more = 4; next }
       /^[0-9-]+T/ { more = 0; next }
       more > 0 { print; more-- }
       END { if (!n) print "(none)" }' "$OUT/app.log"
  echo '```'
  echo
  echo "Samples: $OUT/samples.tsv (seconds, RSS KiB, heap after GC KiB, threads, descriptors, WAL bytes, database bytes, pending main, pending analytics, load); per-run route figures: $OUT/routes.tsv; the node's log: $OUT/app.log."
} > "$OUT/report.md"
cat "$OUT/report.md"
! grep -q '| MISS |' "$OUT/report.md"

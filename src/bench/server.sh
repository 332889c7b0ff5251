# Sourced by the benchmark scripts (bench.sh, soak.sh): starting and stopping the app under test,
# signing in, and reading wrk's output.

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
# The first of COUNT consecutive ports on which nothing listens.
free_port_block() { # COUNT
  local base port
  while :; do
    base=$((20000 + RANDOM % 20000))
    for ((port = base; port < base + $1; port++)); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue 2
    done
    echo "$base"
    return
  done
}
await_ready() { # PORT PID LOG
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "the server exited; see $3:" >&2; tail -n 20 "$3" >&2; return 1; }
    sleep 0.5
  done
  echo "the server did not become ready; see $3" >&2
  return 1
}
# TERM, up to 25 s to stop, then KILL.
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
login_token() { # PORT EMAIL PASSWORD
  curl -fsS -XPOST "http://127.0.0.1:$1/ecommerce/v1/login_user" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
jwt_user_id() {
  local payload
  payload=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while (( ${#payload} % 4 )); do payload+="="; done
  base64 -d <<<"$payload" 2>/dev/null | grep -o '"user_id":[0-9]*' | cut -d: -f2
}
# Converts wrk's latency (e.g. 812.00us, 1.25ms, 2.01s, 1.00m) to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}
# "rps p50 p99 errors" of one wrk output file (run with --latency); errors are socket errors and
# non-2xx answers.
wrk_figures() { # FILE
  local rps p50 p99 socket non2xx
  rps=$(awk '/^Requests\/sec:/ {printf "%.1f", $2}' "$1")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$1")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$1")")
  socket=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$1")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$1")
  echo "${rps:-0} $p50 $p99 $(( ${socket:-0} + ${non2xx:-0} ))"
}
# "p50 p99" in milliseconds of all the latencies in FILEs together ("microseconds count" lines, as
# common.keep_latencies writes them): the smallest latency that at least p % of them do not exceed.
pooled_percentiles() { # FILE...
  sort -n -k1,1 "$@" | awk '{ v[NR] = $1; c[NR] = $2; n += $2 }
    END { split("50 99", p, " ")
      for (k = 1; k <= 2; k++) {
        seen = 0
        for (i = 1; i <= NR; i++) { seen += c[i]; if (seen >= p[k] / 100 * n) break }
        printf "%s%.2f", (k > 1 ? " " : ""), (n > 0 ? v[i] / 1000 : 0)
      }
      print "" }'
}

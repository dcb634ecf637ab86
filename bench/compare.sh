#!/usr/bin/env bash
# bench/compare.sh: run the benchmark suite (bench/programs) in swiftlang, Lua 5.4 and
# Python 3, check that the three print the same output, time them with hyperfine and print one
# markdown report: median times and ratios, start-up, peak RSS on binarytrees, compile speed.
#
# Environment:
#   SWIFTLANG_BIN  use this swiftlang binary and skip `cargo build --release`
#   RUNS           timed runs per command (default 5), after one warm-up run
#   BENCHMARKS     space-separated subset to run (default: all nine)
#   SIZES=small    substitute the small sizes (the ones tests/bench_checksums.rs uses) for
#                  each program's `// SIZE` line: checks the script quickly, times mean nothing
#   LINES          lines in the generated compile-speed programs (default 10000)
#
# The report goes to stdout; progress and hyperfine's own output go to stderr.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
PROGRAMS="$HERE/programs"
RUNS="${RUNS:-5}"
LINES="${LINES:-10000}"
SIZES="${SIZES:-full}"
ALL_BENCHMARKS="fib loop binarytrees nbody spectralnorm strings closures methods dict"
BENCHMARKS="${BENCHMARKS:-$ALL_BENCHMARKS}"

say() { printf '%s\n' "$*" >&2; }
die() { printf 'compare.sh: error: %s\n' "$*" >&2; exit 1; }

small_size() {
    case "$1" in
        fib) echo 15 ;;
        loop) echo 1000 ;;
        binarytrees) echo 4 ;;
        nbody) echo 1000 ;;
        spectralnorm) echo 10 ;;
        strings) echo 1000 ;;
        closures) echo 1000 ;;
        methods) echo 1000 ;;
        dict) echo 1000 ;;
        *) die "no small size for benchmark '$1'" ;;
    esac
}

# --- tools -----------------------------------------------------------------------------------
missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
{ command -v lua5.4 >/dev/null 2>&1 && command -v luac5.4 >/dev/null 2>&1; } || missing+=(lua5.4)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
    say "installing: ${missing[*]}"
    command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}: run as root or install sudo"
        SUDO="sudo"
    fi
    $SUDO apt-get update -qq >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
for tool in hyperfine lua5.4 luac5.4 python3; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is still missing after installing"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is still missing after installing"
# Resolve python3 to the real executable: a version-manager shim (pyenv's is a shell script)
# would add ~100 ms of its own to every Python run.
PYTHON="$(python3 -c 'import sys; print(sys.executable)')"
[ -x "$PYTHON" ] || die "cannot resolve python3's executable"

# --- swiftlang -------------------------------------------------------------------------------
if [ -n "${SWIFTLANG_BIN:-}" ]; then
    SWIFTLANG="$SWIFTLANG_BIN"
    say "using SWIFTLANG_BIN=$SWIFTLANG (no build)"
else
    command -v cargo >/dev/null 2>&1 || die "cargo not found (or set SWIFTLANG_BIN)"
    say "building swiftlang (cargo build --release)"
    (cd "$ROOT" && cargo build --release --quiet >&2)
    SWIFTLANG="${CARGO_TARGET_DIR:-$ROOT/target}/release/swiftlang"
fi
[ -x "$SWIFTLANG" ] || die "swiftlang binary not found or not executable: $SWIFTLANG"
case "$SWIFTLANG" in /*) ;; *) SWIFTLANG="$(pwd)/$SWIFTLANG" ;; esac

WORK="$(mktemp -d "${TMPDIR:-/tmp}/swiftlang-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# --- programs: copy (with the small size substituted if asked), run once, compare -----------
for b in $BENCHMARKS; do
    for ext in swift lua py; do
        [ -f "$PROGRAMS/$b.$ext" ] || die "missing $PROGRAMS/$b.$ext"
    done
    if [ "$SIZES" = small ]; then
        s="$(small_size "$b")"
        sed -E "s|^let n = [0-9]+ // SIZE\$|let n = $s // SIZE|" "$PROGRAMS/$b.swift" >"$WORK/$b.swift"
        sed -E "s|^local n = [0-9]+ -- SIZE\$|local n = $s -- SIZE|" "$PROGRAMS/$b.lua" >"$WORK/$b.lua"
        sed -E "s|^n = [0-9]+  # SIZE\$|n = $s  # SIZE|" "$PROGRAMS/$b.py" >"$WORK/$b.py"
        for ext in swift lua py; do
            grep -q "= $s .*SIZE\$" "$WORK/$b.$ext" || die "$b.$ext: no '// SIZE' line to substitute"
        done
    else
        cp "$PROGRAMS/$b.swift" "$PROGRAMS/$b.lua" "$PROGRAMS/$b.py" "$WORK/"
    fi
done

say "checking outputs"
for b in $BENCHMARKS; do
    "$SWIFTLANG" run "$WORK/$b.swift" >"$WORK/$b.out.swiftlang" || die "$b: swiftlang exited with status $?"
    lua5.4 "$WORK/$b.lua" >"$WORK/$b.out.lua" || die "$b: lua5.4 exited with status $?"
    "$PYTHON" "$WORK/$b.py" >"$WORK/$b.out.python" || die "$b: python3 exited with status $?"
    [ -s "$WORK/$b.out.python" ] || die "$b: python3 printed nothing"
    for impl in swiftlang lua; do
        if ! cmp -s "$WORK/$b.out.python" "$WORK/$b.out.$impl"; then
            say "OUTPUT MISMATCH in $b: python3 (<) vs $impl (>)"
            diff "$WORK/$b.out.python" "$WORK/$b.out.$impl" >&2 || true
            die "$b: outputs disagree"
        fi
    done
    say "  $b: ok ($(head -n 1 "$WORK/$b.out.python"))"
done

# --- timings ---------------------------------------------------------------------------------
for b in $BENCHMARKS; do
    say "timing $b"
    hyperfine -N --warmup 1 --runs "$RUNS" --style basic \
        --export-json "$WORK/$b.json" \
        --command-name swiftlang "$SWIFTLANG run $WORK/$b.swift" \
        --command-name lua5.4 "lua5.4 $WORK/$b.lua" \
        --command-name python3 "$PYTHON $WORK/$b.py" >&2
done

say "timing start-up (empty files)"
: >"$WORK/empty.swift"
: >"$WORK/empty.lua"
: >"$WORK/empty.py"
STARTUP_RUNS=$((RUNS > 30 ? RUNS : 30))
hyperfine -N --warmup 5 --runs "$STARTUP_RUNS" --style basic \
    --export-json "$WORK/startup.json" \
    --command-name swiftlang "$SWIFTLANG run $WORK/empty.swift" \
    --command-name lua5.4 "lua5.4 $WORK/empty.lua" \
    --command-name python3 "$PYTHON $WORK/empty.py" >&2

RSS_BENCH=binarytrees
if [ -f "$WORK/$RSS_BENCH.swift" ]; then
    say "measuring peak RSS on $RSS_BENCH"
    /usr/bin/time -f %M -o "$WORK/rss.swiftlang" "$SWIFTLANG" run "$WORK/$RSS_BENCH.swift" >/dev/null
    /usr/bin/time -f %M -o "$WORK/rss.lua" lua5.4 "$WORK/$RSS_BENCH.lua" >/dev/null
    /usr/bin/time -f %M -o "$WORK/rss.python" "$PYTHON" "$WORK/$RSS_BENCH.py" >/dev/null
fi

say "timing compile speed ($LINES generated lines)"
"$PYTHON" "$HERE/gen_compile.py" "$WORK/compile" "$LINES"
: >"$WORK/compile/empty.lua"
"$SWIFTLANG" run "$WORK/compile/compile.swift" >/dev/null || die "generated compile.swift did not run"
luac5.4 -p "$WORK/compile/compile.lua" || die "generated compile.lua did not compile"
hyperfine -N --warmup 3 --runs "$STARTUP_RUNS" --style basic \
    --export-json "$WORK/compile.json" \
    --command-name "swiftlang run compile.swift" "$SWIFTLANG run $WORK/compile/compile.swift" \
    --command-name "swiftlang run empty.swift" "$SWIFTLANG run $WORK/empty.swift" \
    --command-name "luac5.4 -p compile.lua" "luac5.4 -p $WORK/compile/compile.lua" \
    --command-name "luac5.4 -p empty.lua" "luac5.4 -p $WORK/compile/empty.lua" >&2

# --- report ----------------------------------------------------------------------------------
SWIFTLANG_VERSION="$("$SWIFTLANG" --version 2>/dev/null | head -n 1 || echo unknown)"
if [ -n "${SWIFTLANG_BIN:-}" ]; then
    SWIFTLANG_VERSION="$SWIFTLANG_VERSION (SWIFTLANG_BIN=$SWIFTLANG_BIN)"
else
    GIT_REV="$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
    SWIFTLANG_VERSION="$SWIFTLANG_VERSION (built from commit $GIT_REV, release profile)"
fi
LUA_VERSION="$(lua5.4 -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
PYTHON_VERSION="$("$PYTHON" --version 2>&1) ($PYTHON)"

"$PYTHON" - "$WORK" "$RUNS" "$LINES" "$SIZES" "$BENCHMARKS" \
    "$SWIFTLANG_VERSION" "$LUA_VERSION" "$PYTHON_VERSION" "$(nproc)" <<'PY'
import datetime
import json
import math
import os
import platform
import sys

work, runs, lines, sizes, benchmarks = sys.argv[1:6]
v_swift, v_lua, v_python, nproc = sys.argv[6:10]
lines = int(lines)
benchmarks = benchmarks.split()


def medians(path):
    with open(path) as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


print("# swiftlang vs lua5.4 vs python3")
print()
print(f"- date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")
print(f"- nproc: {nproc} ({cpu_model()})")
print(f"- swiftlang: {v_swift}; lua: {v_lua}; python: {v_python}")
print(f"- hyperfine: 1 warm-up run, {runs} timed runs per command; times are medians in seconds")
if sizes == "small":
    print("- SIZES=small: small problem sizes, the times below do not mean anything")
print()
print("| benchmark | swiftlang (s) | lua5.4 (s) | python3 (s) | swiftlang/lua | swiftlang/python |")
print("|---|---:|---:|---:|---:|---:|")
cols = {"swiftlang": [], "lua5.4": [], "python3": []}
for b in benchmarks:
    m = medians(os.path.join(work, f"{b}.json"))
    s, l, p = m["swiftlang"], m["lua5.4"], m["python3"]
    cols["swiftlang"].append(s)
    cols["lua5.4"].append(l)
    cols["python3"].append(p)
    print(f"| {b} | {s:.3f} | {l:.3f} | {p:.3f} | {s / l:.2f} | {s / p:.2f} |")
gs, gl, gp = (geomean(cols[k]) for k in ("swiftlang", "lua5.4", "python3"))
print(f"| **geometric mean** | {gs:.3f} | {gl:.3f} | {gp:.3f} | {gs / gl:.2f} | {gs / gp:.2f} |")
print()

m = medians(os.path.join(work, "startup.json"))
s, l, p = m["swiftlang"], m["lua5.4"], m["python3"]
print("Start-up (running an empty file):")
print()
print("| | swiftlang | lua5.4 | python3 | swiftlang/lua |")
print("|---|---:|---:|---:|---:|")
print(f"| median (ms) | {s * 1e3:.2f} | {l * 1e3:.2f} | {p * 1e3:.2f} | {s / l:.2f} |")
print()

rss = {}
for impl in ("swiftlang", "lua", "python"):
    path = os.path.join(work, f"rss.{impl}")
    if os.path.exists(path):
        with open(path) as f:
            rss[impl] = int(f.read().split()[-1])  # KiB
if rss:
    print("Peak RSS on binarytrees (`/usr/bin/time -f %M`):")
    print()
    print("| | swiftlang | lua5.4 | python3 | swiftlang/lua |")
    print("|---|---:|---:|---:|---:|")
    print(f"| max RSS (MiB) | {rss['swiftlang'] / 1024:.1f} | {rss['lua'] / 1024:.1f} "
          f"| {rss['python'] / 1024:.1f} | {rss['swiftlang'] / rss['lua']:.2f} |")
    print()

m = medians(os.path.join(work, "compile.json"))
s_full, s_empty = m["swiftlang run compile.swift"], m["swiftlang run empty.swift"]
l_full, l_empty = m["luac5.4 -p compile.lua"], m["luac5.4 -p empty.lua"]
s_net, l_net = s_full - s_empty, l_full - l_empty


def rate(net):
    return f"{lines / net:,.0f}" if net > 0 else "n/a (below noise)"


print(f"Compile speed over a generated {lines:,}-line program (`bench/gen_compile.py`): "
      "swiftlang runs a file of never-called declarations (lex, parse, type-check, compile), "
      "lua compiles the equivalent file with `luac5.4 -p`; each side's empty-file time is "
      "subtracted:")
print()
print("| | file (ms) | empty file (ms) | net (ms) | lines/s |")
print("|---|---:|---:|---:|---:|")
print(f"| swiftlang | {s_full * 1e3:.2f} | {s_empty * 1e3:.2f} | {s_net * 1e3:.2f} | {rate(s_net)} |")
print(f"| luac5.4 -p | {l_full * 1e3:.2f} | {l_empty * 1e3:.2f} | {l_net * 1e3:.2f} | {rate(l_net)} |")
if s_net > 0 and l_net > 0:
    print()
    print(f"swiftlang compile time / luac time: {s_net / l_net:.2f}")
PY

#!/usr/bin/env bash
# Records the real goroutine dumps the classify tests read.
# The Go module in gen/ is copied to a fixed path so the recorded file paths are the same
# on every machine; the tests map that path back to gen/ when they need the sources.
# Usage: bash test/classify/data/regenerate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work=/tmp/goleak-run-classify-gen
export GODEBUG=tracebackancestors=10 GOFLAGS= GOWORK=off
# Print the lines between the begin and end markers of the injected-snippet protocol.
between_markers() { awk '/^goleak-run:v1 end/{p=0} p{print} /^goleak-run:v1 begin/{p=1}'; }
# The names of the tests a -v run started, as the go test -json stream gives them to attribution.
test_names() { grep -oP '^=== RUN   \K\S+' | sort -u; }

record_module() { # $1 = output suffix ('' or '-shifted')
  go test -count=1 -v ./leaks >"$work/leaks.out" 2>&1 || true
  between_markers <"$work/leaks.out" >"$here/leaks$1.txt"
  test_names <"$work/leaks.out" >"$here/leaks$1-tests.txt"
}

rm -rf "$work" && cp -r "$here/gen" "$work" && cd "$work"
record_module ''
# Leak shapes for attribution and grouping: nested subtests, inlined constructors, examples,
# names Go suffixes, computed and named subtests, a t.Run on a captured outer t.
go test -count=1 -v ./findings >"$work/findings.out" 2>&1 || true
between_markers <"$work/findings.out" >"$here/findings.txt"
test_names <"$work/findings.out" >"$here/findings-tests.txt"
# Subtest names as the testing package rewrites them, next to the Go-quoted literal.
go test -count=1 -v ./names | grep -P '^".*"\t' >"$here/subtest-names.tsv"
go test -count=1 ./clean -v | between_markers >"$here/clean.txt"
go test -count=1 -v -trace "$work/trace.out" -cpuprofile "$work/cpu.out" ./profiled | between_markers >"$here/profiled.txt"
go test -count=1 ./bench -run '^$' -bench BenchmarkLeak -benchtime 1x | between_markers >"$here/bench.txt"
# -timeout makes the testing package panic and print every goroutine on stderr.
record_timeout() { # $1 = output name, then go test arguments
  local name="$1"; shift
  go test -count=1 -v -timeout 1s "$@" >"$work/$name.out" 2>&1 || true
  awk '/^goroutine [0-9]+ .*\[/{p=1} /^(FAIL|exit status)/{p=0} p{print}' "$work/$name.out" >"$here/$name.txt"
  test_names <"$work/$name.out" >"$here/$name-tests.txt"
}
record_timeout timeout ./hang
record_timeout timeout-fuzz ./fuzzhang
# GOTRACEBACK=system shows runtime frames and system goroutines.
GOTRACEBACK=system record_timeout timeout-system ./hang
# A goroutine that never blocks: caught in two places after the tests (its TestMain dumps
# until the second differs from the first), and once more by -timeout.
go test -count=1 -v ./busy >"$work/busy.out" 2>&1 || true
awk -v a="$here/busy.txt" -v b="$here/busy-again.txt" \
  '/^goleak-run:v1 end/{p=0} p{print > (n == 1 ? a : b)} /^goleak-run:v1 begin/{p=1; n++}' "$work/busy.out"
test_names <"$work/busy.out" >"$here/busy-tests.txt"
BUSY_HANG=1 record_timeout busy-timeout -run TestHang ./busy

# A leak started under a closure of a method inlined into the test: the ancestor stack names
# that closure (TestDecorated.(*Decorator).Wrap.func1) above the test's own frame.
go test -count=1 -v ./inlined >"$work/inlined.out" 2>&1 || true
between_markers <"$work/inlined.out" >"$here/inlined.txt"
test_names <"$work/inlined.out" >"$here/inlined-tests.txt"

# A leak started through sync.WaitGroup.Go (Go 1.25+): its go statement is in the standard library.
go test -count=1 -v ./wggo >"$work/wggo.out" 2>&1 || true
between_markers <"$work/wggo.out" >"$here/wggo.txt"
test_names <"$work/wggo.out" >"$here/wggo-tests.txt"

# A Ginkgo suite with no leak of its own; a nested module, whose dependencies come through the
# Go module proxy.
(cd ginkgo && go test -count=1 -v . >"$work/ginkgo.out" 2>&1 || true)
between_markers <"$work/ginkgo.out" >"$here/ginkgo.txt"
test_names <"$work/ginkgo.out" >"$here/ginkgo-tests.txt"

# Same program with a line inserted above every leak: fingerprints must not change.
sed -i '1i // An edit above the leaks moves every line down by one.' leaks/leaks.go leaks/leaks_test.go leaks/ext_test.go
record_module '-shifted'
cd / && rm -rf "$work"

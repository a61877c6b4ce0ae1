#!/usr/bin/env bash
# Fuzzes the YAML-to-diagnostics path of `kubetutor check` with libFuzzer for SECONDS (default 1800).
#
#   Scripts/fuzz.sh [SECONDS]
#
# Builds Fuzz/ (its own SwiftPM package over the ClusterSim sources) in release mode with -sanitize=fuzzer,address,
# seeds a corpus from Fuzz/seeds, the lessons' YAML and exercises, the regression inputs in
# Tests/ClusterSimTests/Fixtures/fuzz and ../shared/corpus when present, then runs one libFuzzer worker. A crash,
# a trap, an input slower than 10 s or one that needs more than 4 GiB is a finding: libFuzzer writes it to
# Fuzz/artifacts/ and keeps going. The summary at the end gives execs, coverage, run time and findings; the exit
# status is 1 when there are findings.
set -euo pipefail

seconds="${1:-1800}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: Scripts/fuzz.sh [SECONDS]   (a whole number of seconds, default 1800)" >&2
    exit 2
fi

cd "$(dirname "$0")/.."
root="$PWD"
fuzz="$root/Fuzz"
binary="$fuzz/.build/release/FuzzCheck"
artifacts="$fuzz/artifacts"
corpus="$fuzz/corpus"
seeds="$fuzz/.build/seed-corpus"

echo "== Building the fuzzer (release, -sanitize=fuzzer,address)"
# The package's own flags instrument ClusterSim; these instrument Yams and libyaml too, so that libFuzzer sees
# the parser's coverage and AddressSanitizer checks its memory.
# (gold warns once per ASan helper symbol that it cannot export; those lines are dropped.)
if ! swift build -c release --package-path "$fuzz" --scratch-path "$fuzz/.build" \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 |
    { grep -v "ld.gold: warning: Cannot export local symbol" || true; }; then
    echo "fuzz.sh: the fuzzer did not build" >&2
    exit 2
fi

echo "== Seeding"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
cp "$fuzz"/seeds/* "$seeds"/
if [ -d Tests/ClusterSimTests/Fixtures/fuzz ]; then
    for file in Tests/ClusterSimTests/Fixtures/fuzz/*; do
        [ -f "$file" ] && cp "$file" "$seeds/regression-$(basename "$file")"
    done
fi
# Each ```yaml block of a lesson, and each exercise's given objects with its starter and with its solution.
python3 - "$seeds" Lessons/*.md <<'PY'
import re, sys
out = sys.argv[1]
def literal_blocks(block):
    """The `key: |` literal blocks of an exercise, dedented by their first line's indentation."""
    found, lines, i = {}, block.split("\n"), 0
    while i < len(lines):
        m = re.match(r"^(\w+): \|\s*$", lines[i])
        i += 1
        if not m:
            continue
        body = []
        while i < len(lines) and (lines[i].startswith(" ") or lines[i] == ""):
            body.append(lines[i])
            i += 1
        indent = min((len(l) - len(l.lstrip(" ")) for l in body if l.strip()), default=0)
        found[m.group(1)] = "\n".join(l[indent:] for l in body).strip("\n") + "\n"
    return found
count = 0
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    lesson = path.rsplit("/", 1)[-1][:-3]
    for n, (lang, body) in enumerate(re.findall(r"^```(yaml|exercise)\n(.*?)^```$", text, re.S | re.M)):
        pieces = [body] if lang == "yaml" else []
        if lang == "exercise":
            blocks = literal_blocks(body)
            given = blocks.get("given", "")
            pieces = [given + "---\n" + blocks[k] if given else blocks[k] for k in ("starter", "solution") if k in blocks]
        for m, piece in enumerate(pieces):
            with open(f"{out}/lesson-{lesson}-{n}-{m}.yaml", "w", encoding="utf-8") as f:
                f.write(piece)
            count += 1
print(f"{count} inputs from the lessons")
PY
if [ -d ../shared/corpus ]; then
    find ../shared/corpus -type f \( -name '*.yaml' -o -name '*.yml' \) -size -64k | while read -r file; do
        cp "$file" "$seeds/shared-$(echo "$file" | tr '/' '_')"
    done
fi
echo "$(ls "$seeds" | wc -l) seed inputs; $(ls "$corpus" | wc -l) inputs kept in Fuzz/corpus from earlier runs"

echo "== Fuzzing for $seconds s (one worker)"
stamp="$(date +%Y%m%d-%H%M%S)"
log="$artifacts/fuzz-$stamp.log"
marker="$artifacts/.started-$stamp"
touch "$marker"
start=$(date +%s)
# Fork mode with one job keeps going after a crash, a timeout or an out-of-memory input, so that one run can
# report several findings. Swift's own backtracer is switched off: libFuzzer and ASan report the crash, and the
# backtracer would otherwise hold the worker's output open for its 30-second timeout.
set +e
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" \
    "$binary" "$corpus" "$seeds" \
    -dict="$fuzz/kubernetes.dict" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
status=$?
set -e
elapsed=$(($(date +%s) - start))

# libFuzzer's fork-mode progress lines read: "#EXECS: cov: C ft: F corp: N exec/s: E oom/timeout/crash: O/T/C time: Ts".
last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -1 || true)
execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
findings=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \
    -o -name 'slow-unit-*' \) -newer "$marker" | sort)
rm -f "$marker"

echo "== Summary"
echo "run time:  ${elapsed} s (asked for ${seconds} s; libFuzzer exit status ${status})"
echo "execs:     ${execs:-?} ($([ -n "$execs" ] && [ "$elapsed" -gt 0 ] && echo "$((execs / elapsed))" || echo "?") exec/s)"
echo "coverage:  cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?} inputs"
echo "log:       ${log#"$root"/}"
if [ -z "$findings" ]; then
    echo "findings:  none"
    exit 0
fi
echo "findings:  $(wc -l <<<"$findings")"
while read -r file; do
    echo "  ${file#"$root"/}"
done <<<"$findings"
echo "Reproduce one with: SWIFT_BACKTRACE=enable=no $binary -detect_leaks=0 FILE"
exit 1

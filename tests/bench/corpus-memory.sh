#!/usr/bin/env bash
# byline-cli streams a JSONL corpus: peak memory must not grow with the
# number of documents. Converts 2,000 and 20,000 generated article records
# and compares the peak resident memory of the two runs.
#   tests/bench/corpus-memory.sh [path/to/byline-cli]
set -euo pipefail
cli=${1:-build/src/cli/byline-cli}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import json, sys
for n in (2000, 20000):
    with open(f"{sys.argv[1]}/corpus-{n}.jsonl", "w", encoding="utf-8") as f:
        for i in range(n):
            text = f"“Quote {i},” said Zoë — the official 😀 in 北京. " * 40
            f.write(json.dumps({"id": f"doc-{i}", "title": f"Story {i}", "text": text},
                               ensure_ascii=False) + "\n")
PY

peak() {
  /usr/bin/time -f "%M" "$cli" convert "$tmp/corpus-$1.jsonl" -o "$tmp/out-$1.jsonl" 2>&1 >/dev/null | tail -n 1
}
small=$(peak 2000)
large=$(peak 20000)
lines=$(wc -l < "$tmp/out-20000.jsonl")
echo "peak RSS: 2,000 documents ${small} kB, 20,000 documents ${large} kB; ${lines} documents written"
[ "$lines" -eq 20000 ] || { echo "FAIL: expected 20000 documents"; exit 1; }
# Ten times the documents may not take more than a quarter more memory.
if [ $((large * 4)) -gt $((small * 5)) ]; then
  echo "FAIL: peak memory grows with the corpus"
  exit 1
fi
echo "PASS: constant memory"

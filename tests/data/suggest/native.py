# A fake model for the tests: every WORD in the text becomes a LABEL
# suggestion (native annotation objects, with their text), confidence 0.9.
# Usage: python3 native.py LABEL WORD...
import json
import sys

label, words = sys.argv[1], sys.argv[2:]
text = json.load(sys.stdin)["text"]
found = []
for word in words:
    start = text.find(word)
    while start >= 0:
        found.append({"id": "w%d" % len(found), "label": label, "start": start,
                      "end": start + len(word), "text": word, "confidence": 0.9})
        start = text.find(word, start + 1)
print("fake model: %d found" % len(found), file=sys.stderr)
json.dump({"annotations": found}, sys.stdout)

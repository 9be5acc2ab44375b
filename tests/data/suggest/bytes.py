# A fake model that counts in UTF-8 bytes instead of code points: the
# texts it gives do not match once the text has a curly quote or a dash.
# Usage: python3 bytes.py WORD
import json
import sys

word = sys.argv[1]
data = json.load(sys.stdin)["text"].encode("utf-8")
start = data.find(word.encode("utf-8"))
print(json.dumps({"annotations": [
    {"label": "PERSON", "start": start, "end": start + len(word.encode("utf-8")), "text": word}]}))

# A fake model whose second suggestion ends past the end of the text.
import json
import sys

text = json.load(sys.stdin)["text"]
print(json.dumps({"annotations": [
    {"label": "PERSON", "start": 0, "end": 1},
    {"label": "PERSON", "start": len(text) - 2, "end": len(text) + 10},
]}))

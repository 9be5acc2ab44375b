# A fake model for the tests, printing JSON Lines: each “curly quote”
# becomes a QUOTE (attribute quote_type, confidence 0.7) and each "said" a
# CUE, one object a line; a last line links each quote to the next cue.
import json
import re
import sys

text = json.load(sys.stdin)["text"]
quotes = [m.span() for m in re.finditer("\u201c[^\u201d]*\u201d", text)]
cues = [m.span() for m in re.finditer(r"\bsaid\b", text)]
for i, (s, e) in enumerate(quotes):
    print(json.dumps({"id": "q%d" % i, "layer": "speakers", "label": "QUOTE", "start": s, "end": e,
                      "confidence": 0.7, "attributes": {"quote_type": "direct"}}))
for i, (s, e) in enumerate(cues):
    print(json.dumps({"id": "c%d" % i, "label": "CUE", "start": s, "end": e}))
links = []
for i, (s, e) in enumerate(quotes):
    after = [j for j, (cs, ce) in enumerate(cues) if cs >= e]
    if after:
        links.append({"type": "cue", "from": "q%d" % i, "to": "c%d" % after[0]})
print(json.dumps({"relations": links}))

# A fake model for the tests, printing what spaCy prints: Doc.to_json()
# ("text", "ents", span groups in "spans") or, with "prodigy", a Prodigy
# task ({"spans": [...]} with scores). Beijing is a GPE, "State
# Department" an ORG, in code points as spaCy counts.
import json
import sys

text = json.load(sys.stdin)["text"]


def spans(word, label):
    out = []
    start = text.find(word)
    while start >= 0:
        out.append({"start": start, "end": start + len(word), "label": label})
        start = text.find(word, start + 1)
    return out


if sys.argv[1:] == ["prodigy"]:
    found = spans("Beijing", "GPE") + spans("State Department", "ORG")
    for span in found:
        span["score"] = 0.6
    print(json.dumps({"text": text, "spans": found, "answer": "accept"}))
else:
    print(json.dumps({"text": text, "ents": spans("Beijing", "GPE"),
                      "spans": {"sc": [dict(s, kb_id="") for s in spans("State Department", "ORG")]},
                      "tokens": []}))

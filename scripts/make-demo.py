#!/usr/bin/env python3
"""Writes data/samples/blinken-china-nbc.byline.json: the sample article with
a hand-made set of annotations of every layer (entities, quotes with
speakers and cues, claims, relations), for screenshots and demos.

Offsets are found by searching the text, in code points (Python str
indexes), so the file stays right if the annotations below are edited.
Run: scripts/make-demo.py, then byline-cli validate the result."""
import json
import pathlib

top = pathlib.Path(__file__).resolve().parent.parent
text = (top / "data/samples/blinken-china-nbc.txt").read_text(encoding="utf-8")

annotations = []
relations = []


def span(needle, nth=1, after=0):
    pos = after - 1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def add(layer, label, needle, nth=1, after=0, **extra):
    start, end = span(needle, nth, after)
    a = {"id": f"a{len(annotations) + 1}", "layer": layer, "label": label,
         "start": start, "end": end, "text": text[start:end], "status": "manual",
         "origin": "demo"}
    a.update(extra)
    annotations.append(a)
    return a


def rel(kind, a, b):
    relations.append({"id": f"r{len(relations) + 1}", "type": kind, "from": a["id"], "to": b["id"]})


body = text.index("US Secretary of State Antony Blinken will warn China about its support\u00a0") \
    if "\u00a0" in text else text.index("\n\nUS Secretary of State") + 2

add("entities", "GPE", "US", after=body)
blinken = add("entities", "PERSON", "Antony Blinken", after=body)
add("entities", "GPE", "China", after=body)
add("entities", "NORP", "Russian", after=body)
add("entities", "DATE", "this week", after=body)
official = add("speakers", "SPEAKER", "a senior US State Department official", after=body)
add("entities", "ORG", "US State Department", after=body)
cue1 = add("speakers", "CUE", "said", after=body)
q1 = add("speakers", "QUOTE",
         "US Secretary of State Antony Blinken will warn China about its support for the Russian "
         "military during his visit to the country this week", after=body,
         attributes={"quote_type": "indirect"})
rel("said_by", q1, official)
rel("cue", q1, cue1)

q2 = add("speakers", "QUOTE",
         "\u201cWe are prepared to take action as we deem necessary against companies that seriously "
         "undermine security in both Ukraine and Europe,\u201d", attributes={"quote_type": "direct"})
add("entities", "GPE", "Ukraine", after=q2["start"])
add("entities", "LOC", "Europe", after=q2["start"])
the_official = add("speakers", "SPEAKER", "the official", after=q2["end"])
cue2 = add("speakers", "CUE", "told", after=q2["end"])
rel("said_by", q2, the_official)
rel("cue", q2, cue2)

add("entities", "GPE", "Shanghai")
add("entities", "GPE", "Beijing")
add("entities", "DATE", "April 24 to 26")
add("entities", "PERSON", "Wang Yi")
add("entities", "DATE", "Wednesday")
add("entities", "DATE", "last June")
add("entities", "ORDINAL", "second")

claim = add("claims", "CLAIM",
            "Blinken is expected to convey Washington\u2019s \u201cdeep concerns\u201d about Chinese aid "
            "to Russia\u2019s defense industrial base during his three-day visit starting Wednesday.",
            attributes={"check_worthy": "yes", "stance": "neutral", "topic": "US-China relations"})
obj = add("claims", "CLAIM_OBJECT", "Chinese aid to Russia\u2019s defense industrial base",
          after=claim["start"])
rel("object", claim, obj)
sugg = add("entities", "GPE", "Washington", after=claim["start"])
sugg.update({"status": "suggested", "origin": "rules:entities", "confidence": 0.72})

doc = {"format": "byline", "version": 1, "id": "blinken-china-nbc",
       "meta": {"title": "Blinken to warn China over its support for Russian military during this week\u2019s visit",
                "source": "NBC Chicago", "language": "en"},
       "text": text, "schema": "news", "attributes": {"done": False},
       "annotations": annotations, "relations": relations}
out = top / "data/samples/blinken-china-nbc.byline.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{out}: {len(annotations)} annotations, {len(relations)} relations")

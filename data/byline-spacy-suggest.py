#!/usr/bin/env python3
# byline-spacy-suggest.py: spaCy's named entities as Byline suggestions
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# An example of an external model for Byline. Byline runs it with the
# document as native JSON on stdin; it prints {"annotations": [...]} on
# stdout: one suggestion for each entity spaCy finds, in the entities
# layer. spaCy's English pipelines are trained on OntoNotes, whose labels
# (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW,
# LANGUAGE, DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL) are the
# news schema's, so they are kept as they are; PER (the WikiNER pipelines)
# becomes PERSON. Other labels are kept too, and Byline warns about them.
# Offsets are spaCy's character offsets, which are Unicode code points, as
# Byline's are.
#
# Install spaCy and a pipeline (not needed by Byline or its tests):
#
#   python3 -m venv ~/.venvs/spacy && . ~/.venvs/spacy/bin/activate
#   pip install spacy
#   python3 -m spacy download en_core_web_sm
#
# Then, from the command line:
#
#   byline-cli suggest ARTICLE.txt -o ARTICLE.byline.json \
#       --command 'python3 data/byline-spacy-suggest.py en_core_web_sm'
#
# (with the venv's python3 if spaCy lives in one), or give the same command
# in the window: the menu beside Suggest → Suggestion Command… The pipeline is
# the first argument, else $BYLINE_SPACY_MODEL, else en_core_web_sm. The
# suggestions carry the origin "spacy:PIPELINE-VERSION", so that
# `byline-cli stats` gives the acceptance rate of each pipeline.
#
# Loading a pipeline takes a few seconds: raise --timeout (default 60 s)
# for large pipelines such as en_core_web_trf on a slow machine.

import json
import os
import sys

LABELS = {"PER": "PERSON"}


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BYLINE_SPACY_MODEL", "en_core_web_sm")
    try:
        import spacy
    except ImportError:
        sys.exit("spaCy is not installed for %s: pip install spacy && python3 -m spacy download %s"
                 % (sys.executable, name))
    try:
        # Entities only: the parser and the lemmatizer are not needed.
        nlp = spacy.load(name, disable=["parser", "lemmatizer"])
    except OSError as error:
        print(error, file=sys.stderr)
        sys.exit("No spaCy pipeline “%s”: python3 -m spacy download %s" % (name, name))

    document = json.load(sys.stdin)
    text = document["text"]
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = nlp(text)

    annotations = []
    for ent in doc.ents:
        if not ent.text.strip():
            continue
        annotations.append({
            "layer": "entities",
            "label": LABELS.get(ent.label_, ent.label_),
            "start": ent.start_char,
            "end": ent.end_char,
            # Byline checks it against its own text: a wrong offset is
            # an error, never a shifted suggestion.
            "text": ent.text,
        })
    meta = nlp.meta
    origin = "spacy:%s_%s-%s" % (meta.get("lang", "xx"), meta.get("name", name), meta.get("version", "0"))
    json.dump({"origin": origin, "annotations": annotations}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# make-gold.py: builds the gold set's .byline.json files from the articles
# (NN-slug.txt) and the annotation lists below.
#
# SPDX-License-Identifier: CC0-1.0
#
# Every annotation is written as (label, where): `where` is the annotated
# text itself when it occurs once in the article, "text#N" for its N-th
# occurrence, or "left [[span]] right" to pick the span by its context
# (the context must be unique, or carry #N). Offsets are computed here, in
# Unicode code points (Python's str indices), end-exclusive.
#
# Run:  python3 tests/data/gold/make-gold.py          (writes the files)
#       python3 tests/data/gold/make-gold.py --list   (the annotations as
#                                                      label/offsets/text)
#       python3 tests/data/gold/make-gold.py --review (what the checks
#                                                      below leave to a human)
#
# Conventions (tests/data/gold/README.md has them in full):
#   entities  OntoNotes spans without a leading "the" for names (ORG, GPE,
#             FAC, LOC, EVENT, LAW); titles are not part of PERSON; DATE and
#             TIME keep "the" and approximators ("the first half", "about
#             40 percent"); "April 24 to 26" is one DATE; no nesting.
#   QUOTE     direct: from the opening mark to the closing mark, with the
#             comma or period inside them; a quote running over paragraphs
#             is one span up to its last closing mark; indirect: the
#             reported clause without "that" and without the final period.
#   SPEAKER   the speaker's noun phrase as written there ("the official",
#             "she", "Secretary of State Daniel Harwood"), without an
#             apposition set off by commas; pronouns get refers_to to the
#             named person's latest mention before them.
#   CUE       the reporting verb alone ("said", "told", "added"), or
#             "according to".
#   CLAIM     the whole sentence that asserts a checkable fact, statistic
#             or comparison; claimer -> the SPEAKER of the quote the claim
#             is in.

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENTITY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                 "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY",
                 "QUANTITY", "ORDINAL", "CARDINAL"}
# Abbreviations a sentence does not end at.
ABBREVIATIONS = {"Dr.", "Mr.", "Mrs.", "Ms.", "U.S.", "a.m.", "p.m.", "Vt.", "Nov.", "Sept.",
                 "St.", "Jr.", "Gen.", "Sen."}
OPENING = "“‘\"'("
CLOSING = "”’\"')"


class GoldError (Exception):
    pass


class Article:
    def __init__(self, slug, title, published):
        self.slug = slug
        self.title = title
        self.published = published
        self.text = (HERE / (slug + ".txt")).read_text(encoding="utf-8")
        self.annotations = []     # dicts with key, layer, label, start, end, attributes
        self.relations = []       # (type, from key, to key)
        self.sentences = split_sentences(self.text)

    # ---- finding spans ---------------------------------------------------

    def locate(self, where):
        """(start, end) of `where` in the text (see the header)."""
        occurrence = None
        m = re.fullmatch(r"(.*)#(\d+)", where, re.S)
        if m:
            where, occurrence = m.group(1), int(m.group(2))
        if "[[" in where:
            left, rest = where.split("[[", 1)
            span, right = rest.split("]]", 1)
        else:
            left, span, right = "", where, ""
        whole = left + span + right
        hits = [m.start() for m in re.finditer(re.escape(whole), self.text)]
        if not hits:
            raise GoldError(f"{self.slug}: “{whole}” is not in the text")
        if occurrence is None:
            if len(hits) > 1:
                raise GoldError(f"{self.slug}: “{whole}” occurs {len(hits)} times: say which with #N")
            occurrence = 1
        if occurrence > len(hits):
            raise GoldError(f"{self.slug}: “{whole}” occurs only {len(hits)} times, not {occurrence}")
        start = hits[occurrence - 1] + len(left)
        return start, start + len(span)

    def add(self, layer, label, start, end, attributes=None):
        key = f"k{len(self.annotations) + 1}"
        for a in self.annotations:
            if a["label"] == label and a["start"] == start and a["end"] == end:
                raise GoldError(f"{self.slug}: {label} “{self.text[start:end]}” is annotated twice")
        self.annotations.append({"key": key, "layer": layer, "label": label,
                                 "start": start, "end": end, "attributes": attributes or {}})
        return key

    def get(self, key):
        return next(a for a in self.annotations if a["key"] == key)

    # ---- entities --------------------------------------------------------

    def ent(self, label, *wheres):
        """One entity per `where`; returns the key of the last one."""
        assert label in ENTITY_LABELS, label
        key = None
        for where in wheres:
            start, end = self.locate(where)
            key = self.add("entities", label, start, end)
        return key

    def every(self, label, *texts):
        """Every occurrence of each text, as a whole word, that no entity
        annotated so far overlaps (so longer names go first)."""
        assert label in ENTITY_LABELS, label
        for text in texts:
            n = 0
            for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", self.text):
                if any(a["layer"] == "entities" and a["start"] < m.end() and m.start() < a["end"]
                       for a in self.annotations):
                    continue
                self.add("entities", label, m.start(), m.end())
                n += 1
            if n == 0:
                raise GoldError(f"{self.slug}: every {label} “{text}” found nothing new")

    def entity_at(self, where, label="PERSON"):
        start, end = self.locate(where)
        for a in self.annotations:
            if a["layer"] == "entities" and a["label"] == label and a["start"] == start and a["end"] == end:
                return a["key"]
        raise GoldError(f"{self.slug}: no {label} at “{where}”")

    # ---- attribution -----------------------------------------------------

    def quote(self, quote, speaker, cue, refers_to=None, kind=None):
        """A QUOTE with its SPEAKER and CUE (each a `where`, or the key of
        one annotated before, for a speaker quoted again). A pronoun
        speaker's refers_to names the person's mention (a `where`).
        Returns (quote, speaker, cue) keys."""
        start, end = self.locate(quote)
        if kind is None:
            kind = "direct" if self.text[start] in OPENING else "indirect"
        q = self.add("speakers", "QUOTE", start, end, {"quote_type": kind})
        s = self.speaker(speaker, refers_to)
        c = cue if cue in self.keys() else self.add("speakers", "CUE", *self.locate(cue))
        self.relations.append(("said_by", q, s))
        self.relations.append(("cue", q, c))
        return q, s, c

    def speaker(self, speaker, refers_to=None):
        if speaker in self.keys():
            return speaker
        s = self.add("speakers", "SPEAKER", *self.locate(speaker))
        if refers_to is not None:
            self.relations.append(("refers_to", s, self.entity_at(refers_to)))
        return s

    def keys(self):
        return {a["key"] for a in self.annotations}

    # ---- claims ----------------------------------------------------------

    def claim(self, where, claimer=None):
        """The sentence that holds `where` is a CLAIM; claimer is the key of
        its speaker, if any."""
        start, end = self.locate(where)
        for s, e in self.sentences:
            if s <= start and end <= e:
                key = self.add("claims", "CLAIM", s, e)
                if claimer is not None:
                    self.relations.append(("claimer", key, claimer))
                return key
        raise GoldError(f"{self.slug}: “{where}” is not inside one sentence")

    # ---- output ----------------------------------------------------------

    def check(self):
        ents = sorted((a for a in self.annotations if a["layer"] == "entities"),
                      key=lambda a: (a["start"], a["end"]))
        for a, b in zip(ents, ents[1:]):
            if b["start"] < a["end"]:
                raise GoldError(f"{self.slug}: entities overlap: {a['label']} “{self.span(a)}” "
                                f"and {b['label']} “{self.span(b)}”")
        for a in self.annotations:
            t = self.span(a)
            if t != t.strip() or not t:
                raise GoldError(f"{self.slug}: {a['label']} “{t}” has blanks at an end")
            if a["label"] not in ("CLAIM", "QUOTE") and t[-1] in ",.;:" and not t.endswith(
                    tuple(x for x in ABBREVIATIONS)):
                raise GoldError(f"{self.slug}: {a['label']} “{t}” ends with punctuation")
        # Every other whole-word occurrence of an entity's text is annotated
        # too (with some entity label), or lies inside another entity.
        for a in ents:
            t = self.span(a)
            for m in re.finditer(r"(?<!\w)" + re.escape(t) + r"(?!\w)", self.text):
                if not any(b["start"] <= m.start() and m.end() <= b["end"] for b in ents):
                    raise GoldError(f"{self.slug}: “{t}” at {m.start()} is not annotated "
                                    f"({a['label']} elsewhere)")
        # Every number written in digits is inside an entity.
        for m in re.finditer(r"\d[\d,.:]*\d|\d", self.text):
            if not any(b["start"] <= m.start() and m.end() <= b["end"] for b in ents):
                raise GoldError(f"{self.slug}: the number {m.group()} at {m.start()} is in no entity")

    def span(self, a):
        return self.text[a["start"]:a["end"]]

    def review(self):
        """What is left to a human: capitalised words and number words in
        no entity, and quotation marks in no QUOTE."""
        covered = lambda s, e, layer: any(a["layer"] == layer and a["start"] <= s and e <= a["end"]
                                          for a in self.annotations)
        out = []
        for m in re.finditer(r"\b[A-Z][\w’']*", self.text):
            if not covered(m.start(), m.end(), "entities"):
                out.append(f"  capital   {m.group()!r} at {m.start()}: {self.context(m.start())}")
        words = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 r"thirty|forty|fifty|hundred|thousand|million|billion|half|third|dozen|"
                 r"first|second|third|fourth|fifth|last|next|year|years|month|months|week|"
                 r"day|days|decade|season|minute|minutes|hour|hours|percent")
        for m in re.finditer(r"(?i)\b(" + words + r")\b", self.text):
            if not covered(m.start(), m.end(), "entities"):
                out.append(f"  number    {m.group()!r} at {m.start()}: {self.context(m.start())}")
        for m in re.finditer(r"[“”\"]", self.text):
            if not covered(m.start(), m.end(), "speakers"):
                out.append(f"  mark      {m.group()!r} at {m.start()}: {self.context(m.start())}")
        return out

    def context(self, i):
        return self.text[max(0, i - 30):i + 40].replace("\n", "⏎")

    def document(self):
        ordered = sorted(self.annotations, key=lambda a: (a["start"], a["end"], int(a["key"][1:])))
        ids = {a["key"]: f"g{n + 1}" for n, a in enumerate(ordered)}
        annotations = []
        for a in ordered:
            out = {"id": ids[a["key"]], "layer": a["layer"], "label": a["label"],
                   "start": a["start"], "end": a["end"], "text": self.span(a),
                   "status": "manual", "origin": "gold"}
            if a["attributes"]:
                out["attributes"] = a["attributes"]
            annotations.append(out)
        relations = [{"id": f"r{n + 1}", "type": t, "from": ids[f], "to": ids[to]}
                     for n, (t, f, to) in enumerate(self.relations)]
        return {
            "format": "byline", "version": 1, "id": "gold-" + self.slug,
            "meta": {"title": self.title,
                     "source": "Byline gold set: an original, fictional article written for Byline's tests",
                     "published": self.published, "language": "en", "license": "CC0-1.0"},
            "text": self.text, "schema": "news", "attributes": {"done": True},
            "annotations": annotations, "relations": relations,
        }


def split_sentences(text):
    """Sentences as [start, end): from the first character to the final
    punctuation and the closing quotation marks after it. A paragraph
    always ends a sentence."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        p0 = para.start()
        body = para.group()
        start = 0
        i = 0
        while i < len(body):
            ch = body[i]
            if ch in ".?!":
                j = i + 1
                while j < len(body) and body[j] in CLOSING:
                    j += 1
                word = re.search(r"\S*$", body[:i + 1]).group()
                nxt = body[j:].lstrip()
                ends = (j == len(body) or (body[j] == " " and nxt and (nxt[0].isupper() or nxt[0] in OPENING
                                                                        or nxt[0].isdigit())))
                if ends and word.lstrip(OPENING) not in ABBREVIATIONS:
                    out.append((p0 + start, p0 + j))
                    start = j + (len(body[j:]) - len(nxt))
                    i = start
                    continue
            i += 1
        if start < len(body.rstrip()):
            out.append((p0 + start, p0 + len(body.rstrip())))
    return out


# ===========================================================================
# The articles and their annotations
# ===========================================================================

def article_01():
    a = Article("01-arctic-diplomacy",
                "Harwood to press Nordic allies on Arctic shipping rules during three-day visit",
                "2024-05-06")
    # Entities, longer names first.
    a.every("ORG", "Nordic Maritime Institute", "Norwegian Seafood Board", "Statistics Iceland",
            "State Department", "Storting")
    a.every("PERSON", "Daniel Harwood", "Harwood", "Kari Aasland", "Aasland", "Einar Thorvaldsson",
            "Thorvaldsson", "Lena Ortiz")
    a.every("LOC", "Northern Sea Route", "North Atlantic", "High North", "Arctic")
    a.every("GPE", "WASHINGTON", "Washington", "Norway", "Iceland", "Oslo", "Reykjavik", "Tromsø",
            "United States", "Russia", "Moscow", "China")
    a.every("NORP", "Nordic", "Norwegian", "Icelandic", "Russian")
    a.every("EVENT", "World War II")
    a.ent("DATE", "three-day", "May 12 to 14", "Monday", "last June", "between 2013 and 2023",
          "last year#1", "last year#2", "since [[2020]]", "the end of the decade", "last week",
          "Thursday", "a thousand years", "January", "Saturday", "May 14")
    a.ent("CARDINAL", "1,782", "four", "five")
    a.ent("PERCENT", "37 percent", "about 40 percent")
    a.ent("MONEY", "172 billion kroner", "$15.9 billion")
    a.ent("ORDINAL", "Harwood’s [[first]]", "a close [[second]]")

    # Quotes.
    a.quote("WASHINGTON — [[Secretary of State Daniel Harwood will urge Norway and Iceland to back "
            "tighter rules for commercial shipping in the Arctic when he visits Oslo and Reykjavik "
            "from May 12 to 14]]",
            "a senior State Department official", "official [[said]] on Monday")
    a.quote("He is expected to meet Norwegian Prime Minister Kari Aasland and Icelandic Foreign "
            "Minister Einar Thorvaldsson",
            "according to [[the State Department]]", "according to#1")
    _, official, told = a.quote("“The Arctic is changing faster than the rules that govern it,”",
                                "[[the official]] told", "the official [[told]]")
    a.quote("“We want our allies at the table before the shipping lanes fill up, not after.”",
            official, told)
    _, institute, _ = a.quote("The number of commercial vessels entering Arctic waters rose 37 percent "
                              "between 2013 and 2023",
                              "[[the Nordic Maritime Institute]], a research", "according to#2")
    a.quote("said that [[the United States would propose a shared register of ships that burn heavy "
            "fuel oil in polar waters]]",
            "[[The official]], who spoke", "anonymity to discuss diplomatic planning, [[said]]")
    a.quote("said [[they expect traffic along the Northern Sea Route to triple by the end of the decade]]",
            "Russian officials", "Russian officials have [[said]]")
    _, harwood, _ = a.quote("“Russia is the greatest long-term challenge to the security of the High North, "
                            "and China wants to be a close second,”",
                            "[[Harwood]] said in a statement", "Harwood [[said]] in a statement")
    a.quote("said [[her government supported common rules for Arctic shipping but would not accept "
            "measures that hurt Norwegian fishing communities]]",
            "[[Aasland]] said her", "Aasland [[said]] her")
    _, she, said = a.quote("“Our coast is not a museum,”", "[[she]] said in a speech",
                           "she [[said]] in a speech", refers_to="[[Aasland]] said her")
    a.quote("“People live and work there, and they have done so for a thousand years.”", she, said)
    _, board, _ = a.quote("Norway’s fishing and aquaculture exports were worth 172 billion kroner "
                          "($15.9 billion) last year",
                          "the Norwegian Seafood Board", "Board [[said]] in January")
    _, he, _ = a.quote("“Iceland depends on a clean ocean more than any other nation in the North Atlantic. "
                       "A single large spill would be a catastrophe for us.”",
                       "[[he]] said: “Iceland", "he [[said]]: “Iceland",
                       refers_to="[[Thorvaldsson]], by contrast")
    _, statistics, _ = a.quote("Fisheries account for about 40 percent of Iceland’s goods exports",
                               "according to [[Statistics Iceland]]", "according to#3")
    ortiz, ortiz_s, ortiz_c = a.quote("“The secretary looks forward to honest conversations with close friends,”",
                                      "State Department spokesperson Lena Ortiz", "[[said]] State Department")
    a.quote("“Friends can disagree on the details and still share a goal.”", ortiz_s, ortiz_c)

    # Claims.
    a.claim("The number of commercial vessels", institute)
    a.claim("The institute counted 1,782 ships")
    a.claim("Moscow has commissioned four")
    a.claim("Russia is the greatest", harwood)
    a.claim("Norway’s fishing and aquaculture", board)
    a.claim("Iceland depends on a clean ocean", he)
    a.claim("Fisheries account for", statistics)
    return a


def article_02():
    a = Article("02-airline-earnings",
                "Kestrel Airways swings to profit as summer demand lifts revenue to record",
                "2024-07-30")
    a.every("ORG", "Kestrel Airways", "Irish Airline Pilots' Association", "Hallworth Securities",
            "Kestrel")
    a.every("PERSON", "Fiona Marsh", "Marsh", "Tomás Rivera", "Rivera")
    a.every("GPE", "DUBLIN", "Dublin", "London", "New York", "Boston")
    a.every("LOC", "Atlantic", "Europe")
    a.every("NORP", "European")
    a.ent("PRODUCT", "Airbus A321neo")
    a.every("DATE", "summer", "a year earlier")
    a.ent("DATE", "July 30", "first-half", "Tuesday", "the six months to June 30", "January",
          "the second half", "this year#1", "the winter", "the first half", "two years",
          "2025 to 2029", "the spring", "this year#2", "the end of June", "Friday")
    a.ent("TIME", "10:40 a.m.")
    a.ent("MONEY", "€412 million", "€38 million", "€5.6 billion", "€14.85", "about €150 million",
          "€1.1 billion", "€1.9 billion")
    a.ent("PERCENT", "18%", "up [[9%]]", "94%", "6.2%", "41%", "to [[7%]]", "from [[8%]]", "about 11%", "23%")
    a.ent("CARDINAL", "31.4 million", "140", "from [[12]] bases",
          "60", "the first [[10]]", "about 9,800")
    a.ent("ORDINAL", "the [[first]] 10")

    a.claim("Kestrel Airways swings to profit")
    a.claim("reported a first-half profit")
    _, carrier, _ = a.quote("said [[pre-tax profit for the six months to June 30 was €412 million, compared "
                            "with a loss of €38 million a year earlier]]",
                            "The Dublin-based carrier", "carrier [[said]]")
    a.claim("pre-tax profit for the six months", carrier)
    a.claim("Revenue rose 18%")
    q, marsh, _ = a.quote("said [[the airline had carried 31.4 million passengers in the period, up 9% "
                          "from a year earlier, and that its planes were 94% full on average]]",
                          "Chief Executive Fiona Marsh", "Fiona Marsh [[said]]")
    a.claim("31.4 million passengers", marsh)
    _, marsh2, told = a.quote("\"This is the best summer we have ever had, and the numbers show it,\"",
                              "[[Marsh]] told analysts", "Marsh [[told]] analysts")
    a.quote("\"People have decided that travel is not a luxury they are willing to give up.\"", marsh2, told)
    a.claim("This is the best summer", marsh2)
    a.claim("Shares in Kestrel rose")
    a.claim("They have gained 41%")
    airline = a.speaker("[[The airline]] warned")
    a.quote("warned that [[fuel costs would rise by about €150 million in the second half because of a "
            "weaker euro]]", airline, "The airline [[warned]]")
    a.quote("said [[it had cut its capacity growth target for this year to 7% from 8%]]", airline,
            "and [[said]] it had cut")
    a.claim("fuel costs would rise", airline)
    _, analysts, _ = a.quote("Analysts said [[the results were stronger than expected]]", "Analysts",
                             "Analysts [[said]]")
    a.claim("the results were stronger than expected", analysts)
    _, rivera, said = a.quote("\"They beat on every line,\"", "Tomás Rivera", "[[said]] Tomás Rivera")
    a.quote("\"The question now is whether they can hold fares up into the winter, when demand is always "
            "softer.\"", rivera, said)
    _, rivera2, _ = a.quote("estimated that [[average fares had risen about 11% in the first half, well ahead "
                            "of inflation]]", "[[Rivera]] estimated", "Rivera [[estimated]]")
    a.claim("average fares had risen", rivera2)
    _, she, _ = a.quote("She said [[business-class bookings across the Atlantic were up 23%]]",
                        "[[She]] said business", "She [[said]] business",
                        refers_to="[[Marsh]] has spent two years")
    a.claim("business-class bookings", she)
    _, she2, said2 = a.quote("\"We are not a budget airline any more, and we are not trying to be a luxury "
                             "one,\"", "[[she]] said. \"We are trying", "she [[said]]. \"We are trying",
                             refers_to="[[Marsh]] has spent two years")
    a.quote("\"We are trying to be the airline people actually like.\"", she2, said2)
    a.claim("which flies to 140 destinations")
    a.quote("Marsh said [[the first 10 would arrive in the spring]]", "[[Marsh]] said the first 10",
            "Marsh [[said]] the first 10")
    a.quote("\"Not this year. We want a boringly strong balance sheet before anything else.\"",
            "[[she]] said: \"Not", "she [[said]]: \"Not", refers_to="[[Marsh]] said the first 10")
    a.claim("net debt fell")
    a.claim("Kestrel employs about 9,800")
    a.quote("said [[talks would resume on Friday and that members wanted a fair share of the profits]]",
            "A spokesman for the Irish Airline Pilots' Association", "Association [[said]]")
    _, spokesman, said3 = a.quote("\"Pilots kept this airline flying through the pandemic,\"",
                                  "the spokesman", "spokesman [[said]]")
    a.quote("\"Now it is making money, and they expect to see some of it.\"", spokesman, said3)
    return a


def article_03():
    a = Article("03-transit-fraud-sentencing",
                "Former transit finance chief sentenced to six years for $3.2 million fraud",
                "2024-06-12")
    a.every("ORG", "Scioto Valley Transit Authority",
            "U.S. Attorney’s Office for the Southern District of Ohio", "Blue Ash Logistics")
    a.every("PERSON", "Gregory Haines", "Haines", "Sandra Whitcombe", "Whitcombe", "Michael Ferrante",
            "Ferrante", "Rachel Okonkwo", "Dana Whitfield", "Carla Benson")
    a.every("GPE", "COLUMBUS", "Columbus", "Ohio", "U.S.", "Lexington", "Kentucky")
    a.ent("LAW", "Sentencing Reform Act")
    a.every("DATE", "six years", "Six years")
    a.ent("DATE", "Wednesday", "nearly a decade", "February", "eight years", "2014 to 2023",
          "thefts in [[2023]]", "2021", "the past 20 years", "September 3")
    a.every("MONEY", "$3.2 million")
    a.ent("MONEY", "$410,000", "about $1.1 million")
    a.ent("CARDINAL", "214", "48", "takes [[two]] buses", "nine", "a third", "[[one]] of the largest")
    a.ent("PERCENT", "at least 85 percent")

    a.claim("Former transit finance chief sentenced")
    a.claim("was sentenced on Wednesday")
    a.quote("prosecutors said [[he kept the horses]]", "prosecutors", "prosecutors [[said]]")
    _, judge, said = a.quote("“Mr. Haines, you were trusted with money that was meant to carry nurses to their "
                             "shifts and children to school,”",
                             "[[Whitcombe]] said as she", "Whitcombe [[said]] as she")
    a.quote("“You used it to buy racehorses, and you lied to the board to hide it.\n\n“The people of this "
            "county paid for your hobby. Six years is not a number I reached lightly.”", judge, said)
    _, ferrante, _ = a.quote("the court that [[Haines wrote 214 checks to shell companies he controlled from "
                             "2014 to 2023 and falsified the authority’s annual audits to cover the losses]]",
                             "Assistant U.S. Attorney Michael Ferrante", "Ferrante [[told]] the court")
    a.claim("Haines wrote 214 checks", ferrante)
    _, ferrante2, said2 = a.quote("“This was not a moment of weakness. It was a business,”",
                                  "[[Ferrante]] said after", "Ferrante [[said]] after")
    a.quote("“He paid himself more than the agency spent on new bus shelters in the same period.”",
            ferrante2, said2)
    a.claim("He paid himself more", ferrante2)
    _, lawyer, _ = a.quote("said [[her client had struggled with a gambling addiction and had repaid $410,000 "
                           "before he was charged]]",
                           "Haines’s lawyer, [[Rachel Okonkwo]]", "Okonkwo, [[said]]")
    a.claim("had repaid $410,000", lawyer)
    a.quote("courthouse that [[he was ashamed of what he had done and would not appeal]]",
            "[[She]] told reporters", "She [[told]] reporters", refers_to="Rachel Okonkwo")
    a.claim("runs 48 bus routes")
    a.claim("Blue Ash Logistics had no employees")
    a.quote("statement that [[the agency had since tightened its controls]]", "Dana Whitfield",
            "Whitfield, [[said]]")
    _, she, _ = a.quote("“We have recovered about $1.1 million so far, and we will pursue every remaining dollar,”",
                        "[[she]] said.\n", "she [[said]].\n", refers_to="Dana Whitfield")
    a.claim("We have recovered", she)
    _, benson, said3 = a.quote("“Every time they cut a route, they told us there was no money,”",
                               "Carla Benson", "[[said]] Carla Benson")
    a.quote("“Now we know where it went.”", benson, said3)
    # A quote inside the quote.
    a.quote("they told us [[there was no money]]", "[[they]] told us", "they [[told]] us")
    _, authority, _ = a.quote("saying [[ridership had fallen by a third during the pandemic]]",
                              "[[The authority]] cut service", "[[saying]] ridership")
    a.claim("ridership had fallen", authority)
    _, office, _ = a.quote("The case is one of the largest public-corruption prosecutions in central Ohio in "
                           "the past 20 years",
                           "according to [[the U.S. Attorney’s Office for the Southern District of Ohio]]",
                           "according to")
    a.claim("one of the largest public-corruption", office)
    a.claim("must serve at least 85 percent")
    return a


def article_04():
    a = Article("04-housing-bond-vote",
                "Harrow Falls council sends $18 million housing bond to voters",
                "2024-08-14")
    a.every("ORG", "Harrow Falls City Council", "Green Mountain Housing Coalition",
            "Moody's Investors Service", "Lincoln Elementary School")
    a.every("PERSON", "Angela Brody", "Brody", "Dave Pruitt", "Pruitt", "Rosa Marquez", "Marquez",
            "Gary Lindqvist", "Paul Okafor")
    a.every("GPE", "HARROW FALLS", "Harrow Falls", "Vt.", "Montpelier", "Chittenden County")
    a.every("FAC", "Riverside Mill", "Water Street", "Elm Street", "Main Street")
    a.every("NORP", "Republican")
    a.every("MONEY", "$18 million")
    a.ent("MONEY", "about $94", "$1,870", "$6 million", "$41 million", "$12 million")
    a.every("DATE", "Tuesday")
    a.ent("DATE", "November", "months", "each year", "2019", "a month", "2017", "last year", "11 years",
          "since [[2020]]", "the end of June", "April", "Nov. 5", "2016", "Sept. 12")
    a.ent("TIME", "more than four hours")
    a.ent("PERCENT", "46%", "14%", "53%")
    a.ent("CARDINAL", "voted [[six]]", "six to [[three]]", "about 220", "[[three]] city-owned",
          "[[two]] pages", "Three", "[[seven]] to two", "seven to [[two]]", "[[two]] downtown",
          "[[four]] wards")
    a.ent("ORDINAL", "second")

    a.claim("the bond would pay for about 220 apartments")
    _, officials, _ = a.quote("said [[the debt would cost the owner of a typical home about $94 in property taxes "
                              "each year]]", "Officials", "Officials [[said]]")
    a.claim("the debt would cost", officials)
    _, brody, said = a.quote("\"This is the most important decision this council will make,\"",
                             "[[she]] said after the meeting", "she [[said]] after the meeting",
                             refers_to="Angela Brody")
    a.quote("\"Teachers, nurses and bus drivers cannot afford to live in the city they serve. That has to "
            "change.\"", brody, said)
    a.claim("Teachers, nurses and bus drivers", brody)
    _, coalition, _ = a.quote("The median rent in Harrow Falls has risen 46% since 2019 to $1,870 a month",
                              "according to [[the Green Mountain Housing Coalition]]", "according to")
    a.claim("The median rent", coalition)
    _, group, _ = a.quote("Over the same period, the median household income in the city rose 14%",
                          "the group", "the group [[said]]")
    a.claim("median household income", group)
    a.quote("said [[the city should ask the state for help before borrowing on its own]]",
            "Councilor Dave Pruitt", "Pruitt [[said]] the city")
    _, pruitt, said2 = a.quote("\"We are being asked to borrow $18 million on the strength of a plan that fits on "
                               "two pages,\"", "[[Pruitt]] said. \"I support", "Pruitt [[said]]. \"I support")
    a.quote("\"I support more housing. I don't support writing a blank check.\"", pruitt, said2)
    _, marquez, _ = a.quote("council that [[her rent had doubled since 2020]]", "Rosa Marquez",
                            "[[told]] the council")
    a.claim("her rent had doubled", marquez)
    a.quote("\"I'm not asking for a handout. I'm asking to stay in my town,\"", "[[Marquez]] said",
            "Marquez [[said]]")
    _, lindqvist, _ = a.quote("said [[property taxes in Harrow Falls were already the highest in Chittenden "
                              "County]]", "Gary Lindqvist", "Main Street, [[said]]")
    a.claim("property taxes in Harrow Falls were already", lindqvist)
    _, he, said3 = a.quote("\"Every new bond is small on its own,\"", "[[he]] said. \"Add",
                           "he [[said]]. \"Add", refers_to="Gary Lindqvist")
    a.quote("\"Add them up and you get a tax bill people on fixed incomes can't pay.\"", he, said3)
    _, okafor, _ = a.quote("said [[Harrow Falls carried $41 million in debt at the end of June, well below the "
                           "limit set by the city charter]]", "City Manager Paul Okafor",
                           "Okafor [[said]]")
    a.claim("carried $41 million in debt", okafor)
    a.claim("Its bond rating was raised")
    a.claim("A similar $12 million measure failed")
    a.quote("Brody said [[she would campaign for the bond in each of the city's four wards before the vote, "
            "starting with a town hall at Lincoln Elementary School on Sept. 12]]",
            "[[Brody]] said she would", "Brody [[said]] she would")
    _, she, said4 = a.quote("\"Last time, we lost because people did not know what they were voting for,\"",
                            "[[she]] said. \"That will not", "she [[said]]. \"That will not",
                            refers_to="[[Brody]] said she would")
    a.quote("\"That will not happen again.\"", she, said4)
    return a


def article_05():
    a = Article("05-malaria-vaccine-trial",
                "Malaria vaccine cuts child infections by 72% in West African trial",
                "2024-09-19")
    a.every("ORG", "Accra Institute for Tropical Medicine", "Nordlys Biologics", "Journal of Tropical Vaccinology",
            "World Health Organization", "WHO", "Basel Centre for Global Health")
    a.every("PERSON", "Abena Mensah", "Mensah", "Lukas Brenner", "Brenner", "Henrik Dahl", "Kofi Asante",
            "Asante")
    a.every("GPE", "Ghana", "Burkina Faso", "Upper East Region", "Aarhus")
    a.every("LOC", "sub-Saharan Africa", "Africa")
    a.every("NORP", "West African", "Danish")
    a.every("PRODUCT", "MVX-2", "RTS,S", "R21")
    a.ent("DATE", "18 months", "Thursday", "every year", "5 to 17 months", "a year later",
          "the first six months", "the rainy season", "2022", "in [[2021]]", "in [[2023]]", "2026", "doses [[a year]]",
          "2027", "Friday", "next year")
    a.ent("PERCENT", "72%", "72 percent", "81 percent", "64 percent", "Seventy-two percent", "100 percent")
    a.ent("MONEY", "less than $3")
    a.ent("CARDINAL", "hundreds of thousands", "4,800", "[[four]] districts", "[[three]] doses", "about 608,000",
          "Two", "[[two]] different", "100 million")
    a.ent("ORDINAL", "[[first]] time")

    a.claim("Malaria vaccine cuts child infections")
    _, researchers, _ = a.quote("A new malaria vaccine reduced infections among young children by 72 percent over "
                                "18 months in a large trial in Ghana and Burkina Faso",
                                "[[researchers]] reported", "researchers [[reported]]")
    a.claim("A new malaria vaccine reduced", researchers)
    _, researchers2, _ = a.quote("The vaccine, known as MVX-2, was developed by the Accra Institute for Tropical "
                                 "Medicine with Nordlys Biologics, a Danish drugmaker, and can be made for less "
                                 "than $3 a dose", "[[the researchers]] said", "the researchers [[said]]")
    a.claim("can be made for less than $3", researchers2)
    a.claim("The trial enrolled 4,800")
    _, mensah, said = a.quote("“For the first time we have a vaccine that works this well and can be made at the "
                              "scale Africa needs,”", "Dr. Abena Mensah", "[[said]] Dr. Abena Mensah")
    a.quote("“That combination is what we have been waiting for.”", mensah, said)
    a.claim("For the first time we have a vaccine", mensah)
    _, mensah2, _ = a.quote("said [[the vaccine’s protection was strongest in the first six months after the "
                            "booster, when efficacy reached 81 percent, and fell to 64 percent by the end of the "
                            "follow-up period]]", "[[Mensah]] said the vaccine", "Mensah [[said]] the vaccine")
    a.claim("protection was strongest", mensah2)
    _, she, said2 = a.quote("“We need to be honest about what these numbers mean,”", "[[she]] said. “Seventy",
                            "she [[said]]. “Seventy", refers_to="[[Mensah]] said the vaccine")
    a.quote("“Seventy-two percent is not 100 percent. Children will still get malaria, and some of them will "
            "still die.\n\n“But if you are a mother in the Upper East Region, it means your child is far less "
            "likely to end up in a hospital bed in the rainy season.”", she, said2)
    a.claim("far less likely", she)
    _, who, _ = a.quote("Malaria killed about 608,000 people in 2022, most of them young children in "
                        "sub-Saharan Africa", "according to [[the World Health Organization]]", "according to")
    a.claim("Malaria killed about 608,000", who)
    a.claim("Two malaria vaccines are already recommended")
    a.claim("Both are more expensive")
    _, brenner, _ = a.quote("said that [[trials tended to overstate how well vaccines worked in the field, where "
                            "children often missed doses]]", "Dr. Lukas Brenner", "study, [[said]] that")
    a.claim("trials tended to overstate", brenner)
    a.quote("“Efficacy in a trial and effectiveness in a village are two different things,”",
            "[[Brenner]] said in an interview", "Brenner [[said]] in an interview")
    a.quote("added that [[the results were still encouraging and that a larger study was planned for 2026]]",
            "[[He]] added", "He [[added]]", refers_to="[[Brenner]] said in an interview")
    _, nordlys, _ = a.quote("Nordlys Biologics said [[it could produce 100 million doses a year at its plant in "
                            "Aarhus by 2027, pending approval from regulators]]",
                            "[[Nordlys Biologics]] said it could", "Nordlys Biologics [[said]] it could")
    a.claim("100 million doses", nordlys)
    a.quote("that [[MVX-2 would be sold at cost in low-income countries]]", "Henrik Dahl",
            "Dahl, [[told]] investors")
    a.quote("said [[the government hoped to add the vaccine to its national immunization program next year]]",
            "Kofi Asante", "Asante, [[said]]")
    _, asante, said3 = a.quote("“Our nurses have waited a long time for this,”", "[[Asante]] said. “We",
                               "Asante [[said]]. “We")
    a.quote("“We will be ready.”", asante, said3)
    return a


def article_06():
    a = Article("06-cup-final",
                "Harbridge stun Caldmoor to win first FA Cup in 52 years",
                "2024-05-25")
    a.every("ORG", "Harbridge United", "Caldmoor City", "Premier League", "Championship", "StatsPitch",
            "Ashcombe Rovers")
    a.ent("GPE", "through [[Harbridge]]")
    a.every("ORG", "Harbridge", "Caldmoor")
    a.every("EVENT", "FA Cup", "Community Shield")
    a.every("FAC", "Wembley Stadium", "Wembley", "Market Square")
    a.every("PERSON", "Jamie Okoro", "Okoro", "Sean Whitley", "Whitley", "Marco Bellini", "Ruud Verhoef",
            "Verhoef", "Tom Akers", "Akers", "Elena Costa", "Neil Dunmore", "Dunmore")
    a.every("GPE", "LONDON", "England")
    a.every("NORP", "Dutch", "English", "European")
    a.ent("TIME", "six minutes", "the 93rd minute", "the 34th minute", "the 61st minute", "the final minutes",
          "85 minutes", "Saturday night", "2 p.m.")
    a.every("DATE", "52 years", "Saturday", "this season", "Tuesday")
    a.ent("DATE", "January 2023", "last season", "1987", "next season", "August 10", "two days", "Sunday")
    a.ent("ORDINAL", "[[first]] FA Cup", "the [[first]] time", "20th", "the [[second]] tier",
          "their [[first]] top-flight")
    a.ent("CARDINAL", "2-1", "84,620", "in [[two]],", "17", "[[nine]], according", "29", "Several thousand",
          "412")
    a.ent("MONEY", "£2 million")
    a.ent("PERCENT", "61%")

    a.claim("Harbridge stun Caldmoor")
    a.claim("won the FA Cup for the first time")
    a.claim("A crowd of 84,620")
    _, okoro, said = a.quote("\"I didn't even see it go in. I just heard the noise,\"", "[[Okoro]] said",
                             "Okoro [[said]]")
    a.quote("\"My mum is in the stand somewhere. I need to find her.\"", okoro, said)
    a.quote("said [[her team had lost concentration in the final minutes]]", "Caldmoor manager Elena Costa",
            "Costa [[said]]")
    _, she, said2 = a.quote("\"We controlled the game for 85 minutes and we lost it in two,\"",
                            "[[she]] said. \"That", "she [[said]]. \"That", refers_to="Elena Costa")
    a.quote("\"That will hurt for a long time.\"", she, said2)
    _, stats, _ = a.quote("Caldmoor had 61% of possession and 17 shots to Harbridge's nine",
                          "according to [[StatsPitch]]", "according to")
    a.claim("61% of possession", stats)
    a.claim("Verhoef has now scored 29 goals")
    _, dunmore, _ = a.quote("\"This is the greatest day in the history of this club. Nothing else comes close.\"",
                            "Harbridge manager Neil Dunmore", "Dunmore [[said]]:")
    a.claim("the greatest day", dunmore)
    a.claim("Dunmore took over in January 2023")
    a.claim("He led them to promotion")
    _, whitley, said3 = a.quote("\"He deserved that,\"", "[[Whitley]], who has played",
                                "[[said]] Whitley")
    a.quote("\"He works harder than anyone in training, and he never complains.\"", whitley, said3)
    a.claim("who has played 412 games")
    a.claim("£2 million in prize money")
    a.quote("Dunmore said [[the players would be given two days off before returning to training on Tuesday]]",
            "[[Dunmore]] said the players", "Dunmore [[said]] the players")
    a.quote("He said [[he had not yet decided whether Okoro would start the next match]]",
            "[[He]] said he had not", "He [[said]] he had not", refers_to="[[Dunmore]] said the players")
    _, he, said4 = a.quote("\"He has earned a conversation,\"", "[[he]] said with a smile",
                           "he [[said]] with a smile", refers_to="[[Dunmore]] said the players")
    a.quote("\"Whether he has earned a shirt, we will see.\"", he, said4)
    return a


ARTICLES = [article_01, article_02, article_03, article_04, article_05,
            article_06]


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else None
    total = {}
    for make in ARTICLES:
        a = make()
        a.check()
        for ann in a.annotations:
            total[ann["label"]] = total.get(ann["label"], 0) + 1
        if mode == "--list":
            print(f"== {a.slug}")
            for ann in sorted(a.annotations, key=lambda x: (x["start"], x["end"])):
                print(f"{ann['label']:<9} {ann['start']:>5} {ann['end']:>5}  {a.span(ann)}")
            for t, f, to in a.relations:
                print(f"{t:<9} {a.span(a.get(f))[:50]!r} -> {a.span(a.get(to))!r}")
        elif mode == "--review":
            print(f"== {a.slug}")
            print("\n".join(a.review()))
        elif mode == "--sentences":
            print(f"== {a.slug}")
            for s, e in a.sentences:
                print(f"{s:>5} {e:>5}  {a.text[s:e]}")
        else:
            doc = a.document()
            lines = ["{"]
            for k in ("format", "version", "id", "meta", "text", "schema", "attributes"):
                lines.append(f"  {json.dumps(k)}: {json.dumps(doc[k], ensure_ascii=False)},")
            lines.append('  "annotations": [')
            lines.append(",\n".join("    " + json.dumps(x, ensure_ascii=False) for x in doc["annotations"]))
            lines.append("  ],")
            lines.append('  "relations": [')
            lines.append(",\n".join("    " + json.dumps(x, ensure_ascii=False) for x in doc["relations"]))
            lines.append("  ]")
            lines.append("}")
            (HERE / (a.slug + ".byline.json")).write_text("\n".join(lines) + "\n", encoding="utf-8")
        words = len(a.text.split())
        print(f"{a.slug}: {words} words, {len(a.annotations)} annotations, {len(a.relations)} relations",
              file=sys.stderr)
    print("total: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())) +
          f" = {sum(total.values())}", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except GoldError as e:
        sys.exit(f"make-gold.py: {e}")

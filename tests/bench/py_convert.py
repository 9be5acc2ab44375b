#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""py_convert.py: `byline-cli convert` from a Byline JSONL corpus, in Python.

The Python side of the convert benchmark (convert-bench.py): the same
conversions as `byline-cli convert CORPUS.jsonl -o OUTPUT --to FORMAT`, with
the standard library only, written to give the SAME bytes as Byline's
writers (src/core/byline-{format,native,brat,spacy,doccano,labelstudio,
conll}.c) and the same "what the format cannot hold" summary on stderr. The
benchmark checks that with a diff: a fast wrong converter proves nothing.

    py_convert.py CORPUS.jsonl -o OUTPUT --to FORMAT [--scheme iob2|iob1|bioes]
                  [--schema news.json]

FORMAT: jsonl, spacy, doccano, labelstudio, conll, hf (OUTPUT's directory
gets labels.json), brat (OUTPUT is a directory of ID.txt and ID.ann).

Like Byline it streams (one document in memory at a time), checks what
Byline's native reader checks on the way (offsets in range, each
annotation's text equal to its slice, fragments, duplicate ids, relation
ends), keeps the dataset formats to manual and accepted annotations
(counting what is left out), and writes each output file atomically
(a temporary file, fsync, rename), as byline_atomic_file_commit() does.

What this port leaves out (the generated corpus has none of it; an input
that needs it stops with an error or is written as Byline would not):
- the schema checks' *warnings* (unknown labels, relation types, labels in
  another layer) are not printed; Byline prints them on stderr;
- native files that declare another schema than "news";
- article records (JSONL lines without "format": "byline");
- brat's round-trip extras (the "brat" key: events, attribution events,
  equivalences, kept lines, normalisations, stored A/#/N ids, BOMs) and
  spans that hold a line break (Byline splits them into fragments);
- --split, --layers, --labels, --status, --as-suggestions;
- the tokenizer is a faithful port of src/core/byline-tokenizer.c, but its
  character classes come from Python's unicodedata (Unicode 14 in Python
  3.11) where GLib 2.74 has Unicode 15: characters whose category changed
  between the two would tokenize differently.
"""

import argparse
import bisect
import json
import os
import re
import shutil
import sys
import tempfile
import unicodedata

# ---- JSON output, as byline-json-writer.c writes it ----------------------

# json's C encoder escapes exactly what byline_json_append_escaped() does:
# '"', '\\' and the C0 controls (\n \r \t \b \f by name, the rest \u00xx),
# and leaves every other character as it is.
enc = json.encoder.encode_basestring


def fmt_double(value):
    """byline_json_append_double: the shortest of %.15g/%.16g/%.17g that
    reads back exactly, always with a point or an exponent."""
    if value != value or value in (float('inf'), float('-inf')):
        return 'null'
    for precision in (15, 16, 17):
        s = '%.*g' % (precision, value)
        if float(s) == value:
            break
    if '.' not in s and 'e' not in s and 'E' not in s:
        s += '.0'
    return s


def jnode(v):
    """byline_json_append_node: compact, objects with sorted keys."""
    t = type(v)
    if t is str:
        return enc(v)
    if t is bool:
        return 'true' if v else 'false'
    if t is int:
        return str(v)
    if t is float:
        return fmt_double(v)
    if v is None:
        return 'null'
    if t is list:
        return '[' + ', '.join([jnode(x) for x in v]) + ']'
    if t is dict:
        return jobject(v, ())
    raise TypeError(t)


def jobject(obj, first_keys):
    """byline_json_append_object: @first_keys first, then the rest sorted."""
    parts = [enc(k) + ': ' + jnode(obj[k]) for k in first_keys if k in obj]
    parts += [enc(k) + ': ' + jnode(obj[k]) for k in sorted(obj) if k not in first_keys]
    return '{' + ', '.join(parts) + '}'


def jmembers(obj):
    """byline_json_append_members: ', ' and the members, sorted; '' if none."""
    if not obj:
        return ''
    return ', ' + ', '.join([enc(k) + ': ' + jnode(obj[k]) for k in sorted(obj)])


# ---- The schema -----------------------------------------------------------

class Schema:
    def __init__(self, path):
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        self.name = data['name']
        self.layer_of = {}
        self.layer_labels = {}
        for layer in data['layers']:
            names = [label['name'] for label in layer['labels']]
            self.layer_labels[layer['name']] = names
            for name in names:
                self.layer_of.setdefault(name, layer['name'])
        self.relation_types = {r['name'] for r in data.get('relations', [])}


# ---- Documents ------------------------------------------------------------

MANUAL, SUGGESTED, ACCEPTED, REJECTED = 'manual', 'suggested', 'accepted', 'rejected'
STATUSES = (MANUAL, SUGGESTED, ACCEPTED, REJECTED)


class ConvertError(Exception):
    pass


class Ann:
    __slots__ = ('id', 'layer', 'label', 'frags', 'start', 'end', 'status', 'origin',
                 'confidence', 'attrs', 'note', 'created', 'modified', 'extra')


class Rel:
    __slots__ = ('id', 'type', 'frm', 'to', 'status', 'origin', 'attrs', 'extra')


class Doc:
    __slots__ = ('id', 'meta', 'text', 'schema', 'attributes', 'anns', 'rels', 'extra', 'by_id')

    def sorted_anns(self):
        return sorted(self.anns, key=lambda a: (a.start, a.end, a.id))


def is_int(v):
    return type(v) is int


def is_number(v):
    return type(v) in (int, float)


def read_offset(v):
    return type(v) is int and 0 <= v <= 0x7fffffff


def read_annotation(node, doc, where):
    if type(node) is not dict:
        raise ConvertError('%s: expected an object' % where)
    a = Ann()
    a.id = a.layer = a.label = a.origin = a.confidence = a.note = None
    a.created = a.modified = None
    a.status = MANUAL
    a.attrs = {}
    a.extra = None
    text = start = end = fragments = None
    for key, value in node.items():
        ok = True
        if key == 'id':
            ok = type(value) is str
            a.id = value
        elif key == 'layer':
            ok = type(value) is str
            a.layer = value
        elif key == 'label':
            ok = type(value) is str
            a.label = value
        elif key == 'start':
            start = value
        elif key == 'end':
            end = value
        elif key == 'fragments':
            fragments = value
        elif key == 'text':
            ok = type(value) is str
            text = value
        elif key == 'status':
            if value not in STATUSES:
                raise ConvertError('%s: unknown status %s' % (where, jnode(value)))
            a.status = value
        elif key == 'origin':
            ok = type(value) is str
            a.origin = value
        elif key == 'confidence':
            ok = is_number(value) and type(value) is not bool
            if ok:
                a.confidence = float(value)
        elif key in ('note', 'created', 'modified'):
            ok = type(value) is str
            setattr(a, key, value)
        elif key == 'attributes':
            ok = type(value) is dict
            if ok:
                a.attrs = dict(sorted(value.items()))
        else:
            if a.extra is None:
                a.extra = {}
            a.extra[key] = value
        if not ok:
            raise ConvertError('%s: “%s” has the wrong type' % (where, key))
    if a.layer is None or a.label is None:
        raise ConvertError('%s: missing “%s”' % (where, 'layer' if a.layer is None else 'label'))
    if fragments is not None:
        if start is not None or end is not None:
            raise ConvertError('%s: has both “fragments” and start/end' % where)
        if type(fragments) is not list or not fragments:
            raise ConvertError('%s: “fragments” must be a non-empty list of [start, end] pairs' % where)
        frags = []
        for pair in fragments:
            if type(pair) is not list or len(pair) != 2 or not read_offset(pair[0]) or not read_offset(pair[1]):
                raise ConvertError('%s: a fragment is not a [start, end] pair' % where)
            frags.append((pair[0], pair[1]))
        frags.sort()
    else:
        if start is None or end is None:
            raise ConvertError('%s: missing “%s”' % (where, 'start' if start is None else 'end'))
        if not read_offset(start) or not read_offset(end):
            raise ConvertError('%s: offsets must be whole numbers ≥ 0' % where)
        frags = [(start, end)]
    if not a.label:
        raise ConvertError('%s: an annotation needs a layer and a label' % where)
    n_chars = len(doc.text)
    prev_end = 0
    for i, (s, e) in enumerate(frags):
        if s >= e:
            raise ConvertError('%s: empty span or start after end' % where)
        if e > n_chars:
            raise ConvertError('%s: span %u–%u ends past the end of the text (%u characters)'
                               % (where, s, e, n_chars))
        if i > 0 and s < prev_end:
            raise ConvertError('%s: fragments overlap at %u' % (where, s))
        prev_end = e
    a.frags = frags
    a.start = frags[0][0]
    a.end = frags[-1][1]
    if a.id is None:
        # byline_document's new_annotation_id(): the corpus always has ids
        raise ConvertError('%s: annotations without ids are not handled by this port' % where)
    if a.id in doc.by_id:
        raise ConvertError('%s: duplicate annotation id “%s”' % (where, a.id))
    doc.by_id[a.id] = a
    if text is not None:
        t = doc.text
        if len(frags) == 1:
            actual = t[a.start:a.end]
        else:
            actual = ' '.join([t[s:e] for s, e in frags])
        if actual != text:
            raise ConvertError('%s: text %s does not match the document text %s'
                               % (where, enc(text), enc(actual)))
    return a


def read_relation(node, doc, where):
    if type(node) is not dict:
        raise ConvertError('%s: expected an object' % where)
    r = Rel()
    r.id = r.type = r.frm = r.to = r.origin = r.attrs = r.extra = None
    r.status = MANUAL
    for key, value in node.items():
        if key in ('id', 'type', 'origin'):
            ok = type(value) is str
            setattr(r, key, value)
        elif key == 'from':
            ok = type(value) is str
            r.frm = value
        elif key == 'to':
            ok = type(value) is str
            r.to = value
        elif key == 'status':
            ok = value in STATUSES
            r.status = value
        elif key == 'attributes':
            ok = type(value) is dict
            r.attrs = value or None   # an empty object sets no attribute
        else:
            ok = True
            if r.extra is None:
                r.extra = {}
            r.extra[key] = value
        if not ok:
            raise ConvertError('%s: “%s” has a wrong value' % (where, key))
    if r.type is None or r.frm is None or r.to is None:
        raise ConvertError('%s: a relation needs “type”, “from” and “to”' % where)
    if r.id is None:
        raise ConvertError('%s: relations without ids are not handled by this port' % where)
    return r


def document_from_object(obj, where, schema):
    if obj.get('format') != 'byline':
        raise ConvertError('%s: not a Byline document (article records are not handled by this port)' % where)
    version = obj.get('version')
    if type(version) is not int or version != 1:
        raise ConvertError('%s: unsupported version %r' % (where, version))
    text = obj.get('text')
    if type(text) is not str:
        raise ConvertError('%s: “text” is missing or not a string' % where)
    doc = Doc()
    doc.text = text
    doc.id = doc.schema = None
    doc.meta = {}
    doc.attributes = {}
    doc.extra = None
    doc.by_id = {}
    for key, value in obj.items():
        if key in ('format', 'version', 'text', 'annotations', 'relations'):
            continue
        if key == 'id' and type(value) is str:
            doc.id = value
        elif key == 'schema' and type(value) is str:
            doc.schema = value
        elif key == 'meta' and type(value) is dict:
            doc.meta = value
        elif key == 'attributes' and type(value) is dict:
            doc.attributes = value
        elif key in ('id', 'schema', 'meta', 'attributes'):
            raise ConvertError('%s: “%s” has the wrong type' % (where, key))
        else:
            if doc.extra is None:
                doc.extra = {}
            doc.extra[key] = value
    if doc.id is None:
        # read_jsonl() would name it FILE-LINE (byline_import_document_id)
        raise ConvertError('%s: documents without an id are not handled by this port' % where)
    if doc.schema is not None and doc.schema != schema.name:
        raise ConvertError('%s: schema “%s”: only the “%s” schema is handled by this port'
                           % (where, doc.schema, schema.name))
    anns = obj.get('annotations', [])
    rels = obj.get('relations', [])
    if type(anns) is not list or type(rels) is not list:
        raise ConvertError('%s: “annotations” and “relations” must be lists' % where)
    doc.anns = [read_annotation(node, doc, '%s: annotations[%d]' % (where, i))
                for i, node in enumerate(anns)]
    doc.rels = [read_relation(node, doc, '%s: relations[%d]' % (where, i))
                for i, node in enumerate(rels)]
    seen = set()
    for r in doc.rels:
        if r.id in seen:
            raise ConvertError('%s: duplicate relation id “%s”' % (where, r.id))
        seen.add(r.id)
        if r.frm not in doc.by_id or r.to not in doc.by_id:
            raise ConvertError('%s: relation %s: an end is not an annotation of the document' % (where, r.id))
    return doc


def read_jsonl(path, schema):
    """read_jsonl() in byline-format-builtin.c: one document a line, streamed."""
    with open(path, 'rb') as f:
        for lineno, line in enumerate(f, 1):
            if lineno == 1 and line.startswith(b'\xef\xbb\xbf'):
                line = line[3:]
            line = line.rstrip()
            if not line:
                continue
            where = '%s:%d' % (path, lineno)
            try:
                obj = json.loads(line)
            except ValueError as e:
                raise ConvertError('%s: invalid JSON: %s' % (where, e))
            if type(obj) is not dict:
                raise ConvertError('%s: expected a JSON object on each line' % where)
            yield document_from_object(obj, where, schema)


# ---- Losses, as byline-losses.c counts and prints them --------------------

class Losses:
    def __init__(self):
        self.counts = {}

    def add(self, what, label, count=1):
        if count == 0:
            return
        key = what + '\x1f' + (label or '')
        self.counts[key] = self.counts.get(key, 0) + count

    def lines(self):
        out = []
        what = None
        total = 0
        labels = []
        for key in sorted(self.counts):
            w, label = key.split('\x1f', 1)
            if w != what:
                if what is not None:
                    out.append('%s: %d%s' % (what, total, ' (%s)' % ', '.join(labels) if labels else ''))
                what, total, labels = w, 0, []
            total += self.counts[key]
            if label:
                labels.append('%s %d' % (label, self.counts[key]))
        if what is not None:
            out.append('%s: %d%s' % (what, total, ' (%s)' % ', '.join(labels) if labels else ''))
        return out


# ---- The export's filter (byline-export.c) --------------------------------

LEFT_OUT_BY_STATUS = {
    SUGGESTED: 'suggested annotations (not reviewed)',
    REJECTED: 'rejected annotations',
    ACCEPTED: 'accepted annotations',
    MANUAL: 'manual annotations',
}


def filter_document(doc, statuses, left_out):
    """byline_export_filter_document for the statuses filter alone."""
    gone = set()
    for a in doc.anns:
        if a.status not in statuses:
            left_out.add(LEFT_OUT_BY_STATUS[a.status], a.label)
            gone.add(a.id)
    keep_rels = []
    for r in doc.rels:
        if r.frm in gone or r.to in gone:
            left_out.add('relations with an end left out', r.type)
        elif r.status not in statuses:
            left_out.add('relations left out by their status', r.type)
        else:
            keep_rels.append(r)
    if gone:
        doc.anns = [a for a in doc.anns if a.id not in gone]
        for i in gone:
            del doc.by_id[i]
    doc.rels = keep_rels


# ---- Output files -----------------------------------------------------------

class AtomicFile:
    """byline_atomic_file: a temporary file beside the target, fsync at
    commit, rename; nothing appears if the conversion fails."""

    def __init__(self, path):
        self.path = path
        d = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(dir=d, prefix='.' + os.path.basename(path) + '.')
        self.f = os.fdopen(fd, 'w', encoding='utf-8', newline='', buffering=1 << 16)
        self.write = self.f.write

    def commit(self):
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)

    def abort(self):
        self.f.close()
        os.unlink(self.tmp)


# ---- The tokenizer: a port of src/core/byline-tokenizer.c ------------------

(C_SPACE, C_ALPHA, C_DIGIT, C_IDEO, C_EXTEND, C_PICTO, C_RI, C_APOS, C_HYPHEN,
 C_DASH, C_PERIOD, C_PUNCT, C_SYMBOL) = range(13)
(T_WORD, T_NUMBER, T_ABBR, T_PUNCT, T_SYMBOL, T_URL, T_EMAIL, T_EMOJI) = range(8)
ZWJ = '\u200d'
PAD = 16   # every look-ahead of the scanner stays within this past the end


def is_ideograph(cp):
    return (0x3005 <= cp <= 0x3007 or 0x3021 <= cp <= 0x3029 or 0x3038 <= cp <= 0x303B or
            0x3041 <= cp <= 0x309F or 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or
            0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF)


def is_pictographic(cp, cat):
    if 0x1F000 <= cp <= 0x1FAFF or 0x1FC00 <= cp <= 0x1FFFD:
        return True
    if cp in (0x203C, 0x2049, 0x3030, 0x303D, 0x3297, 0x3299):
        return True
    if 0x2190 <= cp <= 0x21FF or 0x2300 <= cp <= 0x23FF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF:
        return cat == 'So'
    return False


_CAT_CLASS = {
    'Cc': C_SPACE, 'Zs': C_SPACE, 'Zl': C_SPACE, 'Zp': C_SPACE,
    'Cf': C_EXTEND, 'Mn': C_EXTEND, 'Mc': C_EXTEND, 'Me': C_EXTEND,
    'Nd': C_DIGIT,
    'Ll': C_ALPHA, 'Lm': C_ALPHA, 'Lo': C_ALPHA, 'Lt': C_ALPHA, 'Lu': C_ALPHA, 'Nl': C_ALPHA, 'No': C_ALPHA,
    'Pd': C_DASH,
    'Pc': C_PUNCT, 'Pe': C_PUNCT, 'Pf': C_PUNCT, 'Pi': C_PUNCT, 'Po': C_PUNCT, 'Ps': C_PUNCT,
}


def classify(cp):
    """classify_slow()"""
    if cp in (0x27, 0x2019):
        return C_APOS
    if cp in (0x2D, 0x2010, 0x2011):
        return C_HYPHEN
    if cp == 0x2E:
        return C_PERIOD
    if cp in (0x25, 0x2030):
        return C_SYMBOL
    if cp in (0x200B, 0xFEFF):
        return C_SPACE
    if cp == 0x200D:
        return C_EXTEND
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return C_RI
    if 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
        return C_EXTEND
    cat = unicodedata.category(chr(cp))
    if is_pictographic(cp, cat):
        return C_PICTO
    cls = _CAT_CLASS.get(cat, C_SYMBOL)
    if cls == C_ALPHA and is_ideograph(cp):
        return C_IDEO
    return cls


class _ClassTable(dict):
    """str.translate() table: code point -> its class as a character,
    computed once per distinct character."""

    def __missing__(self, cp):
        v = chr(classify(cp))
        self[cp] = v
        return v


class _FlagTable(dict):
    """Bit 1: an e-mail local-part character (is_local_char), bit 2: a
    domain character (is_domain_char)."""

    def __missing__(self, cp):
        cls = classify(cp)
        alnum = cls in (C_ALPHA, C_DIGIT)
        ch = chr(cp)
        v = chr((1 if alnum or ch in '._%+-' else 0) | (2 if alnum or ch == '-' else 0))
        self[cp] = v
        return v


_CLASS_TABLE = _ClassTable()
_FLAG_TABLE = _FlagTable()
_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}

_WORDISH_RUN = re.compile(b'[\x01\x02\x04]*')   # C_ALPHA, C_DIGIT, C_EXTEND
_LOCAL_RUN = re.compile(b'[\x01\x03]*')
_EXTEND_RUN = re.compile(b'\x04*')

WORDISH = frozenset((C_ALPHA, C_DIGIT, C_EXTEND))
ALNUM = frozenset((C_ALPHA, C_DIGIT))

# Word lists, as in the C file
ABBR_MAY_END, ABBR_NEVER_END, ABBR_BEFORE_DIGIT = 0, 1, 3
ABBREVIATIONS = {
    'Adm': 1, 'Apr': 1, 'Assn': 0, 'Aug': 1, 'Ave': 0, 'Blvd': 0, 'Bros': 0, 'Capt': 1,
    'Cmdr': 1, 'Co': 0, 'Col': 1, 'Corp': 0, 'Cpl': 1, 'Dec': 1, 'Dept': 0, 'Det': 1,
    'Dr': 1, 'Feb': 1, 'Fig': 0, 'Fr': 1, 'Ft': 1, 'Gen': 1, 'Gov': 1, 'Hon': 1,
    'Inc': 0, 'Jan': 1, 'Jr': 0, 'Jul': 1, 'Jun': 1, 'Lt': 1, 'Ltd': 0, 'Maj': 1,
    'Mar': 1, 'Messrs': 1, 'Mr': 1, 'Mrs': 1, 'Ms': 1, 'Mt': 1, 'No': 3, 'Nos': 3,
    'Nov': 1, 'Oct': 1, 'Prof': 1, 'Pvt': 1, 'Rep': 1, 'Reps': 1, 'Rev': 1, 'Sen': 1,
    'Sens': 1, 'Sep': 1, 'Sept': 1, 'Sgt': 1, 'Sr': 0, 'St': 1, 'Supt': 1, 'Univ': 0,
    'Vol': 0, 'al': 0, 'approx': 0, 'cf': 0, 'etc': 0, 'vs': 0,
}
# Headlines in capitals: the first capitalised entry in sorted order
_UPPER_ABBREVIATIONS = {}
for _w in sorted(ABBREVIATIONS):
    if 'A' <= _w[0] <= 'Z':
        _UPPER_ABBREVIATIONS.setdefault(_w.upper(), ABBREVIATIONS[_w])
SENTENCE_STARTERS = frozenset((
    "A", "According", "After", "All", "Also", "Although", "An", "And", "As",
    "At", "Because", "Before", "Both", "But", "By", "Each", "For", "From",
    "He", "Her", "His", "How", "However", "I", "If", "In", "It", "Its",
    "Meanwhile", "Most", "My", "No", "Now", "On", "One", "Our", "She",
    "Since", "So", "Some", "Still", "That", "The", "Their", "Then", "There",
    "These", "They", "This", "Those", "Though", "To", "We", "What", "When",
    "Where", "While", "Who", "Why", "With", "Yet", "You"))
TOP_LEVEL_DOMAINS = frozenset((
    "au", "biz", "ca", "cn", "co", "com", "de", "edu", "eu", "fr", "gov",
    "info", "int", "io", "jp", "mil", "net", "news", "org", "ru", "uk", "us"))
URL_PREFIXES = ("https://", "http://", "ftp://", "www.")
CLITICS = ("s", "re", "ve", "ll", "d", "m")


def lookup_abbreviation(word):
    flags = ABBREVIATIONS.get(word)
    if flags is not None:
        return flags
    if len(word) > 1 and all('A' <= c <= 'Z' for c in word):
        return _UPPER_ABBREVIATIONS.get(word)
    return None


def _is_upper(ch):
    return unicodedata.category(ch) == 'Lu'


def _lower(s):
    return s.translate(_ASCII_LOWER)


def _copy_ascii(T, start, end, size):
    if end <= start or end - start >= size:
        return None
    s = T[start:end]
    return s if s.isascii() else None


class Tokenizer:
    """byline_tokenize() and byline_split_sentences() on one text."""

    def __init__(self, text):
        n = len(text)
        self.n = n
        self.T = text + '\0' * PAD
        self.cls = (text.translate(_CLASS_TABLE) + '\0' * PAD).encode('latin-1')
        self.flg = None   # made when an address is first looked for

    # -- helpers

    def clitic_length(self, i):
        T, cls = self.T, self.cls
        for c in CLITICS:
            L = len(c)
            if _lower(T[i + 1:i + 1 + L]) == c and cls[i + 1 + L] not in WORDISH:
                return 1 + L
        return 0

    def is_url_char(self, i):
        c = self.cls[i]
        if c == C_SPACE or c == C_IDEO or c == C_APOS:
            return False
        ch = self.T[i]
        if ch < '\x80':
            return ch not in '"<>`{}|\\^'
        cp = ord(ch)
        return not (cp in (0x201C, 0x201D, 0x2018, 0xAB, 0xBB, 0x2026) or 0x3000 <= cp <= 0x303F or
                    0xFF00 <= cp <= 0xFFEF)

    def scan_url_rest(self, start, i):
        T = self.T
        n = self.n
        depth = 0
        while i < n and self.is_url_char(i):
            if T[i] == '(':
                depth += 1
            elif T[i] == ')':
                depth -= 1
            i += 1
        while i > start:
            ch = T[i - 1]
            if ch == ')' and depth < 0:
                depth += 1
            elif ch >= '\x80' or ch not in '.,;:!?*]}':
                break
            i -= 1
        return i

    def match_domain(self, start, end, known_tld):
        T, cls, flg = self.T, self.cls, self.flg
        while end > start and T[end - 1] in '.-':
            end -= 1
        if '.' not in T[start:end]:
            return 0   # one label at most: the loop below would say 0 too
        label = start
        n_labels = 1
        for i in range(start, end):
            if T[i] == '.':
                if i == label:
                    return 0
                n_labels += 1
                label = i + 1
            elif not flg[i] & 2:
                return 0
        if label == end or n_labels < 2:
            return 0
        if known_tld:
            tld = _copy_ascii(T, label, end, 8)
            if tld is None or tld not in TOP_LEVEL_DOMAINS:
                return 0
        else:
            if end - label < 2:
                return 0
            for i in range(label, end):
                if cls[i] != C_ALPHA:
                    return 0
        return end

    def scan_address(self, i):
        """Returns (end, kind); end == i when there is no address."""
        T, cls = self.T, self.cls
        if T[i] in 'hHfFwW':
            for prefix in URL_PREFIXES:
                L = len(prefix)
                if _lower(T[i:i + L]) == prefix and cls[i + L] in ALNUM:
                    return self.scan_url_rest(i, i + L), T_URL
        if i < self.no_address_before:
            return i, None
        if self.flg is None:
            self.flg = (self.T[:self.n].translate(_FLAG_TABLE) + '\0' * PAD).encode('latin-1')
        flg = self.flg
        q = _LOCAL_RUN.match(flg, i).end()
        if T[q] == '@':
            d = q + 1
            while flg[d] & 2 or (T[d] == '.' and flg[d + 1] & 2):
                d += 1
            end = self.match_domain(q + 1, d, False)
            if end > 0 and q > i and T[q - 1] != '.':
                return end, T_EMAIL
        else:
            end = self.match_domain(i, q, True)
            if end > 0:
                if T[end] == '/':
                    return self.scan_url_rest(i, end), T_URL
                return end, T_URL
        self.no_address_before = q
        return i, None

    def scan_abbreviation(self, start, dot):
        T, cls, n = self.T, self.cls, self.n
        if dot == start + 1 and cls[start] == C_ALPHA:
            end = dot + 1
            n_pairs = 1
            while cls[end] == C_ALPHA and T[end + 1] == '.':
                end += 2
                n_pairs += 1
            if n_pairs >= 2 or _is_upper(T[start]):
                return end
            return 0
        word = _copy_ascii(T, start, dot, 8)
        if word is None:
            return 0
        flags = lookup_abbreviation(word)
        if flags is None:
            return 0
        if flags == ABBR_BEFORE_DIGIT:
            nxt = dot + 1
            while cls[nxt] == C_SPACE and nxt < n and nxt < dot + 3:
                nxt += 1
            if cls[nxt] != C_DIGIT:
                return 0
        return dot + 1

    def word_kind(self, start, end):
        T, cls = self.T, self.cls
        if cls[start] != C_DIGIT:
            return T_WORD
        i = start
        while i < end and (cls[i] == C_DIGIT or T[i] in '.,:' or cls[i] == C_HYPHEN):
            i += 1
        if i == end:
            return T_NUMBER
        if end - i == 2:
            suffix = _copy_ascii(T, i, end, 4)
            if suffix is not None and suffix.lower() in ('st', 'nd', 'rd', 'th'):
                return T_NUMBER
        return T_WORD

    def scan_word(self, start):
        T, cls, n = self.T, self.cls, self.n
        match = _WORDISH_RUN.match
        j = start
        while True:
            j = match(cls, j).end()
            if j >= n:
                break
            ch = T[j]
            c = cls[j]
            nxt = cls[j + 1]
            # high-stakes, three-day, COVID-19, snake_case
            if (c == C_HYPHEN or ch == '_') and nxt in ALNUM:
                j += 1
                continue
            # AT&T, S&P
            if ch == '&' and _is_upper(T[j - 1]) and nxt == C_ALPHA and _is_upper(T[j + 1]):
                j += 1
                continue
            # O’Brien; Blinken’s and don’t split before their clitic
            if c == C_APOS and nxt in ALNUM:
                if (j >= start + 2 and T[j - 1] in 'nN' and T[j + 1] in 'tT' and
                        cls[j + 2] not in WORDISH):
                    j -= 1
                    break
                if self.clitic_length(j) > 0:
                    break
                j += 1
                continue
            # 3.5, 1,000.50, 10:30
            if (ch == '.' or ch == ',' or ch == ':') and cls[j - 1] == C_DIGIT and nxt == C_DIGIT:
                j += 1
                continue
            break
        if T[j] == '.':
            abbr_end = self.scan_abbreviation(start, j)
            if abbr_end > 0:
                return abbr_end, T_ABBR
        return j, self.word_kind(start, j)

    def scan_apostrophe(self, i):
        T, cls = self.T, self.cls
        after_word = ((i > 0 and cls[i - 1] in WORDISH) or
                      (i > 1 and T[i - 1] == '.' and cls[i - 2] == C_ALPHA))
        if after_word:
            L = self.clitic_length(i)
            if L > 0:
                return i + L, T_WORD
        if (not after_word and cls[i + 1] == C_DIGIT and cls[i + 2] == C_DIGIT and
                T[i + 3] in 'sS' and cls[i + 4] not in WORDISH):
            return i + 4, T_WORD
        return i + 1, T_PUNCT

    def scan_emoji(self, i):
        T, cls = self.T, self.cls
        i += 1
        while cls[i] == C_EXTEND:
            if T[i] == ZWJ and cls[i + 1] == C_PICTO:
                i += 2
            else:
                i += 1
        return i

    # -- tokens

    def tokenize(self):
        """Returns (starts, ends, kinds)."""
        T, cls, n = self.T, self.cls, self.n
        extend = _EXTEND_RUN.match
        starts = []
        ends = []
        kinds = []
        self.no_address_before = 0
        i = 0
        while i < n:
            c = cls[i]
            if c == C_SPACE:
                i += 1
                continue
            kind = T_PUNCT
            if c == C_ALPHA or c == C_DIGIT:
                end, kind = self.scan_address(i)
                if end == i:
                    end, kind = self.scan_word(i)
            elif c == C_PUNCT:
                end = i + 1
            elif c == C_PERIOD or c == C_HYPHEN or c == C_DASH:
                # "...", "--" and "——" are one token each
                ch = T[i]
                end = i + 1
                while T[end] == ch:
                    end += 1
            elif c == C_APOS:
                end, kind = self.scan_apostrophe(i)
            elif c == C_IDEO:
                kind = T_WORD
                end = i + 1
            elif c == C_PICTO:
                kind = T_EMOJI
                end = self.scan_emoji(i)
            elif c == C_RI:
                kind = T_EMOJI
                end = i + 2 if cls[i + 1] == C_RI else i + 1
            else:
                kind = T_SYMBOL
                end = i + 1
            # marks, variation selectors and joiners stay with what they follow
            if cls[end] == C_EXTEND:
                end = extend(cls, end).end()
            starts.append(i)
            ends.append(end)
            kinds.append(kind)
            i = end
        return starts, ends, kinds

    # -- sentences

    def split_sentences(self, starts, ends, kinds):
        """Returns [(start, end)] of each sentence."""
        T, cls = self.T, self.cls
        n_tokens = len(starts)
        sentences = []
        if n_tokens == 0:
            return sentences

        def is_terminal(k):
            return kinds[k] == T_PUNCT and T[starts[k]] in '.!?\u2026\u203c\u2047\u2048\u2049\u3002\uff01\uff1f'

        def is_closing(k):
            if kinds[k] != T_PUNCT:
                return False
            ch = T[starts[k]]
            return ch in '"\'\u2019' or unicodedata.category(ch) in ('Pe', 'Pf')

        def ends_sentence(first, last):
            nxt = last + 1
            if T[starts[first]] in '\u3002\uff01\uff1f':
                return True
            if starts[nxt] == ends[last]:
                return False
            if kinds[first] == T_ABBR and first == last:
                s, e = starts[first], ends[first]
                if e == s + 2:
                    return False   # an initial
                word = _copy_ascii(T, s, e - 1, 8)
                if word is not None:
                    flags = lookup_abbreviation(word)
                    if flags is not None and flags & ABBR_NEVER_END:
                        return False
                word = _copy_ascii(T, starts[nxt], ends[nxt], 12)
                return word is not None and word in SENTENCE_STARTERS
            ch = T[starts[nxt]]
            cat = unicodedata.category(ch)
            return ((cat[0] == 'L' and cat != 'Ll') or cls[starts[nxt]] == C_DIGIT or
                    ch in '"\'\u201e\u201a' or cat in ('Ps', 'Pi'))

        def ends_paragraph(last):
            gap = T[ends[last]:starts[last + 1]]
            n_breaks = 0
            if gap != ' ':
                i = 0
                L = len(gap)
                while i < L:
                    ch = gap[i]
                    if ch == '\r':
                        if i + 1 < L and gap[i + 1] == '\n':
                            i += 1
                        n_breaks += 1
                    elif ch in '\n\x85\u2028':
                        n_breaks += 1
                    elif ch in '\f\v\u2029':
                        n_breaks += 2
                    i += 1
            if n_breaks >= 2:
                return True
            if n_breaks == 1:
                k = last + 1
                return (ends[k] == starts[k] + 1 and
                        T[starts[k]] in '\u2022\u2023\u2043\u2219\u25aa\u25cf\u25e6\u25a0\u25ba*-\u2013\u2014')
            return False

        sentence_start = starts[0]
        i = 0
        while i < n_tokens:
            last = i
            split = False
            if kinds[i] == T_ABBR or is_terminal(i):
                while (last + 1 < n_tokens and starts[last + 1] == ends[last] and
                       (is_terminal(last + 1) or is_closing(last + 1))):
                    last += 1
                if last + 1 < n_tokens:
                    split = ends_sentence(i, last)
            if not split and last + 1 < n_tokens:
                split = ends_paragraph(last)
            if split or last + 1 == n_tokens:
                sentences.append((sentence_start, ends[last]))
                if last + 1 < n_tokens:
                    sentence_start = starts[last + 1]
            i = last + 1
        return sentences


# ---- Token alignment: a port of src/core/byline-token-align.c --------------

KEPT, DROPPED_WHITESPACE, DROPPED_OVERLAP = 0, 1, 2


class Span:
    __slots__ = ('ann', 'fragment', 'start', 'end', 'token_start', 'token_end', 'moved', 'dropped')


class Alignment:
    """tokens: (starts, ends) cut at every kept span's edges; spans: one per
    fragment of the annotations given; sentences: [(token_start,
    token_end_exclusive)] with sentences=True."""

    def __init__(self, text, anns, no_overlaps, sentences):
        tk = Tokenizer(text)
        b_starts, b_ends, b_kinds = tk.tokenize()
        n_chars = len(text)
        n_base = len(b_starts)
        spans = []
        for a in anns:
            for f, (fs, fe) in enumerate(a.frags):
                sp = Span()
                sp.ann = a
                sp.fragment = f
                sp.token_start = sp.token_end = 0
                sp.moved = False
                sp.dropped = KEPT
                s = min(fs, n_chars)
                e = min(fe, n_chars)
                # trim_to_tokens
                first = bisect.bisect_right(b_ends, s) if s < e else n_base
                if s >= e or first == n_base or b_starts[first] >= e:
                    sp.dropped = DROPPED_WHITESPACE
                    sp.start, sp.end = s, e
                else:
                    last = bisect.bisect_right(b_ends, e - 1)
                    if last == n_base or b_starts[last] > e - 1:
                        last -= 1
                    sp.start = max(s, b_starts[first])
                    sp.end = min(e, b_ends[last])
                    sp.moved = sp.start != fs or sp.end != fe
                spans.append(sp)
        self.spans = spans

        if no_overlaps:
            keys = [(sp.start - sp.end, sp.start, k) for k, sp in enumerate(spans) if sp.dropped == KEPT]
            if len(keys) >= 2:
                keys.sort()
                taken = bytearray(n_chars + 1)
                for _, _, k in keys:
                    sp = spans[k]
                    if taken[sp.start] or taken[sp.end - 1]:
                        sp.dropped = DROPPED_OVERLAP
                        continue
                    taken[sp.start:sp.end] = b'\x01' * (sp.end - sp.start)

        # cut_tokens
        edges = []
        for sp in spans:
            if sp.dropped == KEPT:
                edges.append(sp.start)
                edges.append(sp.end)
        edges.sort()
        n_edges = len(edges)
        starts = []
        ends = []
        e = 0
        for k in range(n_base):
            ts = b_starts[k]
            te = b_ends[k]
            while e < n_edges and edges[e] <= ts:
                e += 1
            piece = ts
            while e < n_edges and edges[e] < te:
                if edges[e] > piece:
                    starts.append(piece)
                    ends.append(edges[e])
                    piece = edges[e]
                e += 1
            starts.append(piece)
            ends.append(te)
        self.starts = starts
        self.ends = ends

        for sp in spans:
            if sp.dropped != KEPT:
                continue
            sp.token_start = bisect.bisect_right(ends, sp.start)
            sp.token_end = bisect.bisect_right(ends, sp.end - 1)
            assert starts[sp.token_start] == sp.start and ends[sp.token_end] == sp.end

        self.sentences = None
        if sentences:
            self.sentences = self.make_sentences(tk.split_sentences(b_starts, b_ends, b_kinds))

    def make_sentences(self, found):
        ends = self.ends
        n_tokens = len(ends)
        first = []
        t = 0
        for s_start, _ in found:
            if t >= n_tokens:
                break
            while t < n_tokens and ends[t] <= s_start:
                t += 1
            if t == n_tokens:
                break
            if not first or first[-1] < t:
                first.append(t)
        if n_tokens > 0 and (not first or first[0] != 0):
            first.insert(0, 0)
        n = len(first)
        out = []
        if n == 0:
            return out
        sentence_of = [0] * n_tokens
        for k in range(n):
            to = first[k + 1] if k + 1 < n else n_tokens
            sentence_of[first[k]:to] = [k] * (to - first[k])
        reach = list(range(n))
        for sp in self.spans:
            if sp.dropped != KEPT:
                continue
            a = sentence_of[sp.token_start]
            b = sentence_of[sp.token_end]
            if b > reach[a]:
                reach[a] = b
        k = 0
        while k < n:
            r = reach[k]
            j = k
            while j < r:
                j += 1
                r = max(r, reach[j])
            out.append((first[k], first[r + 1] if r + 1 < n else n_tokens))
            k = r + 1
        return out


# ---- Writers ----------------------------------------------------------------

class Writer:
    multi_document = True

    def __init__(self, path, options):
        self.path = path
        self.options = options
        self.losses = options.losses
        self.n_written = 0
        self.file = AtomicFile(path)

    def lose(self, what, label, count=1):
        self.losses.add(what, label, count)

    def write(self, doc):
        self.file.write(self.format(doc))
        self.n_written += 1

    def finish(self):
        self.file.commit()

    def abort(self):
        self.file.abort()


# -- jsonl: byline_native_append (one_line) -----------------------------------

META_ORDER = ('title', 'source', 'url', 'published', 'authors', 'language')


def relation_sort_key(r):
    return (len(r.id.encode('utf-8')), r.id)


def native_annotation(doc, a):
    text = doc.text
    parts = ['{"id": ', enc(a.id), ', "layer": ', enc(a.layer), ', "label": ', enc(a.label)]
    if len(a.frags) == 1:
        parts.append(', "start": %d, "end": %d, "text": ' % (a.start, a.end))
        parts.append(enc(text[a.start:a.end]))
    else:
        parts.append(', "fragments": [' + ', '.join(['[%d, %d]' % f for f in a.frags]) + '], "text": ')
        parts.append(enc(' '.join([text[s:e] for s, e in a.frags])))
    parts.append(', "status": "' + a.status + '"')
    if a.origin is not None:
        parts.append(', "origin": ' + enc(a.origin))
    if a.confidence is not None:
        parts.append(', "confidence": ' + fmt_double(a.confidence))
    if a.attrs:
        parts.append(', "attributes": {' +
                     ', '.join([enc(k) + ': ' + jnode(v) for k, v in a.attrs.items()]) + '}')
    if a.note is not None:
        parts.append(', "note": ' + enc(a.note))
    if a.created is not None:
        parts.append(', "created": ' + enc(a.created))
    if a.modified is not None:
        parts.append(', "modified": ' + enc(a.modified))
    parts.append(jmembers(a.extra))
    parts.append('}')
    return ''.join(parts)


def native_relation(r):
    s = '{"id": ' + enc(r.id) + ', "type": ' + enc(r.type) + ', "from": ' + enc(r.frm) + ', "to": ' + enc(r.to)
    if r.status != MANUAL:
        s += ', "status": ' + enc(r.status)
    if r.origin is not None:
        s += ', "origin": ' + enc(r.origin)
    if r.attrs is not None:
        s += ', "attributes": ' + jobject(r.attrs, ())
    return s + jmembers(r.extra) + '}'


def native_line(doc):
    parts = ['{"format": "byline", "version": 1,']
    if doc.id is not None:
        parts.append(' "id": ' + enc(doc.id) + ',')
    parts.append(' "meta": ' + jobject(doc.meta, META_ORDER) + ',')
    parts.append(' "text": ' + enc(doc.text) + ',')
    if doc.schema is not None:
        parts.append(' "schema": ' + enc(doc.schema) + ',')
    parts.append(' "attributes": ' + jobject(doc.attributes, ()) + ',')
    parts.append(' "annotations": [' + ','.join([native_annotation(doc, a) for a in doc.sorted_anns()]) + '],')
    parts.append(' "relations": [' + ','.join([native_relation(r) for r in
                                               sorted(doc.rels, key=relation_sort_key)]) + ']')
    if doc.extra:
        parts.append(', ' + jmembers(doc.extra)[2:])
    parts.append('}\n')
    return ''.join(parts)


class JsonlWriter(Writer):
    def format(self, doc):
        return native_line(doc)


# -- shared by the token formats --------------------------------------------

def lose_annotation_extras(w, a):
    label = a.label
    for name in a.attrs:
        w.lose('attributes', name)
    if a.note is not None:
        w.lose('notes', label)
    if a.confidence is not None:
        w.lose('confidence scores', label)
    if len(a.frags) > 1:
        w.lose('discontinuous annotations split into fragments', label)


# -- spaCy / Prodigy (byline-spacy.c, byline-spacy-write.c) -----------------

def spacy_span(sp, token_id):
    return ('{"start": %d, "end": %d, "token_start": %d, "token_end": %d, "label": %s}'
            % (sp.start, sp.end, token_id[sp.token_start], token_id[sp.token_end], enc(sp.ann.label)))


class SpacyWriter(Writer):
    def format(self, doc):
        text = doc.text
        anns = doc.sorted_anns()
        n_rejected = sum(1 for a in anns if a.status == REJECTED)
        reject = len(anns) > 0 and n_rejected == len(anns)
        exported = []
        for a in anns:
            if a.status == REJECTED and not reject:
                self.lose('rejected annotations (a Prodigy task has one answer)', a.label)
                continue
            if a.status == SUGGESTED:
                self.lose('suggestion statuses (written as accepted spans)', a.label)
            lose_annotation_extras(self, a)
            exported.append(a)
        for key in doc.attributes:
            self.lose('document attributes', key)

        al = Alignment(text, exported, False, False)
        for sp in al.spans:
            if sp.dropped == DROPPED_WHITESPACE:
                self.lose('spans of whitespace only (left out)', sp.ann.label)
            elif sp.dropped == DROPPED_OVERLAP:
                self.lose('overlapping spans (the outer one was kept)', sp.ann.label)
            elif sp.moved:
                self.lose('span edges moved off whitespace', sp.ann.label)

        # the tokens with the whitespace between them (add_gap)
        out_tokens = []   # [start, end, ws]
        token_id = []
        prev_end = 0

        def add_gap(start, end):
            if start >= end:
                return
            if out_tokens and text[start] == ' ':
                out_tokens[-1][2] = True
                start += 1
                if start == end:
                    return
            out_tokens.append([start, end, False])

        for s, e in zip(al.starts, al.ends):
            if s > prev_end:
                add_gap(prev_end, s)
            token_id.append(len(out_tokens))
            out_tokens.append([s, e, False])
            prev_end = e
        add_gap(prev_end, len(text))

        parts = ['{"text": ', enc(text), ', "meta": ']
        if doc.id is None:
            parts.append(jobject(doc.meta, ()))
        else:
            parts.append('{"id": ' + enc(doc.id))
            if 'id' in doc.meta:
                self.lose('metadata named “id” (the document id takes its place)', None)
                parts.append(jmembers({k: v for k, v in doc.meta.items() if k != 'id'}))
            else:
                parts.append(jmembers(doc.meta))
            parts.append('}')
        parts.append(', "tokens": [')
        parts.append(', '.join(['{"text": %s, "start": %d, "end": %d, "id": %d, "ws": %s}'
                                % (enc(text[s:e]), s, e, i, 'true' if ws else 'false')
                                for i, (s, e, ws) in enumerate(out_tokens)]))
        span_of = {}
        kept = []
        for sp in al.spans:
            if sp.dropped != KEPT:
                continue
            kept.append(spacy_span(sp, token_id))
            if sp.ann.id not in span_of:
                span_of[sp.ann.id] = sp
        parts.append('], "spans": [')
        parts.append(', '.join(kept))
        parts.append('], "relations": [')
        rels = []
        for r in doc.rels:
            if r.status == REJECTED and not reject:
                self.lose('rejected relations (a Prodigy task has one answer)', r.type)
                continue
            head = span_of.get(r.frm)
            child = span_of.get(r.to)
            if head is None or child is None:
                self.lose('relations whose ends were not exported', r.type)
                continue
            if r.attrs:
                for key in r.attrs:
                    self.lose('relation attributes', key)
            label = r.type.upper() if r.type in self.options.schema.relation_types else r.type
            rels.append('{"head": %d, "child": %d, "head_span": %s, "child_span": %s, "label": %s}'
                        % (token_id[head.token_end], token_id[child.token_end],
                           spacy_span(head, token_id), spacy_span(child, token_id), enc(label)))
        parts.append(', '.join(rels))
        parts.append('], "answer": "reject"}\n' if reject else '], "answer": "accept"}\n')
        return ''.join(parts)


# -- CoNLL and Hugging Face (byline-conll.c) ----------------------------------

def tag_prefix(scheme, starts, ends, same_before):
    if scheme == 'iob1':
        return 'B' if starts and same_before else 'I'
    if scheme == 'bioes':
        if starts:
            return 'S' if ends else 'B'
        return 'E' if ends else 'I'
    return 'B' if starts else 'I'


def align_and_tag(w, doc, sentences):
    layer = w.options.layer
    tagged = []
    for a in doc.sorted_anns():
        label = a.label
        if a.layer != layer:
            w.lose('annotations outside the exported layer', label)
            continue
        if a.status == REJECTED:
            w.lose('rejected annotations (not tagged)', label)
            continue
        if a.status == SUGGESTED:
            w.lose('suggestion statuses (tagged like manual spans)', label)
        lose_annotation_extras(w, a)
        tagged.append(a)
    for r in doc.rels:
        w.lose('relations', r.type)
    for key in doc.attributes:
        w.lose('document attributes', key)

    al = Alignment(doc.text, tagged, True, sentences)
    n = len(al.starts)
    labels = [None] * n
    starts = [False] * n
    ends = [False] * n
    for sp in al.spans:
        label = sp.ann.label
        if sp.dropped == DROPPED_WHITESPACE:
            w.lose('spans of whitespace only (left out)', label)
            continue
        if sp.dropped == DROPPED_OVERLAP:
            w.lose('overlapping spans (the outer one was kept)', label)
            continue
        if sp.moved:
            w.lose('span edges moved off whitespace', label)
        labels[sp.token_start:sp.token_end + 1] = [label] * (sp.token_end + 1 - sp.token_start)
        starts[sp.token_start] = True
        ends[sp.token_end] = True
    return al, labels, starts, ends


def token_tags(scheme, labels, starts, ends, first, last):
    """The tag names of tokens [first, last)."""
    tags = []
    prev = None
    for t in range(first, last):
        label = labels[t]
        if label is None:
            tags.append('O')
        elif scheme == 'iob2':
            tags.append(('B-' if starts[t] else 'I-') + label)
        else:
            same_before = t > first and prev is not None and prev == label
            tags.append(tag_prefix(scheme, starts[t], ends[t], same_before) + '-' + label)
        prev = label
    return tags


class ConllWriter(Writer):
    def format(self, doc):
        if doc.id is not None:
            self.lose('document ids (CoNLL has none)', None)
        al, labels, starts, ends = align_and_tag(self, doc, True)
        text = doc.text
        scheme = self.options.scheme
        out = ['-DOCSTART- -X- -X- O\n\n']
        t_starts, t_ends = al.starts, al.ends
        for first, last in al.sentences:
            tags = token_tags(scheme, labels, starts, ends, first, last)
            out.append(''.join([text[t_starts[t]:t_ends[t]] + '\t_\t_\t' + tags[t - first] + '\n'
                                for t in range(first, last)]))
            out.append('\n')
        return ''.join(out)


class HfWriter(Writer):
    def __init__(self, path, options):
        super().__init__(path, options)
        self.names = ['O']
        for label in options.schema.layer_labels.get(options.layer, []):
            self.add_label_tags(label)
        self.ids = {name: i for i, name in reversed(list(enumerate(self.names)))}

    def add_label_tags(self, label):
        self.names.append('B-' + label)
        self.names.append('I-' + label)
        if self.options.scheme == 'bioes':
            self.names.append('E-' + label)
            self.names.append('S-' + label)

    def tag_id(self, name, label):
        i = self.ids.get(name)
        if i is None:
            n = len(self.names)
            if label is None:
                self.names.append(name)
            else:
                self.add_label_tags(label)
            for k in range(n, len(self.names)):
                self.ids.setdefault(self.names[k], k)
            i = self.ids[name]
        return i

    def format(self, doc):
        al, labels, starts, ends = align_and_tag(self, doc, False)
        text = doc.text
        n = len(al.starts)
        tags = token_tags(self.options.scheme, labels, starts, ends, 0, n)
        ids = self.ids
        tag_ids = []
        for t in range(n):
            i = ids.get(tags[t])
            if i is None:
                i = self.tag_id(tags[t], labels[t])
            tag_ids.append(i)
        doc_id = doc.id if doc.id is not None else 'doc-%d' % (self.n_written + 1)
        return ('{"id": ' + enc(doc_id) + ', "tokens": [' +
                ', '.join([enc(text[s:e]) for s, e in zip(al.starts, al.ends)]) +
                '], "ner_tags": [' + ', '.join(map(str, tag_ids)) + ']}\n')

    def finish(self):
        path = os.path.join(os.path.dirname(self.path), 'labels.json')
        labels = AtomicFile(path)
        labels.write('[' + ', '.join([enc(name) for name in self.names]) + ']\n')
        labels.commit()
        super().finish()


# -- doccano (byline-doccano.c) -----------------------------------------------

DOCCANO_RESERVED = ('id', 'text', 'data', 'label', 'labels', 'entities', 'relations', 'cats', 'meta',
                    'attributes')
_NUMERIC_ID = re.compile(r'[1-9][0-9]*|0')


def doccano_number(id_, prefix):
    """numeric_id(): "a12" -> 12, else None."""
    if id_ is None or len(id_) < 2 or id_[0] != prefix or not ('0' <= id_[1] <= '9'):
        return None
    if id_[1] == '0' and len(id_) > 2:
        return None
    digits = id_[1:]
    if not digits.isascii() or not digits.isdigit():
        return None
    n = int(digits)
    return n if n <= (1 << 53) else None


class DoccanoWriter(Writer):
    def format(self, doc):
        anns = doc.sorted_anns()
        nxt = 0
        for a in anns:
            n = doccano_number(a.id, 'a')
            if n is not None and n >= nxt:
                nxt = n + 1
        entities = []
        numbers = {}
        for a in anns:
            if a.status == REJECTED:
                self.lose('rejected annotations', a.label)
                continue
            n = doccano_number(a.id, 'a')
            if n is None:
                n = nxt
                nxt += 1
            entities.append((a, n))
            numbers[a.id] = n

        parts = ['{']
        if doc.id is not None:
            i = doc.id
            digits = (i != '' and (i[0] != '0' or len(i) == 1) and len(i.encode('utf-8')) <= 15 and
                      i.isascii() and i.isdigit())
            parts.append('"id": ' + (i if digits else enc(i)) + ', ')
        parts.append('"text": ' + enc(doc.text))
        meta = doc.meta
        if any(k in meta for k in DOCCANO_RESERVED):
            meta = dict(meta)
            for k in DOCCANO_RESERVED:
                if k in meta:
                    self.lose('metadata under a name doccano reserves', k)
                    del meta[k]
        parts.append(jmembers(meta))
        if doc.attributes:
            parts.append(', "attributes": ' + jobject(doc.attributes, ()))
        parts.append(', "entities": [')
        items = []
        for a, number in entities:
            label = a.label
            if a.status == SUGGESTED:
                self.lose('suggestion status (suggestions written as plain spans)', label)
            elif a.status == ACCEPTED:
                self.lose('accepted status (written as plain spans)', label)
            if a.confidence is not None:
                self.lose('confidence scores', label)
            if a.note is not None:
                self.lose('notes', label)
            if a.origin is not None:
                self.lose('annotation origins', a.origin)
            for name in a.attrs:
                self.lose('annotation attributes', name)
            if len(a.frags) > 1:
                self.lose('discontinuous annotations (each fragment written as its own span)', label)
            for f, (s, e) in enumerate(a.frags):
                if f == 0:
                    num = number
                else:
                    num = nxt
                    nxt += 1
                items.append('{"id": %d, "start_offset": %d, "end_offset": %d, "label": %s}'
                             % (num, s, e, enc(label)))
        parts.append(', '.join(items))
        parts.append('], "relations": [')
        nxt = 0
        for r in doc.rels:
            n = doccano_number(r.id, 'r')
            if n is not None and n >= nxt:
                nxt = n + 1
        items = []
        for r in doc.rels:
            if r.status == REJECTED:
                self.lose('rejected relations', r.type)
                continue
            frm = numbers.get(r.frm)
            to = numbers.get(r.to)
            if frm is None or to is None:
                self.lose('relations to rejected annotations', r.type)
                continue
            if r.status == SUGGESTED:
                self.lose('suggestion status of relations', r.type)
            if r.attrs:
                self.lose('relation attributes', r.type, len(r.attrs))
            n = doccano_number(r.id, 'r')
            if n is None:
                n = nxt
                nxt += 1
            items.append('{"id": %d, "from_id": %d, "to_id": %d, "type": %s}' % (n, frm, to, enc(r.type)))
        parts.append(', '.join(items))
        parts.append(']}\n')
        return ''.join(parts)


# -- Label Studio (byline-labelstudio.c) ----------------------------------------

LS_ORIGIN_PREFIX = 'labelstudio'


class LsGroup:
    def __init__(self, model_version, prediction):
        self.model_version = model_version
        self.prediction = prediction
        self.anns = []
        self.members = set()
        self.result = []
        self.n_scores = 0
        self.score_sum = 0.0


def ls_item_start(id_, from_name, type_):
    return '{"id": ' + enc(id_) + ', "from_name": ' + enc(from_name) + ', "to_name": "text", "type": ' + enc(type_)


def ls_is_string_list(v):
    return type(v) is list and all(type(x) is str for x in v)


def ls_attribute(result, region_id, name, value, text, frag):
    number = type(value) in (int, float)
    if not number and type(value) is not str and not ls_is_string_list(value):
        return False
    s = ls_item_start(region_id, name, 'number' if number else 'choices') + ', "value": {'
    if frag is not None:
        s += '"start": %d, "end": %d, "text": %s, ' % (frag[0], frag[1], enc(text[frag[0]:frag[1]]))
    if number:
        s += '"number": ' + jnode(value)
    elif type(value) is str:
        s += '"choices": [' + enc(value) + ']'
    else:
        s += '"choices": ' + jnode(value)
    result.append(s + '}}')
    return True


def ls_numeric_id(i):
    return (i is not None and i != '' and not (i[0] == '0' and len(i) > 1) and len(i.encode('utf-8')) <= 15 and
            i.isascii() and i.isdigit())


class LabelStudioWriter(Writer):
    def append_regions(self, doc, g, a):
        label = a.label
        n = len(a.frags)
        if n > 1:
            self.lose('discontinuous annotations (each fragment written as its own region)', label)
        if not g.prediction:
            if a.confidence is not None:
                self.lose('confidence scores of manual annotations', label)
            if a.status == ACCEPTED:
                self.lose('accepted status (written as annotations)', label)
            if a.origin is not None:
                self.lose('origins of manual annotations (Label Studio credits the importing user)', a.origin)
        elif a.confidence is not None:
            g.n_scores += 1
            g.score_sum += a.confidence
        text = doc.text
        for f, (s, e) in enumerate(a.frags):
            rid = a.id if f == 0 else '%s-f%d' % (a.id, f + 1)
            item = (ls_item_start(rid, 'label', 'labels') + ', "value": {"start": %d, "end": %d, "text": %s'
                    ', "labels": [%s]}' % (s, e, enc(text[s:e]), enc(label)))
            if g.prediction and a.confidence is not None:
                item += ', "score": ' + fmt_double(a.confidence)
            if a.note is not None:
                item += ', "meta": {"text": [' + enc(a.note) + ']}'
            g.result.append(item + '}')
        for name, value in a.attrs.items():
            if not ls_attribute(g.result, a.id, name, value, text, a.frags[0]):
                self.lose('annotation attributes that are not text, a list of texts or a number', name)

    def format(self, doc):
        manual = LsGroup(None, False)
        groups = [manual]
        by_version = {}
        unnamed = None
        for a in doc.sorted_anns():
            g = manual
            if a.status == REJECTED:
                self.lose('rejected annotations', a.label)
                continue
            if a.status == SUGGESTED:
                origin = a.origin
                if origin is None or origin == LS_ORIGIN_PREFIX:
                    version = None
                elif origin.startswith(LS_ORIGIN_PREFIX + ':'):
                    version = origin[len(LS_ORIGIN_PREFIX) + 1:]
                else:
                    version = origin
                g = by_version.get(version) if version is not None else unnamed
                if g is None:
                    g = LsGroup(version, True)
                    groups.append(g)
                    if version is not None:
                        by_version[version] = g
                    else:
                        unnamed = g
            g.anns.append(a)
            g.members.add(a.id)
        if len(groups) > 2:
            # g_strcmp0: NULL first
            groups[1:] = sorted(groups[1:], key=lambda g: (g.model_version is not None, g.model_version or ''))
        for g in groups:
            for a in g.anns:
                self.append_regions(doc, g, a)
        for r in doc.rels:
            t = r.type
            frm = next((g for g in groups if r.frm in g.members), None)
            to = next((g for g in groups if r.to in g.members), None)
            if r.status == REJECTED:
                self.lose('rejected relations', t)
                continue
            if frm is None or to is None:
                self.lose('relations to rejected annotations', t)
                continue
            if frm is not to:
                self.lose('relations between an annotation and a prediction, or two predictions', t)
                continue
            if not frm.prediction and r.status == SUGGESTED:
                self.lose('suggestion status of relations between annotations', t)
            if r.attrs:
                self.lose('relation attributes', t, len(r.attrs))
            direction = 'right'
            if r.extra is not None and r.extra.get('direction') == 'bi':
                direction = 'bi'
            frm.result.append('{"type": "relation", "from_id": %s, "to_id": %s, "direction": "%s", "labels": [%s]}'
                              % (enc(r.frm), enc(r.to), direction, enc(t)))
        for key, value in doc.attributes.items():
            if not ls_attribute(manual.result, 'document:' + key, key, value, None, None):
                self.lose('document attributes that are not text, a list of texts or a number', key)

        data = {}
        for key, value in doc.meta.items():
            if key == 'text' or key == 'id':
                self.lose('metadata under a name the task\'s data reserves', key)
                continue
            data[key] = value
        data['text'] = doc.text
        numeric = ls_numeric_id(doc.id)
        if doc.id is not None and not numeric:
            data['id'] = doc.id
        parts = ['[\n' if self.n_written == 0 else ',\n', '{']
        if numeric:
            parts.append('"id": %s, ' % doc.id)
        parts.append('"data": ' + jobject(data, ('text',)))
        if manual.result:
            parts.append(', "annotations": [{"result": [' + ', '.join(manual.result) + ']}]')
        first = True
        for g in groups[1:]:
            parts.append(', "predictions": [' if first else ', ')
            first = False
            parts.append('{')
            if g.model_version is not None:
                parts.append('"model_version": ' + enc(g.model_version) + ', ')
            if g.n_scores > 0 and g.n_scores == len(g.anns):
                parts.append('"score": ' + fmt_double(g.score_sum / g.n_scores) + ', ')
            parts.append('"result": [' + ', '.join(g.result) + ']}')
        if not first:
            parts.append(']')
        if doc.extra is not None and 'meta' in doc.extra:
            parts.append(', "meta": ' + jnode(doc.extra['meta']))
        parts.append('}')
        return ''.join(parts)

    def finish(self):
        self.file.write('[]\n' if self.n_written == 0 else '\n]\n')
        super().finish()


# -- brat (byline-brat.c), without the round-trip extras ------------------------

_LINE_BREAKS = re.compile('[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]')


def brat_id_number(id_):
    m = re.search(r'[0-9]+', id_)
    return int(m.group()) if m else 0


def brat_compare_key(id_):
    """compare_ids(): by prefix, then number, then the id."""
    k = 0
    while k < len(id_) and not ('0' <= id_[k] <= '9'):
        k += 1
    num = 0
    j = k
    while j < len(id_) and '0' <= id_[j] <= '9':
        num = num * 10 + ord(id_[j]) - 48
        j += 1
    return (id_[:k], num, id_)


def is_brat_id(id_, prefix):
    if id_ is None or len(id_) < 2 or id_[0] != prefix or not ('0' <= id_[1] <= '9'):
        return False
    return all(c.isascii() and (c.isalnum() or c in '_-') for c in id_[1:])


class BratIds:
    def __init__(self):
        self.used = set()
        self.max = {}

    def claim(self, id_):
        if id_ is None or id_ in self.used:
            return False
        self.used.add(id_)
        p = 'A' if id_[0] == 'M' else id_[0]
        if p in 'TERAN#':
            self.max[p] = max(self.max.get(p, 0), brat_id_number(id_))
        return True

    def new(self, prefix):
        while True:
            self.max[prefix] = self.max.get(prefix, 0) + 1
            id_ = '%s%d' % (prefix, self.max[prefix])
            if id_ not in self.used:
                self.used.add(id_)
                return id_


class BratWriter(Writer):
    multi_document = True
    SECTIONS = 'TREAN#*'

    def __init__(self, path, options):
        self.path = path
        self.options = options
        self.losses = options.losses
        self.n_written = 0
        d = path.rstrip('/') or '/'
        self.dir = d
        if os.path.isdir(d):
            self.staging = tempfile.mkdtemp(prefix='.byline-', dir=d)
            self.whole = False
        elif os.path.exists(d):
            raise ConvertError('%s: not a directory' % d)
        else:
            self.staging = tempfile.mkdtemp(prefix='.%s.byline-' % os.path.basename(d),
                                            dir=os.path.dirname(os.path.abspath(d)))
            self.whole = True
        self.names = []
        self.taken = set()

    def base_name(self, id_):
        base = []
        length = 0
        for c in id_ or '':
            if length > 200:
                break
            if c in '/\\' or c < ' ' or c == '\x7f' or _LINE_BREAKS.match(c):
                c = '_'
            base.append(c)
            length += len(c.encode('utf-8'))
        base = ''.join(base) or 'doc'
        if base[0] == '.':
            base = '_' + base[1:]
        n = 1
        while True:
            candidate = base if n == 1 else '%s-%d' % (base, n)
            folded = candidate.casefold()
            if folded not in self.taken:
                self.taken.add(folded)
                return candidate
            n += 1

    def write(self, doc):
        base = self.base_name(doc.id)
        ann = self.format_ann(doc)
        for name, data in ((base + '.txt', doc.text), (base + '.ann', ann)):
            with open(os.path.join(self.staging, name), 'w', encoding='utf-8', newline='') as f:
                f.write(data)
            self.names.append(name)
        self.n_written += 1

    def finish(self):
        if self.whole and not os.path.exists(self.dir):
            os.rename(self.staging, self.dir)
            return
        if not os.path.isdir(self.dir):
            os.mkdir(self.dir)
        for name in self.names:
            os.rename(os.path.join(self.staging, name), os.path.join(self.dir, name))
        os.rmdir(self.staging)

    def abort(self):
        shutil.rmtree(self.staging, ignore_errors=True)

    def format_ann(self, doc):
        lose = self.lose
        for key in doc.meta:
            lose('document metadata', key)
        for key in doc.attributes:
            lose('document attributes', key)
        if doc.extra:
            if 'brat' in doc.extra:
                raise ConvertError('brat round-trip data ("brat" key) is not handled by this port')
            for key in doc.extra:
                lose('keys Byline does not know', key)
        relations = sorted(doc.rels, key=lambda r: brat_compare_key(r.id))
        anns = doc.sorted_anns()
        ids = BratIds()
        out_ids = {}
        for a in anns:
            if is_brat_id(a.id, 'T') and ids.claim(a.id):
                out_ids[a.id] = a.id
        for a in anns:
            if a.id in out_ids or not is_brat_id(a.id, 'a'):
                continue
            t = 'T' + a.id[1:]
            if ids.claim(t):
                out_ids[a.id] = t
        for a in anns:
            if a.id not in out_ids:
                out_ids[a.id] = ids.new('T')

        lines = []   # [section, id, body, start, end]
        text = doc.text
        for a in anns:
            label = a.label
            if a.extra and 'brat' in a.extra:
                raise ConvertError('brat round-trip data ("brat" key) is not handled by this port')
            if a.status == SUGGESTED or a.status == REJECTED:
                lose('statuses (suggested or rejected)', label)
            if a.origin is not None:
                lose('origins', label)
            if a.confidence is not None:
                lose('confidences', label)
            if a.created is not None or a.modified is not None:
                lose('timestamps', label)
            if a.extra:
                for key in a.extra:
                    lose('keys Byline does not know', key)
            target = out_ids[a.id]
            name = self.brat_name(label)
            slices = [text[s:e] for s, e in a.frags]
            for s in slices:
                if _LINE_BREAKS.search(s):
                    raise ConvertError('spans that hold a line break are not handled by this port')
            offsets = ';'.join(['%d %d' % f for f in a.frags])
            lines.append(['T', target, '%s %s\t%s' % (name, offsets, ' '.join(slices)), a.start, a.end])
            for key, value in a.attrs.items():
                self.add_attribute(lines, target, key, value)
            if a.note is not None:
                note = self.one_line(a.note, 'line breaks in notes (replaced by spaces)', 'AnnotatorNotes')
                lines.append(['#', None, 'AnnotatorNotes %s\t%s' % (target, note), 0, 0])

        plain = []
        rel_ids = {}
        for r in relations:
            t = r.type
            if r.status == SUGGESTED or r.status == REJECTED:
                lose('statuses (suggested or rejected)', t)
            if r.origin is not None:
                lose('origins', t)
            if r.extra:
                if 'brat' in r.extra:
                    raise ConvertError('brat round-trip data ("brat" key) is not handled by this port')
                for key in r.extra:
                    lose('keys Byline does not know', key)
            plain.append(r)
            if is_brat_id(r.id, 'R') and ids.claim(r.id):
                rel_ids[r.id] = r.id
        for r in plain:
            if r.id in rel_ids or not is_brat_id(r.id, 'r'):
                continue
            rid = 'R' + r.id[1:]
            if ids.claim(rid):
                rel_ids[r.id] = rid
        for r in plain:
            if r.id not in rel_ids:
                rel_ids[r.id] = ids.new('R')
            rid = rel_ids[r.id]
            lines.append(['R', rid, '%s Arg1:%s Arg2:%s\t' % (self.brat_name(r.type), out_ids[r.frm], out_ids[r.to]),
                          0, 0])
            if r.attrs:
                for key, value in r.attrs.items():
                    self.add_attribute(lines, rid, key, value)

        for line in lines:
            if line[1] is None:
                line[1] = ids.new(line[0])
        sections = self.SECTIONS
        lines.sort(key=lambda l: (sections.index(l[0]), l[3], l[4], brat_compare_key(l[1])) if l[0] == 'T'
                   else (sections.index(l[0]), 0, 0, brat_compare_key(l[1])))
        return ''.join(['%s\t%s\n' % (l[1], l[2]) for l in lines])

    def brat_name(self, name):
        if ' ' in name or '\t' in name or _LINE_BREAKS.search(name):
            self.lose('names with spaces (brat cannot read them)', name)
            name = re.sub('[ \t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]', ' ', name)
        return name or '_'

    def one_line(self, text, what, label):
        if not _LINE_BREAKS.search(text):
            return text
        self.lose(what, label)
        return _LINE_BREAKS.sub(' ', text)

    def add_attribute(self, lines, target, name, value):
        if type(value) is bool:
            if not value:
                self.lose('attributes that are false (brat has present or absent)', name)
                return
            lines.append(['A', None, '%s %s' % (self.brat_name(name), target), 0, 0])
            return
        if type(value) is str:
            if value == '':
                self.lose('empty attribute values', name)
                return
            flat = self.one_line(value, 'line breaks in attribute values (replaced by spaces)', name)
            lines.append(['A', None, '%s %s %s' % (self.brat_name(name), target, flat), 0, 0])
            return
        self.lose('attributes that are not text or true', name)


# ---- The command ------------------------------------------------------------

WRITERS = {
    'jsonl': JsonlWriter,
    'spacy': SpacyWriter,
    'doccano': DoccanoWriter,
    'labelstudio': LabelStudioWriter,
    'conll': ConllWriter,
    'hf': HfWriter,
    'brat': BratWriter,
}
NATIVE_FORMATS = ('jsonl',)


class Options:
    pass


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description='byline-cli convert, in Python (benchmark reference)')
    parser.add_argument('input')
    parser.add_argument('-o', '--output', required=True)
    parser.add_argument('--to', required=True, choices=sorted(WRITERS))
    parser.add_argument('--scheme', default='iob2', choices=('iob2', 'iob1', 'bioes'))
    parser.add_argument('--layer', default='entities')
    parser.add_argument('--schema', default=os.path.join(here, '..', '..', 'data', 'schemas', 'news.json'))
    args = parser.parse_args(argv)

    options = Options()
    options.schema = Schema(args.schema)
    options.scheme = args.scheme
    options.layer = args.layer
    options.losses = Losses()
    left_out = Losses()
    statuses = STATUSES if args.to in NATIVE_FORMATS else (MANUAL, ACCEPTED)

    writer = None
    try:
        writer = WRITERS[args.to](args.output, options)
        for doc in read_jsonl(args.input, options.schema):
            filter_document(doc, statuses, left_out)
            writer.write(doc)
        writer.finish()
    except ConvertError as e:
        if writer is not None:
            writer.abort()
        print('py_convert: %s' % e, file=sys.stderr)
        return 1
    for title, losses in (('Left out by the filters:', left_out), ('The format cannot hold:', options.losses)):
        lines = losses.lines()
        if lines:
            sys.stderr.write(title + '\n' + ''.join(['  %s\n' % line for line in lines]))
    return 0


if __name__ == '__main__':
    sys.exit(main())

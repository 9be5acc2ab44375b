/* byline-spacy.c: spaCy and Prodigy JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format-private.h"

static const char * const spacy_ext[] = { ".spacy.jsonl", ".prodigy.jsonl", NULL };

const BylineFormat byline_format_spacy = {
  "spacy", N_("spaCy / Prodigy JSONL: text, tokens, spans, relations (.spacy.jsonl)"), spacy_ext, TRUE, FALSE, NULL, NULL
};

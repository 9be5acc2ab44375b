/* byline-conll.c: CoNLL columns and Hugging Face token classification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format-private.h"

static const char * const conll_ext[] = { ".conll", ".conll03", ".iob", ".bio", NULL };
static const char * const hf_ext[] = { ".hf.jsonl", NULL };

const BylineFormat byline_format_conll = {
  "conll", N_("CoNLL 2003 columns, one layer, IOB2, IOB1 or BIOES (.conll)"), conll_ext, TRUE, FALSE, NULL, NULL
};

const BylineFormat byline_format_hf = {
  "hf", N_("Hugging Face token classification JSONL and labels.json (.hf.jsonl)"), hf_ext, TRUE, FALSE, NULL, NULL
};

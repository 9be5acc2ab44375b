/* byline-doccano.c: doccano JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format-private.h"

static const char * const doccano_ext[] = { ".doccano.jsonl", NULL };

const BylineFormat byline_format_doccano = {
  "doccano", N_("doccano JSONL, label or entities and relations (.doccano.jsonl)"), doccano_ext, TRUE, FALSE, NULL, NULL
};

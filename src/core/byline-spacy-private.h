/* byline-spacy-private.h: what the spaCy / Prodigy files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-spacy.c reads tasks, byline-spacy-write.c writes them.
 */
#pragma once

#include "byline-format-private.h"

G_BEGIN_DECLS

/* The options' schema, else the default schema. */
static inline BylineSchema *
_byline_spacy_options_schema (const BylineFormatOptions *options)
{
  return options != NULL && options->schema != NULL ? options->schema : byline_schema_get_default ();
}

BylineWriter *
_byline_spacy_open (const BylineFormat        *format,
                    const char                *path,
                    const BylineFormatOptions *options,
                    GError                   **error);

G_END_DECLS

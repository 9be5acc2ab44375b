/* byline-format-private.h: what format modules use to build their readers
 * and writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only format modules (byline-format.c, byline-format-builtin.c,
 * byline-brat.c, byline-conll.c…) include this. A writer (byline-writer.c)
 * either owns one atomic output file (most formats) or manages its own
 * output (brat's directory).
 */
#pragma once

#include "byline-atomic.h"
#include "byline-format.h"

G_BEGIN_DECLS

/* ---- Reading ---------------------------------------------------------- */

/**
 * BylineSchemaWarningStyle:
 * @BYLINE_SCHEMA_WARNING_COLON: "label “X” is not in the schema: kept in
 *   the “entities” layer", "relation type “X” is not in the schema: kept
 *   as written", with %BYLINE_ERROR_INVALID (doccano, Label Studio)
 * @BYLINE_SCHEMA_WARNING_SEMICOLON: the same with "; kept", with
 *   %BYLINE_ERROR_INVALID_SCHEMA (spaCy, CoNLL)
 * @BYLINE_SCHEMA_WARNING_BRAT: "label “X” is not in the schema: kept, in
 *   the layer “entities”", with %BYLINE_ERROR_INVALID; relation types as
 *   %BYLINE_SCHEMA_WARNING_COLON
 *
 * How a reader words its warnings about what the schema does not know:
 * the readers came to say it differently, and each keeps its words.
 */
typedef enum
{
  BYLINE_SCHEMA_WARNING_COLON,
  BYLINE_SCHEMA_WARNING_SEMICOLON,
  BYLINE_SCHEMA_WARNING_BRAT,
} BylineSchemaWarningStyle;

/**
 * BylineSchemaWarnings:
 * @options: (nullable): the reader's options, for their schema (else the
 *   default schema)
 * @warnings: (nullable): where warnings go; %NULL for none
 * @warned: what was warned about, "label:X" and "relation:X": a set of
 *   strings (g_str_hash(), keys freed with g_free()) that the reader
 *   creates and frees; it may keep keys of its own there that start
 *   otherwise
 * @style: how the warnings are worded
 *
 * What a reader needs to warn once about each label and relation type the
 * schema does not know: once for as long as it keeps @warned (a file; for
 * brat, one document).
 */
typedef struct
{
  const BylineFormatOptions *options;
  BylineProblems            *warnings;
  GHashTable                *warned;
  BylineSchemaWarningStyle   style;
} BylineSchemaWarnings;

const char *byline_format_layer_or_warn       (BylineSchemaWarnings *sw,
                                               const char           *label,
                                               const char           *location_format,
                                               ...) G_GNUC_PRINTF (3, 4);
void        byline_format_check_relation_type (BylineSchemaWarnings *sw,
                                               const char           *type,
                                               const char           *location_format,
                                               ...) G_GNUC_PRINTF (3, 4);

/* ---- Writing ---------------------------------------------------------- */

/**
 * BylineWriterClass:
 * @write: writes one document
 * @finish: (nullable): makes the output visible; %NULL commits the
 *   writer's file. A module that writes a sidecar (labels.json) does it
 *   here, then calls byline_writer_commit_file().
 * @destroy: (nullable): frees the module's data; called by
 *   byline_writer_free(), finished or not (not finished: clean up any
 *   temporary output, leaving old files untouched)
 */
typedef struct
{
  gboolean (*write)   (BylineWriter    *writer,
                       BylineDocument  *document,
                       GError         **error);
  gboolean (*finish)  (BylineWriter    *writer,
                       GError         **error);
  void     (*destroy) (gpointer         data);
} BylineWriterClass;

BylineWriter              *byline_writer_new_file    (const BylineFormat        *format,
                                                      const char                *path,
                                                      const BylineFormatOptions *options,
                                                      gboolean                   backup,
                                                      const BylineWriterClass   *klass,
                                                      gpointer                   data,
                                                      GError                   **error);
BylineWriter              *byline_writer_new_custom  (const BylineFormat        *format,
                                                      const char                *path,
                                                      const BylineFormatOptions *options,
                                                      const BylineWriterClass   *klass,
                                                      gpointer                   data);
gpointer                   byline_writer_get_data    (BylineWriter              *writer);
const char                *byline_writer_get_path    (BylineWriter              *writer);
const BylineFormat        *byline_writer_get_format  (BylineWriter              *writer);
const BylineFormatOptions *byline_writer_get_options (BylineWriter              *writer);
gboolean                   byline_writer_write_bytes (BylineWriter              *writer,
                                                      const char                *data,
                                                      gsize                      len,
                                                      GError                   **error);
gboolean                   byline_writer_commit_file (BylineWriter              *writer,
                                                      GError                   **error);
void                       byline_writer_lose        (BylineWriter              *writer,
                                                      const char                *what,
                                                      const char                *label,
                                                      guint                      count);

/* Registered formats, each defined in its module. A module whose reader or
 * writer is not written yet leaves that pointer %NULL. */
extern const BylineFormat byline_format_native;  /* byline-format-builtin.c, like the next four */
extern const BylineFormat byline_format_jsonl;
extern const BylineFormat byline_format_text;
extern const BylineFormat byline_format_html;
extern const BylineFormat byline_format_json;
extern const BylineFormat byline_format_brat;
extern const BylineFormat byline_format_spacy;
extern const BylineFormat byline_format_doccano;
extern const BylineFormat byline_format_labelstudio;
extern const BylineFormat byline_format_conll;
extern const BylineFormat byline_format_hf;

G_END_DECLS

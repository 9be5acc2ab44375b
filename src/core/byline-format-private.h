/* byline-format-private.h: what format modules use to build their writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only format modules (byline-format.c, byline-brat.c, byline-conll.c…)
 * include this. A writer either owns one atomic output file (most
 * formats) or manages its own output (brat's directory).
 */
#pragma once

#include "byline-atomic.h"
#include "byline-format.h"

G_BEGIN_DECLS

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
extern const BylineFormat byline_format_brat;
extern const BylineFormat byline_format_spacy;
extern const BylineFormat byline_format_doccano;
extern const BylineFormat byline_format_labelstudio;
extern const BylineFormat byline_format_conll;
extern const BylineFormat byline_format_hf;

G_END_DECLS

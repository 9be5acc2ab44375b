/* byline-format.h: the registry of file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "byline-document.h"
#include "byline-problems.h"

G_BEGIN_DECLS

typedef struct _BylineFormat BylineFormat;
typedef struct _BylineWriter BylineWriter;

/**
 * BylineFormat:
 * @name: the name used on the command line ("byline", "text"…)
 * @description: a translatable one-line description
 * @extensions: (array zero-terminated=1): file name endings, longest first
 * @multi_document: whether one file holds many documents (JSONL)
 * @read: reads @path, calling @func for every document, as it goes, and
 *   adding what it kept but found doubtful (a label the schema does not
 *   know) to @warnings when that is not %NULL
 * @writer_open: starts writing to @path (atomically: nothing is visible at
 *   @path until byline_writer_finish() succeeds)
 *
 * One file format. Every format module fills one of these; the CLI and the
 * window's dialogs list the same registry.
 */
struct _BylineFormat
{
  const char         *name;
  const char         *description;
  const char * const *extensions;
  gboolean            multi_document;
  gboolean          (*read)        (const BylineFormat *format,
                                    const char         *path,
                                    BylineProblems     *warnings,
                                    BylineDocumentFunc  func,
                                    gpointer            user_data,
                                    GError            **error);
  BylineWriter     *(*writer_open) (const BylineFormat *format,
                                    const char         *path,
                                    GError            **error);
};

const BylineFormat * const *byline_formats_list          (void);
const BylineFormat         *byline_format_lookup         (const char         *name);
const BylineFormat         *byline_format_for_path       (const char         *path);
gboolean                    byline_format_can_read       (const BylineFormat *format);
gboolean                    byline_format_can_write      (const BylineFormat *format);

/* Writing: open, write documents, then finish (commit) or abort. Freeing a
 * writer that was not finished aborts it, leaving any old file untouched. */
gboolean                    byline_writer_write          (BylineWriter       *writer,
                                                          BylineDocument     *document,
                                                          GError            **error);
gboolean                    byline_writer_finish         (BylineWriter       *writer,
                                                          GError            **error);
void                        byline_writer_free           (BylineWriter       *writer);
guint                       byline_writer_get_n_written  (BylineWriter       *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineWriter, byline_writer_free)

/**
 * byline_document_load_any:
 * @path: a .txt, .html, .json, .jsonl or .byline.json file
 * @error: set when the file cannot be read as one document
 *
 * Opens one document the way the window's Open does: the format comes from
 * the file name. A records or JSONL file with more than one document is an
 * error that says so.
 *
 * Returns: (transfer full) (nullable): the document
 */
BylineDocument             *byline_document_load_any     (const char         *path,
                                                          GError            **error);

G_END_DECLS

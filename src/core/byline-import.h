/* byline-import.h: article importers (plain text, HTML, JSON records)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-document.h"

G_BEGIN_DECLS

/* Helpers shared by the importers (byline-import.c). */
gboolean        byline_import_check_utf8     (const char      *data,
                                              gsize            len,
                                              const char      *filename,
                                              GError         **error);
gsize           byline_import_skip_bom       (const char      *data,
                                              gsize            len);

/* One line of a JSON Lines file: without its byte order mark (first line)
 * and trailing white space, never empty, valid UTF-8. @where is
 * "PATH:LINE", for messages. Returns FALSE (with @error set) to stop. */
typedef gboolean (*BylineLineFunc)           (const char      *text,
                                              gsize            len,
                                              guint            lineno,
                                              const char      *where,
                                              gpointer         user_data,
                                              GError         **error);
gboolean        byline_import_foreach_line   (const char      *path,
                                              BylineLineFunc   func,
                                              gpointer         user_data,
                                              GError         **error);
char           *byline_import_document_id    (const char      *filename);
char           *byline_describe_json_error   (const GError    *error);
char           *byline_describe_io_error     (const GError    *error);
void            byline_import_record_source  (BylineDocument  *document,
                                              const char      *filename,
                                              const char      *format,
                                              const char      *data,
                                              gsize            len);

/* Plain text (byline-import.c): UTF-8 with or without BOM, kept verbatim. */
BylineDocument *byline_text_import           (const char      *data,
                                              gsize            len,
                                              const char      *filename,
                                              GError         **error);

/* A saved news page (byline-html-import.c). */
BylineDocument *byline_html_import           (const char      *data,
                                              gsize            len,
                                              const char      *filename,
                                              GError         **error);

/* JSON article records (byline-records.c): one object, an array of them, or
 * JSONL, as written by trafilatura, newspaper3k, news-please… */
BylineDocument *byline_records_document_from_object (JsonObject *object,
                                                     const char *filename,
                                                     const char *location,
                                                     GError    **error);
gboolean        byline_records_read_file     (const char        *path,
                                              BylineDocumentFunc func,
                                              gpointer           user_data,
                                              GError           **error);

G_END_DECLS

/* byline-json-stream.h: top-level JSON values of a file, one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _BylineJsonStream BylineJsonStream;

BylineJsonStream *_byline_json_stream_open       (const char        *path,
                                                  GError           **error);
gboolean          _byline_json_stream_next       (BylineJsonStream  *self,
                                                  const char       **data,
                                                  gsize             *len,
                                                  guint             *line,
                                                  GError           **error);
gboolean          _byline_json_stream_is_array   (BylineJsonStream  *self);
void              _byline_json_stream_free       (BylineJsonStream  *self);
gboolean          _byline_json_stream_parse      (JsonParser        *parser,
                                                  const char        *path,
                                                  const char        *context,
                                                  const char        *data,
                                                  gsize              len,
                                                  guint              line,
                                                  GError           **error);
gboolean          _byline_json_check_depth       (const char        *data,
                                                  gsize              len,
                                                  guint              max_depth);

/* JSON-GLib parses recursively: deeper input would exhaust the stack.
 * Real documents and tasks nest a few levels. */
#define BYLINE_JSON_MAX_DEPTH 512

G_END_DECLS

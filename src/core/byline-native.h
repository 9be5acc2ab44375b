/* byline-native.h: the .byline.json format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-document.h"
#include "byline-problems.h"
#include "byline-schema.h"

G_BEGIN_DECLS

#define BYLINE_NATIVE_VERSION 1

BylineDocument *byline_native_from_object (JsonObject      *root,
                                           const char      *filename,
                                           BylineSchema    *schema,
                                           BylineProblems  *problems,
                                           GError         **error);
BylineDocument *byline_native_load_data   (const char      *data,
                                           gsize            len,
                                           const char      *filename,
                                           BylineSchema    *schema,
                                           BylineProblems  *problems,
                                           GError         **error);
BylineDocument *byline_native_load_file   (const char      *path,
                                           BylineSchema    *schema,
                                           BylineProblems  *problems,
                                           GError         **error);
gboolean        byline_native_is_document (JsonObject      *object);

void            byline_native_append      (BylineDocument  *document,
                                           gboolean         one_line,
                                           GString         *out);
typedef struct _BylineNativeWriter BylineNativeWriter;

BylineNativeWriter *byline_native_writer_new  (BylineDocument     *document,
                                               gboolean            one_line);
gboolean            byline_native_writer_step (BylineNativeWriter *self,
                                               GString            *out,
                                               guint               budget);
void                byline_native_writer_free (BylineNativeWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineNativeWriter, byline_native_writer_free)

char           *byline_native_to_string   (BylineDocument  *document,
                                           gsize           *len);
gboolean        byline_native_save        (BylineDocument  *document,
                                           const char      *path,
                                           GError         **error);

G_END_DECLS

/* byline-document.h: an article, its annotations and relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"
#include "byline-annotation.h"
#include "byline-relation.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_DOCUMENT (byline_document_get_type ())

G_DECLARE_FINAL_TYPE (BylineDocument, byline_document, BYLINE, DOCUMENT, GObject)

/* Metadata keys with a fixed place in files; any other key is kept too. */
#define BYLINE_META_TITLE     "title"
#define BYLINE_META_SOURCE    "source"
#define BYLINE_META_URL       "url"
#define BYLINE_META_PUBLISHED "published"
#define BYLINE_META_AUTHORS   "authors"
#define BYLINE_META_LANGUAGE  "language"

BylineDocument   *byline_document_new                 (void);

/* The text can be set once, before any annotation is added: the text of an
 * article is never edited. It must be valid UTF-8. */
gboolean          byline_document_set_text            (BylineDocument   *self,
                                                       const char       *text,
                                                       gssize            len,
                                                       GError          **error);
const char       *byline_document_get_text            (BylineDocument   *self);
gsize             byline_document_get_text_bytes      (BylineDocument   *self);
guint             byline_document_get_n_chars         (BylineDocument   *self);
gsize             byline_document_offset_to_byte      (BylineDocument   *self,
                                                       guint             offset);
guint             byline_document_byte_to_offset      (BylineDocument   *self,
                                                       gsize             byte_index);
char             *byline_document_dup_slice           (BylineDocument   *self,
                                                       guint             start,
                                                       guint             end);
char             *byline_document_dup_annotation_text (BylineDocument   *self,
                                                       BylineAnnotation *annotation);

const char       *byline_document_get_id              (BylineDocument   *self);
void              byline_document_set_id              (BylineDocument   *self,
                                                       const char       *id);
const char       *byline_document_get_schema_name     (BylineDocument   *self);
void              byline_document_set_schema_name     (BylineDocument   *self,
                                                       const char       *name);

JsonObject       *byline_document_get_meta            (BylineDocument   *self);
const char       *byline_document_get_meta_string     (BylineDocument   *self,
                                                       const char       *key);
void              byline_document_set_meta            (BylineDocument   *self,
                                                       const char       *key,
                                                       JsonNode         *value);
void              byline_document_set_meta_string     (BylineDocument   *self,
                                                       const char       *key,
                                                       const char       *value);

JsonObject       *byline_document_get_attributes      (BylineDocument   *self);
void              byline_document_set_attribute       (BylineDocument   *self,
                                                       const char       *name,
                                                       JsonNode         *value);
JsonObject       *byline_document_get_extra           (BylineDocument   *self);

/* Annotations. The document is also a GListModel of its annotations, in
 * the order they were added. */
guint             byline_document_get_n_annotations   (BylineDocument   *self);
BylineAnnotation *byline_document_get_annotation      (BylineDocument   *self,
                                                       guint             position);
BylineAnnotation *byline_document_lookup_annotation   (BylineDocument   *self,
                                                       const char       *id);
GPtrArray        *byline_document_get_sorted_annotations (BylineDocument *self);
BylineAnnotation *byline_document_add_annotation      (BylineDocument   *self,
                                                       BylineAnnotation *annotation,
                                                       GError          **error);
gboolean          byline_document_replace_annotation  (BylineDocument   *self,
                                                       const char       *id,
                                                       BylineAnnotation *state,
                                                       GError          **error);
gboolean          byline_document_remove_annotation   (BylineDocument   *self,
                                                       const char       *id);
GPtrArray        *byline_document_query               (BylineDocument   *self,
                                                       guint             start,
                                                       guint             end);
GPtrArray        *byline_document_query_at            (BylineDocument   *self,
                                                       guint             offset);
BylineSpanIndex  *byline_document_get_span_index      (BylineDocument   *self);

/* Relations */
guint             byline_document_get_n_relations     (BylineDocument   *self);
BylineRelation   *byline_document_get_relation        (BylineDocument   *self,
                                                       guint             position);
BylineRelation   *byline_document_lookup_relation     (BylineDocument   *self,
                                                       const char       *id);
GPtrArray        *byline_document_get_relations_of    (BylineDocument   *self,
                                                       const char       *annotation_id);
BylineRelation   *byline_document_add_relation        (BylineDocument   *self,
                                                       BylineRelation   *relation,
                                                       GError          **error);
gboolean          byline_document_replace_relation    (BylineDocument   *self,
                                                       const char       *id,
                                                       BylineRelation   *state,
                                                       GError          **error);
gboolean          byline_document_remove_relation     (BylineDocument   *self,
                                                       const char       *id);

/* History: every edit above is recorded; begin/end group several edits into
 * one undo step (groups nest). */
BylineHistory    *byline_document_get_history         (BylineDocument   *self);
void              byline_document_begin_group         (BylineDocument   *self,
                                                       const char       *description);
void              byline_document_end_group           (BylineDocument   *self);
gboolean          byline_document_can_undo            (BylineDocument   *self);
gboolean          byline_document_can_redo            (BylineDocument   *self);
gboolean          byline_document_undo                (BylineDocument   *self);
gboolean          byline_document_redo                (BylineDocument   *self);

/* After loading or importing: forget the history, and mark unmodified. */
void              byline_document_mark_loaded         (BylineDocument   *self);
gboolean          byline_document_get_modified        (BylineDocument   *self);
void              byline_document_set_modified        (BylineDocument   *self,
                                                       gboolean          modified);

G_END_DECLS

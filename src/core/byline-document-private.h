/* byline-document-private.h: the document internals its files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-document.h"
#include "byline-problems.h"
#include "byline-span-index.h"

G_BEGIN_DECLS

/* Shared by byline-document.c (annotations, loading, history),
 * byline-document-relations.c (relations) and byline-document-text.c
 * (text, offsets, metadata). */
struct _BylineDocument
{
  GObject          parent_instance;

  char            *id;
  char            *text;
  gsize            text_bytes;
  guint            n_chars;
  gsize           *checkpoints;  /* byte index of code point i * STRIDE */
  char            *schema_name;
  JsonObject      *meta;
  JsonObject      *attributes;
  JsonObject      *extra;

  GPtrArray       *annotations;  /* list order; owns references */
  GHashTable      *annotations_by_id;
  BylineSpanIndex *index;
  GPtrArray       *relations;
  GHashTable      *relations_by_id;
  /* annotation id -> GPtrArray of its relations (both ends), built on
   * the first byline_document_get_relations_of() after a change to the
   * relations and dropped by the next (_byline_document_relations_changed). */
  GHashTable      *relations_of;
  guint            next_annotation_id;
  guint            next_relation_id;

  BylineHistory   *history;
  gboolean         modified;
};

enum {
  ANNOTATION_ADDED,
  ANNOTATION_REMOVED,
  ANNOTATION_CHANGED,
  RELATION_ADDED,
  RELATION_REMOVED,
  RELATION_CHANGED,
  META_CHANGED,
  ATTRIBUTE_CHANGED,
  N_SIGNALS
};

extern guint _byline_document_signals[N_SIGNALS];

void     _byline_document_update_modified (BylineDocument   *self);
void     _byline_document_note_id         (const char       *id,
                                           char              prefix,
                                           guint            *next);
void     _byline_document_apply_member    (JsonObject       *object,
                                           const char       *key,
                                           JsonNode         *value);

/* byline-document-relations.c */
void     _byline_document_relations_changed (BylineDocument *self);
char    *_byline_document_new_relation_id          (BylineDocument  *self);
gboolean _byline_document_check_relation           (BylineDocument  *self,
                                                    BylineRelation  *relation,
                                                    GError         **error);
void     _byline_document_insert_relation          (BylineDocument  *self,
                                                    BylineRelation  *relation,
                                                    gboolean         loading);
void     _byline_document_take_out_relation        (BylineDocument  *self,
                                                    BylineRelation  *relation);
void     _byline_document_remove_relation_recorded (BylineDocument  *self,
                                                    BylineRelation  *relation);

/* Readers build a document without history or signals, then call
 * byline_document_mark_loaded(). Both functions take ownership of the
 * object and check it against the text; an annotation that does not fit
 * is dropped with @error set, a relation with a problem reported into
 * @problems. */
gboolean _byline_document_load_annotation (BylineDocument   *self,
                                           BylineAnnotation *annotation,
                                           GError          **error);
gboolean _byline_document_load_relation   (BylineDocument   *self,
                                           BylineRelation   *relation,
                                           BylineProblems   *problems,
                                           const char       *location);
/* Relation endpoints may be defined later in a file: check them at the end. */
void     _byline_document_check_relations (BylineDocument   *self,
                                           BylineProblems   *problems);
void     _byline_document_set_extra       (BylineDocument   *self,
                                           JsonObject       *extra);
gboolean _byline_document_slice_equals    (BylineDocument   *self,
                                           BylineAnnotation *annotation,
                                           const char       *text,
                                           gsize             len);

G_END_DECLS

/* byline-relation.h: a typed link between two annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_RELATION (byline_relation_get_type ())

G_DECLARE_FINAL_TYPE (BylineRelation, byline_relation, BYLINE, RELATION, GObject)

/* Like annotations, relations held by a document are read-only: edit a copy
 * and commit it with byline_document_replace_relation(). */

BylineRelation *byline_relation_new            (const char     *type,
                                                const char     *from_id,
                                                const char     *to_id);
BylineRelation *byline_relation_copy           (BylineRelation *self);
gboolean        byline_relation_equal          (BylineRelation *a,
                                                BylineRelation *b);
BylineDocument *byline_relation_get_document   (BylineRelation *self);
const char     *byline_relation_get_id         (BylineRelation *self);
void            byline_relation_set_id         (BylineRelation *self,
                                                const char     *id);
const char     *byline_relation_get_relation_type (BylineRelation *self);
void            byline_relation_set_relation_type (BylineRelation *self,
                                                   const char     *type);
const char     *byline_relation_get_from       (BylineRelation *self);
void            byline_relation_set_from       (BylineRelation *self,
                                                const char     *from_id);
const char     *byline_relation_get_to         (BylineRelation *self);
void            byline_relation_set_to         (BylineRelation *self,
                                                const char     *to_id);
BylineStatus    byline_relation_get_status     (BylineRelation *self);
void            byline_relation_set_status     (BylineRelation *self,
                                                BylineStatus    status);
const char     *byline_relation_get_origin     (BylineRelation *self);
void            byline_relation_set_origin     (BylineRelation *self,
                                                const char     *origin);
JsonObject     *byline_relation_get_attributes (BylineRelation *self);
void            byline_relation_set_attribute  (BylineRelation *self,
                                                const char     *name,
                                                JsonNode       *value);
JsonObject     *byline_relation_get_extra      (BylineRelation *self);
void            byline_relation_set_extra      (BylineRelation *self,
                                                JsonObject     *extra);

G_END_DECLS

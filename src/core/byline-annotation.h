/* byline-annotation.h: one labeled span (or several fragments) of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ANNOTATION (byline_annotation_get_type ())

G_DECLARE_FINAL_TYPE (BylineAnnotation, byline_annotation, BYLINE, ANNOTATION, GObject)

/* An annotation held by a document is read-only: edit a copy made with
 * byline_annotation_copy() and hand it to byline_document_replace_annotation(),
 * so that every change goes through the document's history and signals.
 * The setters below refuse (g_return_if_fail) annotations that belong to a
 * document. */

BylineAnnotation     *byline_annotation_new             (const char             *layer,
                                                         const char             *label,
                                                         guint                   start,
                                                         guint                   end);
BylineAnnotation     *byline_annotation_copy            (BylineAnnotation       *self);
gboolean              byline_annotation_equal           (BylineAnnotation       *a,
                                                         BylineAnnotation       *b);

BylineDocument       *byline_annotation_get_document    (BylineAnnotation       *self);
const char           *byline_annotation_get_id          (BylineAnnotation       *self);
void                  byline_annotation_set_id          (BylineAnnotation       *self,
                                                         const char             *id);
const char           *byline_annotation_get_layer       (BylineAnnotation       *self);
void                  byline_annotation_set_layer       (BylineAnnotation       *self,
                                                         const char             *layer);
const char           *byline_annotation_get_label       (BylineAnnotation       *self);
void                  byline_annotation_set_label       (BylineAnnotation       *self,
                                                         const char             *label);

guint                 byline_annotation_get_start       (BylineAnnotation       *self);
guint                 byline_annotation_get_end         (BylineAnnotation       *self);
guint                 byline_annotation_get_n_fragments (BylineAnnotation       *self);
const BylineFragment *byline_annotation_get_fragment    (BylineAnnotation       *self,
                                                         guint                   i);
void                  byline_annotation_set_range       (BylineAnnotation       *self,
                                                         guint                   start,
                                                         guint                   end);
void                  byline_annotation_set_fragments   (BylineAnnotation       *self,
                                                         const BylineFragment   *fragments,
                                                         guint                   n_fragments);
gboolean              byline_annotation_add_fragment    (BylineAnnotation       *self,
                                                         guint                   start,
                                                         guint                   end);
gboolean              byline_annotation_overlaps        (BylineAnnotation       *self,
                                                         guint                   start,
                                                         guint                   end);

BylineStatus          byline_annotation_get_status      (BylineAnnotation       *self);
void                  byline_annotation_set_status      (BylineAnnotation       *self,
                                                         BylineStatus            status);
const char           *byline_annotation_get_origin      (BylineAnnotation       *self);
void                  byline_annotation_set_origin      (BylineAnnotation       *self,
                                                         const char             *origin);
gboolean              byline_annotation_get_confidence  (BylineAnnotation       *self,
                                                         double                 *confidence);
void                  byline_annotation_set_confidence  (BylineAnnotation       *self,
                                                         double                  confidence);
void                  byline_annotation_unset_confidence(BylineAnnotation       *self);
const char           *byline_annotation_get_reviewer    (BylineAnnotation       *self);
void                  byline_annotation_set_reviewer    (BylineAnnotation       *self,
                                                         const char             *reviewer);
const char           *byline_annotation_get_note        (BylineAnnotation       *self);
void                  byline_annotation_set_note        (BylineAnnotation       *self,
                                                         const char             *note);
const char           *byline_annotation_get_created     (BylineAnnotation       *self);
void                  byline_annotation_set_created     (BylineAnnotation       *self,
                                                         const char             *iso8601);
const char           *byline_annotation_get_modified    (BylineAnnotation       *self);
void                  byline_annotation_set_modified    (BylineAnnotation       *self,
                                                         const char             *iso8601);

guint                 byline_annotation_get_n_attributes(BylineAnnotation       *self);
const char           *byline_annotation_get_attribute_name (BylineAnnotation    *self,
                                                            guint                i);
JsonNode             *byline_annotation_get_attribute   (BylineAnnotation       *self,
                                                         const char             *name);
const char           *byline_annotation_get_attribute_string (BylineAnnotation  *self,
                                                              const char        *name);
void                  byline_annotation_set_attribute   (BylineAnnotation       *self,
                                                         const char             *name,
                                                         JsonNode               *value);
void                  byline_annotation_set_attribute_string (BylineAnnotation  *self,
                                                              const char        *name,
                                                              const char        *value);

JsonObject           *byline_annotation_get_extra       (BylineAnnotation       *self);
void                  byline_annotation_set_extra       (BylineAnnotation       *self,
                                                         JsonObject             *extra);

int                   byline_annotation_compare         (BylineAnnotation       *a,
                                                         BylineAnnotation       *b);

G_END_DECLS

/* byline-schema.h: layers, labels, attributes and relation types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef struct _BylineLayer BylineLayer;

/**
 * BylineLabel:
 * @name: the label as stored ("PERSON"); unique in the schema
 * @title: a readable name ("Person")
 * @color: "#rrggbb"
 * @key: the label's own shortcut key (one character), or %NULL
 * @description: what the label means
 * @layer: the layer it belongs to
 * @position: its position in the layer (keys 1-9 select the first nine)
 */
typedef struct
{
  char              *name;
  char              *title;
  char              *color;
  char              *key;
  char              *description;
  const BylineLayer *layer;
  guint              position;
} BylineLabel;

/**
 * BylineLayer:
 * @name: "entities", "speakers", "claims"…
 * @title: a readable name
 * @style: how the window draws it: "background", "outline" or "underline"
 * @labels: (element-type BylineLabel): the layer's labels, in order
 */
struct _BylineLayer
{
  char      *name;
  char      *title;
  char      *style;
  GPtrArray *labels;
};

typedef enum
{
  BYLINE_ATTRIBUTE_CHOICE,
  BYLINE_ATTRIBUTE_TEXT,
  BYLINE_ATTRIBUTE_BOOLEAN,
} BylineAttributeType;

/**
 * BylineAttributeDef:
 * @name: the attribute as stored ("quote_type")
 * @title: a readable name
 * @description: what it means
 * @type: choice, free text or boolean
 * @values: (array zero-terminated=1): allowed values of a choice
 * @default_value: (nullable): the value new annotations get, as a string
 *   ("true"/"false" for booleans)
 * @labels: (array zero-terminated=1) (nullable): the labels that carry it;
 *   %NULL for document attributes
 */
typedef struct
{
  char                *name;
  char                *title;
  char                *description;
  BylineAttributeType  type;
  char               **values;
  char                *default_value;
  char               **labels;
} BylineAttributeDef;

/**
 * BylineRelationType:
 * @name: "said_by"
 * @title: "Said by"
 * @description: what it means
 * @from: (array zero-terminated=1): allowed source labels, or "layer:NAME"
 *   for every label of a layer
 * @to: (array zero-terminated=1): allowed target labels, likewise
 */
typedef struct
{
  char  *name;
  char  *title;
  char  *description;
  char **from;
  char **to;
} BylineRelationType;

#define BYLINE_TYPE_SCHEMA (byline_schema_get_type ())

G_DECLARE_FINAL_TYPE (BylineSchema, byline_schema, BYLINE, SCHEMA, GObject)

BylineSchema             *byline_schema_new_from_data       (const char   *data,
                                                             gssize        len,
                                                             const char   *filename,
                                                             GError      **error);
BylineSchema             *byline_schema_new_from_file       (const char   *path,
                                                             GError      **error);
BylineSchema             *byline_schema_get_default         (void);

const char               *byline_schema_get_name            (BylineSchema *self);
const char               *byline_schema_get_title           (BylineSchema *self);
guint                     byline_schema_get_n_layers        (BylineSchema *self);
const BylineLayer        *byline_schema_get_layer           (BylineSchema *self,
                                                             guint         i);
const BylineLayer        *byline_schema_lookup_layer        (BylineSchema *self,
                                                             const char   *name);
const BylineLabel        *byline_schema_lookup_label        (BylineSchema *self,
                                                             const char   *name);
const BylineLabel        *byline_schema_lookup_key          (BylineSchema *self,
                                                             const char   *layer,
                                                             const char   *key);
guint                     byline_schema_get_n_relation_types (BylineSchema *self);
const BylineRelationType *byline_schema_get_relation_type   (BylineSchema *self,
                                                             guint         i);
const BylineRelationType *byline_schema_lookup_relation_type (BylineSchema *self,
                                                              const char   *name);
gboolean                  byline_schema_relation_allowed    (BylineSchema *self,
                                                             const char   *type,
                                                             const char   *from_label,
                                                             const char   *to_label);
GPtrArray                *byline_schema_relation_types_for  (BylineSchema *self,
                                                             const char   *from_label,
                                                             const char   *to_label);
guint                     byline_schema_get_n_attributes    (BylineSchema *self);
const BylineAttributeDef *byline_schema_get_attribute       (BylineSchema *self,
                                                             guint         i);
const BylineAttributeDef *byline_schema_lookup_attribute    (BylineSchema *self,
                                                             const char   *label,
                                                             const char   *name);
guint                     byline_schema_get_n_document_attributes (BylineSchema *self);
const BylineAttributeDef *byline_schema_get_document_attribute    (BylineSchema *self,
                                                                   guint         i);

G_END_DECLS

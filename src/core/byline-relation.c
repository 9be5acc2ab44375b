/* byline-relation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "byline-relation-private.h"
#include "byline-json-writer.h"

struct _BylineRelation
{
  GObject         parent_instance;

  BylineDocument *document;
  char           *id;
  const char     *type;    /* interned */
  char           *from;
  char           *to;
  BylineStatus    status;
  const char     *origin;  /* interned */
  JsonObject     *attributes;
  JsonObject     *extra;
};

G_DEFINE_FINAL_TYPE (BylineRelation, byline_relation, G_TYPE_OBJECT)

#define return_if_attached(self) \
  g_return_if_fail ((self)->document == NULL)

static void
byline_relation_finalize (GObject *object)
{
  BylineRelation *self = (BylineRelation *) object;

  g_free (self->id);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->attributes, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (byline_relation_parent_class)->finalize (object);
}

static void
byline_relation_class_init (BylineRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_relation_finalize;
}

static void
byline_relation_init (BylineRelation *self)
{
  self->status = BYLINE_STATUS_MANUAL;
}

/**
 * byline_relation_new:
 * @type: the relation type ("said_by")
 * @from_id: the source annotation's id
 * @to_id: the target annotation's id
 *
 * Returns: (transfer full): a detached relation without id
 */
BylineRelation *
byline_relation_new (const char *type,
                     const char *from_id,
                     const char *to_id)
{
  BylineRelation *self = g_object_new (BYLINE_TYPE_RELATION, NULL);

  self->type = g_intern_string (type);
  self->from = g_strdup (from_id);
  self->to = g_strdup (to_id);
  return self;
}

void
_byline_relation_assign (BylineRelation *self,
                         BylineRelation *state)
{
  g_assert (BYLINE_IS_RELATION (self));
  g_assert (BYLINE_IS_RELATION (state));

  if (self == state)
    return;
  /* A document keys its table by the id string itself: keep it when the
   * id does not change (it never does for an annotation in a document). */
  if (g_strcmp0 (self->id, state->id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (state->id);
    }
  self->type = state->type;
  g_free (self->from);
  self->from = g_strdup (state->from);
  g_free (self->to);
  self->to = g_strdup (state->to);
  self->status = state->status;
  self->origin = state->origin;
  g_clear_pointer (&self->attributes, json_object_unref);
  self->attributes = byline_json_object_copy (state->attributes);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = byline_json_object_copy (state->extra);
}

/**
 * byline_relation_copy:
 *
 * Returns: (transfer full): a detached copy with the same id
 */
BylineRelation *
byline_relation_copy (BylineRelation *self)
{
  BylineRelation *copy;

  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  copy = g_object_new (BYLINE_TYPE_RELATION, NULL);
  _byline_relation_assign (copy, self);
  return copy;
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_object_equal (a, b);
}

gboolean
byline_relation_equal (BylineRelation *a,
                       BylineRelation *b)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (a), FALSE);
  g_return_val_if_fail (BYLINE_IS_RELATION (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         a->type == b->type &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 &&
         a->status == b->status &&
         a->origin == b->origin &&
         objects_equal (a->attributes, b->attributes) &&
         objects_equal (a->extra, b->extra);
}

void
_byline_relation_set_document (BylineRelation *self,
                               BylineDocument *document)
{
  g_assert (BYLINE_IS_RELATION (self));
  self->document = document;
}

void
_byline_relation_ensure_id (BylineRelation *self,
                            const char     *id)
{
  g_assert (BYLINE_IS_RELATION (self));
  if (self->id == NULL)
    self->id = g_strdup (id);
}

BylineDocument *
byline_relation_get_document (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->document;
}

const char *
byline_relation_get_id (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->id;
}

void
byline_relation_set_id (BylineRelation *self,
                        const char     *id)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  return_if_attached (self);
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
byline_relation_get_relation_type (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->type;
}

void
byline_relation_set_relation_type (BylineRelation *self,
                                   const char     *type)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  return_if_attached (self);
  self->type = g_intern_string (type);
}

const char *
byline_relation_get_from (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->from;
}

void
byline_relation_set_from (BylineRelation *self,
                          const char     *from_id)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  return_if_attached (self);
  g_free (self->from);
  self->from = g_strdup (from_id);
}

const char *
byline_relation_get_to (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->to;
}

void
byline_relation_set_to (BylineRelation *self,
                        const char     *to_id)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  return_if_attached (self);
  g_free (self->to);
  self->to = g_strdup (to_id);
}

BylineStatus
byline_relation_get_status (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), BYLINE_STATUS_MANUAL);
  return self->status;
}

void
byline_relation_set_status (BylineRelation *self,
                            BylineStatus    status)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  g_return_if_fail ((guint) status < BYLINE_N_STATUSES);
  return_if_attached (self);
  self->status = status;
}

const char *
byline_relation_get_origin (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->origin;
}

void
byline_relation_set_origin (BylineRelation *self,
                            const char     *origin)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  return_if_attached (self);
  self->origin = g_intern_string (origin);
}

/**
 * byline_relation_get_attributes:
 *
 * Returns: (transfer none) (nullable): the attributes, or %NULL when none
 */
JsonObject *
byline_relation_get_attributes (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->attributes;
}

/**
 * byline_relation_set_attribute:
 * @value: (nullable) (transfer none): the value, %NULL to remove
 */
void
byline_relation_set_attribute (BylineRelation *self,
                               const char     *name,
                               JsonNode       *value)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  g_return_if_fail (name != NULL);
  return_if_attached (self);

  if (value == NULL)
    {
      if (self->attributes != NULL)
        {
          json_object_remove_member (self->attributes, name);
          if (json_object_get_size (self->attributes) == 0)
            g_clear_pointer (&self->attributes, json_object_unref);
        }
      return;
    }
  if (self->attributes == NULL)
    self->attributes = json_object_new ();
  json_object_set_member (self->attributes, name, json_node_copy (value));
}

JsonObject *
byline_relation_get_extra (BylineRelation *self)
{
  g_return_val_if_fail (BYLINE_IS_RELATION (self), NULL);
  return self->extra;
}

void
byline_relation_set_extra (BylineRelation *self,
                           JsonObject     *extra)
{
  g_return_if_fail (BYLINE_IS_RELATION (self));
  return_if_attached (self);
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

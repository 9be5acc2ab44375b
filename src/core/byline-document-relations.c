/* byline-document-relations.c: a document's relations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looking relations up, adding, replacing and removing them with their
 * history; byline-document.c holds the annotations, loading and undo.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-history-private.h"
#include "byline-relation-private.h"

char *
_byline_document_new_relation_id (BylineDocument *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("r%u", self->next_relation_id++);

      if (!g_hash_table_contains (self->relations_by_id, id))
        return id;
      g_free (id);
    }
}

/* ---- Relations --------------------------------------------------------- */

guint
byline_document_get_n_relations (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);
  return self->relations->len;
}

/**
 * byline_document_get_relation:
 *
 * Returns: (transfer none): the relation at @position, in the order added
 */
BylineRelation *
byline_document_get_relation (BylineDocument *self,
                              guint           position)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (position < self->relations->len, NULL);
  return g_ptr_array_index (self->relations, position);
}

/**
 * byline_document_lookup_relation:
 *
 * Returns: (transfer none) (nullable): the relation with @id
 */
BylineRelation *
byline_document_lookup_relation (BylineDocument *self,
                                 const char     *id)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->relations_by_id, id);
}

/**
 * byline_document_get_relations_of:
 * @annotation_id: an annotation id
 *
 * Returns: (transfer container) (element-type BylineRelation): the relations
 *   from or to @annotation_id
 */
GPtrArray *
byline_document_get_relations_of (BylineDocument *self,
                                  const char     *annotation_id)
{
  GPtrArray *of;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  /* The window asks on every frame with a selection, and the inspector
   * and the review on every edit: one pass over the relations makes an
   * index that serves them until the relations change. */
  if (self->relations_of == NULL)
    {
      self->relations_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                  (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < self->relations->len; i++)
        {
          BylineRelation *r = self->relations->pdata[i];
          const char *ends[2] = { byline_relation_get_from (r), byline_relation_get_to (r) };

          for (guint k = 0; k < 2; k++)
            {
              if (ends[k] == NULL || (k == 1 && g_strcmp0 (ends[0], ends[1]) == 0))
                continue;
              of = g_hash_table_lookup (self->relations_of, ends[k]);
              if (of == NULL)
                {
                  of = g_ptr_array_new ();
                  g_hash_table_insert (self->relations_of, (gpointer) ends[k], of);
                }
              g_ptr_array_add (of, r);
            }
        }
    }
  of = annotation_id != NULL ? g_hash_table_lookup (self->relations_of, annotation_id) : NULL;
  if (of == NULL)
    return g_ptr_array_new ();
  return g_ptr_array_copy (of, NULL, NULL);
}

/* Called before any change to the relations or their ends: the index
 * holds their id strings, which the change may free. */
void
_byline_document_relations_changed (BylineDocument *self)
{
  g_clear_pointer (&self->relations_of, g_hash_table_unref);
}

gboolean
_byline_document_check_relation (BylineDocument  *self,
                                 BylineRelation  *relation,
                                 GError         **error)
{
  const char *ends[2] = { byline_relation_get_from (relation), byline_relation_get_to (relation) };

  if (byline_relation_get_relation_type (relation) == NULL ||
      *byline_relation_get_relation_type (relation) == '\0')
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("a relation needs a type"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (byline_document_lookup_annotation (self, ends[i]) == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_ID,
                       _("relation endpoint “%s” is not an annotation of this document"),
                       ends[i] ? ends[i] : "");
          return FALSE;
        }
    }
  return TRUE;
}

void
_byline_document_insert_relation (BylineDocument *self,
                                  BylineRelation *relation,
                                  gboolean        loading)
{
  _byline_document_relations_changed (self);
  _byline_relation_set_document (relation, self);
  g_ptr_array_add (self->relations, relation);
  g_hash_table_insert (self->relations_by_id,
                       (gpointer) byline_relation_get_id (relation), relation);
  _byline_document_note_id (byline_relation_get_id (relation), 'r', &self->next_relation_id);
  if (!loading)
    g_signal_emit (self, _byline_document_signals[RELATION_ADDED], 0, relation);
}

void
_byline_document_take_out_relation (BylineDocument *self,
                                    BylineRelation *relation)
{
  _byline_document_relations_changed (self);
  g_hash_table_remove (self->relations_by_id, byline_relation_get_id (relation));
  g_object_ref (relation);
  g_ptr_array_remove (self->relations, relation);
  g_signal_emit (self, _byline_document_signals[RELATION_REMOVED], 0, relation);
  g_object_unref (relation);
}

/**
 * byline_document_add_relation:
 * @relation: (transfer none): a detached relation between two annotations
 *   of this document; it gets a new id ("r3") when it has none
 * @error: set when an endpoint is missing or the id is taken
 *
 * An undoable edit.
 *
 * Returns: (transfer none) (nullable): @relation, now in the document
 */
BylineRelation *
byline_document_add_relation (BylineDocument  *self,
                              BylineRelation  *relation,
                              GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (BYLINE_IS_RELATION (relation), NULL);
  g_return_val_if_fail (byline_relation_get_document (relation) == NULL, NULL);

  if (!_byline_document_check_relation (self, relation, error))
    return NULL;
  if (byline_relation_get_id (relation) == NULL)
    {
      g_autofree char *id = _byline_document_new_relation_id (self);
      _byline_relation_ensure_id (relation, id);
    }
  else if (g_hash_table_contains (self->relations_by_id, byline_relation_get_id (relation)))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                   _("a relation with id “%s” exists already"),
                   byline_relation_get_id (relation));
      return NULL;
    }
  _byline_history_record (self->history, BYLINE_CHANGE_RELATION,
                          byline_relation_get_id (relation), NULL,
                          byline_relation_copy (relation));
  _byline_document_insert_relation (self, g_object_ref (relation), FALSE);
  _byline_document_update_modified (self);
  return relation;
}

/**
 * byline_document_replace_relation:
 * @state: (transfer none): the relation's new state; its id is ignored
 *
 * An undoable edit.
 *
 * Returns: %TRUE when the relation now has @state
 */
gboolean
byline_document_replace_relation (BylineDocument  *self,
                                  const char      *id,
                                  BylineRelation  *state,
                                  GError         **error)
{
  BylineRelation *relation;
  g_autoptr(BylineRelation) after = NULL;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_RELATION (state), FALSE);

  relation = byline_document_lookup_relation (self, id);
  if (relation == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_ID,
                   _("no relation with id “%s”"), id);
      return FALSE;
    }
  if (!_byline_document_check_relation (self, state, error))
    return FALSE;
  after = byline_relation_copy (state);
  byline_relation_set_id (after, id);
  if (byline_relation_equal (after, relation))
    return TRUE;
  _byline_history_record (self->history, BYLINE_CHANGE_RELATION, id,
                          byline_relation_copy (relation), byline_relation_copy (after));
  _byline_document_relations_changed (self);
  _byline_relation_assign (relation, after);
  g_signal_emit (self, _byline_document_signals[RELATION_CHANGED], 0, relation);
  _byline_document_update_modified (self);
  return TRUE;
}

void
_byline_document_remove_relation_recorded (BylineDocument *self,
                                           BylineRelation *relation)
{
  _byline_history_record (self->history, BYLINE_CHANGE_RELATION,
                          byline_relation_get_id (relation),
                          byline_relation_copy (relation), NULL);
  _byline_document_take_out_relation (self, relation);
}

/**
 * byline_document_remove_relation:
 *
 * An undoable edit.
 *
 * Returns: %TRUE when there was such a relation
 */
gboolean
byline_document_remove_relation (BylineDocument *self,
                                 const char     *id)
{
  BylineRelation *relation;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  relation = byline_document_lookup_relation (self, id);
  if (relation == NULL)
    return FALSE;
  _byline_document_remove_relation_recorded (self, relation);
  _byline_document_update_modified (self);
  return TRUE;
}


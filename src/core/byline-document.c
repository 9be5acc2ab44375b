/* byline-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-annotation-private.h"
#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-history-private.h"
#include "byline-relation-private.h"
#include "byline-span-index.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineDocument, byline_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _byline_document_signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return BYLINE_TYPE_ANNOTATION;
}

static guint
get_n_items (GListModel *model)
{
  return BYLINE_DOCUMENT (model)->annotations->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BylineDocument *self = BYLINE_DOCUMENT (model);

  if (position >= self->annotations->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->annotations, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
detach_annotation (gpointer data)
{
  BylineAnnotation *annotation = data;

  _byline_annotation_set_document (annotation, NULL);
  g_object_unref (annotation);
}

static void
detach_relation (gpointer data)
{
  BylineRelation *relation = data;

  _byline_relation_set_document (relation, NULL);
  g_object_unref (relation);
}

static void
byline_document_finalize (GObject *object)
{
  BylineDocument *self = (BylineDocument *) object;

  g_free (self->id);
  g_free (self->text);
  g_free (self->checkpoints);
  g_free (self->schema_name);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->attributes, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->index, byline_span_index_free);
  g_clear_pointer (&self->annotations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  _byline_document_relations_changed (self);
  g_clear_pointer (&self->relations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (byline_document_parent_class)->finalize (object);
}

static void
byline_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineDocument *self = BYLINE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_document_class_init (BylineDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_document_finalize;
  object_class->get_property = byline_document_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineDocument::annotation-added:
   * @annotation: the annotation, now in the document
   */
  _byline_document_signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ANNOTATION);
  /**
   * BylineDocument::annotation-removed:
   * @annotation: the annotation, no longer in the document
   */
  _byline_document_signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ANNOTATION);
  /**
   * BylineDocument::annotation-changed:
   * @annotation: the annotation, in its new state
   * @old_start: where it started before the change
   * @old_end: where it ended before the change
   *
   * A view repaints [old_start, old_end) and the annotation's new extent.
   */
  _byline_document_signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, BYLINE_TYPE_ANNOTATION,
                  G_TYPE_UINT, G_TYPE_UINT);
  _byline_document_signals[RELATION_ADDED] =
    g_signal_new ("relation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_RELATION);
  _byline_document_signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_RELATION);
  _byline_document_signals[RELATION_CHANGED] =
    g_signal_new ("relation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_RELATION);
  /**
   * BylineDocument::meta-changed:
   * @key: the metadata key that changed
   */
  _byline_document_signals[META_CHANGED] =
    g_signal_new ("meta-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * BylineDocument::attribute-changed:
   * @name: the document attribute that changed ("done")
   */
  _byline_document_signals[ATTRIBUTE_CHANGED] =
    g_signal_new ("attribute-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
byline_document_init (BylineDocument *self)
{
  self->text = g_strdup ("");
  self->meta = json_object_new ();
  self->attributes = json_object_new ();
  self->annotations = g_ptr_array_new_with_free_func (detach_annotation);
  self->annotations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations = g_ptr_array_new_with_free_func (detach_relation);
  self->relations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->index = byline_span_index_new ();
  self->history = _byline_history_new ();
  self->next_annotation_id = 1;
  self->next_relation_id = 1;
}

/**
 * byline_document_new:
 *
 * Returns: (transfer full): an empty document
 */
BylineDocument *
byline_document_new (void)
{
  return g_object_new (BYLINE_TYPE_DOCUMENT, NULL);
}

void
_byline_document_update_modified (BylineDocument *self)
{
  gboolean modified = !_byline_history_is_clean (self->history);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

/* ---- Identity and metadata -------------------------------------------- */

const char *
byline_document_get_id (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->id;
}

void
byline_document_set_id (BylineDocument *self,
                        const char     *id)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * byline_document_get_schema_name:
 *
 * Returns: (nullable): the name of the schema the document was made with
 */
const char *
byline_document_get_schema_name (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->schema_name;
}

void
byline_document_set_schema_name (BylineDocument *self,
                                 const char     *name)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_free (self->schema_name);
  self->schema_name = g_strdup (name);
}

/* ---- Annotations ------------------------------------------------------- */

guint
byline_document_get_n_annotations (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);
  return self->annotations->len;
}

/**
 * byline_document_get_annotation:
 *
 * Returns: (transfer none): the annotation at @position in list order
 */
BylineAnnotation *
byline_document_get_annotation (BylineDocument *self,
                                guint           position)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (position < self->annotations->len, NULL);
  return g_ptr_array_index (self->annotations, position);
}

/**
 * byline_document_lookup_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation with @id
 */
BylineAnnotation *
byline_document_lookup_annotation (BylineDocument *self,
                                   const char     *id)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->annotations_by_id, id);
}

static int
compare_annotation_ptrs (gconstpointer a,
                         gconstpointer b)
{
  return byline_annotation_compare (*(BylineAnnotation **) a, *(BylineAnnotation **) b);
}

/**
 * byline_document_get_sorted_annotations:
 *
 * Returns: (transfer container) (element-type BylineAnnotation): the
 *   annotations sorted by (start, end, id), the order of files
 */
GPtrArray *
byline_document_get_sorted_annotations (BylineDocument *self)
{
  GPtrArray *sorted;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  sorted = g_ptr_array_new_full (self->annotations->len, NULL);
  for (guint i = 0; i < self->annotations->len; i++)
    g_ptr_array_add (sorted, self->annotations->pdata[i]);
  g_ptr_array_sort (sorted, compare_annotation_ptrs);
  return sorted;
}

/* Checks what an annotation must satisfy to be in this document. */
static gboolean
check_annotation (BylineDocument    *self,
                  BylineAnnotation  *annotation,
                  GError           **error)
{
  guint n = byline_annotation_get_n_fragments (annotation);
  guint prev_end = 0;

  if (byline_annotation_get_layer (annotation) == NULL ||
      byline_annotation_get_label (annotation) == NULL ||
      *byline_annotation_get_label (annotation) == '\0')
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("an annotation needs a layer and a label"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);

      if (f->start >= f->end)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                       f->start == f->end ? _("empty span %u–%u") : _("start %u is after end %u"),
                       f->start, f->end);
          return FALSE;
        }
      if (f->end > self->n_chars)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                       _("span %u–%u ends past the end of the text (%u characters)"),
                       f->start, f->end, self->n_chars);
          return FALSE;
        }
      if (i > 0 && f->start < prev_end)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("fragments overlap at %u"), f->start);
          return FALSE;
        }
      prev_end = f->end;
    }
  return TRUE;
}

static char *
new_annotation_id (BylineDocument *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("a%u", self->next_annotation_id++);

      if (!g_hash_table_contains (self->annotations_by_id, id))
        return id;
      g_free (id);
    }
}

/* Keeps generated ids after the numbers a file already uses ("a17"). */
void
_byline_document_note_id (const char *id,
                          char        prefix,
                          guint      *next)
{
  guint64 n;
  char *end = NULL;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]))
    return;
  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && n < G_MAXUINT && n >= *next)
    *next = (guint) n + 1;
}

/* Puts @annotation (owned) in: no checks, no history. */
static void
insert_annotation (BylineDocument   *self,
                   BylineAnnotation *annotation,
                   gboolean          loading)
{
  _byline_annotation_set_document (annotation, self);
  g_ptr_array_add (self->annotations, annotation);
  g_hash_table_insert (self->annotations_by_id,
                       (gpointer) byline_annotation_get_id (annotation), annotation);
  _byline_document_note_id (byline_annotation_get_id (annotation), 'a', &self->next_annotation_id);
  if (loading)
    {
      byline_span_index_add_unsorted (self->index, annotation);
      return;
    }
  byline_span_index_add (self->index, annotation);
  g_list_model_items_changed (G_LIST_MODEL (self), self->annotations->len - 1, 0, 1);
  g_signal_emit (self, _byline_document_signals[ANNOTATION_ADDED], 0, annotation);
}

static void
take_out_annotation (BylineDocument   *self,
                     BylineAnnotation *annotation)
{
  guint pos;

  /* From the end: undoing an addition removes the newest annotation. */
  for (pos = self->annotations->len; pos > 0; pos--)
    {
      if (self->annotations->pdata[pos - 1] == annotation)
        break;
    }
  g_assert (pos > 0);
  pos--;
  byline_span_index_remove (self->index, annotation);
  g_hash_table_remove (self->annotations_by_id, byline_annotation_get_id (annotation));
  /* Keep it alive for the signal handlers. */
  g_object_ref (annotation);
  g_ptr_array_remove_index (self->annotations, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  g_signal_emit (self, _byline_document_signals[ANNOTATION_REMOVED], 0, annotation);
  g_object_unref (annotation);
}

static void
assign_annotation (BylineDocument   *self,
                   BylineAnnotation *annotation,
                   BylineAnnotation *state)
{
  guint old_start = byline_annotation_get_start (annotation);
  guint old_end = byline_annotation_get_end (annotation);

  byline_span_index_remove (self->index, annotation);
  /* The id is the hash key: it never changes, so the key stays valid. */
  _byline_annotation_assign (annotation, state);
  byline_span_index_add (self->index, annotation);
  g_signal_emit (self, _byline_document_signals[ANNOTATION_CHANGED], 0, annotation, old_start, old_end);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * byline_document_add_annotation:
 * @annotation: (transfer none): a detached annotation; when it has no id,
 *   it gets a new one ("a12"); when it has no creation time, it gets now
 * @error: set when the annotation does not fit the text or its id is taken
 *
 * An undoable edit.
 *
 * Returns: (transfer none) (nullable): the annotation now in the document
 *   (@annotation itself)
 */
BylineAnnotation *
byline_document_add_annotation (BylineDocument    *self,
                                BylineAnnotation  *annotation,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (annotation), NULL);
  g_return_val_if_fail (byline_annotation_get_document (annotation) == NULL, NULL);

  if (!check_annotation (self, annotation, error))
    return NULL;
  if (byline_annotation_get_id (annotation) == NULL)
    {
      g_autofree char *id = new_annotation_id (self);
      _byline_annotation_ensure_id (annotation, id);
    }
  else if (g_hash_table_contains (self->annotations_by_id, byline_annotation_get_id (annotation)))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                   _("an annotation with id “%s” exists already"),
                   byline_annotation_get_id (annotation));
      return NULL;
    }
  if (byline_annotation_get_created (annotation) == NULL)
    {
      g_autofree char *now = now_iso8601 ();
      byline_annotation_set_created (annotation, now);
    }

  _byline_history_record (self->history, BYLINE_CHANGE_ANNOTATION,
                          byline_annotation_get_id (annotation), NULL,
                          byline_annotation_copy (annotation));
  insert_annotation (self, g_object_ref (annotation), FALSE);
  _byline_document_update_modified (self);
  return annotation;
}

/**
 * byline_document_replace_annotation:
 * @id: the annotation to change
 * @state: (transfer none): its new state, usually an edited
 *   byline_annotation_copy(); its id is ignored (ids never change)
 * @error: set when the new state does not fit the text
 *
 * An undoable edit. The annotation object keeps its identity; its modified
 * time becomes now.
 *
 * Returns: %TRUE when the annotation was changed
 */
gboolean
byline_document_replace_annotation (BylineDocument    *self,
                                    const char        *id,
                                    BylineAnnotation  *state,
                                    GError           **error)
{
  BylineAnnotation *annotation;
  g_autoptr(BylineAnnotation) after = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (state), FALSE);

  annotation = byline_document_lookup_annotation (self, id);
  if (annotation == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_ID,
                   _("no annotation with id “%s”"), id);
      return FALSE;
    }
  if (!check_annotation (self, state, error))
    return FALSE;

  after = byline_annotation_copy (state);
  byline_annotation_set_id (after, id);
  byline_annotation_set_modified (after, byline_annotation_get_modified (annotation));
  if (byline_annotation_equal (after, annotation))
    return TRUE;
  now = now_iso8601 ();
  byline_annotation_set_modified (after, now);

  _byline_history_record (self->history, BYLINE_CHANGE_ANNOTATION, id,
                          byline_annotation_copy (annotation),
                          byline_annotation_copy (after));
  assign_annotation (self, annotation, after);
  _byline_document_update_modified (self);
  return TRUE;
}

/**
 * byline_document_remove_annotation:
 * @id: the annotation to delete
 *
 * Deletes the annotation and every relation from or to it, as one undoable
 * step: undo brings them all back.
 *
 * Returns: %TRUE when there was such an annotation
 */
gboolean
byline_document_remove_annotation (BylineDocument *self,
                                   const char     *id)
{
  BylineAnnotation *annotation;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  annotation = byline_document_lookup_annotation (self, id);
  if (annotation == NULL)
    return FALSE;

  description = g_strdup_printf (_("Delete %s"), byline_annotation_get_label (annotation));
  byline_document_begin_group (self, description);
  relations = byline_document_get_relations_of (self, id);
  for (guint i = 0; i < relations->len; i++)
    _byline_document_remove_relation_recorded (self, relations->pdata[i]);
  _byline_history_record (self->history, BYLINE_CHANGE_ANNOTATION, id,
                          byline_annotation_copy (annotation), NULL);
  take_out_annotation (self, annotation);
  byline_document_end_group (self);
  _byline_document_update_modified (self);
  return TRUE;
}

/**
 * byline_document_query:
 * @start: first code point
 * @end: end code point (exclusive)
 *
 * Returns: (transfer container) (element-type BylineAnnotation): the
 *   annotations with a fragment overlapping [@start, @end), sorted by
 *   (start, end, id)
 */
GPtrArray *
byline_document_query (BylineDocument *self,
                       guint           start,
                       guint           end)
{
  GPtrArray *result;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  result = g_ptr_array_new ();
  byline_span_index_query (self->index, start, end, result);
  return result;
}

/**
 * byline_document_query_at:
 *
 * Returns: (transfer container) (element-type BylineAnnotation): the
 *   annotations covering @offset, sorted by (start, end, id)
 */
GPtrArray *
byline_document_query_at (BylineDocument *self,
                          guint           offset)
{
  GPtrArray *result;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);

  result = g_ptr_array_new ();
  byline_span_index_query_at (self->index, offset, result);
  return result;
}

/**
 * byline_document_get_span_index:
 *
 * Returns: (transfer none): the document's span index
 */
BylineSpanIndex *
byline_document_get_span_index (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->index;
}

/* ---- Loading ----------------------------------------------------------- */

gboolean
_byline_document_load_annotation (BylineDocument    *self,
                                  BylineAnnotation  *annotation,
                                  GError           **error)
{
  const char *id = byline_annotation_get_id (annotation);

  if (!check_annotation (self, annotation, error))
    {
      g_object_unref (annotation);
      return FALSE;
    }
  if (id == NULL)
    {
      g_autofree char *new_id = new_annotation_id (self);
      _byline_annotation_ensure_id (annotation, new_id);
    }
  else if (g_hash_table_contains (self->annotations_by_id, id))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                   _("duplicate annotation id “%s”"), id);
      g_object_unref (annotation);
      return FALSE;
    }
  insert_annotation (self, annotation, TRUE);
  return TRUE;
}

gboolean
_byline_document_load_relation (BylineDocument *self,
                                BylineRelation *relation,
                                BylineProblems *problems,
                                const char     *location)
{
  const char *id = byline_relation_get_id (relation);

  if (id == NULL)
    {
      g_autofree char *new_id = _byline_document_new_relation_id (self);
      _byline_relation_ensure_id (relation, new_id);
    }
  else if (g_hash_table_contains (self->relations_by_id, id))
    {
      byline_problems_add (problems, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                           location, _("duplicate relation id “%s”"), id);
      g_object_unref (relation);
      return FALSE;
    }
  _byline_document_insert_relation (self, relation, TRUE);
  return TRUE;
}

void
_byline_document_check_relations (BylineDocument *self,
                                  BylineProblems *problems)
{
  for (guint i = 0; i < self->relations->len;)
    {
      BylineRelation *r = self->relations->pdata[i];
      g_autoptr(GError) error = NULL;

      if (_byline_document_check_relation (self, r, &error))
        {
          i++;
          continue;
        }
      {
        g_autofree char *location = g_strdup_printf ("relation %s", byline_relation_get_id (r));
        byline_problems_add (problems, BYLINE_SEVERITY_ERROR, error->code, location,
                             "%s", error->message);
      }
      _byline_document_relations_changed (self);
      g_hash_table_remove (self->relations_by_id, byline_relation_get_id (r));
      g_ptr_array_remove_index (self->relations, i);
    }
}

/* ---- History ----------------------------------------------------------- */

BylineHistory *
byline_document_get_history (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->history;
}

/**
 * byline_document_begin_group:
 * @description: (nullable): what the group does, shown as "Undo …"
 *
 * Edits until the matching byline_document_end_group() undo as one step.
 */
void
byline_document_begin_group (BylineDocument *self,
                             const char     *description)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  _byline_history_begin_group (self->history, description);
}

void
byline_document_end_group (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  _byline_history_end_group (self->history);
  _byline_document_update_modified (self);
}

gboolean
byline_document_can_undo (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  return byline_history_can_undo (self->history);
}

gboolean
byline_document_can_redo (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  return byline_history_can_redo (self->history);
}

static void
apply_annotation_state (BylineDocument   *self,
                        const char       *id,
                        BylineAnnotation *state)
{
  BylineAnnotation *live = byline_document_lookup_annotation (self, id);

  if (state == NULL)
    {
      if (live != NULL)
        take_out_annotation (self, live);
    }
  else if (live == NULL)
    insert_annotation (self, byline_annotation_copy (state), FALSE);
  else
    assign_annotation (self, live, state);
}

static void
apply_relation_state (BylineDocument *self,
                      const char     *id,
                      BylineRelation *state)
{
  BylineRelation *live = byline_document_lookup_relation (self, id);

  if (state == NULL)
    {
      if (live != NULL)
        _byline_document_take_out_relation (self, live);
    }
  else if (live == NULL)
    _byline_document_insert_relation (self, byline_relation_copy (state), FALSE);
  else
    {
      _byline_document_relations_changed (self);
      _byline_relation_assign (live, state);
      g_signal_emit (self, _byline_document_signals[RELATION_CHANGED], 0, live);
    }
}

static void
apply_change (BylineDocument     *self,
              const BylineChange *change,
              gboolean            forward)
{
  gpointer state = forward ? change->after : change->before;

  switch (change->kind)
    {
    case BYLINE_CHANGE_ANNOTATION:
      apply_annotation_state (self, change->key, state);
      break;
    case BYLINE_CHANGE_RELATION:
      apply_relation_state (self, change->key, state);
      break;
    case BYLINE_CHANGE_META:
      _byline_document_apply_member (self->meta, change->key, state);
      g_signal_emit (self, _byline_document_signals[META_CHANGED], 0, change->key);
      break;
    case BYLINE_CHANGE_ATTRIBUTE:
      _byline_document_apply_member (self->attributes, change->key, state);
      g_signal_emit (self, _byline_document_signals[ATTRIBUTE_CHANGED], 0, change->key);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * byline_document_undo:
 *
 * Undoes the last step (an edit or a group of edits).
 *
 * Returns: %TRUE when there was something to undo
 */
gboolean
byline_document_undo (BylineDocument *self)
{
  const BylineHistoryStep *step;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  step = _byline_history_undo (self->history);
  if (step == NULL)
    return FALSE;
  for (guint i = step->changes->len; i > 0; i--)
    apply_change (self, step->changes->pdata[i - 1], FALSE);
  _byline_document_update_modified (self);
  return TRUE;
}

/**
 * byline_document_redo:
 *
 * Returns: %TRUE when there was something to redo
 */
gboolean
byline_document_redo (BylineDocument *self)
{
  const BylineHistoryStep *step;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);

  step = _byline_history_redo (self->history);
  if (step == NULL)
    return FALSE;
  for (guint i = 0; i < step->changes->len; i++)
    apply_change (self, step->changes->pdata[i], TRUE);
  _byline_document_update_modified (self);
  return TRUE;
}

void
byline_document_mark_loaded (BylineDocument *self)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  _byline_history_clear (self->history);
  _byline_document_update_modified (self);
}

/**
 * byline_document_get_modified:
 *
 * Returns: %TRUE when the document differs from its last saved state
 */
gboolean
byline_document_get_modified (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/**
 * byline_document_set_modified:
 * @modified: %FALSE after a save: the current state is the saved one;
 *   %TRUE when the saved state is gone (the file was deleted)
 */
void
byline_document_set_modified (BylineDocument *self,
                              gboolean        modified)
{
  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  if (modified)
    _byline_history_mark_dirty (self->history);
  else
    _byline_history_mark_clean (self->history);
  _byline_document_update_modified (self);
}

/* byline-annotation-panel-changes.c: the side panel's list and counts
 * kept up with the document: the fill when a document is shown, and its
 * changes applied after the frame that shows them in the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "byline-annotation-panel-private.h"

typedef enum
{
  CHANGE_ADDED,
  CHANGE_REMOVED,
  CHANGE_MOVED,
} ChangeKind;

/* One document change for the list: the annotation, and where it sorted
 * when the change was made (for a move, before it). */
typedef struct
{
  ChangeKind        kind;
  BylineAnnotation *annotation;
  guint             start;
  guint             end;
  char             *id;
} PendingChange;

static gboolean
counts_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->counts_idle_id = 0;
  _byline_annotation_panel_rebuild_label_dropdown (self);
  _byline_annotation_panel_rebuild_origin_dropdown (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_counts (BylineAnnotationPanel *self)
{
  /* With the list's changes, once the frame that shows the edit in the
   * article is painted (_byline_annotation_panel_apply_changes): a new
   * count in a drop-down's button lays the window out again, which is no
   * work for the frame the user waits for. Counts that come with no list
   * change (an unmapped panel applies its changes at once) follow in an
   * idle. */
  if (byline_after_frame_pending (&self->changes_later))
    {
      self->counts_pending = TRUE;
      return;
    }
  if (self->counts_idle_id == 0)
    {
      self->counts_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, counts_idle_cb, self, NULL);
    }
}

/* Filling the list */

void
_byline_annotation_panel_fill (BylineAnnotationPanel *self)
{
  g_autoptr(GPtrArray) sorted = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  self->fill_pending = FALSE;
  /* The fill reads the document as it is now. */
  if (self->changes != NULL)
    g_array_set_size (self->changes, 0);
  if (self->fill_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick_id);
      self->fill_tick_id = 0;
    }
  g_clear_handle_id (&self->fill_idle_id, g_source_remove);

  /* Sorted once, put in as one change. */
  sorted = self->document != NULL
    ? byline_document_get_sorted_annotations (self->document)
    : g_ptr_array_new ();
  _byline_annotation_panel_count_all (self, sorted);
  byline_panel_list_set (self->list, sorted);

  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  self->counts_pending = FALSE;
  _byline_annotation_panel_rebuild_label_dropdown (self);
  _byline_annotation_panel_rebuild_origin_dropdown (self);
  _byline_annotation_panel_update_summary (self);
  _byline_annotation_panel_sync_list_selection (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
  if (before != g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    {
      g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_N_SHOWN]);
    }
}

/* What asks for the list's contents (the API, a row's activation) gets
 * them at once. */
void
_byline_annotation_panel_ensure_filled (BylineAnnotationPanel *self)
{
  if (self->fill_pending)
    {
      _byline_annotation_panel_fill (self);
    }
  _byline_annotation_panel_apply_changes (self);
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->fill_idle_id = 0;
  _byline_annotation_panel_ensure_filled (self);

  return G_SOURCE_REMOVE;
}

/* Called in the update phase of the frame that shows the new document:
 * the idle runs once that frame is painted, before the text view goes
 * on laying out the rest of the article. */
static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  self->fill_tick_id = 0;
  if (self->fill_pending && self->fill_idle_id == 0)
    {
      self->fill_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, fill_idle_cb, self, NULL);
    }

  return G_SOURCE_REMOVE;
}

void
_byline_annotation_panel_schedule_fill (BylineAnnotationPanel *self)
{
  /* An unmapped panel waits for its map. */
  if (self->fill_pending && self->fill_tick_id == 0 && self->fill_idle_id == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
    }
}

/* Document signals: until the list is filled, the fill will see them. */

static void
clear_change (gpointer data)
{
  PendingChange *change = data;

  g_clear_object (&change->annotation);
  g_clear_pointer (&change->id, g_free);
}

static void
queue_change (BylineAnnotationPanel *self,
              ChangeKind             kind,
              BylineAnnotation      *annotation,
              guint                  start,
              guint                  end)
{
  PendingChange change = {
    kind, g_object_ref (annotation), start, end, g_strdup (byline_annotation_get_id (annotation))
  };

  if (self->changes == NULL)
    {
      self->changes = g_array_new (FALSE, FALSE, sizeof (PendingChange));
      g_array_set_clear_func (self->changes, clear_change);
    }
  g_array_append_val (self->changes, change);
  _byline_annotation_panel_schedule_changes (self);
}

static void
apply_moved (BylineAnnotationPanel *self,
             BylineAnnotation      *annotation,
             const BylineSortKey         *old_key)
{
  guint before;

  /* Moved to its new place: the filter re-checks it and the list
   * rebinds its row. Taken out and put back, it is still one change to
   * the number shown. */
  before = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  self->syncing++;
  self->moving++;
  byline_panel_list_move (self->list, annotation, old_key);
  self->moving--;
  self->syncing--;
  if (before != g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    {
      _byline_annotation_panel_update_summary (self);
      g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_N_SHOWN]);
    }
}

/* Shows self->selected in the inspector, now. */
void
_byline_annotation_panel_update_inspector (BylineAnnotationPanel *self)
{
  byline_after_frame_cancel (&self->inspector_later);
  if (!self->inspector_stale || !self->built)
    return;
  self->inspector_stale = FALSE;
  byline_inspector_set_annotation (self->inspector, self->selected);
}

/* The inspector, after the frame that shows the list's changes. */
void
_byline_annotation_panel_schedule_inspector (BylineAnnotationPanel *self)
{
  byline_after_frame_schedule (&self->inspector_later);
}

/* Brings the list (and the inspector) up to the document's changes, in
 * the order they were made. Each change's keys are where the annotation
 * sorted when it was made; when a later change moved it again, the list
 * finds it by a scan instead (byline_panel_list_remove, _move). */
void
_byline_annotation_panel_apply_changes (BylineAnnotationPanel *self)
{
  g_autoptr(GArray) changes = NULL;
  gboolean any;

  byline_after_frame_cancel (&self->changes_later);

  changes = g_steal_pointer (&self->changes);
  any = changes != NULL && changes->len > 0;
  /* The list's selection may still show an annotation selected before
   * these changes: rows moving under it must not select it again. */
  self->syncing++;
  for (guint i = 0; any && i < changes->len; i++)
    {
      PendingChange *change = &g_array_index (changes, PendingChange, i);
      BylineSortKey key = { change->start, change->end, change->id };

      switch (change->kind)
        {
        case CHANGE_ADDED:
          byline_panel_list_insert (self->list, change->annotation);
          break;
        case CHANGE_REMOVED:
          byline_panel_list_remove (self->list, change->annotation, &key);
          break;
        case CHANGE_MOVED:
          apply_moved (self, change->annotation, &key);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  self->syncing--;

  if (self->inspector_stale && self->built)
    {
      if (any && gtk_widget_get_mapped (GTK_WIDGET (self)))
        _byline_annotation_panel_schedule_inspector (self);
      else
        _byline_annotation_panel_update_inspector (self);
    }
  if (any)
    _byline_annotation_panel_sync_list_selection (self, FALSE);
  if (self->counts_pending)
    {
      self->counts_pending = FALSE;
      g_clear_handle_id (&self->counts_idle_id, g_source_remove);
      _byline_annotation_panel_rebuild_label_dropdown (self);
      _byline_annotation_panel_rebuild_origin_dropdown (self);
    }
}

/* A panel off screen has no frame to wait for, and no rows to make: it
 * applies the changes at once. */
void
_byline_annotation_panel_schedule_changes (BylineAnnotationPanel *self)
{
  byline_after_frame_schedule (&self->changes_later);
}

void
_byline_annotation_panel_on_annotation_added_cb (BylineAnnotationPanel *self,
                                                 BylineAnnotation      *annotation)
{
  if (self->fill_pending)
    {
      return;
    }

  queue_change (self, CHANGE_ADDED, annotation,
                byline_annotation_get_start (annotation), byline_annotation_get_end (annotation));
  _byline_annotation_panel_count_in (self, annotation);
  schedule_counts (self);
}

void
_byline_annotation_panel_on_annotation_changed_cb (BylineAnnotationPanel *self,
                                                   BylineAnnotation      *annotation,
                                                   guint                  old_start,
                                                   guint                  old_end)
{
  LabelCount *count;

  if (self->fill_pending)
    {
      return;
    }

  /* The inspector follows the annotation it shows by itself. */
  queue_change (self, CHANGE_MOVED, annotation, old_start, old_end);

  count = g_hash_table_lookup (self->counted, annotation);
  if (count == NULL ||
      count->label != byline_annotation_get_label (annotation) ||
      count->layer != byline_annotation_get_layer (annotation) ||
      g_strcmp0 (g_hash_table_lookup (self->origin_of, annotation),
                 byline_annotation_get_origin (annotation)) != 0)
    {
      _byline_annotation_panel_count_out (self, annotation);
      _byline_annotation_panel_count_in (self, annotation);
      schedule_counts (self);
    }
}

void
_byline_annotation_panel_on_annotation_removed_cb (BylineAnnotationPanel *self,
                                                   BylineAnnotation      *annotation)
{
  if (!self->fill_pending)
    {
      queue_change (self, CHANGE_REMOVED, annotation,
                    byline_annotation_get_start (annotation), byline_annotation_get_end (annotation));
      _byline_annotation_panel_count_out (self, annotation);
      schedule_counts (self);
    }
  if (annotation == self->selected)
    {
      _byline_annotation_panel_select_annotation (self, NULL, FALSE);
    }
}

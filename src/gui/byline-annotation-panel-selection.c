/* byline-annotation-panel-selection.c: the side panel's selection: the
 * list's rows, what a click or Enter on one does, and the list's
 * selection and scrolling kept on the selected annotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * self->selected is the panel's selection. The list's selection shows it
 * when the filters show it; only a user's choice in the list changes it.
 */
#include "config.h"

#include "byline-annotation-panel-private.h"
#include "byline-annotation-row.h"

static void
scroll_to_position (BylineAnnotationPanel *self,
                    guint                  position)
{
  if (!self->built)
    {
      return;
    }

  /* GTK 4.8 has no gtk_list_view_scroll_to (): this is what it does. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* The filter model keeps the list's order: a binary search finds the
 * row, where a scan of 50,000 rows took 20–30 ms per selection. */
static guint
find_shown_position (BylineAnnotationPanel *self,
                     BylineAnnotation      *annotation)
{
  BylineSortKey key;

  if (annotation == NULL)
    {
      return GTK_INVALID_LIST_POSITION;
    }

  key = byline_sort_key_of (annotation);
  return byline_panel_list_find (G_LIST_MODEL (self->filter_model), annotation, &key);
}

/* Makes the list's selection show self->selected (when it is shown). */
void
_byline_annotation_panel_sync_list_selection (BylineAnnotationPanel *self,
                                              gboolean               scroll)
{
  guint position;

  /* The fill selects it. */
  if (self->fill_pending)
    {
      return;
    }

  position = find_shown_position (self, self->selected);
  self->syncing++;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing--;

  if (scroll && position != GTK_INVALID_LIST_POSITION)
    {
      scroll_to_position (self, position);
    }
}

void
_byline_annotation_panel_select_annotation (BylineAnnotationPanel *self,
                                            BylineAnnotation      *annotation,
                                            gboolean               scroll)
{
  if (!g_set_object (&self->selected, annotation))
    {
      return;
    }

  /* The inspector follows after the article's frame, with the list. */
  if (self->built)
    {
      self->inspector_stale = TRUE;
      _byline_annotation_panel_schedule_changes (self);
    }
  if (self->changes == NULL || self->changes->len == 0)
    _byline_annotation_panel_sync_list_selection (self, scroll);
  g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_SELECTED]);
}

static void
activate_annotation (BylineAnnotationPanel *self,
                     BylineAnnotation      *annotation)
{
  if (annotation == NULL)
    {
      return;
    }

  g_object_ref (annotation);
  _byline_annotation_panel_select_annotation (self, annotation, FALSE);
  g_signal_emit (self, _byline_annotation_panel_signals[ANNOTATION_ACTIVATED], 0, annotation);
  g_object_unref (annotation);
}

void
_byline_annotation_panel_on_selection_selected_cb (BylineAnnotationPanel *self)
{
  BylineAnnotation *item;

  if (self->syncing > 0)
    {
      return;
    }

  /* Only a user's choice changes the panel's selection: an annotation
   * that a filter hides stays selected (and inspected). */
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item != NULL && item != self->selected)
    {
      _byline_annotation_panel_select_annotation (self, item, FALSE);
    }
}

void
_byline_annotation_panel_on_list_view_activate_cb (BylineAnnotationPanel *self,
                                                   guint                  position)
{
  g_autoptr(BylineAnnotation) annotation = NULL;

  _byline_annotation_panel_ensure_filled (self);
  annotation = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  activate_annotation (self, annotation);
}

static void
on_row_pressed_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   gpointer         user_data)
{
  BylineAnnotationPanel *self = user_data;
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (n_press == 1)
    {
      activate_annotation (self, byline_annotation_row_get_annotation (BYLINE_ANNOTATION_ROW (row)));
    }
}

/* The list's rows */

static void
on_factory_setup_cb (GtkListItemFactory *factory,
                     GtkListItem        *item,
                     gpointer            user_data)
{
  GtkWidget *row = byline_annotation_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  /* Capture: the list item's own gesture may claim the click. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_row_pressed_cb), user_data);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));
  gtk_list_item_set_child (item, row);
}

static void
on_factory_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *item,
                    gpointer            user_data)
{
  BylineAnnotationPanel *self = user_data;

  byline_annotation_row_bind (BYLINE_ANNOTATION_ROW (gtk_list_item_get_child (item)),
                              self->document, self->schema,
                              gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkListItemFactory *factory,
                      GtkListItem        *item,
                      gpointer            user_data)
{
  byline_annotation_row_unbind (BYLINE_ANNOTATION_ROW (gtk_list_item_get_child (item)));
}

/* The list's factory: an annotation row per item, which a click
 * activates. */
GtkListItemFactory *
_byline_annotation_panel_new_row_factory (BylineAnnotationPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);

  return factory;
}

/* Scrolling */

static gboolean
scroll_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->scroll_idle_id = 0;
  _byline_annotation_panel_sync_list_selection (self, TRUE);

  return G_SOURCE_REMOVE;
}

/* Scrolls the list to self->selected in an idle below drawing; asked
 * again before it runs, it still scrolls once. */
void
_byline_annotation_panel_queue_scroll (BylineAnnotationPanel *self)
{
  if (self->scroll_idle_id == 0)
    {
      self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
    }
}

BylineAnnotation *
byline_annotation_panel_get_selected (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), NULL);

  return self->selected;
}

/**
 * byline_annotation_panel_set_selected:
 * @annotation: (nullable): an annotation of the panel's document
 *
 * Selects @annotation, shows it in the inspector and scrolls the list to
 * it (when the filters show it). Does not emit "annotation-activated".
 */
void
byline_annotation_panel_set_selected (BylineAnnotationPanel *self,
                                      BylineAnnotation      *annotation)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION_PANEL (self));
  g_return_if_fail (annotation == NULL || BYLINE_IS_ANNOTATION (annotation));

  /* The list scrolls to the row in an idle below drawing: the article's
   * frame for an edit comes first, the panel follows. */
  if (annotation != self->selected)
    _byline_annotation_panel_select_annotation (self, annotation, FALSE);
  if (self->built)
    _byline_annotation_panel_queue_scroll (self);
}

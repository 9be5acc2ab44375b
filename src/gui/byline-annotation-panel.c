/* byline-annotation-panel.c: the side panel: annotation list and inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-annotation-panel.h"
#include "byline-annotation-row.h"
#include "byline-gui-private.h"
#include "byline-inspector.h"

/* The list's models:
 *
 *   document ──items-changed──▶ store ─▶ GtkSortListModel ─▶ GtkFilterListModel ─▶ GtkSingleSelection
 *
 * The store mirrors the document (same items, same order). It exists so
 * that an annotation edited in place (annotation-changed) can be
 * re-announced as items-changed (pos, 1, 1): the sort model then moves
 * just that item, the filter model re-checks just that item, and the list
 * rebinds just its row. Nothing is re-sorted or re-filtered wholesale
 * unless a filter itself changes. */
struct _BylineAnnotationPanel
{
  GtkWidget            parent_instance;

  BylineDocument      *document;
  BylineSchema        *schema;
  BylineAnnotation    *selected;

  GListStore          *store;
  GtkCustomSorter     *sorter;
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;

  /* The filters. Layer and label names are interned. */
  char                *search;
  const char          *layer_filter;
  const char          *label_filter;
  int                  status_filter;

  /* Index → name for the layer and label drop-downs (NULL: all). */
  GPtrArray           *layer_names;
  GPtrArray           *label_names;
  GtkStringList       *layer_model;
  GtkStringList       *label_model;

  /* Counts per label are recounted once per main-loop turn, however many
   * annotations changed in it. */
  guint                counts_idle_id;
  guint                scroll_idle_id;
  guint                n_total_for_summary;
  /* Set while the widgets are updated from the panel's state. */
  guint                syncing;

  GtkWidget           *box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *layer_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *label_dropdown;
  GtkLabel            *summary_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkLabel            *empty_title_label;
  GtkLabel            *empty_description_label;
  BylineInspector     *inspector;
};

G_DEFINE_FINAL_TYPE (BylineAnnotationPanel, byline_annotation_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_SELECTED_RELATION,
  PROP_LAYER_FILTER,
  PROP_N_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_counts (BylineAnnotationPanel *self);
static void rebuild_label_dropdown (BylineAnnotationPanel *self);

/* Sorting and filtering */

static int
compare_annotations (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return byline_annotation_compare ((BylineAnnotation *) a, (BylineAnnotation *) b);
}

static gboolean
casefold_contains (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    {
      return FALSE;
    }

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_annotation (gpointer item,
                   gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;
  BylineAnnotation *annotation = item;
  g_autofree char *text = NULL;

  if (self->layer_filter != NULL &&
      g_strcmp0 (byline_annotation_get_layer (annotation), self->layer_filter) != 0)
    {
      return FALSE;
    }
  if (self->label_filter != NULL &&
      g_strcmp0 (byline_annotation_get_label (annotation), self->label_filter) != 0)
    {
      return FALSE;
    }
  if (self->status_filter >= 0 &&
      (int) byline_annotation_get_status (annotation) != self->status_filter)
    {
      return FALSE;
    }
  if (self->search == NULL)
    {
      return TRUE;
    }

  if (casefold_contains (byline_annotation_get_label (annotation), self->search) ||
      casefold_contains (byline_annotation_get_note (annotation), self->search))
    {
      return TRUE;
    }
  text = byline_document_dup_annotation_text (self->document, annotation);
  return casefold_contains (text, self->search);
}

/* Selection */

static void
scroll_to_position (BylineAnnotationPanel *self,
                    guint                  position)
{
  /* GTK 4.8 has no gtk_list_view_scroll_to (): this is what it does. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static guint
find_shown_position (BylineAnnotationPanel *self,
                     BylineAnnotation      *annotation)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  for (guint i = 0; annotation != NULL && i < n; i++)
    {
      g_autoptr(BylineAnnotation) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (item == annotation)
        {
          return i;
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Makes the list's selection show self->selected (when it is shown). */
static void
sync_list_selection (BylineAnnotationPanel *self,
                     gboolean               scroll)
{
  guint position = find_shown_position (self, self->selected);

  self->syncing++;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing--;

  if (scroll && position != GTK_INVALID_LIST_POSITION)
    {
      scroll_to_position (self, position);
    }
}

static void
select_annotation (BylineAnnotationPanel *self,
                   BylineAnnotation      *annotation,
                   gboolean               scroll)
{
  if (!g_set_object (&self->selected, annotation))
    {
      return;
    }

  byline_inspector_set_annotation (self->inspector, annotation);
  sync_list_selection (self, scroll);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
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
  select_annotation (self, annotation, FALSE);
  g_signal_emit (self, signals[ANNOTATION_ACTIVATED], 0, annotation);
  g_object_unref (annotation);
}

static void
on_selection_selected_cb (BylineAnnotationPanel *self)
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
      select_annotation (self, item, FALSE);
    }
}

static void
on_list_view_activate_cb (BylineAnnotationPanel *self,
                          guint                  position)
{
  g_autoptr(BylineAnnotation) annotation = NULL;

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

/* GTK 4.8's drop-down takes the focus with a toggle button of its own,
 * which screen readers find without a name: it gets the drop-down's. */
static void
name_dropdown_button (GtkDropDown *dropdown,
                      const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                        -1);
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

/* Filters */

static void
update_summary (BylineAnnotationPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *summary = NULL;

  if (shown == total)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", total),
                                 total);
    }
  else
    {
      /* TRANSLATORS: "12 of 340 annotations" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u annotation", "%u of %u annotations", total),
                                 shown, total);
    }
  gtk_label_set_label (self->summary_label, summary);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else
    {
      gtk_label_set_label (self->empty_title_label,
                           total == 0 ? _("No Annotations") : _("No Matching Annotations"));
      gtk_label_set_label (self->empty_description_label,
                           total == 0
                           ? _("Select text in the article and press a label’s key to annotate it.")
                           : _("Try another search or filter."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

static void
on_filter_model_items_changed_cb (BylineAnnotationPanel *self,
                                  guint                  position,
                                  guint                  removed,
                                  guint                  added)
{
  if (removed != added)
    {
      update_summary (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
}

static void
refilter (BylineAnnotationPanel *self,
          GtkFilterChange        change)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  sync_list_selection (self, FALSE);
  update_summary (self);
  if (before != g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
}

static void
on_search_entry_search_changed_cb (BylineAnnotationPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = text[0] != '\0' ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (search, self->search) == 0)
    {
      return;
    }
  if (self->search == NULL || (search != NULL && strstr (search, self->search) != NULL))
    {
      change = GTK_FILTER_CHANGE_MORE_STRICT;
    }
  else if (search == NULL || strstr (self->search, search) != NULL)
    {
      change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  refilter (self, change);
}

static void
on_search_entry_stop_search_cb (BylineAnnotationPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_layer_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->layer_dropdown);
  const char *layer = NULL;

  if (self->syncing > 0)
    {
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->layer_names->len)
    {
      layer = g_ptr_array_index (self->layer_names, selected);
    }

  byline_annotation_panel_set_layer_filter (self, layer);
}

static void
on_status_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  int status = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  if (status == self->status_filter)
    {
      return;
    }

  self->status_filter = status;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_label_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->label_dropdown);
  const char *label = NULL;

  if (self->syncing > 0)
    {
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->label_names->len)
    {
      label = g_ptr_array_index (self->label_names, selected);
    }
  if (label == self->label_filter)
    {
      return;
    }

  self->label_filter = label;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
rebuild_layer_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n = self->schema != NULL ? byline_schema_get_n_layers (self->schema) : 0;
  guint selected = 0;

  g_ptr_array_set_size (self->layer_names, 0);
  g_ptr_array_add (self->layer_names, NULL);
  g_ptr_array_add (titles, (gpointer) _("All layers"));
  for (guint i = 0; i < n; i++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, i);

      g_ptr_array_add (self->layer_names, (gpointer) g_intern_string (layer->name));
      g_ptr_array_add (titles, layer->title != NULL ? layer->title : layer->name);
      if (layer->name == self->layer_filter || g_strcmp0 (layer->name, self->layer_filter) == 0)
        {
          selected = i + 1;
        }
    }
  g_ptr_array_add (titles, NULL);

  self->syncing++;
  gtk_string_list_splice (self->layer_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->layer_model)),
                          (const char * const *) titles->pdata);
  gtk_drop_down_set_selected (self->layer_dropdown, selected);
  self->syncing--;
}

/* Counts per label, shown in the label drop-down: "PERSON (12)". */
static void
rebuild_label_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint total = 0;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *annotation = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *label = g_intern_string (byline_annotation_get_label (annotation));

      if (self->layer_filter == NULL ||
          g_strcmp0 (byline_annotation_get_layer (annotation), self->layer_filter) == 0)
        {
          if (!g_hash_table_contains (counts, label))
            {
              g_ptr_array_add (names, (gpointer) label);
            }
          g_hash_table_insert (counts, (gpointer) label,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, label)) + 1));
          total++;
        }
      g_object_unref (annotation);
    }

  /* The schema's order first, then labels it does not know. */
  g_ptr_array_set_size (self->label_names, 0);
  g_ptr_array_add (self->label_names, NULL);
  /* TRANSLATORS: the label filter's first item, with the number of annotations */
  g_ptr_array_add (strings, g_strdup_printf (_("All labels (%u)"), total));
  for (guint l = 0; self->schema != NULL && l < byline_schema_get_n_layers (self->schema); l++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, l);

      for (guint i = 0; i < layer->labels->len; i++)
        {
          const BylineLabel *label = g_ptr_array_index (layer->labels, i);
          const char *name = g_intern_string (label->name);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));

          if (count > 0 || name == self->label_filter)
            {
              g_ptr_array_add (self->label_names, (gpointer) name);
              g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", name, count));
              g_hash_table_remove (counts, name);
            }
        }
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      if (g_hash_table_contains (counts, name))
        {
          g_ptr_array_add (self->label_names, (gpointer) name);
          g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", name,
                                                     GPOINTER_TO_UINT (g_hash_table_lookup (counts, name))));
        }
    }
  if (self->label_filter != NULL && !g_ptr_array_find (self->label_names, self->label_filter, &selected))
    {
      g_ptr_array_add (self->label_names, (gpointer) self->label_filter);
      g_ptr_array_add (strings, g_strdup_printf ("%s (0)", self->label_filter));
      selected = self->label_names->len - 1;
    }
  g_ptr_array_add (strings, NULL);

  self->syncing++;
  gtk_string_list_splice (self->label_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->label_model)),
                          (const char * const *) strings->pdata);
  for (guint i = 1; i < self->label_names->len; i++)
    {
      g_autoptr(GObject) string = g_list_model_get_item (G_LIST_MODEL (self->label_model), i);
      const BylineLabel *def = self->schema != NULL
        ? byline_schema_lookup_label (self->schema, self->label_names->pdata[i])
        : NULL;

      g_object_set_data_full (string, "byline-color",
                              g_strdup (def != NULL ? def->color : ""), g_free);
    }
  gtk_drop_down_set_selected (self->label_dropdown, selected);
  self->syncing--;
}

static gboolean
counts_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->counts_idle_id = 0;
  rebuild_label_dropdown (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_counts (BylineAnnotationPanel *self)
{
  if (self->counts_idle_id == 0)
    {
      self->counts_idle_id = g_idle_add_full (G_PRIORITY_LOW, counts_idle_cb, self, NULL);
    }
}

/* Document signals */

static void
on_document_items_changed_cb (BylineAnnotationPanel *self,
                              guint                  position,
                              guint                  removed,
                              guint                  added)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (added, g_object_unref);

  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->document), position + i));
    }
  g_list_store_splice (self->store, position, removed, items->pdata, added);
  schedule_counts (self);
}

static void
on_annotation_changed_cb (BylineAnnotationPanel *self,
                          BylineAnnotation      *annotation,
                          guint                  old_start,
                          guint                  old_end)
{
  guint position;

  if (!g_list_store_find (self->store, annotation, &position))
    {
      return;
    }

  /* Re-announce it: the sort model moves it to its new place, the filter
   * re-checks it and the list rebinds its row. */
  g_list_store_splice (self->store, position, 1, (gpointer *) &annotation, 1);
  if (annotation == self->selected)
    {
      sync_list_selection (self, FALSE);
    }
  schedule_counts (self);
}

static void
on_annotation_removed_cb (BylineAnnotationPanel *self,
                          BylineAnnotation      *annotation)
{
  if (annotation == self->selected)
    {
      select_annotation (self, NULL, FALSE);
    }
}

static void
on_inspector_selected_relation_cb (BylineAnnotationPanel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RELATION]);
}

/* GtkWidget */

/* A side panel: as wide as asked, but never wider than this by itself,
 * however long the texts its wrapping labels hold. */
#define NATURAL_WIDTH 340

static void
byline_annotation_panel_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = MAX (*minimum, MIN (*natural, NATURAL_WIDTH));
    }
}

static void
byline_annotation_panel_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->scroll_idle_id = 0;
  sync_list_selection (self, TRUE);

  return G_SOURCE_REMOVE;
}

/* Scrolling needs a list with a size: a selection made before the panel
 * was shown is scrolled to once the first frame is laid out. */
static void
byline_annotation_panel_map (GtkWidget *widget)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  GTK_WIDGET_CLASS (byline_annotation_panel_parent_class)->map (widget);

  if (self->selected != NULL && self->scroll_idle_id == 0)
    {
      self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
    }
}

/* GObject */

static void
byline_annotation_panel_dispose (GObject *object)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ANNOTATION_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->store);
  g_clear_object (&self->layer_model);
  g_clear_object (&self->label_model);
  g_clear_object (&self->selected);
  g_clear_object (&self->document);
  g_clear_object (&self->schema);

  G_OBJECT_CLASS (byline_annotation_panel_parent_class)->dispose (object);
}

static void
byline_annotation_panel_finalize (GObject *object)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->layer_names, g_ptr_array_unref);
  g_clear_pointer (&self->label_names, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_annotation_panel_parent_class)->finalize (object);
}

static void
byline_annotation_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_SELECTED_RELATION:
      g_value_set_object (value, byline_annotation_panel_get_selected_relation (self));
      break;
    case PROP_LAYER_FILTER:
      g_value_set_string (value, self->layer_filter);
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, byline_annotation_panel_get_n_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_annotation_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      byline_annotation_panel_set_selected (self, g_value_get_object (value));
      break;
    case PROP_LAYER_FILTER:
      byline_annotation_panel_set_layer_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_annotation_panel_class_init (BylineAnnotationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_annotation_panel_dispose;
  object_class->finalize = byline_annotation_panel_finalize;
  object_class->get_property = byline_annotation_panel_get_property;
  object_class->set_property = byline_annotation_panel_set_property;
  widget_class->measure = byline_annotation_panel_measure;
  widget_class->size_allocate = byline_annotation_panel_size_allocate;
  widget_class->map = byline_annotation_panel_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, BYLINE_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_RELATION] =
    g_param_spec_object ("selected-relation", NULL, NULL, BYLINE_TYPE_RELATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER_FILTER] =
    g_param_spec_string ("layer-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineAnnotationPanel::annotation-activated:
   * @annotation: the annotation of the row
   *
   * A row was clicked or activated with Enter: the window scrolls the
   * article to the annotation.
   */
  signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ANNOTATION);

  g_type_ensure (BYLINE_TYPE_INSPECTOR);
  byline_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/byline/Byline/byline-annotation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, box);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, layer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, empty_title_label);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, empty_description_label);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, inspector);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_layer_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_label_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_inspector_selected_relation_cb);

  gtk_widget_class_set_css_name (widget_class, "bylineannotationpanel");
}

static void
byline_annotation_panel_init (BylineAnnotationPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) label_factory = NULL;
  g_autoptr(GtkListItemFactory) button_factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  self->status_filter = -1;
  self->layer_names = g_ptr_array_new ();
  self->label_names = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (BYLINE_TYPE_ANNOTATION);
  self->sorter = gtk_custom_sorter_new (compare_annotations, NULL, NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              GTK_SORTER (self->sorter));
  self->filter = gtk_custom_filter_new (filter_annotation, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_model_items_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->layer_model = gtk_string_list_new (NULL);
  self->label_model = gtk_string_list_new (NULL);
  label_factory = byline_annotation_row_new_string_factory (TRUE);
  button_factory = byline_annotation_row_new_string_factory (TRUE);
  list_factory = byline_annotation_row_new_string_factory (FALSE);
  gtk_drop_down_set_factory (self->layer_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->layer_dropdown, list_factory);
  gtk_drop_down_set_factory (self->status_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->status_dropdown, list_factory);
  gtk_drop_down_set_factory (self->label_dropdown, label_factory);
  name_dropdown_button (self->layer_dropdown, _("Filter by layer"));
  name_dropdown_button (self->status_dropdown, _("Filter by status"));
  name_dropdown_button (self->label_dropdown, _("Filter by label"));
  gtk_drop_down_set_model (self->layer_dropdown, G_LIST_MODEL (self->layer_model));
  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (self->label_model));
  rebuild_layer_dropdown (self);
  rebuild_label_dropdown (self);
  update_summary (self);
}

GtkWidget *
byline_annotation_panel_new (void)
{
  return g_object_new (BYLINE_TYPE_ANNOTATION_PANEL, NULL);
}

/**
 * byline_annotation_panel_set_document:
 * @document: (nullable): the document to show
 * @schema: (nullable): its schema: labels, colours, attributes
 */
void
byline_annotation_panel_set_document (BylineAnnotationPanel *self,
                                      BylineDocument        *document,
                                      BylineSchema          *schema)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean schema_changed;
  guint n;

  g_return_if_fail (BYLINE_IS_ANNOTATION_PANEL (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));
  g_return_if_fail (schema == NULL || BYLINE_IS_SCHEMA (schema));

  if (document == self->document && schema == self->schema)
    {
      return;
    }

  select_annotation (self, NULL, FALSE);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
    }

  g_set_object (&self->document, document);
  schema_changed = g_set_object (&self->schema, schema);
  byline_inspector_set_document (self->inspector, document, schema);

  n = document != NULL ? g_list_model_get_n_items (G_LIST_MODEL (document)) : 0;
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (document), i));
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, n);

  if (document != NULL)
    {
      g_signal_connect_object (document, "items-changed",
                               G_CALLBACK (on_document_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (on_annotation_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (on_annotation_removed_cb), self, G_CONNECT_SWAPPED);
    }

  if (schema_changed)
    {
      rebuild_layer_dropdown (self);
    }
  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  rebuild_label_dropdown (self);
  update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

BylineDocument *
byline_annotation_panel_get_document (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), NULL);

  return self->document;
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

  if (annotation == self->selected)
    {
      sync_list_selection (self, TRUE);
      return;
    }

  select_annotation (self, annotation, TRUE);
}

BylineRelation *
byline_annotation_panel_get_selected_relation (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), NULL);

  return byline_inspector_get_selected_relation (self->inspector);
}

/**
 * byline_annotation_panel_set_layer_filter:
 * @layer: (nullable): a layer name, or %NULL for all layers
 */
void
byline_annotation_panel_set_layer_filter (BylineAnnotationPanel *self,
                                          const char            *layer)
{
  guint position = 0;

  g_return_if_fail (BYLINE_IS_ANNOTATION_PANEL (self));

  layer = g_intern_string (layer);
  if (layer == self->layer_filter)
    {
      return;
    }

  self->layer_filter = layer;
  /* The label filter may name a label of another layer: drop it. */
  self->label_filter = NULL;
  if (layer != NULL && !g_ptr_array_find (self->layer_names, layer, &position))
    {
      position = 0;
    }
  self->syncing++;
  gtk_drop_down_set_selected (self->layer_dropdown, position);
  self->syncing--;

  rebuild_label_dropdown (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER_FILTER]);
}

/**
 * byline_annotation_panel_get_layer_filter:
 *
 * Returns: (nullable): the layer the list shows, or %NULL for all
 */
const char *
byline_annotation_panel_get_layer_filter (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), NULL);

  return self->layer_filter;
}

void
byline_annotation_panel_focus_search (BylineAnnotationPanel *self)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION_PANEL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
byline_annotation_panel_get_n_shown (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

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
 *   document ──annotation-added/removed/changed──▶ BylinePanelList ─▶ GtkFilterListModel ─▶ GtkSingleSelection
 *
 * BylinePanelList keeps the document's annotations in
 * byline_annotation_compare order in a plain array. A GtkSortListModel
 * would re-sort 50,000 items one by one when a document is shown, and
 * finding an annotation's row in it means a scan; here the array is
 * sorted once (byline_document_get_sorted_annotations), every change is
 * one binary search and one memmove, and get_item is O(1). An annotation
 * edited in place is taken out where its old extent put it and put back
 * where its new one does, so the filter re-checks just that item and the
 * list rebinds just its row. Nothing is re-filtered wholesale unless a
 * filter itself changes; with no filter set the filter model passes
 * everything through without looking at it. */

#define BYLINE_TYPE_PANEL_LIST (byline_panel_list_get_type ())

G_DECLARE_FINAL_TYPE (BylinePanelList, byline_panel_list, BYLINE, PANEL_LIST, GObject)

struct _BylinePanelList
{
  GObject    parent_instance;

  /* Strong references, sorted by byline_annotation_compare. */
  GPtrArray *items;
};

static GType
byline_panel_list_get_item_type (GListModel *model)
{
  return BYLINE_TYPE_ANNOTATION;
}

static guint
byline_panel_list_get_n_items (GListModel *model)
{
  return BYLINE_PANEL_LIST (model)->items->len;
}

static gpointer
byline_panel_list_get_item (GListModel *model,
                            guint       position)
{
  BylinePanelList *self = BYLINE_PANEL_LIST (model);

  if (position >= self->items->len)
    {
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
byline_panel_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = byline_panel_list_get_item_type;
  iface->get_n_items = byline_panel_list_get_n_items;
  iface->get_item = byline_panel_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BylinePanelList, byline_panel_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, byline_panel_list_model_init))

static void
byline_panel_list_finalize (GObject *object)
{
  BylinePanelList *self = BYLINE_PANEL_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_panel_list_parent_class)->finalize (object);
}

static void
byline_panel_list_class_init (BylinePanelListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_panel_list_finalize;
}

static void
byline_panel_list_init (BylinePanelList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Where an annotation sorts: byline_annotation_compare's keys, which an
 * annotation-changed handler knows for the annotation's old extent too. */
typedef struct
{
  guint       start;
  guint       end;
  const char *id;
} SortKey;

static SortKey
sort_key_of (BylineAnnotation *annotation)
{
  return (SortKey) {
    byline_annotation_get_start (annotation),
    byline_annotation_get_end (annotation),
    byline_annotation_get_id (annotation),
  };
}

static int
compare_key (const SortKey    *key,
             BylineAnnotation *annotation)
{
  guint start = byline_annotation_get_start (annotation);
  guint end;

  if (key->start != start)
    {
      return key->start < start ? -1 : 1;
    }
  end = byline_annotation_get_end (annotation);
  if (key->end != end)
    {
      return key->end < end ? -1 : 1;
    }
  return g_strcmp0 (key->id, byline_annotation_get_id (annotation));
}

/* The first position in @model whose item does not sort before @key.
 * @model is sorted: the panel's list, or the filter model over it (a
 * filter keeps the order). */
static guint
lower_bound (GListModel    *model,
             const SortKey *key)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(BylineAnnotation) item = g_list_model_get_item (model, middle);

      if (compare_key (key, item) > 0)
        {
          low = middle + 1;
        }
      else
        {
          high = middle;
        }
    }

  return low;
}

/* The position of @annotation in @model, looked up where @key puts it. */
static guint
find_sorted (GListModel       *model,
             BylineAnnotation *annotation,
             const SortKey    *key)
{
  guint position = lower_bound (model, key);
  g_autoptr(BylineAnnotation) item = g_list_model_get_item (model, position);

  return item == annotation ? position : GTK_INVALID_LIST_POSITION;
}

static void
byline_panel_list_insert (BylinePanelList  *self,
                          BylineAnnotation *annotation)
{
  SortKey key = sort_key_of (annotation);
  guint position = lower_bound (G_LIST_MODEL (self), &key);

  g_ptr_array_insert (self->items, position, g_object_ref (annotation));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* Takes @annotation out from where @key puts it (its extent when it was
 * put in). Returns FALSE when it is not there. */
static gboolean
byline_panel_list_remove (BylinePanelList  *self,
                          BylineAnnotation *annotation,
                          const SortKey    *key)
{
  guint position = find_sorted (G_LIST_MODEL (self), annotation, key);

  if (position == GTK_INVALID_LIST_POSITION &&
      !g_ptr_array_find (self->items, annotation, &position))
    {
      return FALSE;
    }

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* Moves @annotation, edited in place, from where @old_key put it to where
 * it sorts now. */
static void
byline_panel_list_move (BylinePanelList  *self,
                        BylineAnnotation *annotation,
                        const SortKey    *old_key)
{
  guint from = find_sorted (G_LIST_MODEL (self), annotation, old_key);
  SortKey key = sort_key_of (annotation);
  guint to;

  if (from == GTK_INVALID_LIST_POSITION &&
      !g_ptr_array_find (self->items, annotation, &from))
    {
      return;
    }

  /* Its neighbours are unchanged: when it still sorts between them it
   * stays, and the change is announced in place (the row rebinds). */
  if ((from == 0 || compare_key (&key, self->items->pdata[from - 1]) > 0) &&
      (from + 1 == self->items->len || compare_key (&key, self->items->pdata[from + 1]) < 0))
    {
      g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 1);
      return;
    }

  annotation = g_ptr_array_steal_index (self->items, from);
  g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
  to = lower_bound (G_LIST_MODEL (self), &key);
  g_ptr_array_insert (self->items, to, annotation);
  g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
}

/* Replaces the contents with @sorted (in byline_annotation_compare order,
 * references not taken), announced as one change. */
static void
byline_panel_list_set (BylinePanelList *self,
                       GPtrArray       *sorted)
{
  guint removed = self->items->len;
  guint added = sorted != NULL ? sorted->len : 0;
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);

  self->items = g_ptr_array_new_full (added, g_object_unref);
  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_add (self->items, g_object_ref (sorted->pdata[i]));
    }
  if (removed > 0 || added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
    }
}

/* Counts per label, for the label drop-down: one entry per (layer,
 * label) seen, both interned, updated from the document's signals. */
typedef struct
{
  const char *layer;
  const char *label;
  guint       count;
} LabelCount;

static guint
label_count_hash (gconstpointer key)
{
  const LabelCount *c = key;

  return g_direct_hash (c->layer) * 31 + g_direct_hash (c->label);
}

static gboolean
label_count_equal (gconstpointer a,
                   gconstpointer b)
{
  const LabelCount *ca = a;
  const LabelCount *cb = b;

  return ca->layer == cb->layer && ca->label == cb->label;
}

/* A document with more annotations than this is put in the list after
 * the first frame that shows it: the article matters first. Fewer are
 * put in at once, so the list never looks empty for a frame. */
#define FILL_AT_ONCE_MAX 2000

struct _BylineAnnotationPanel
{
  GtkWidget            parent_instance;

  BylineDocument      *document;
  BylineSchema        *schema;
  BylineAnnotation    *selected;

  BylinePanelList     *list;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSingleSelection  *selection;
  /* Whether the filter has a function: without one it matches all, and
   * the filter model does not look at the items. */
  gboolean             filtering;
  /* The document's annotations are not in the list yet: they will be
   * after the next frame (fill_tick_id, then fill_idle_id), or at once
   * when something asks for them (ensure_filled). */
  gboolean             fill_pending;
  guint                fill_tick_id;
  guint                fill_idle_id;
  /* The document's changes the list has not taken yet (PendingChange):
   * an edit's frame shows the article first, and the list follows in
   * the idle after that frame (changes_tick_id, then changes_idle_id),
   * or at once when something asks for it (ensure_filled). Making and
   * binding rows, and the panel measuring itself again, cost an edit's
   * frame 20–30 ms with 50,000 annotations. */
  GArray              *changes;
  guint                changes_tick_id;
  guint                changes_idle_id;
  /* The inspector shows another annotation than self->selected. */
  gboolean             inspector_stale;

  /* The filters. Layer and label names are interned. */
  char                *search;
  const char          *layer_filter;
  const char          *label_filter;
  int                  status_filter;
  /* An origin (interned) or NULL for all; a lowest confidence, 0 for
   * any (above 0, annotations without one are left out). */
  const char          *origin_filter;
  double               min_confidence;

  /* Index → name for the layer and label drop-downs (NULL: all). */
  GPtrArray           *layer_names;
  GPtrArray           *label_names;
  GtkStringList       *layer_model;
  GtkStringList       *label_model;
  /* Index → origin for the origin drop-down (NULL first: all), and the
   * counts it shows: annotation → its origin (interned), origin → count. */
  GPtrArray           *origin_names;
  GtkStringList       *origin_model;
  GHashTable          *origin_of;
  GHashTable          *origin_counts;

  /* LabelCount → itself; annotation → the LabelCount it is counted in,
   * since annotation-changed comes after the old label is gone; label
   * names in the order they were first counted (labels outside the
   * schema are listed in that order). */
  GHashTable          *counts;
  GHashTable          *counted;
  GPtrArray           *labels_seen;
  /* The drop-down's texts are brought up to date once per main-loop
   * turn, however many annotations changed in it. */
  guint                counts_idle_id;
  gboolean             counts_pending;
  guint                scroll_idle_id;
  guint                build_idle_id;
  guint                prepare_idle_id;
  /* Set while the widgets are updated from the panel's state. */
  guint                syncing;
  /* Set while an edited annotation is moved in the list. */
  guint                moving;
  /* Whether the widgets below exist. They are made when the panel is
   * first mapped (or asked for them): a window too narrow for the panel
   * starts with it folded away, and its hundred widgets then cost the
   * article's first frame 7 ms for nothing. Until then the models and
   * the state above are kept, and ensure_widgets () shows them. */
  gboolean             built;
  /* The label drop-down's item for label_filter. */
  guint                label_selected;

  GtkWidget           *box;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *layer_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *label_dropdown;
  GtkDropDown         *origin_dropdown;
  GtkDropDown         *confidence_dropdown;
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

static void schedule_counts (BylineAnnotationPanel *self);
static void schedule_changes (BylineAnnotationPanel *self);
static void apply_changes (BylineAnnotationPanel *self);
static void rebuild_label_dropdown (BylineAnnotationPanel *self);
static void rebuild_origin_dropdown (BylineAnnotationPanel *self);
static void ensure_filled (BylineAnnotationPanel *self);
static void ensure_widgets (BylineAnnotationPanel *self);

/* Filtering */

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
  if (self->origin_filter != NULL &&
      g_strcmp0 (byline_annotation_get_origin (annotation), self->origin_filter) != 0)
    {
      return FALSE;
    }
  if (self->min_confidence > 0)
    {
      double confidence;

      if (!byline_annotation_get_confidence (annotation, &confidence) ||
          confidence < self->min_confidence - 1e-9)
        {
          return FALSE;
        }
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
  SortKey key;

  if (annotation == NULL)
    {
      return GTK_INVALID_LIST_POSITION;
    }

  key = sort_key_of (annotation);
  return find_sorted (G_LIST_MODEL (self->filter_model), annotation, &key);
}

/* Makes the list's selection show self->selected (when it is shown). */
static void
sync_list_selection (BylineAnnotationPanel *self,
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

static void
select_annotation (BylineAnnotationPanel *self,
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
      schedule_changes (self);
    }
  if (self->changes == NULL || self->changes->len == 0)
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

  ensure_filled (self);
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
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *summary = NULL;

  if (!self->built)
    {
      return;
    }

  if (self->fill_pending)
    {
      /* For the frame before the list is filled: the count, and the
       * list's page rather than a false "No Annotations". */
      total = self->document != NULL ? byline_document_get_n_annotations (self->document) : 0;
      shown = self->filtering ? 0 : total;
      if (!self->filtering)
        {
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", total),
                                     total);
        }
      gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

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
  if (removed != added && self->moving == 0)
    {
      update_summary (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
}

static gboolean
has_filters (BylineAnnotationPanel *self)
{
  return self->layer_filter != NULL || self->label_filter != NULL ||
         self->status_filter >= 0 || self->search != NULL ||
         self->origin_filter != NULL || self->min_confidence > 0;
}

static void
refilter (BylineAnnotationPanel *self,
          GtkFilterChange        change)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean filtering = has_filters (self);

  /* Without a function the filter matches all, and the filter model
   * then passes every change through without calling it 50,000 times. */
  if (filtering != self->filtering)
    {
      self->filtering = filtering;
      gtk_custom_filter_set_filter_func (self->filter, filtering ? filter_annotation : NULL,
                                         filtering ? self : NULL, NULL);
    }
  else if (filtering)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
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

  /* While the template is built, the panel's state is not yet shown. */
  if (self->syncing > 0 || !self->built)
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

  if (status == self->status_filter || !self->built)
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

  if (self->syncing > 0 || !self->built)
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
on_origin_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->origin_dropdown);
  const char *origin = NULL;

  if (self->syncing > 0 || !self->built)
    {
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->origin_names->len)
    {
      origin = g_ptr_array_index (self->origin_names, selected);
    }
  if (origin == self->origin_filter)
    {
      return;
    }

  self->origin_filter = origin;
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The confidence drop-down's items (byline-annotation-panel.ui). */
static const double confidence_thresholds[] = { 0, 0.5, 0.7, 0.8, 0.9, 0.95 };

static void
on_confidence_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->confidence_dropdown);
  double value = selected < G_N_ELEMENTS (confidence_thresholds) ? confidence_thresholds[selected] : 0;
  GtkFilterChange change;

  if (!self->built || G_APPROX_VALUE (value, self->min_confidence, 1e-9))
    {
      return;
    }

  change = value > self->min_confidence ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
  self->min_confidence = value;
  refilter (self, change);
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
  if (self->built)
    {
      gtk_drop_down_set_selected (self->layer_dropdown, selected);
    }
  self->syncing--;
}

/* Counts per label */

static LabelCount *
lookup_count (BylineAnnotationPanel *self,
              const char            *layer,
              const char            *label)
{
  LabelCount key = { layer, label, 0 };
  LabelCount *count = g_hash_table_lookup (self->counts, &key);

  if (count == NULL)
    {
      count = g_new0 (LabelCount, 1);
      count->layer = layer;
      count->label = label;
      g_hash_table_add (self->counts, count);
      if (!g_ptr_array_find (self->labels_seen, label, NULL))
        {
          g_ptr_array_add (self->labels_seen, (gpointer) label);
        }
    }

  return count;
}

/* Origins, for the origin drop-down. */
static void
origin_in (BylineAnnotationPanel *self,
           BylineAnnotation      *annotation)
{
  const char *origin = byline_annotation_get_origin (annotation);
  guint n;

  if (origin == NULL || origin[0] == '\0')
    {
      return;
    }
  origin = g_intern_string (origin);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->origin_counts, origin));
  g_hash_table_insert (self->origin_counts, (gpointer) origin, GUINT_TO_POINTER (n + 1));
  g_hash_table_insert (self->origin_of, annotation, (gpointer) origin);
}

static void
origin_out (BylineAnnotationPanel *self,
            BylineAnnotation      *annotation)
{
  const char *origin = g_hash_table_lookup (self->origin_of, annotation);
  guint n;

  if (origin == NULL)
    {
      return;
    }
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->origin_counts, origin));
  g_hash_table_insert (self->origin_counts, (gpointer) origin, GUINT_TO_POINTER (n > 0 ? n - 1 : 0));
  g_hash_table_remove (self->origin_of, annotation);
}

/* Layers and labels of annotations are interned. */
static void
count_in (BylineAnnotationPanel *self,
          BylineAnnotation      *annotation)
{
  LabelCount *count = lookup_count (self, byline_annotation_get_layer (annotation),
                                    byline_annotation_get_label (annotation));

  count->count++;
  g_hash_table_insert (self->counted, annotation, count);
  origin_in (self, annotation);
}

static void
count_out (BylineAnnotationPanel *self,
           BylineAnnotation      *annotation)
{
  LabelCount *count = g_hash_table_lookup (self->counted, annotation);

  if (count != NULL)
    {
      count->count--;
      g_hash_table_remove (self->counted, annotation);
    }
  origin_out (self, annotation);
}

static void
count_all (BylineAnnotationPanel *self,
           GPtrArray             *annotations)
{
  LabelCount *count = NULL;

  g_hash_table_remove_all (self->counted);
  g_hash_table_remove_all (self->counts);
  g_ptr_array_set_size (self->labels_seen, 0);
  g_hash_table_remove_all (self->origin_of);
  g_hash_table_remove_all (self->origin_counts);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      BylineAnnotation *annotation = annotations->pdata[i];
      const char *layer = byline_annotation_get_layer (annotation);
      const char *label = byline_annotation_get_label (annotation);

      /* Neighbours often share a label. */
      if (count == NULL || count->layer != layer || count->label != label)
        {
          count = lookup_count (self, layer, label);
        }
      count->count++;
      g_hash_table_insert (self->counted, annotation, count);
      origin_in (self, annotation);
    }
}

/* Shows @names (NULL first, for all) with @strings in the label
 * drop-down. When the names are those it shows, only the texts that
 * changed are replaced: an edit changes one or two counts, and the
 * drop-down then rebinds one or two items. */
static void
show_label_items (BylineAnnotationPanel *self,
                  GPtrArray             *names,
                  GPtrArray             *strings,
                  guint                  selected)
{
  GListModel *model = G_LIST_MODEL (self->label_model);
  gboolean same = names->len == self->label_names->len &&
                  names->len == g_list_model_get_n_items (model);

  for (guint i = 0; same && i < names->len; i++)
    {
      same = names->pdata[i] == self->label_names->pdata[i];
    }

  self->syncing++;
  for (guint i = 0; i < names->len; i++)
    {
      const char *string = strings->pdata[i];
      const char *one[] = { string, NULL };
      g_autoptr(GObject) item = NULL;
      const BylineLabel *def;

      if (same && g_strcmp0 (gtk_string_list_get_string (self->label_model, i), string) == 0)
        {
          continue;
        }
      if (same)
        {
          gtk_string_list_splice (self->label_model, i, 1, one);
        }
      else if (i == 0)
        {
          g_ptr_array_set_size (self->label_names, 0);
          g_ptr_array_extend (self->label_names, names, NULL, NULL);
          g_ptr_array_add (strings, NULL);
          gtk_string_list_splice (self->label_model, 0, g_list_model_get_n_items (model),
                                  (const char * const *) strings->pdata);
          g_ptr_array_remove_index (strings, strings->len - 1);
        }
      if (i == 0)
        {
          continue;
        }

      /* The swatch's colour, on the new item. */
      item = g_list_model_get_item (model, i);
      def = self->schema != NULL ? byline_schema_lookup_label (self->schema, names->pdata[i]) : NULL;
      g_object_set_data_full (item, "byline-color",
                              g_strdup (def != NULL ? def->color : ""), g_free);
    }
  self->label_selected = selected;
  if (self->built)
    {
      gtk_drop_down_set_selected (self->label_dropdown, selected);
    }
  self->syncing--;
}

/* Counts per label, shown in the label drop-down: "PERSON (12)", from the
 * counts kept up to date, not from the annotations. */
static void
rebuild_label_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GHashTable) sums = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  LabelCount *count;
  guint total = 0;
  guint selected = 0;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &count, NULL))
    {
      if (count->count > 0 &&
          (self->layer_filter == NULL || count->layer == self->layer_filter))
        {
          g_hash_table_insert (sums, (gpointer) count->label,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sums, count->label)) +
                                                 count->count));
          total += count->count;
        }
    }

  /* The schema's order first, then labels it does not know. */
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: the label filter's first item, with the number of annotations */
  g_ptr_array_add (strings, g_strdup_printf (_("All labels (%u)"), total));
  for (guint l = 0; self->schema != NULL && l < byline_schema_get_n_layers (self->schema); l++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, l);

      for (guint i = 0; i < layer->labels->len; i++)
        {
          const BylineLabel *label = g_ptr_array_index (layer->labels, i);
          const char *name = g_intern_string (label->name);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (sums, name));

          if (n > 0 || name == self->label_filter)
            {
              g_ptr_array_add (names, (gpointer) name);
              g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", name, n));
              g_hash_table_remove (sums, name);
            }
        }
    }
  for (guint i = 0; i < self->labels_seen->len; i++)
    {
      const char *name = self->labels_seen->pdata[i];

      if (g_hash_table_contains (sums, name))
        {
          g_ptr_array_add (names, (gpointer) name);
          g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", name,
                                                     GPOINTER_TO_UINT (g_hash_table_lookup (sums, name))));
        }
    }
  if (self->label_filter != NULL && !g_ptr_array_find (names, self->label_filter, &selected))
    {
      g_ptr_array_add (names, (gpointer) self->label_filter);
      g_ptr_array_add (strings, g_strdup_printf ("%s (0)", self->label_filter));
      selected = names->len - 1;
    }

  show_label_items (self, names, strings, selected);
}

static int
compare_origins (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* "All origins", then each origin with its count: "rules:quotes (12)". */
static void
rebuild_origin_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer origin;
  gpointer count;
  guint selected = 0;
  gboolean same;

  g_hash_table_iter_init (&iter, self->origin_counts);
  while (g_hash_table_iter_next (&iter, &origin, &count))
    {
      if (GPOINTER_TO_UINT (count) > 0 || origin == self->origin_filter)
        {
          g_ptr_array_add (names, origin);
        }
    }
  if (self->origin_filter != NULL && !g_ptr_array_find (names, self->origin_filter, NULL))
    {
      g_ptr_array_add (names, (gpointer) self->origin_filter);
    }
  g_ptr_array_sort (names, compare_origins);
  g_ptr_array_insert (names, 0, NULL);

  g_ptr_array_add (strings, g_strdup (_("All origins")));
  for (guint i = 1; i < names->len; i++)
    {
      g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", (const char *) names->pdata[i],
                                                 GPOINTER_TO_UINT (g_hash_table_lookup (self->origin_counts,
                                                                                        names->pdata[i]))));
      if (names->pdata[i] == self->origin_filter)
        {
          selected = i;
        }
    }

  /* Unchanged texts: nothing to rebind. */
  same = strings->len == g_list_model_get_n_items (G_LIST_MODEL (self->origin_model));
  for (guint i = 0; same && i < strings->len; i++)
    {
      same = g_strcmp0 (gtk_string_list_get_string (self->origin_model, i), strings->pdata[i]) == 0;
    }
  self->syncing++;
  if (!same)
    {
      g_ptr_array_set_size (self->origin_names, 0);
      g_ptr_array_extend (self->origin_names, names, NULL, NULL);
      g_ptr_array_add (strings, NULL);
      gtk_string_list_splice (self->origin_model, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->origin_model)),
                              (const char * const *) strings->pdata);
    }
  if (self->built)
    {
      gtk_drop_down_set_selected (self->origin_dropdown, selected);
    }
  self->syncing--;
}

static gboolean
counts_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->counts_idle_id = 0;
  rebuild_label_dropdown (self);
  rebuild_origin_dropdown (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_counts (BylineAnnotationPanel *self)
{
  /* With the list's changes, once the frame that shows the edit in the
   * article is painted (apply_changes): a new count in a drop-down's
   * button lays the window out again, which is no work for the frame
   * the user waits for. Counts that come with no list change (an
   * unmapped panel applies its changes at once) follow in an idle. */
  if (self->changes_tick_id != 0 || self->changes_idle_id != 0)
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

static void
fill (BylineAnnotationPanel *self)
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
  count_all (self, sorted);
  byline_panel_list_set (self->list, sorted);

  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  self->counts_pending = FALSE;
  rebuild_label_dropdown (self);
  rebuild_origin_dropdown (self);
  update_summary (self);
  sync_list_selection (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
  if (before != g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
}

/* What asks for the list's contents (the API, a row's activation) gets
 * them at once. */
static void
ensure_filled (BylineAnnotationPanel *self)
{
  if (self->fill_pending)
    {
      fill (self);
    }
  apply_changes (self);
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->fill_idle_id = 0;
  ensure_filled (self);

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

static void
schedule_fill (BylineAnnotationPanel *self)
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
  schedule_changes (self);
}

static void
apply_moved (BylineAnnotationPanel *self,
             BylineAnnotation      *annotation,
             const SortKey         *old_key)
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
      update_summary (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
}

/* Brings the list (and the inspector) up to the document's changes, in
 * the order they were made. Each change's keys are where the annotation
 * sorted when it was made; when a later change moved it again, the list
 * finds it by a scan instead (byline_panel_list_remove, _move). */
static void
apply_changes (BylineAnnotationPanel *self)
{
  g_autoptr(GArray) changes = NULL;
  gboolean any;

  g_clear_handle_id (&self->changes_idle_id, g_source_remove);
  if (self->changes_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->changes_tick_id);
      self->changes_tick_id = 0;
    }

  changes = g_steal_pointer (&self->changes);
  any = changes != NULL && changes->len > 0;
  /* The list's selection may still show an annotation selected before
   * these changes: rows moving under it must not select it again. */
  self->syncing++;
  for (guint i = 0; any && i < changes->len; i++)
    {
      PendingChange *change = &g_array_index (changes, PendingChange, i);
      SortKey key = { change->start, change->end, change->id };

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
      self->inspector_stale = FALSE;
      byline_inspector_set_annotation (self->inspector, self->selected);
    }
  if (any)
    sync_list_selection (self, FALSE);
  if (self->counts_pending)
    {
      self->counts_pending = FALSE;
      g_clear_handle_id (&self->counts_idle_id, g_source_remove);
      rebuild_label_dropdown (self);
      rebuild_origin_dropdown (self);
    }
}

static gboolean
changes_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->changes_idle_id = 0;
  apply_changes (self);
  return G_SOURCE_REMOVE;
}

/* In the update phase of the frame that shows the edit: the idle runs
 * once that frame is painted. */
static gboolean
changes_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  self->changes_tick_id = 0;
  if (self->changes_idle_id == 0)
    self->changes_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, changes_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_changes (BylineAnnotationPanel *self)
{
  /* A panel off screen has no frame to wait for, and no rows to make. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      apply_changes (self);
      return;
    }
  if (self->changes_tick_id == 0 && self->changes_idle_id == 0)
    self->changes_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), changes_tick_cb, NULL, NULL);
}

static void
on_annotation_added_cb (BylineAnnotationPanel *self,
                        BylineAnnotation      *annotation)
{
  if (self->fill_pending)
    {
      return;
    }

  queue_change (self, CHANGE_ADDED, annotation,
                byline_annotation_get_start (annotation), byline_annotation_get_end (annotation));
  count_in (self, annotation);
  schedule_counts (self);
}

static void
on_annotation_changed_cb (BylineAnnotationPanel *self,
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
      count_out (self, annotation);
      count_in (self, annotation);
      schedule_counts (self);
    }
}

static void
on_annotation_removed_cb (BylineAnnotationPanel *self,
                          BylineAnnotation      *annotation)
{
  if (!self->fill_pending)
    {
      queue_change (self, CHANGE_REMOVED, annotation,
                    byline_annotation_get_start (annotation), byline_annotation_get_end (annotation));
      count_out (self, annotation);
      schedule_counts (self);
    }
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

  /* Not built: its width-request, and the width it will want, so that
   * it does not change when it is built. */
  if (!self->built)
    {
      *minimum = 0;
      *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? NATURAL_WIDTH : 0;
      return;
    }

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

  if (self->built)
    {
      gtk_widget_allocate (self->box, width, height, baseline, NULL);
    }
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->scroll_idle_id = 0;
  sync_list_selection (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
show_state (BylineAnnotationPanel *self)
{
  schedule_fill (self);
  if (self->selected != NULL && self->scroll_idle_id == 0)
    {
      self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
    }
}

/* The article comes first: a panel shown with the window is built in the
 * first idle after the window's first frame (drawing has a higher
 * priority than G_PRIORITY_LOW), not before it. */
/* The inspector's annotation page, built before the first annotation is
 * selected, in the idle after the panel's. */
static gboolean
prepare_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->prepare_idle_id = 0;
  if (self->built)
    byline_inspector_prepare (self->inspector);
  return G_SOURCE_REMOVE;
}

static gboolean
build_idle_cb (gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;

  self->build_idle_id = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  ensure_widgets (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  show_state (self);
  if (self->prepare_idle_id == 0)
    self->prepare_idle_id = g_idle_add_full (G_PRIORITY_LOW, prepare_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Scrolling needs a list with a size: a selection made before the panel
 * was shown is scrolled to once the first frame is laid out. */
static void
byline_annotation_panel_map (GtkWidget *widget)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  GTK_WIDGET_CLASS (byline_annotation_panel_parent_class)->map (widget);

  if (!self->built)
    {
      if (self->build_idle_id == 0)
        self->build_idle_id = g_idle_add_full (G_PRIORITY_LOW, build_idle_cb, self, NULL);
      return;
    }
  show_state (self);
}

static void
byline_annotation_panel_unmap (GtkWidget *widget)
{
  BylineAnnotationPanel *self = BYLINE_ANNOTATION_PANEL (widget);

  /* The next map schedules it again. */
  if (self->fill_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->fill_tick_id);
      self->fill_tick_id = 0;
    }

  /* No frame will come to apply them after. */
  apply_changes (BYLINE_ANNOTATION_PANEL (widget));
  GTK_WIDGET_CLASS (byline_annotation_panel_parent_class)->unmap (widget);
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
  g_clear_handle_id (&self->build_idle_id, g_source_remove);
  g_clear_handle_id (&self->prepare_idle_id, g_source_remove);
  g_clear_handle_id (&self->fill_idle_id, g_source_remove);
  g_clear_handle_id (&self->changes_idle_id, g_source_remove);
  g_clear_pointer (&self->changes, g_array_unref);
  self->fill_pending = FALSE;

  if (self->built)
    {
      gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ANNOTATION_PANEL);
    }

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->list);
  g_clear_object (&self->layer_model);
  g_clear_object (&self->label_model);
  g_clear_object (&self->origin_model);
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
  g_clear_pointer (&self->counted, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->labels_seen, g_ptr_array_unref);
  g_clear_pointer (&self->origin_names, g_ptr_array_unref);
  g_clear_pointer (&self->origin_of, g_hash_table_unref);
  g_clear_pointer (&self->origin_counts, g_hash_table_unref);

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
  widget_class->unmap = byline_annotation_panel_unmap;

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
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, origin_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationPanel, confidence_dropdown);
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
  gtk_widget_class_bind_template_callback (widget_class, on_origin_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confidence_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_inspector_selected_relation_cb);

  gtk_widget_class_set_css_name (widget_class, "bylineannotationpanel");
}

static void
byline_annotation_panel_init (BylineAnnotationPanel *self)
{
  self->status_filter = -1;
  self->layer_names = g_ptr_array_new ();
  self->label_names = g_ptr_array_new ();
  self->counts = g_hash_table_new_full (label_count_hash, label_count_equal, g_free, NULL);
  self->counted = g_hash_table_new (NULL, NULL);
  self->labels_seen = g_ptr_array_new ();
  self->origin_names = g_ptr_array_new ();
  self->origin_of = g_hash_table_new (NULL, NULL);
  self->origin_counts = g_hash_table_new (NULL, NULL);

  self->list = g_object_new (BYLINE_TYPE_PANEL_LIST, NULL);
  /* No function until a filter is set: see refilter (). */
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->list)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_model_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->layer_model = gtk_string_list_new (NULL);
  self->label_model = gtk_string_list_new (NULL);
  self->origin_model = gtk_string_list_new (NULL);
  rebuild_layer_dropdown (self);
  rebuild_label_dropdown (self);
  rebuild_origin_dropdown (self);
}

/* Makes the widgets and shows the panel's state in them. */
static void
ensure_widgets (BylineAnnotationPanel *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) label_factory = NULL;
  g_autoptr(GtkListItemFactory) button_factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  guint layer_position = 0;
  int width_request;
  int height_request;

  if (self->built)
    {
      return;
    }

  /* The template's size request is a default: one given to the panel
   * before it is built (the window's) stays, as it would have had the
   * template been applied in init. */
  gtk_widget_get_size_request (GTK_WIDGET (self), &width_request, &height_request);
  gtk_widget_init_template (GTK_WIDGET (self));
  if (width_request >= 0 || height_request >= 0)
    {
      gtk_widget_set_size_request (GTK_WIDGET (self), width_request, height_request);
    }
  self->built = TRUE;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  label_factory = byline_annotation_row_new_string_factory (TRUE);
  button_factory = byline_annotation_row_new_string_factory (TRUE);
  list_factory = byline_annotation_row_new_string_factory (FALSE);
  gtk_drop_down_set_factory (self->layer_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->layer_dropdown, list_factory);
  gtk_drop_down_set_factory (self->status_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->status_dropdown, list_factory);
  gtk_drop_down_set_factory (self->label_dropdown, label_factory);
  gtk_drop_down_set_factory (self->origin_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->origin_dropdown, list_factory);
  gtk_drop_down_set_factory (self->confidence_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->confidence_dropdown, list_factory);
  name_dropdown_button (self->layer_dropdown, _("Filter by layer"));
  name_dropdown_button (self->status_dropdown, _("Filter by status"));
  name_dropdown_button (self->label_dropdown, _("Filter by label"));
  name_dropdown_button (self->origin_dropdown, _("Filter by origin"));
  name_dropdown_button (self->confidence_dropdown, _("Filter by confidence"));

  /* The state so far; the search and status filters are only ever set
   * from these widgets, so they are still empty. */
  if (self->layer_filter != NULL && !g_ptr_array_find (self->layer_names, self->layer_filter, &layer_position))
    {
      layer_position = 0;
    }
  self->syncing++;
  gtk_drop_down_set_model (self->layer_dropdown, G_LIST_MODEL (self->layer_model));
  gtk_drop_down_set_selected (self->layer_dropdown, layer_position);
  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (self->label_model));
  gtk_drop_down_set_selected (self->label_dropdown, self->label_selected);
  gtk_drop_down_set_model (self->origin_dropdown, G_LIST_MODEL (self->origin_model));
  gtk_drop_down_set_selected (self->origin_dropdown, 0);
  self->syncing--;
  byline_inspector_set_document (self->inspector, self->document, self->schema);
  byline_inspector_set_annotation (self->inspector, self->selected);
  update_summary (self);
  sync_list_selection (self, FALSE);
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
  if (self->built)
    {
      byline_inspector_set_document (self->inspector, document, schema);
    }

  if (document != NULL)
    {
      g_signal_connect_object (document, "annotation-added",
                               G_CALLBACK (on_annotation_added_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (on_annotation_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (on_annotation_removed_cb), self, G_CONNECT_SWAPPED);
    }

  if (schema_changed)
    {
      rebuild_layer_dropdown (self);
    }

  /* A large document goes into the list after the frame that shows its
   * article; the old one leaves it now. */
  n = document != NULL ? byline_document_get_n_annotations (document) : 0;
  if (n > FILL_AT_ONCE_MAX)
    {
      guint before = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

      self->fill_pending = TRUE;
      if (self->changes != NULL)
        g_array_set_size (self->changes, 0);
      byline_panel_list_set (self->list, NULL);
      count_all (self, NULL);
      g_clear_handle_id (&self->counts_idle_id, g_source_remove);
      self->counts_pending = FALSE;
      rebuild_label_dropdown (self);
      rebuild_origin_dropdown (self);
      update_summary (self);
      schedule_fill (self);
      if (before != 0)
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
        }
    }
  else
    {
      fill (self);
    }

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

  /* The list scrolls to the row in an idle below drawing: the article's
   * frame for an edit comes first, the panel follows. */
  if (annotation != self->selected)
    select_annotation (self, annotation, FALSE);
  if (self->built && self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
}

BylineRelation *
byline_annotation_panel_get_selected_relation (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), NULL);

  /* Only the inspector selects a relation. */
  if (!self->built)
    {
      return NULL;
    }
  apply_changes (self);

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
  if (self->built)
    {
      self->syncing++;
      gtk_drop_down_set_selected (self->layer_dropdown, position);
      self->syncing--;
    }

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

  ensure_widgets (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
byline_annotation_panel_get_n_shown (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), 0);

  ensure_filled (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

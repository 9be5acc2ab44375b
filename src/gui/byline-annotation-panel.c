/* byline-annotation-panel.c: the side panel: annotation list and inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the widget: its template, made when the panel is first
 * mapped, its properties, and the document it shows. The list follows the
 * document in byline-annotation-panel-changes.c; the rows and the
 * selection are in byline-annotation-panel-selection.c; the filters and
 * their counts in byline-annotation-panel-filters.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-annotation-panel-private.h"
#include "byline-annotation-row.h"
#include "byline-gui-private.h"

G_DEFINE_FINAL_TYPE (BylineAnnotationPanel, byline_annotation_panel, GTK_TYPE_WIDGET)

GParamSpec *_byline_annotation_panel_properties[N_PROPS];
guint _byline_annotation_panel_signals[N_SIGNALS];

static void ensure_widgets (BylineAnnotationPanel *self);

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

static void
on_inspector_selected_relation_cb (BylineAnnotationPanel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_SELECTED_RELATION]);
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

static void
show_state (BylineAnnotationPanel *self)
{
  _byline_annotation_panel_schedule_fill (self);
  if (self->selected != NULL)
    {
      _byline_annotation_panel_queue_scroll (self);
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
  _byline_annotation_panel_apply_changes (BYLINE_ANNOTATION_PANEL (widget));
  _byline_annotation_panel_update_inspector (BYLINE_ANNOTATION_PANEL (widget));
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
  byline_after_frame_cancel (&self->changes_later);
  byline_after_frame_cancel (&self->inspector_later);
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

  _byline_annotation_panel_properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _byline_annotation_panel_properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, BYLINE_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _byline_annotation_panel_properties[PROP_SELECTED_RELATION] =
    g_param_spec_object ("selected-relation", NULL, NULL, BYLINE_TYPE_RELATION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _byline_annotation_panel_properties[PROP_LAYER_FILTER] =
    g_param_spec_string ("layer-filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _byline_annotation_panel_properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _byline_annotation_panel_properties);

  /**
   * BylineAnnotationPanel::annotation-activated:
   * @annotation: the annotation of the row
   *
   * A row was clicked or activated with Enter: the window scrolls the
   * article to the annotation.
   */
  _byline_annotation_panel_signals[ANNOTATION_ACTIVATED] =
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
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_entry_search_changed_cb", G_CALLBACK (_byline_annotation_panel_on_search_entry_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_entry_stop_search_cb", G_CALLBACK (_byline_annotation_panel_on_search_entry_stop_search_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_layer_dropdown_selected_cb", G_CALLBACK (_byline_annotation_panel_on_layer_dropdown_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_status_dropdown_selected_cb", G_CALLBACK (_byline_annotation_panel_on_status_dropdown_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_label_dropdown_selected_cb", G_CALLBACK (_byline_annotation_panel_on_label_dropdown_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_origin_dropdown_selected_cb", G_CALLBACK (_byline_annotation_panel_on_origin_dropdown_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_confidence_dropdown_selected_cb", G_CALLBACK (_byline_annotation_panel_on_confidence_dropdown_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_list_view_activate_cb", G_CALLBACK (_byline_annotation_panel_on_list_view_activate_cb));
  gtk_widget_class_bind_template_callback (widget_class, on_inspector_selected_relation_cb);

  gtk_widget_class_set_css_name (widget_class, "bylineannotationpanel");
}

static void
apply_changes_cb (gpointer data)
{
  _byline_annotation_panel_apply_changes (data);
}

static void
update_inspector_cb (gpointer data)
{
  _byline_annotation_panel_update_inspector (data);
}

static void
byline_annotation_panel_init (BylineAnnotationPanel *self)
{
  self->status_filter = -1;
  byline_after_frame_init (&self->changes_later, GTK_WIDGET (self), apply_changes_cb, self);
  byline_after_frame_init (&self->inspector_later, GTK_WIDGET (self), update_inspector_cb, self);
  self->layer_names = g_ptr_array_new ();
  self->label_names = g_ptr_array_new ();
  self->counts = g_hash_table_new_full (_byline_label_count_hash, _byline_label_count_equal, g_free, NULL);
  self->counted = g_hash_table_new (NULL, NULL);
  self->labels_seen = g_ptr_array_new ();
  self->origin_names = g_ptr_array_new ();
  self->origin_of = g_hash_table_new (NULL, NULL);
  self->origin_counts = g_hash_table_new (NULL, NULL);

  self->list = byline_panel_list_new ();
  /* No function until a filter is set: see _byline_annotation_panel_refilter (). */
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->list)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (_byline_annotation_panel_on_selection_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (_byline_annotation_panel_on_filter_model_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->layer_model = gtk_string_list_new (NULL);
  self->label_model = gtk_string_list_new (NULL);
  self->origin_model = gtk_string_list_new (NULL);
  _byline_annotation_panel_rebuild_layer_dropdown (self);
  _byline_annotation_panel_rebuild_label_dropdown (self);
  _byline_annotation_panel_rebuild_origin_dropdown (self);
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

  factory = _byline_annotation_panel_new_row_factory (self);
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
  _byline_annotation_panel_update_summary (self);
  _byline_annotation_panel_sync_list_selection (self, FALSE);
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

  _byline_annotation_panel_select_annotation (self, NULL, FALSE);
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
                               G_CALLBACK (_byline_annotation_panel_on_annotation_added_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (_byline_annotation_panel_on_annotation_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (_byline_annotation_panel_on_annotation_removed_cb), self, G_CONNECT_SWAPPED);
    }

  if (schema_changed)
    {
      _byline_annotation_panel_rebuild_layer_dropdown (self);
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
      _byline_annotation_panel_count_all (self, NULL);
      g_clear_handle_id (&self->counts_idle_id, g_source_remove);
      self->counts_pending = FALSE;
      _byline_annotation_panel_rebuild_label_dropdown (self);
      _byline_annotation_panel_rebuild_origin_dropdown (self);
      _byline_annotation_panel_update_summary (self);
      _byline_annotation_panel_schedule_fill (self);
      if (before != 0)
        {
          g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_N_SHOWN]);
        }
    }
  else
    {
      _byline_annotation_panel_fill (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_DOCUMENT]);
}

BylineDocument *
byline_annotation_panel_get_document (BylineAnnotationPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_PANEL (self), NULL);

  return self->document;
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
  _byline_annotation_panel_apply_changes (self);

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

  _byline_annotation_panel_rebuild_label_dropdown (self);
  _byline_annotation_panel_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_LAYER_FILTER]);
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

  _byline_annotation_panel_ensure_filled (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

/* byline-annotation-panel-private.h: what the side panel's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-gui-private.h"

#include "byline-annotation-panel.h"
#include "byline-inspector.h"
#include "byline-panel-list.h"

G_BEGIN_DECLS

/* Counts per label, for the label drop-down: one entry per (layer,
 * label) seen, both interned, updated from the document's signals. */
typedef struct
{
  const char *layer;
  const char *label;
  guint       count;
} LabelCount;

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
   * the idle after that frame (changes_later),
   * or at once when something asks for it (ensure_filled). Making and
   * binding rows, and the panel measuring itself again, cost an edit's
   * frame 20–30 ms with 50,000 annotations. */
  GArray              *changes;
  BylineAfterFrame     changes_later;
  /* The inspector shows another annotation than self->selected. When
   * the list changed too, the inspector follows it a frame later
   * (inspector_later): the two together made
   * one frame of up to 50 ms after a window's first label (the first
   * showing of the inspector's page and the list's first repaint). */
  gboolean             inspector_stale;
  BylineAfterFrame     inspector_later;

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

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  PROP_SELECTED_RELATION,
  PROP_LAYER_FILTER,
  PROP_N_SHOWN,
  N_PROPS
};

extern GParamSpec *_byline_annotation_panel_properties[N_PROPS];

enum {
  ANNOTATION_ACTIVATED,
  N_SIGNALS
};

extern guint _byline_annotation_panel_signals[N_SIGNALS];

/* byline-annotation-panel-selection.c */
void     _byline_annotation_panel_sync_list_selection (BylineAnnotationPanel *self,
                                                       gboolean               scroll);
void     _byline_annotation_panel_select_annotation   (BylineAnnotationPanel *self,
                                                       BylineAnnotation      *annotation,
                                                       gboolean               scroll);
void     _byline_annotation_panel_queue_scroll        (BylineAnnotationPanel *self);
GtkListItemFactory *
         _byline_annotation_panel_new_row_factory     (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_selection_selected_cb (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_list_view_activate_cb (BylineAnnotationPanel *self,
                                                            guint                  position);

/* byline-annotation-panel-changes.c */
void     _byline_annotation_panel_fill                (BylineAnnotationPanel *self);
void     _byline_annotation_panel_schedule_fill       (BylineAnnotationPanel *self);
void     _byline_annotation_panel_ensure_filled       (BylineAnnotationPanel *self);
void     _byline_annotation_panel_schedule_changes    (BylineAnnotationPanel *self);
void     _byline_annotation_panel_apply_changes       (BylineAnnotationPanel *self);
void     _byline_annotation_panel_schedule_inspector  (BylineAnnotationPanel *self);
void     _byline_annotation_panel_update_inspector    (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_annotation_added_cb   (BylineAnnotationPanel *self,
                                                            BylineAnnotation      *annotation);
void     _byline_annotation_panel_on_annotation_changed_cb (BylineAnnotationPanel *self,
                                                            BylineAnnotation      *annotation,
                                                            guint                  old_start,
                                                            guint                  old_end);
void     _byline_annotation_panel_on_annotation_removed_cb (BylineAnnotationPanel *self,
                                                            BylineAnnotation      *annotation);

/* byline-annotation-panel-filters.c */
guint    _byline_label_count_hash                     (gconstpointer          key);
gboolean _byline_label_count_equal                    (gconstpointer          a,
                                                       gconstpointer          b);
void     _byline_annotation_panel_count_in            (BylineAnnotationPanel *self,
                                                       BylineAnnotation      *annotation);
void     _byline_annotation_panel_count_out           (BylineAnnotationPanel *self,
                                                       BylineAnnotation      *annotation);
void     _byline_annotation_panel_count_all           (BylineAnnotationPanel *self,
                                                       GPtrArray             *annotations);
void     _byline_annotation_panel_rebuild_label_dropdown  (BylineAnnotationPanel *self);
void     _byline_annotation_panel_rebuild_origin_dropdown (BylineAnnotationPanel *self);
void     _byline_annotation_panel_rebuild_layer_dropdown  (BylineAnnotationPanel *self);
void     _byline_annotation_panel_update_summary      (BylineAnnotationPanel *self);
void     _byline_annotation_panel_refilter            (BylineAnnotationPanel *self,
                                                       GtkFilterChange        change);
void     _byline_annotation_panel_on_filter_model_items_changed_cb (BylineAnnotationPanel *self,
                                                                    guint                  position,
                                                                    guint                  removed,
                                                                    guint                  added);
void     _byline_annotation_panel_on_search_entry_search_changed_cb  (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_search_entry_stop_search_cb     (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_layer_dropdown_selected_cb      (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_status_dropdown_selected_cb     (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_label_dropdown_selected_cb      (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_origin_dropdown_selected_cb     (BylineAnnotationPanel *self);
void     _byline_annotation_panel_on_confidence_dropdown_selected_cb (BylineAnnotationPanel *self);

G_END_DECLS

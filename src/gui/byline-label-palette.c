/* byline-label-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of buttons under the article, one per label of the current layer:
 * the colour, the name, the keys that apply it (1-9 and the label's own
 * letter) and how many annotations carry it. It teaches the keyboard while
 * it offers the mouse a way in.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-gui-private.h"
#include "byline-label-palette.h"

struct _BylineLabelPalette
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkWidget      *flow;
  BylineDocument *document;
  BylineSchema   *schema;
  char           *layer;
  GHashTable     *counts;        /* label name -> count, all layers */
  GHashTable     *counted;       /* annotation -> the label it was counted as */
  GHashTable     *entries;       /* label name -> Entry of its button */
  /* Counts change with every edit, and a label's new text makes the
   * window lay itself out again (on X11 that asks the server for the
   * work area, a round trip): the counts shown follow in the idle after
   * the edit's frame (counts_tick_id, then counts_idle_id). */
  guint           counts_tick_id;
  guint           counts_idle_id;
  /* The schema and layer the buttons were made for. */
  BylineSchema   *built_schema;
  char           *built_layer;
  gulong          handlers[3];
};

/* A button's one label: everything but the count is fixed when it is
 * made, so a new count only rebuilds the markup. */
typedef struct
{
  GtkLabel *label;
  char     *markup;      /* swatch, name and keys, escaped */
  guint     shown;       /* the count in the label, or G_MAXUINT */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->markup);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (BylineLabelPalette, byline_label_palette, GTK_TYPE_WIDGET)

enum {
  LABEL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
counts (BylineAnnotation *annotation)
{
  /* Rejected suggestions are decisions, not labels in the text. */
  return byline_annotation_get_status (annotation) != BYLINE_STATUS_REJECTED;
}

static void
update_count_label (BylineLabelPalette *self,
                    const char         *label)
{
  /* Keyed by the interned name: the schema's names are not. */
  Entry *entry = g_hash_table_lookup (self->entries, g_intern_string (label));
  g_autofree char *markup = NULL;
  guint n;

  if (entry == NULL)
    return;
  n = byline_label_palette_get_count (self, label);
  if (n == entry->shown)
    return;
  entry->shown = n;
  markup = g_strdup_printf ("%s<span size=\"smaller\" alpha=\"80%%\">%u</span>", entry->markup, n);
  gtk_label_set_markup (entry->label, markup);
}

static gboolean
counts_idle_cb (gpointer user_data)
{
  BylineLabelPalette *self = user_data;
  GHashTableIter iter;
  gpointer name;

  self->counts_idle_id = 0;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    update_count_label (self, name);
  return G_SOURCE_REMOVE;
}

/* In the update phase of the edit's frame: the idle runs once it is
 * painted. */
static gboolean
counts_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  BylineLabelPalette *self = BYLINE_LABEL_PALETTE (widget);

  self->counts_tick_id = 0;
  if (self->counts_idle_id == 0)
    self->counts_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, counts_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
add_count (BylineLabelPalette *self,
           const char         *label,
           int                 delta)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));

  n = delta < 0 && n == 0 ? 0 : n + delta;
  g_hash_table_insert (self->counts, (gpointer) g_intern_string (label), GUINT_TO_POINTER (n));
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      update_count_label (self, label);
      return;
    }
  if (self->counts_tick_id == 0 && self->counts_idle_id == 0)
    self->counts_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), counts_tick_cb, NULL, NULL);
}

/* Counts @annotation as it is now, after uncounting what it was counted
 * as: edits cost a hash lookup, not a pass over 50,000 annotations. */
static void
track (BylineLabelPalette *self,
       BylineAnnotation   *annotation,
       gboolean            present)
{
  const char *was = g_hash_table_lookup (self->counted, annotation);

  if (was != NULL)
    {
      add_count (self, was, -1);
      g_hash_table_remove (self->counted, annotation);
    }
  if (present && counts (annotation))
    {
      const char *label = byline_annotation_get_label (annotation);

      g_hash_table_insert (self->counted, annotation, (gpointer) label);
      add_count (self, label, +1);
    }
}

static void
recount (BylineLabelPalette *self)
{
  g_hash_table_remove_all (self->counts);
  g_hash_table_remove_all (self->counted);
  if (self->document == NULL)
    return;
  for (guint i = 0; i < byline_document_get_n_annotations (self->document); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (self->document, i);

      if (counts (a))
        {
          const char *label = byline_annotation_get_label (a);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, label));

          /* Labels are interned: the pointer is the key. */
          g_hash_table_insert (self->counts, (gpointer) label, GUINT_TO_POINTER (n + 1));
          g_hash_table_insert (self->counted, a, (gpointer) label);
        }
    }
}

static void
on_annotation_added_cb (BylineDocument     *document,
                        BylineAnnotation   *annotation,
                        BylineLabelPalette *self)
{
  track (self, annotation, TRUE);
}

static void
on_annotation_removed_cb (BylineDocument     *document,
                          BylineAnnotation   *annotation,
                          BylineLabelPalette *self)
{
  track (self, annotation, FALSE);
}

static void
on_annotation_changed_cb (BylineDocument     *document,
                          BylineAnnotation   *annotation,
                          guint               old_start,
                          guint               old_end,
                          BylineLabelPalette *self)
{
  track (self, annotation, TRUE);
}

static void
on_button_clicked_cb (GtkButton          *button,
                      BylineLabelPalette *self)
{
  const char *label = g_object_get_data (G_OBJECT (button), "byline-label");

  g_signal_emit (self, signals[LABEL_ACTIVATED], 0, label);
}

/* One button and one label with markup: the colour, the name, the keys
 * and the count used to be a box of four labels, and the palette's
 * hundred-odd widgets then took a sixth of the time a window needs to
 * show an article. */
static GtkWidget *
make_button (BylineLabelPalette *self,
             const BylineLabel  *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (NULL);
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *key_text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;

  if (label->position < 9 && label->key != NULL)
    key_text = g_strdup_printf ("%u · %s", label->position + 1, label->key);
  else if (label->position < 9)
    key_text = g_strdup_printf ("%u", label->position + 1);
  else
    key_text = g_strdup (label->key != NULL ? label->key : "");

  /* A coloured dot drawn with text keeps the palette free of custom
   * drawing; the colour is the label's own, as on the article. The
   * stored name, as the article's chips show it (the title is in the
   * tooltip): short names keep the palette to a row or two. The gaps
   * of spaces keep the buttons as wide as the boxes of labels with 6
   * pixels between them were, so the window folds its side panel at the
   * same width as before. */
  entry->markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>  "
                                           "<b>%s</b>  "
                                           "<span font_family=\"monospace\" alpha=\"55%%\">%s</span>\u2009 ",
                                           label->color, label->name, key_text);
  entry->label = GTK_LABEL (text);
  entry->shown = G_MAXUINT;
  /* From the button's start, as the box of labels was. */
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_add_css_class (text, "caption");
  gtk_widget_add_css_class (text, "numeric");
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "byline-label-button");

  tooltip = g_strdup_printf ("%s — %s", label->name,
                             label->description ? label->description : label->title);
  byline_gui_set_tooltip_text (button, tooltip);
  /* Translators: "Label as Person (keys 1 or P)" */
  accessible = g_strdup_printf (_("Label as %s (keys %s)"), label->title, key_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_object_set_data_full (G_OBJECT (button), "byline-label", g_strdup (label->name), g_free);
  g_hash_table_insert (self->entries, (gpointer) g_intern_string (label->name), entry);
  g_signal_connect (button, "clicked", G_CALLBACK (on_button_clicked_cb), self);
  return button;
}

/* The buttons of the current layer. They stay while the schema and the
 * layer do: a new document only changes the counts. */
static void
rebuild (BylineLabelPalette *self)
{
  const BylineLayer *layer = NULL;
  GtkWidget *child;

  if (self->schema != NULL && self->layer != NULL)
    layer = byline_schema_lookup_layer (self->schema, self->layer);
  if (layer == NULL)
    {
      g_clear_object (&self->built_schema);
      g_clear_pointer (&self->built_layer, g_free);
    }

  if (self->built_schema == self->schema && g_strcmp0 (self->built_layer, self->layer) == 0)
    {
      GHashTableIter iter;
      const char *name;

      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
        update_count_label (self, name);
      if (layer != NULL)
        return;
    }

  g_hash_table_remove_all (self->entries);
  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);
  g_set_object (&self->built_schema, self->schema);
  g_free (self->built_layer);
  self->built_layer = g_strdup (self->layer);

  if (layer == NULL)
    return;
  for (guint i = 0; i < layer->labels->len; i++)
    {
      const BylineLabel *label = layer->labels->pdata[i];

      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), make_button (self, label));
      update_count_label (self, label->name);
    }
}

static void
disconnect_document (BylineLabelPalette *self)
{
  if (self->document == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    g_clear_signal_handler (&self->handlers[i], self->document);
  g_clear_object (&self->document);
  g_hash_table_remove_all (self->counted);
}

static void
byline_label_palette_dispose (GObject *object)
{
  BylineLabelPalette *self = BYLINE_LABEL_PALETTE (object);

  disconnect_document (self);
  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  g_hash_table_remove_all (self->entries);
  g_clear_object (&self->schema);
  g_clear_object (&self->built_schema);
  self->flow = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (byline_label_palette_parent_class)->dispose (object);
}

static void
byline_label_palette_finalize (GObject *object)
{
  BylineLabelPalette *self = BYLINE_LABEL_PALETTE (object);

  g_free (self->layer);
  g_free (self->built_layer);
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->counted);
  g_hash_table_unref (self->entries);

  G_OBJECT_CLASS (byline_label_palette_parent_class)->finalize (object);
}

static void
byline_label_palette_class_init (BylineLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_label_palette_dispose;
  object_class->finalize = byline_label_palette_finalize;

  /**
   * BylineLabelPalette::label-activated:
   * @label: the label's name
   */
  signals[LABEL_ACTIVATED] =
    g_signal_new ("label-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylinelabelpalette");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
byline_label_palette_init (BylineLabelPalette *self)
{
  self->counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->counted = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->entries = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, entry_free);

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), FALSE);
  /* At least three a row, so the window can be narrow; the rows scroll
   * when there are more than fit in three, so the palette never makes the
   * window taller than a laptop screen either. */
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 3);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 20);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 2);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 2);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->flow);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Labels"),
                                  -1);
}

GtkWidget *
byline_label_palette_new (void)
{
  return g_object_new (BYLINE_TYPE_LABEL_PALETTE, NULL);
}

/**
 * byline_label_palette_set_document:
 * @document: (nullable): the document whose labels are counted
 * @schema: (nullable): the schema giving the labels
 */
void
byline_label_palette_set_document (BylineLabelPalette *self,
                                   BylineDocument     *document,
                                   BylineSchema       *schema)
{
  g_return_if_fail (BYLINE_IS_LABEL_PALETTE (self));

  disconnect_document (self);
  g_set_object (&self->schema, schema);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->handlers[0] = g_signal_connect (document, "annotation-added",
                                            G_CALLBACK (on_annotation_added_cb), self);
      self->handlers[1] = g_signal_connect (document, "annotation-removed",
                                            G_CALLBACK (on_annotation_removed_cb), self);
      self->handlers[2] = g_signal_connect (document, "annotation-changed",
                                            G_CALLBACK (on_annotation_changed_cb), self);
    }
  recount (self);
  rebuild (self);
}

void
byline_label_palette_set_layer (BylineLabelPalette *self,
                                const char         *layer)
{
  g_return_if_fail (BYLINE_IS_LABEL_PALETTE (self));

  if (g_strcmp0 (self->layer, layer) == 0)
    return;
  g_free (self->layer);
  self->layer = g_strdup (layer);
  rebuild (self);
}

const char *
byline_label_palette_get_layer (BylineLabelPalette *self)
{
  g_return_val_if_fail (BYLINE_IS_LABEL_PALETTE (self), NULL);
  return self->layer;
}

/**
 * byline_label_palette_get_count:
 *
 * Returns: how many annotations carry @label (rejected ones aside)
 */
guint
byline_label_palette_get_count (BylineLabelPalette *self,
                                const char         *label)
{
  g_return_val_if_fail (BYLINE_IS_LABEL_PALETTE (self), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, g_intern_string (label)));
}

/* byline-article-view.c: the article, with its annotations drawn on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buffer is a projection of the document: the text is set once and
 * never edited, and annotations become tags, one per label and status,
 * created up front in a fixed priority order. Tags of one label merge where
 * annotations touch or overlap, so the view never asks a tag what it
 * covers: identity, overlaps and hit testing come from the model's span
 * index. What tags cannot draw (outline boxes, label chips, the selected
 * annotation, relation arcs) is drawn in snapshot_layer, for the visible
 * rectangle only (byline-article-view-draw.c).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-article-view-private.h"
#include "byline-tokenizer.h"

#define ZOOM_MIN 0.5
#define ZOOM_MAX 3.0

/* Alphas of the entity backgrounds: the current layer a little stronger.
 * Around 0.3 the text keeps its contrast on light and dark themes. */



G_DEFINE_FINAL_TYPE (BylineArticleView, byline_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEMA,
  PROP_LAYER,
  PROP_SNAPPING,
  PROP_SELECTED,
  PROP_ZOOM,
  PROP_PICKING,
  PROP_SHOW_REJECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _byline_article_view_signals[N_SIGNALS];

static gboolean update_chip_metrics (BylineArticleView *self);

/* ---- Accessibility ----------------------------------------------------- */

static void
update_accessible_description (BylineArticleView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  if (self->selected == NULL || self->document == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  text = byline_document_dup_annotation_text (self->document, self->selected);
  /* Translators: the annotation the article view has selected, its label
   * and its text: Selected: PERSON “Antony Blinken” */
  description = g_strdup_printf (_("Selected: %s “%s”"),
                                 byline_annotation_get_label (self->selected),
                                 text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- Document signals -------------------------------------------------- */

void
_byline_article_view_set_pick_target (BylineArticleView *self,
                                      BylineAnnotation  *annotation)
{
  if (g_set_object (&self->pick_target, annotation))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_annotation_added_cb (BylineDocument    *document,
                        BylineAnnotation  *annotation,
                        BylineArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  /* Adding only ever adds tag coverage, so no retagging is needed; past
   * tagged_end the idle pass will find it in the model. */
  _byline_article_view_tag_annotation (self, buffer, annotation, 0, self->tagged_end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_annotation_removed_cb (BylineDocument    *document,
                          BylineAnnotation  *annotation,
                          BylineArticleView *self)
{
  if (annotation == self->selected)
    byline_article_view_set_selected (self, NULL);
  if (annotation == self->pick_target)
    _byline_article_view_set_pick_target (self, NULL);
  _byline_article_view_retag_range (self,
               byline_annotation_get_start (annotation),
               byline_annotation_get_end (annotation), annotation);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_annotation_changed_cb (BylineDocument    *document,
                          BylineAnnotation  *annotation,
                          guint              old_start,
                          guint              old_end,
                          BylineArticleView *self)
{
  guint start = byline_annotation_get_start (annotation);
  guint end = byline_annotation_get_end (annotation);

  /* One pass when the old and new extents touch (the usual grow/shrink
   * or relabel), two otherwise. */
  if (old_start <= end && start <= old_end)
    {
      _byline_article_view_retag_range (self, MIN (start, old_start), MAX (end, old_end), NULL);
    }
  else
    {
      _byline_article_view_retag_range (self, old_start, old_end, NULL);
      _byline_article_view_retag_range (self, start, end, NULL);
    }

  if (annotation == self->selected)
    {
      _byline_article_view_unselect_tags (self, old_start, old_end);
      if (!_byline_article_view_is_drawn (self, annotation))
        {
          byline_article_view_set_selected (self, NULL);
        }
      else
        {
          _byline_article_view_select_tags_on (self, annotation);
          update_accessible_description (self);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_relations_changed_cb (BylineDocument    *document,
                         BylineRelation    *relation,
                         BylineArticleView *self)
{
  /* Arcs are drawn for the selected annotation only. */
  if (self->selected != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (AdwStyleManager   *manager,
                    GParamSpec        *pspec,
                    BylineArticleView *self)
{
  self->dark = adw_style_manager_get_dark (manager);
  if (self->look_order->len > 0)
    _byline_article_view_update_all_looks (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
disconnect_document (BylineArticleView *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
}

static void
byline_article_view_snapshot_layer (GtkTextView      *view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  _byline_article_view_snapshot_layer (BYLINE_ARTICLE_VIEW (view), layer, snapshot);
}

static void
byline_article_view_map (GtkWidget *widget)
{
  BylineArticleView *self = BYLINE_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (byline_article_view_parent_class)->map (widget);
  /* The style sheet's font is known now. */
  update_chip_metrics (self);
}

/* After the first layout of the text in its real size and font. */
static gboolean
scroll_later_cb (gpointer user_data)
{
  BylineArticleView *self = user_data;

  self->scroll_idle_id = 0;
  self->scroll_pending = FALSE;
  if (self->selected != NULL)
    _byline_article_view_scroll_to (self, self->selected);
  return G_SOURCE_REMOVE;
}

static void
byline_article_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  BylineArticleView *self = BYLINE_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (byline_article_view_parent_class)->size_allocate (widget, width, height, baseline);
  /* A selection made before the view had a size is scrolled to now that
   * there is a layout to scroll. */
  if (self->scroll_pending && self->scroll_idle_id == 0)
    self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, scroll_later_cb, self, NULL);
}

static void
byline_article_view_dispose (GObject *object)
{
  BylineArticleView *self = BYLINE_ARTICLE_VIEW (object);

  disconnect_document (self);
  g_clear_handle_id (&self->snap_idle_id, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  g_clear_handle_id (&self->tag_idle_id, g_source_remove);
  if (self->tokenizing != NULL)
    g_cancellable_cancel (self->tokenizing);
  g_clear_object (&self->tokenizing);
  g_clear_signal_handler (&self->dark_handler, adw_style_manager_get_default ());
  g_clear_object (&self->selected);
  g_clear_object (&self->pick_target);
  g_clear_object (&self->document);
  g_clear_object (&self->schema);

  G_OBJECT_CLASS (byline_article_view_parent_class)->dispose (object);
}

static void
byline_article_view_finalize (GObject *object)
{
  BylineArticleView *self = BYLINE_ARTICLE_VIEW (object);

  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->layer, g_free);
  g_clear_pointer (&self->hidden_layers, g_hash_table_unref);
  g_clear_pointer (&self->chip_layouts, g_hash_table_unref);
  g_clear_pointer (&self->drawn_items[0], g_hash_table_unref);
  g_clear_pointer (&self->drawn_items[1], g_hash_table_unref);
  g_clear_pointer (&self->look_order, g_ptr_array_unref);
  g_clear_pointer (&self->looks, g_hash_table_unref);

  G_OBJECT_CLASS (byline_article_view_parent_class)->finalize (object);
}

static void
byline_article_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineArticleView *self = BYLINE_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;
    case PROP_LAYER:
      g_value_set_string (value, self->layer);
      break;
    case PROP_SNAPPING:
      g_value_set_boolean (value, self->snapping);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PICKING:
      g_value_set_boolean (value, self->picking);
      break;
    case PROP_SHOW_REJECTED:
      g_value_set_boolean (value, self->show_rejected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineArticleView *self = BYLINE_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      byline_article_view_set_layer (self, g_value_get_string (value));
      break;
    case PROP_SNAPPING:
      byline_article_view_set_snapping (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED:
      byline_article_view_set_selected (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      byline_article_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SHOW_REJECTED:
      byline_article_view_set_show_rejected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_view_class_init (BylineArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = byline_article_view_dispose;
  object_class->finalize = byline_article_view_finalize;
  object_class->get_property = byline_article_view_get_property;
  object_class->set_property = byline_article_view_set_property;
  widget_class->map = byline_article_view_map;
  widget_class->size_allocate = byline_article_view_size_allocate;
  text_view_class->snapshot_layer = byline_article_view_snapshot_layer;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, BYLINE_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, BYLINE_TYPE_SCHEMA,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER] =
    g_param_spec_string ("layer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPPING] =
    g_param_spec_boolean ("snapping", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, BYLINE_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PICKING] =
    g_param_spec_boolean ("picking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_REJECTED] =
    g_param_spec_boolean ("show-rejected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _byline_article_view_signals[ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ANNOTATION);
  _byline_article_view_signals[TARGET_PICKED] =
    g_signal_new ("target-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ANNOTATION);
  _byline_article_view_signals[CONTEXT_MENU_REQUESTED] =
    g_signal_new ("context-menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  _byline_article_view_class_init_input (widget_class);
}

static void
byline_article_view_init (BylineArticleView *self)
{
  AdwStyleManager *manager;

  self->snapping = TRUE;
  self->zoom = 1.0;
  self->looks = g_hash_table_new (g_str_hash, g_str_equal);
  self->look_order = g_ptr_array_new_with_free_func (_byline_look_free);
  self->hidden_layers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->chip_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 36);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 36);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 24);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 48);
  gtk_widget_add_css_class (GTK_WIDGET (self), "byline-article");

  _byline_article_view_init_input (self);

  manager = adw_style_manager_get_default ();
  self->dark = adw_style_manager_get_dark (manager);
  self->dark_handler = g_signal_connect (manager, "notify::dark",
                                         G_CALLBACK (on_dark_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);
}

/* ---- Public API -------------------------------------------------------- */

GtkWidget *
byline_article_view_new (void)
{
  return g_object_new (BYLINE_TYPE_ARTICLE_VIEW, NULL);
}

/* The chips need room above every line, wrapped lines too; the room is
 * set on the zoom tag, which covers the whole text, so that it follows
 * the zoom and overrides whatever the view's own properties say. */
static gboolean
update_chip_metrics (BylineArticleView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *chip_font;
  PangoRectangle logical;
  double base_px = 16.0;
  int old_height = self->chip_height;
  double old_font_px = self->chip_font_px;
  int room;

  if (font != NULL && pango_font_description_get_size (font) > 0)
    {
      base_px = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (font))
        base_px *= 96.0 / 72.0;
    }
  self->chip_font_px = MAX (7.0, base_px * self->zoom * 0.62);
  if (!G_APPROX_VALUE (self->chip_font_px, old_font_px, 1e-9))
    g_hash_table_remove_all (self->chip_layouts);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "PERSON");
  chip_font = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (chip_font, self->chip_font_px * PANGO_SCALE);
  pango_layout_set_font_description (layout, chip_font);
  pango_font_description_free (chip_font);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  self->chip_height = logical.height + 2;

  /* Above: the chips; below: two nested underlines. */
  room = self->chip_height + 3;
  if (self->zoom_tag == NULL || old_height == self->chip_height)
    return FALSE;
  /* Only when it changed: new spacing means a new layout of it all. */
  g_object_set (self->zoom_tag,
                "pixels-above-lines", room,
                "pixels-inside-wrap", room + 6,
                "pixels-below-lines", 6,
                NULL);
  return TRUE;
}

static void
tokenize_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GBytes *text = task_data;
  gsize len;
  const char *data = g_bytes_get_data (text, &len);

  g_task_return_pointer (task, byline_tokenize (data != NULL ? data : "", (gssize) len),
                         (GDestroyNotify) g_array_unref);
}

/* The task holds no reference on the view, which can go (and a test
 * check that it is finalized) while a worker runs: dispose cancels the
 * task, and a cancelled task returns NULL here without touching it. */
static void
tokenized_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GArray *tokens = g_task_propagate_pointer (G_TASK (result), NULL);
  BylineArticleView *self;

  /* NULL when cancelled: another document came, or the view went. */
  if (tokens == NULL)
    return;
  self = BYLINE_ARTICLE_VIEW (user_data);
  g_clear_object (&self->tokenizing);
  g_clear_pointer (&self->tokens, g_array_unref);
  self->tokens = tokens;
}

/* Word snapping needs the tokens; a million characters take 25 ms, so
 * they are found in a worker, off the main thread, from a copy of the
 * text. */
static void
start_tokenizing (BylineArticleView *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->tokenizing != NULL)
    {
      g_cancellable_cancel (self->tokenizing);
      g_clear_object (&self->tokenizing);
    }
  g_clear_pointer (&self->tokens, g_array_unref);
  if (self->document == NULL)
    return;
  self->tokenizing = g_cancellable_new ();
  task = g_task_new (NULL, self->tokenizing, tokenized_cb, self);
  g_task_set_source_tag (task, start_tokenizing);
  g_task_set_task_data (task,
                        g_bytes_new (byline_document_get_text (self->document),
                                     byline_document_get_text_bytes (self->document)),
                        (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, tokenize_thread);
}

void
byline_article_view_set_document (BylineArticleView *self,
                                  BylineDocument    *document,
                                  BylineSchema      *schema)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  GtkTextIter start;
  GtkTextIter end;
  const BylineLayer *first;
  guint n;

  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || BYLINE_IS_DOCUMENT (document));
  g_return_if_fail (schema == NULL || BYLINE_IS_SCHEMA (schema));

  disconnect_document (self);
  g_clear_handle_id (&self->tag_idle_id, g_source_remove);
  self->tagged_end = 0;
  byline_article_view_end_pick (self);
  byline_article_view_set_selected (self, NULL);
  g_set_object (&self->document, document);
  start_tokenizing (self);
  if (schema == NULL)
    schema = byline_schema_get_default ();
  g_set_object (&self->schema, schema);

  /* A new buffer each time: the old tags and marks go with the old one,
   * and tagging a buffer no view shows yet costs no layout work. */
  buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  _byline_article_view_create_tags (self, buffer);
  if (document != NULL)
    {
      gtk_text_buffer_set_text (buffer, byline_document_get_text (document),
                                (int) byline_document_get_text_bytes (document));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->zoom_tag, &start, &end);

      /* The first screen, while no view shows the buffer (no layout
       * work); the rest in _byline_article_view_tag_idle_cb. */
      n = byline_document_get_n_chars (document);
      _byline_article_view_tag_forward (self, buffer, MIN (n, TAG_FIRST_CHARS));
      if (self->tagged_end < n)
        self->tag_idle_id = g_idle_add_full (TAG_PRIORITY, _byline_article_view_tag_idle_cb, self, NULL);
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, "byline:scroll", &start, TRUE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);

  if (self->layer == NULL || byline_schema_lookup_layer (schema, self->layer) == NULL)
    {
      first = byline_schema_get_n_layers (schema) > 0 ? byline_schema_get_layer (schema, 0) : NULL;
      byline_article_view_set_layer (self, first != NULL ? first->name : NULL);
    }
  _byline_article_view_update_all_looks (self);
  update_chip_metrics (self);

  if (document != NULL)
    {
      g_signal_connect (document, "annotation-added", G_CALLBACK (on_annotation_added_cb), self);
      g_signal_connect (document, "annotation-removed", G_CALLBACK (on_annotation_removed_cb), self);
      g_signal_connect (document, "annotation-changed", G_CALLBACK (on_annotation_changed_cb), self);
      g_signal_connect (document, "relation-added", G_CALLBACK (on_relations_changed_cb), self);
      g_signal_connect (document, "relation-removed", G_CALLBACK (on_relations_changed_cb), self);
      g_signal_connect (document, "relation-changed", G_CALLBACK (on_relations_changed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA]);
}

gboolean
byline_article_view_is_fully_tagged (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);
  return self->document == NULL ||
         self->tagged_end >= byline_document_get_n_chars (self->document);
}

BylineDocument *
byline_article_view_get_document (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);
  return self->document;
}

BylineSchema *
byline_article_view_get_schema (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);
  return self->schema;
}

const char *
byline_article_view_get_layer (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);
  return self->layer;
}

void
byline_article_view_set_layer (BylineArticleView *self,
                               const char        *layer)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  if (g_strcmp0 (self->layer, layer) == 0)
    return;
  g_free (self->layer);
  self->layer = g_strdup (layer);
  _byline_article_view_update_all_looks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

gboolean
byline_article_view_get_layer_visible (BylineArticleView *self,
                                       const char        *layer)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (layer != NULL, FALSE);
  return _byline_article_view_layer_visible (self, layer);
}

void
byline_article_view_set_layer_visible (BylineArticleView *self,
                                       const char        *layer,
                                       gboolean           visible)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));
  g_return_if_fail (layer != NULL);

  visible = !!visible;
  if (_byline_article_view_layer_visible (self, layer) == visible)
    return;
  if (visible)
    g_hash_table_remove (self->hidden_layers, layer);
  else
    g_hash_table_add (self->hidden_layers, g_strdup (layer));

  if (self->selected != NULL && !_byline_article_view_is_drawn (self, self->selected))
    byline_article_view_set_selected (self, NULL);
  if (self->pick_target != NULL && !_byline_article_view_is_drawn (self, self->pick_target))
    _byline_article_view_set_pick_target (self, NULL);
  _byline_article_view_update_all_looks (self);
}

gboolean
byline_article_view_get_show_rejected (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);
  return self->show_rejected;
}

/* Rejected suggestions carry no tag: they are drawn in snapshot_layer
 * only, so showing or hiding them is a redraw, not a retagging. */
void
byline_article_view_set_show_rejected (BylineArticleView *self,
                                       gboolean           show)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  show = !!show;
  if (self->show_rejected == show)
    return;
  self->show_rejected = show;
  if (self->selected != NULL && !_byline_article_view_is_drawn (self, self->selected))
    byline_article_view_set_selected (self, NULL);
  if (self->pick_target != NULL && !_byline_article_view_is_drawn (self, self->pick_target))
    _byline_article_view_set_pick_target (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REJECTED]);
}

gboolean
byline_article_view_get_snapping (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);
  return self->snapping;
}

void
byline_article_view_set_snapping (BylineArticleView *self,
                                  gboolean           snapping)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  snapping = !!snapping;
  if (self->snapping == snapping)
    return;
  self->snapping = snapping;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPPING]);
}

BylineAnnotation *
byline_article_view_get_selected (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);
  return self->selected;
}

void
_byline_article_view_scroll_to (BylineArticleView *self,
                                BylineAnnotation  *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) byline_annotation_get_start (annotation));
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &iter);
  /* The cursor goes along: the text view keeps it on screen when it is
   * shown or focused, and select_next goes on from there. */
  if (!gtk_text_buffer_get_has_selection (buffer))
    gtk_text_buffer_place_cursor (buffer, &iter);
  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->scroll_pending = TRUE;
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->scroll_mark, 0.15, FALSE, 0, 0);
}

void
byline_article_view_set_selected (BylineArticleView *self,
                                  BylineAnnotation  *annotation)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));
  g_return_if_fail (annotation == NULL || BYLINE_IS_ANNOTATION (annotation));
  g_return_if_fail (annotation == NULL ||
                    (self->document != NULL &&
                     byline_annotation_get_document (annotation) == self->document));

  if (self->selected == annotation)
    return;

  if (self->selected != NULL)
    _byline_article_view_unselect_tags (self,
                   byline_annotation_get_start (self->selected),
                   byline_annotation_get_end (self->selected));
  g_set_object (&self->selected, annotation);
  if (annotation != NULL)
    {
      _byline_article_view_select_tags_on (self, annotation);
      _byline_article_view_scroll_to (self, annotation);
    }
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

double
byline_article_view_get_zoom (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), 1.0);
  return self->zoom;
}

void
byline_article_view_set_zoom (BylineArticleView *self,
                              double             zoom)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-6))
    return;
  self->zoom = zoom;
  if (self->zoom_tag != NULL)
    g_object_set (self->zoom_tag, "scale", zoom, NULL);
  update_chip_metrics (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
byline_article_view_begin_pick (BylineArticleView *self)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  if (self->picking)
    return;
  self->picking = TRUE;
  _byline_article_view_set_pick_target (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICKING]);
}

void
byline_article_view_end_pick (BylineArticleView *self)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_VIEW (self));

  if (!self->picking)
    return;
  self->picking = FALSE;
  _byline_article_view_set_pick_target (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICKING]);
}

gboolean
byline_article_view_get_picking (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), FALSE);
  return self->picking;
}

BylineAnnotation *
byline_article_view_get_pick_target (BylineArticleView *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);
  return self->pick_target;
}

GtkTextTag *
byline_article_view_get_label_tag (BylineArticleView *self,
                                   const char        *label,
                                   BylineStatus       status)
{
  BylineLook *look;

  g_return_val_if_fail (BYLINE_IS_ARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  look = _byline_article_view_get_look (self, label);
  if (look == NULL || status == BYLINE_STATUS_REJECTED)
    return NULL;
  return look->tags[status == BYLINE_STATUS_SUGGESTED ? 1 : 0];
}

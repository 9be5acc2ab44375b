/* byline-article-view-tags.c: the article view's looks (a label's colour
 * and style) and the text tags that draw them, one per label and status,
 * applied from the document's annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "byline-article-view-private.h"

#define BACKGROUND_ALPHA          0.30
#define BACKGROUND_ALPHA_OTHER    0.20
#define BACKGROUND_ALPHA_SELECTED 0.55
#define SUGGESTED_FACTOR          0.45
#define FALLBACK_COLOR "#77767b"

/* ---- Looks and tags ---------------------------------------------------- */

void
_byline_look_free (gpointer data)
{
  BylineLook *look = data;

  /* The tags belong to the buffer's tag table. */
  g_free (look->name);
  g_free (look->layer);
  g_free (look);
}

static BylineLookStyle
style_from_string (const char *style)
{
  if (g_strcmp0 (style, "underline") == 0)
    return BYLINE_LOOK_UNDERLINE;
  if (g_strcmp0 (style, "outline") == 0)
    return BYLINE_LOOK_OUTLINE;
  return BYLINE_LOOK_BACKGROUND;
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static void
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t,
     GdkRGBA       *out)
{
  out->red = a->red + (b->red - a->red) * t;
  out->green = a->green + (b->green - a->green) * t;
  out->blue = a->blue + (b->blue - a->blue) * t;
  out->alpha = 1.0;
}

/* The colour for lines and text in a label's colour: the schema colours
 * are mid tones, so they are lightened on a dark background and the light
 * ones (yellow) darkened on a light background, to keep their contrast. */
void
_byline_article_view_ink (BylineArticleView *self,
                          const GdkRGBA     *color,
                          GdkRGBA           *ink)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA black = { 0, 0, 0, 1 };
  double l = luminance (color);

  if (self->dark)
    mix (color, &white, l < 0.3 ? 0.55 : 0.35, ink);
  else
    mix (color, &black, l > 0.45 ? 0.35 : 0.05, ink);
}

gboolean
_byline_article_view_layer_visible (BylineArticleView *self,
                                    const char        *layer)
{
  return layer == NULL || !g_hash_table_contains (self->hidden_layers, layer);
}

gboolean
_byline_article_view_is_drawn (BylineArticleView *self,
                               BylineAnnotation  *annotation)
{
  return (self->show_rejected ||
          byline_annotation_get_status (annotation) != BYLINE_STATUS_REJECTED) &&
         _byline_article_view_layer_visible (self, byline_annotation_get_layer (annotation));
}

/* Sets the colour properties of a label's tags from the theme, the current
 * layer and the hidden layers. Only colours change, so GTK redraws without
 * a new layout. */
static void
update_look_tags (BylineArticleView *self,
                  BylineLook        *look)
{
  gboolean visible = _byline_article_view_layer_visible (self, look->layer);
  gboolean current = g_strcmp0 (look->layer, self->layer) == 0;
  GdkRGBA color;
  GdkRGBA ink;

  _byline_article_view_ink (self, &look->color, &ink);

  switch (look->style)
    {
    case BYLINE_LOOK_BACKGROUND:
      color = self->dark ? ink : look->color;
      color.alpha = current ? BACKGROUND_ALPHA : BACKGROUND_ALPHA_OTHER;
      g_object_set (look->tags[0],
                    "background-rgba", &color,
                    "background-set", visible,
                    NULL);
      color.alpha *= SUGGESTED_FACTOR;
      g_object_set (look->tags[1],
                    "background-rgba", &color,
                    "background-set", visible,
                    NULL);
      /* Deeper when selected. Only backgrounds are: a selected quote or
       * claim gets its box in snapshot_layer, so the entities inside it
       * keep their colours. */
      color = self->dark ? ink : look->color;
      color.alpha = BACKGROUND_ALPHA_SELECTED;
      g_object_set (look->selected_tag, "background-rgba", &color, NULL);
      break;

    case BYLINE_LOOK_UNDERLINE:
    case BYLINE_LOOK_OUTLINE:
    default:
      /* Drawn in snapshot_layer, where nested boxes and underlines stay
       * apart (a tag has one underline per character, so a claim object
       * inside a claim would vanish): these tags only record the range. */
      break;
    }
}

void
_byline_article_view_update_all_looks (BylineArticleView *self)
{
  for (guint i = 0; i < self->look_order->len; i++)
    update_look_tags (self, self->look_order->pdata[i]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static BylineLook *
add_look (BylineArticleView *self,
          const char        *name,
          const char        *layer,
          const char        *style,
          const char        *color)
{
  BylineLook *look = g_new0 (BylineLook, 1);

  look->name = g_strdup (name);
  look->layer = g_strdup (layer);
  look->style = style_from_string (style);
  if (color == NULL || !gdk_rgba_parse (&look->color, color))
    gdk_rgba_parse (&look->color, FALLBACK_COLOR);
  g_hash_table_insert (self->looks, look->name, look);
  g_ptr_array_add (self->look_order, look);
  return look;
}

static void
create_label_tag (BylineArticleView *self,
                  GtkTextBuffer     *buffer,
                  BylineLook        *look,
                  guint              suggested)
{
  g_autofree char *name = g_strdup_printf ("byline:%s%s", look->name,
                                           suggested ? ":suggested" : "");

  look->tags[suggested] = gtk_text_buffer_create_tag (buffer, name, NULL);
}

/* The selected annotation of a background label is drawn deeper by a tag
 * of its own, so that selecting never changes a tag's colour: GTK lays
 * out every line on screen again when a tag property changes, and only
 * the lines of the range when a tag is applied. */
static void
create_selected_tag (BylineArticleView *self,
                     GtkTextBuffer     *buffer,
                     BylineLook        *look)
{
  g_autofree char *name = NULL;

  if (look->style != BYLINE_LOOK_BACKGROUND)
    return;
  name = g_strdup_printf ("byline:selected:%s", look->name);
  look->selected_tag = gtk_text_buffer_create_tag (buffer, name, NULL);
}

/* Creates every tag of the schema, in a fixed priority order: the zoom tag
 * first (lowest), suggestions below manual annotations so that a manual
 * label wins where both overlap, layers in schema order, the selected
 * backgrounds above them all, and the selected tag last (highest). */
void
_byline_article_view_create_tags (BylineArticleView *self,
                                  GtkTextBuffer     *buffer)
{
  guint n_layers = byline_schema_get_n_layers (self->schema);

  g_hash_table_remove_all (self->looks);
  g_ptr_array_set_size (self->look_order, 0);

  self->zoom_tag = gtk_text_buffer_create_tag (buffer, "byline:zoom",
                                               "scale", self->zoom,
                                               NULL);
  /* A new tag has no spacing yet. */
  self->chip_height = 0;

  for (guint l = 0; l < n_layers; l++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, l);

      for (guint i = 0; i < layer->labels->len; i++)
        {
          const BylineLabel *label = layer->labels->pdata[i];

          add_look (self, label->name, layer->name, layer->style, label->color);
        }
    }
  for (int suggested = 1; suggested >= 0; suggested--)
    {
      for (guint i = 0; i < self->look_order->len; i++)
        create_label_tag (self, buffer, self->look_order->pdata[i], (guint) suggested);
    }
  for (guint i = 0; i < self->look_order->len; i++)
    create_selected_tag (self, buffer, self->look_order->pdata[i]);

  self->selected_tag = gtk_text_buffer_create_tag (buffer, "byline:selected", NULL);
  self->selected_look_tag = NULL;
  _byline_article_view_update_all_looks (self);
}

BylineLook *
_byline_article_view_get_look (BylineArticleView *self,
                               const char        *label)
{
  return label != NULL ? g_hash_table_lookup (self->looks, label) : NULL;
}

/* A label the schema does not know still gets drawn, in grey. Its tags
 * come after the schema's, so the selected tags are raised to stay
 * above them. */
static BylineLook *
ensure_look (BylineArticleView *self,
             BylineAnnotation  *annotation)
{
  const char *label = byline_annotation_get_label (annotation);
  GtkTextBuffer *buffer;
  GtkTextTagTable *table;
  BylineLook *look;

  look = _byline_article_view_get_look (self, label);
  if (look != NULL)
    return look;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  table = gtk_text_buffer_get_tag_table (buffer);
  look = add_look (self, label, byline_annotation_get_layer (annotation),
                   "background", FALLBACK_COLOR);
  create_label_tag (self, buffer, look, 1);
  create_label_tag (self, buffer, look, 0);
  create_selected_tag (self, buffer, look);
  for (guint i = 0; i < self->look_order->len; i++)
    {
      BylineLook *other = self->look_order->pdata[i];

      if (other->selected_tag != NULL)
        gtk_text_tag_set_priority (other->selected_tag, gtk_text_tag_table_get_size (table) - 1);
    }
  gtk_text_tag_set_priority (self->selected_tag, gtk_text_tag_table_get_size (table) - 1);
  update_look_tags (self, look);
  return look;
}

/* ---- Tagging ----------------------------------------------------------- */

static void
apply_fragments (GtkTextBuffer    *buffer,
                 GtkTextTag       *tag,
                 BylineAnnotation *annotation,
                 guint             clip_start,
                 guint             clip_end,
                 gboolean          apply)
{
  guint n = byline_annotation_get_n_fragments (annotation);

  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);
      guint s = MAX (f->start, clip_start);
      guint e = MIN (f->end, clip_end);
      GtkTextIter start;
      GtkTextIter end;

      if (s >= e)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) s);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) e);
      if (apply)
        gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      else
        gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
    }
}

void
_byline_article_view_tag_annotation (BylineArticleView *self,
                                     GtkTextBuffer     *buffer,
                                     BylineAnnotation  *annotation,
                                     guint              clip_start,
                                     guint              clip_end)
{
  BylineStatus status = byline_annotation_get_status (annotation);
  BylineLook *look;

  if (status == BYLINE_STATUS_REJECTED)
    return;
  look = ensure_look (self, annotation);
  apply_fragments (buffer, look->tags[status == BYLINE_STATUS_SUGGESTED ? 1 : 0],
                   annotation, clip_start, clip_end, TRUE);
}

/* Removes this view's label tags from [start, end) and puts back those of
 * the annotations that intersect it, clipped to it: the only way to know
 * what a merged tag should still cover is to ask the model.
 *
 * A tag in the range comes from an annotation over it: one the model
 * still has, or @gone, just taken out of it. With @gone, only their looks'
 * tags are taken off. Without it (an annotation changed, maybe to another
 * label) every look's are: each gtk_text_buffer_remove_tag () splits the
 * B-tree's segments at both ends even where the tag is absent, and the
 * 60 calls of the 30 looks made 0.65 ms of each removal. */
void
_byline_article_view_retag_range (BylineArticleView *self,
                                  guint              start,
                                  guint              end,
                                  BylineAnnotation  *gone)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) looks = NULL;
  GtkTextIter s;
  GtkTextIter e;

  /* Past tagged_end the idle pass will ask the model when it gets
   * there: tagging it now would have it applied twice. */
  end = MIN (end, self->tagged_end);
  if (start >= end)
    return;
  annotations = byline_document_query (self->document, start, end);
  if (gone != NULL)
    {
      looks = g_ptr_array_new ();
      g_ptr_array_add (looks, ensure_look (self, gone));
      for (guint i = 0; i < annotations->len; i++)
        {
          BylineLook *look = ensure_look (self, annotations->pdata[i]);

          if (!g_ptr_array_find (looks, look, NULL))
            g_ptr_array_add (looks, look);
        }
    }
  else
    {
      looks = g_ptr_array_ref (self->look_order);
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  for (guint i = 0; i < looks->len; i++)
    {
      BylineLook *look = looks->pdata[i];

      gtk_text_buffer_remove_tag (buffer, look->tags[0], &s, &e);
      gtk_text_buffer_remove_tag (buffer, look->tags[1], &s, &e);
    }

  for (guint i = 0; i < annotations->len; i++)
    _byline_article_view_tag_annotation (self, buffer, annotations->pdata[i], start, end);
}

/* Tags [tagged_end, @end), which carries no label tag yet, from the
 * model, and moves tagged_end there. An annotation that reaches past
 * @end is tagged up to it now and the rest with the next range: the
 * pieces of one tag merge where they meet. */
void
_byline_article_view_tag_forward (BylineArticleView *self,
                                  GtkTextBuffer     *buffer,
                                  guint              end)
{
  g_autoptr(GPtrArray) annotations = NULL;
  guint start = self->tagged_end;

  if (start >= end)
    return;
  annotations = byline_document_query (self->document, start, end);
  for (guint i = 0; i < annotations->len; i++)
    _byline_article_view_tag_annotation (self, buffer, annotations->pdata[i], start, end);
  self->tagged_end = end;
}

/* Tagging 50,000 annotations takes about 0.3 s (each apply_tag splits
 * B-tree segments and counts characters), far too long to block opening
 * or a frame. set_document tags the first screen; this tags the rest in
 * slices of a few milliseconds, in document order, at a priority just
 * below the frame clock's (GDK_PRIORITY_REDRAW) and just above the text
 * view's incremental layout (GDK_PRIORITY_REDRAW + 5): frames never wait
 * more than one slice, and the backgrounds are all there within about
 * half a second, before the layout of the rest of the article. */
gboolean
_byline_article_view_tag_idle_cb (gpointer user_data)
{
  BylineArticleView *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint n_chars = byline_document_get_n_chars (self->document);
  gint64 deadline = g_get_monotonic_time () + TAG_SLICE_USEC;

  do
    _byline_article_view_tag_forward (self, buffer, MIN (n_chars, self->tagged_end + TAG_CHUNK_CHARS));
  while (self->tagged_end < n_chars && g_get_monotonic_time () < deadline);

  if (self->tagged_end < n_chars)
    return G_SOURCE_CONTINUE;
  self->tag_idle_id = 0;
  return G_SOURCE_REMOVE;
}

void
_byline_article_view_select_tags_on (BylineArticleView *self,
                                     BylineAnnotation  *annotation)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  /* Ensured: the idle pass may not have met the label yet. */
  BylineLook *look = ensure_look (self, annotation);

  apply_fragments (buffer, self->selected_tag, annotation, 0, G_MAXUINT, TRUE);
  self->selected_look_tag = look != NULL ? look->selected_tag : NULL;
  if (self->selected_look_tag != NULL)
    apply_fragments (buffer, self->selected_look_tag, annotation, 0, G_MAXUINT, TRUE);
}

/* Takes the selected tags off [start, end), the whole extent the selected
 * annotation had: its fragments or label may have changed since. */
void
_byline_article_view_unselect_tags (BylineArticleView *self,
                                    guint              start,
                                    guint              end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter s;
  GtkTextIter e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &s, &e);
  if (self->selected_look_tag != NULL)
    gtk_text_buffer_remove_tag (buffer, self->selected_look_tag, &s, &e);
  self->selected_look_tag = NULL;
}

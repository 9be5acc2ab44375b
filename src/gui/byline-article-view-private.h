/* byline-article-view-private.h: what the view's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-article-view.h"

G_BEGIN_DECLS

/* What set_document tags before the first frame: more than a screenful
 * of text at the smallest zoom on a large monitor. The rest is tagged in
 * idle slices of TAG_SLICE_USEC, TAG_CHUNK_CHARS at a time. */
#define TAG_FIRST_CHARS 20000
#define TAG_CHUNK_CHARS 2048
#define TAG_SLICE_USEC  4000
#define TAG_PRIORITY    (GDK_PRIORITY_REDRAW + 4)

/* How a layer is drawn (the schema's layer "style"). */
typedef enum
{
  BYLINE_LOOK_BACKGROUND,
  BYLINE_LOOK_UNDERLINE,
  BYLINE_LOOK_OUTLINE,
} BylineLookStyle;

/* One label as the view draws it: its colour and its two tags (one for
 * manual and accepted annotations, one for suggestions; rejected ones are
 * not drawn), and for backgrounds the tag of the selected one. */
typedef struct
{
  char            *name;
  char            *layer;
  BylineLookStyle  style;
  GdkRGBA          color;
  GtkTextTag      *tags[2];
  GtkTextTag      *selected_tag;
} BylineLook;

struct _BylineArticleView
{
  GtkTextView        parent_instance;

  BylineDocument    *document;
  BylineSchema      *schema;
  /* All the article's tokens, from a worker started by set_document;
   * NULL until it is done (byline_article_view_dup_tokens_near). */
  GArray            *tokens;
  GCancellable      *tokenizing;

  char              *layer;
  GHashTable        *hidden_layers;
  /* Rejected suggestions are drawn (greyed, struck through) only when
   * this is set: by default a decision to reject hides them. */
  gboolean           show_rejected;
  gboolean           snapping;
  double             zoom;
  gboolean           dark;

  BylineAnnotation  *selected;
  BylineAnnotation  *pick_target;
  gboolean           picking;

  /* name -> BylineLook; and the looks in tag priority order */
  GHashTable        *looks;
  GPtrArray         *look_order;
  GtkTextTag        *zoom_tag;
  GtkTextTag        *selected_tag;
  /* The look's selected tag that is on the selected annotation. */
  GtkTextTag        *selected_look_tag;
  GtkTextMark       *scroll_mark;

  /* Sizes of the label chips, from the font and the zoom, and their
   * layouts by text ("b1:PERSON"), kept while the size stays. */
  double             chip_font_px;
  int                chip_height;
  GHashTable        *chip_layouts;

  /* The render nodes of what each layer (below and above the text) drew
   * in the last frame, by what they show, to be used again in the next
   * (byline-article-view-draw-private.h, Item). */
  GHashTable        *drawn_items[2];

  /* Tagging: [0, tagged_end) carries exactly the model's label tags and
   * nothing after it carries any; tag_idle_id extends it in document
   * order (see tag_idle_cb). */
  guint              tagged_end;
  guint              tag_idle_id;

  gboolean           scroll_pending;
  guint              scroll_idle_id;
  guint              snap_idle_id;
  gulong             dark_handler;
};

enum {
  ANNOTATION_ACTIVATED,
  TARGET_PICKED,
  CONTEXT_MENU_REQUESTED,
  N_SIGNALS
};

extern guint _byline_article_view_signals[N_SIGNALS];

BylineLook *_byline_article_view_get_look        (BylineArticleView *self,
                                                  const char        *label);
gboolean    _byline_article_view_is_drawn        (BylineArticleView *self,
                                                  BylineAnnotation  *annotation);
void        _byline_article_view_ink             (BylineArticleView *self,
                                                  const GdkRGBA     *color,
                                                  GdkRGBA           *ink);
void        _byline_article_view_set_pick_target (BylineArticleView *self,
                                                  BylineAnnotation  *annotation);
void        _byline_article_view_scroll_to       (BylineArticleView *self,
                                                  BylineAnnotation  *annotation);
void        _byline_article_view_init_input      (BylineArticleView *self);
void        _byline_article_view_class_init_input (GtkWidgetClass  *widget_class);
void        _byline_article_view_snapshot_layer  (BylineArticleView *self,
                                                  GtkTextViewLayer   layer,
                                                  GtkSnapshot       *snapshot);

/* byline-article-view-tags.c */
void      _byline_look_free                        (gpointer data);
gboolean  _byline_article_view_layer_visible       (BylineArticleView *self,
                                                    const char *layer);
void      _byline_article_view_update_all_looks    (BylineArticleView *self);
void      _byline_article_view_create_tags         (BylineArticleView *self,
                                                    GtkTextBuffer *buffer);
void      _byline_article_view_tag_annotation      (BylineArticleView *self,
                                                    GtkTextBuffer *buffer,
                                                    BylineAnnotation *annotation,
                                                    guint clip_start,
                                                    guint clip_end);
void      _byline_article_view_retag_range         (BylineArticleView *self,
                                                    guint start,
                                                    guint end,
                                                    BylineAnnotation *gone);
void      _byline_article_view_tag_forward         (BylineArticleView *self,
                                                    GtkTextBuffer *buffer,
                                                    guint end);
gboolean  _byline_article_view_tag_idle_cb         (gpointer user_data);
void      _byline_article_view_select_tags_on      (BylineArticleView *self,
                                                    BylineAnnotation *annotation);
void      _byline_article_view_unselect_tags       (BylineArticleView *self,
                                                    guint start,
                                                    guint end);

G_END_DECLS

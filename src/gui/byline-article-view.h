/* byline-article-view.h: the article, with its annotations drawn on it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "byline-document.h"
#include "byline-schema.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE_VIEW (byline_article_view_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticleView, byline_article_view, BYLINE, ARTICLE_VIEW, GtkTextView)

/* The view is a projection of the document: the buffer holds the text
 * exactly as stored and is never edited or read back; annotations are drawn
 * from the model (one GtkTextTag per label and status, never one per
 * annotation) and redrawn from the document's change signals, only where
 * something changed. All offsets in this API are code points. */

GtkWidget        *byline_article_view_new                (void);

void              byline_article_view_set_document       (BylineArticleView *self,
                                                          BylineDocument    *document,
                                                          BylineSchema      *schema);
/* Added: set_document tags the first screen at once and the rest of the
 * article in the idle time after it (within a second or so of opening a
 * 1 MB article). Until then the label tags past the first screen are
 * missing; edits are tagged correctly wherever they are. TRUE once every
 * annotation is tagged (and with no document). */
gboolean          byline_article_view_is_fully_tagged    (BylineArticleView *self);
BylineDocument   *byline_article_view_get_document       (BylineArticleView *self);
BylineSchema     *byline_article_view_get_schema         (BylineArticleView *self);

/* The layer being annotated ("entities"); property "layer". */
const char       *byline_article_view_get_layer          (BylineArticleView *self);
void              byline_article_view_set_layer          (BylineArticleView *self,
                                                          const char        *layer);
/* Hidden layers are not drawn and cannot be clicked. */
gboolean          byline_article_view_get_layer_visible  (BylineArticleView *self,
                                                          const char        *layer);
void              byline_article_view_set_layer_visible  (BylineArticleView *self,
                                                          const char        *layer,
                                                          gboolean           visible);

/* Added: whether rejected suggestions are drawn (greyed and struck
 * through, and then clickable), property "show-rejected", default FALSE. */
gboolean          byline_article_view_get_show_rejected  (BylineArticleView *self);
void              byline_article_view_set_show_rejected  (BylineArticleView *self,
                                                          gboolean           show);

/* The tokens of the text around a range (an array of BylineToken). */
GArray           *byline_article_view_dup_tokens_near    (BylineArticleView *self,
                                                          guint              start,
                                                          guint              end);

/* Word snapping of selections (property "snapping", default TRUE). */
gboolean          byline_article_view_get_snapping       (BylineArticleView *self);
void              byline_article_view_set_snapping       (BylineArticleView *self,
                                                          gboolean           snapping);

/* The selected text, snapped to whole words when snapping is on.
 * Returns FALSE when nothing is selected. */
gboolean          byline_article_view_get_selection      (BylineArticleView *self,
                                                          guint             *start,
                                                          guint             *end);
void              byline_article_view_select_range       (BylineArticleView *self,
                                                          guint              start,
                                                          guint              end);

/* The selected annotation (property "selected"), drawn highlighted with its
 * relations; setting it scrolls it into view. NULL for none. */
BylineAnnotation *byline_article_view_get_selected       (BylineArticleView *self);
void              byline_article_view_set_selected       (BylineArticleView *self,
                                                          BylineAnnotation  *annotation);
/* alt+right / alt+left: the next or previous annotation of a visible layer
 * in reading order (by start, then end), from the selected one or the
 * cursor. Returns FALSE when there is none. */
gboolean          byline_article_view_select_next        (BylineArticleView *self,
                                                          int                direction);

/* The annotations of visible layers under @offset, in the order a click
 * cycles through them (smallest first). Rejected suggestions are not
 * drawn and not listed, unless "show-rejected" is set. Returns a new array holding references: free it
 * with g_ptr_array_unref(). */
GPtrArray        *byline_article_view_get_annotations_at (BylineArticleView *self,
                                                          guint              offset);

/* Text size as a factor of the default (ctrl+plus/minus/0): property
 * "zoom", 0.5 to 3.0. */
double            byline_article_view_get_zoom           (BylineArticleView *self);
void              byline_article_view_set_zoom           (BylineArticleView *self,
                                                          double             zoom);

/* Relation target picking: while picking, the view highlights candidate
 * targets, a click on an annotation emits "target-picked" instead of
 * selecting it, and select_next moves a target cursor among candidates
 * (emitting "target-picked" on Enter is the window's job via
 * byline_article_view_get_pick_target). Property "picking". */
void              byline_article_view_begin_pick         (BylineArticleView *self);
void              byline_article_view_end_pick           (BylineArticleView *self);
gboolean          byline_article_view_get_picking        (BylineArticleView *self);
BylineAnnotation *byline_article_view_get_pick_target    (BylineArticleView *self);

/* Added: the tag that draws @label for annotations of @status (one tag
 * for manual and accepted, one for suggested; NULL for rejected, which are
 * not drawn, and for labels the schema lacks until one is used). The tags
 * are named "byline:LABEL" and "byline:LABEL:suggested" in the buffer's
 * tag table; "byline:selected" covers the selected annotation (and
 * "byline:selected:LABEL" too, for a background label, to deepen it) and
 * "byline:zoom" the whole text. Owned by the buffer; valid until the next
 * byline_article_view_set_document(). */
GtkTextTag       *byline_article_view_get_label_tag      (BylineArticleView *self,
                                                          const char        *label,
                                                          BylineStatus       status);

/* Added: properties "document" and "schema" (read-only, notified by
 * set_document), "picking" (read-only).
 *
 * Added: the widget action "article.context-menu" emits
 * "context-menu-requested" at the end of the selection (the cursor); the
 * view binds Menu and shift+F10 to it.
 *
 * The view sets its own line spacing (room above every line for the label
 * chips, following the zoom) through a tag, so "pixels-above-lines" and
 * "pixels-inside-wrap" set on the view have no effect.
 *
 * Signals:
 *   "annotation-activated" (BylineAnnotation *annotation): a click selected
 *       an annotation (after cycling), or a double click on one.
 *   "target-picked" (BylineAnnotation *annotation): while picking, a click
 *       on an annotation.
 *   "context-menu-requested" (double x, double y): the menu key or a right
 *       click on a selection: the window opens the label popover there.
 *       Widget coordinates: for a right click the pointer, for the keys
 *       the bottom of the cursor at the selection's end.
 */

G_END_DECLS

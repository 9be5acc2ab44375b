/* byline-article-view-draw-private.h: what the view's drawing files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-article-view-shapes.c finds where annotations are on screen
 * (runs), builds the paths of their shapes and keeps what was drawn from
 * frame to frame (items); byline-article-view-runs.c draws the items over
 * an annotation's runs (boxes, fills, lines); byline-article-view-draw.c
 * decides what to draw.
 */
#pragma once

#include "byline-article-view-private.h"

G_BEGIN_DECLS

/* A run of an annotation on one display line, in buffer coordinates.
 * A run continued from the line before is open on the left; one going on
 * to the next line is open on the right, like a box broken across lines. */
typedef struct
{
  double   x;
  double   y;
  double   width;
  double   height;
  guint    group;
  gboolean open_left;
  gboolean open_right;
} Run;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} Box;

/* A label chip on screen, or the name of a relation (no annotation). */
typedef struct
{
  Box               box;
  BylineAnnotation *annotation;
} Chip;

/* A display line of the text on screen. The rectangle of its first
 * character gives the top and height of every character on that line;
 * it is asked for only when a run starts there. */
typedef struct
{
  guint        start;
  gboolean     located;
  GdkRectangle rect;
} DisplayLine;

typedef struct
{
  BylineArticleView *self;
  GtkTextView       *view;
  GtkTextBuffer     *buffer;
  GtkSnapshot       *snapshot;
  GdkRectangle       visible;
  guint              start;
  guint              end;
  GdkRGBA            neutral;
  GdkRGBA            background;
  GdkRGBA            accent;
  GArray            *runs;
  GArray            *chips;
  GHashTable        *relation_names;
  GArray            *lines;
  GHashTable        *annotation_runs;
  /* The items of the frame before, and of this one (see Item). */
  GHashTable        *drawn_before;
  GHashTable        *drawn_now;
} Frame;

/* One thing drawn (a box, an underline, a chip, an arc): its own render
 * node, kept for the next frame under a key that holds everything it
 * was drawn from (kind, colours, sizes, runs, text, bounds). An item
 * drawn the same as in the frame before reuses that frame's node, so
 * that GSK's diff of the two frames finds it unchanged and repaints only
 * what did change: an edit repaints a word, not the whole view. Each
 * node is wrapped in its own translation, which GSK compares before it
 * pairs two nodes, so that one item more or less does not pair every
 * item after it with a different one (and repaint them all).
 *
 * An item is drawn with cairo (_byline_item_draw) only when it needs a
 * path GSK has no node for: a box broken across lines, a dashed line.
 * The rest (a chip, a box on one line, a solid underline) is made of
 * colour, border and text nodes (_byline_item_snapshot). GTK 4.8 keeps a
 * cairo node as a recording and plays it back into a new surface each
 * time it is drawn, on every frame that repaints it: a scroll repaints
 * the whole view, and 88 chips and boxes took 1.6 ms of a 6.2 ms paint
 * of the window. */
typedef struct
{
  GByteArray *key;
  GBytes     *bytes;
  cairo_t    *cr;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int         x;
  int         y;
} Item;

/* Kinds of items, the first part of every key. */
typedef enum
{
  ITEM_FILL = 1,
  ITEM_STROKE,
  ITEM_UNDERLINE,
  ITEM_STRIKE,
  ITEM_CHIP,
  ITEM_RELATION,
} ItemKind;

/* Geometry */
void      _byline_draw_find_display_lines (Frame            *f);
void      _byline_draw_add_runs           (Frame            *f,
                                           guint             start,
                                           guint             end,
                                           guint             clip_start,
                                           guint             clip_end,
                                           guint             max,
                                           guint             group,
                                           GArray           *runs);
GArray   *_byline_draw_cached_runs        (Frame            *f,
                                           BylineAnnotation *annotation);
gboolean  _byline_draw_edge_run           (Frame            *f,
                                           BylineAnnotation *annotation,
                                           gboolean          last,
                                           Run              *out);
void      _byline_draw_runs_extents       (GArray           *runs,
                                           double            grow_x,
                                           double            grow_y,
                                           graphene_rect_t  *out);

/* Paths */
void      _byline_draw_rounded_rect       (cairo_t          *cr,
                                           double            x,
                                           double            y,
                                           double            w,
                                           double            h,
                                           double            r);
void      _byline_draw_runs_path          (cairo_t          *cr,
                                           GArray           *runs,
                                           double            pad_x,
                                           double            pad_y);

/* Items over an annotation's runs: byline-article-view-runs.c */
void      _byline_draw_stroke_runs        (Frame            *f,
                                           GArray           *runs,
                                           const GdkRGBA    *color,
                                           double            width,
                                           double            pad_x,
                                           double            pad_y,
                                           gboolean          dashed);
void      _byline_draw_fill_runs          (Frame            *f,
                                           GArray           *runs,
                                           const GdkRGBA    *color,
                                           double            pad_x,
                                           double            pad_y);
void      _byline_draw_underline_runs     (Frame            *f,
                                           GArray           *runs,
                                           const GdkRGBA    *color,
                                           double            width,
                                           double            offset,
                                           gboolean          dashed);
void      _byline_draw_strike_runs        (Frame            *f,
                                           GArray           *runs,
                                           const GdkRGBA    *color);

/* Items */
void      _byline_item_begin              (Item             *item,
                                           ItemKind          kind);
void      _byline_item_add_double         (Item             *item,
                                           double            value);
void      _byline_item_add_uint           (Item             *item,
                                           guint             value);
void      _byline_item_add_color          (Item             *item,
                                           const GdkRGBA    *color);
void      _byline_item_add_string         (Item             *item,
                                           const char       *text);
void      _byline_item_add_runs           (Item             *item,
                                           GArray           *runs);
cairo_t  *_byline_item_draw               (Frame            *f,
                                           Item             *item,
                                           const graphene_rect_t *bounds);
GtkSnapshot *_byline_item_snapshot        (Frame            *f,
                                           Item             *item,
                                           const graphene_rect_t *bounds);
void      _byline_item_end                (Frame            *f,
                                           Item             *item);
GHashTable *_byline_item_table_new        (void);

G_END_DECLS

/* byline-article-view-shapes.c: where annotations are on screen, the
 * shapes drawn around them, and the items kept from frame to frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "byline-article-view-draw-private.h"

/* ---- Geometry ---------------------------------------------------------- */

/* Finds the display lines of [f->start, f->end) once per frame, so that
 * the runs of the annotations on screen need no walking of display lines
 * each (every step asks Pango about the whole paragraph). The last entry
 * only marks where the last line ends. */
void
_byline_draw_find_display_lines (Frame *f)
{
  GtkTextIter iter;
  DisplayLine line = { 0, };
  guint offset;

  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, (int) f->start);
  offset = f->start;
  for (;;)
    {
      line.start = offset;
      g_array_append_val (f->lines, line);
      if (offset >= f->end)
        break;
      if (!gtk_text_view_forward_display_line (f->view, &iter))
        gtk_text_buffer_get_end_iter (f->buffer, &iter);
      if ((guint) gtk_text_iter_get_offset (&iter) <= offset)
        {
          /* The end of the text: the last line ends there. */
          if ((guint) gtk_text_iter_get_offset (&iter) < offset)
            break;
          line.start = (guint) gtk_text_buffer_get_char_count (f->buffer);
          if (line.start > offset)
            g_array_append_val (f->lines, line);
          break;
        }
      offset = (guint) gtk_text_iter_get_offset (&iter);
    }
}

/* The display line holding @offset, or NULL off the lines found. */
static DisplayLine *
display_line_at (Frame *f,
                 guint  offset)
{
  DisplayLine *lines = (DisplayLine *) (gpointer) f->lines->data;
  guint lo = 0;
  guint hi;

  if (f->lines->len < 2 || offset < lines[0].start ||
      offset >= lines[f->lines->len - 1].start)
    return NULL;
  /* The last line starting at or before @offset. */
  hi = f->lines->len - 1;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (lines[mid].start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return &lines[lo];
}

/* Appends the runs of [start, end) that lie in [clip_start, clip_end),
 * at most @max of them, trimming the whitespace at line ends. */
void
_byline_draw_add_runs (Frame  *f,
                       guint   start,
                       guint   end,
                       guint   clip_start,
                       guint   clip_end,
                       guint   max,
                       guint   group,
                       GArray *runs)
{
  guint s = MAX (start, clip_start);
  guint e = MIN (end, clip_end);
  GtkTextIter iter;
  guint added = 0;
  guint run_start = s;

  if (s >= e)
    return;

  gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, (int) s);
  while (run_start < e && added < max)
    {
      DisplayLine *line = display_line_at (f, run_start);
      GtkTextIter last;
      GdkRectangle first_rect;
      GdkRectangle last_rect;
      guint next_start;
      guint run_end;
      Run run = { 0, };

      if (line != NULL)
        {
          next_start = line[1].start;
        }
      else
        {
          GtkTextIter next = iter;

          /* Off screen (the far end of a relation): ask the view. */
          if (!gtk_text_view_forward_display_line (f->view, &next))
            gtk_text_buffer_get_end_iter (f->buffer, &next);
          next_start = (guint) gtk_text_iter_get_offset (&next);
        }
      run_end = MIN (next_start, e);
      if (run_end <= run_start)
        break;

      last = iter;
      gtk_text_iter_forward_chars (&last, (int) (run_end - run_start));
      gtk_text_iter_backward_char (&last);
      while (gtk_text_iter_compare (&last, &iter) > 0 &&
             g_unichar_isspace (gtk_text_iter_get_char (&last)))
        gtk_text_iter_backward_char (&last);

      /* A blank line inside a quote of several paragraphs has no box. */
      if (!g_unichar_isspace (gtk_text_iter_get_char (&last)))
        {
          if (line != NULL && line->start == run_start)
            {
              if (!line->located)
                {
                  gtk_text_view_get_iter_location (f->view, &iter, &line->rect);
                  line->located = TRUE;
                }
              first_rect = line->rect;
            }
          else
            {
              gtk_text_view_get_iter_location (f->view, &iter, &first_rect);
            }
          gtk_text_view_get_iter_location (f->view, &last, &last_rect);
          run.x = first_rect.x;
          run.y = first_rect.y;
          run.width = MAX (last_rect.x + last_rect.width - first_rect.x, 2);
          run.height = first_rect.height;
          run.group = group;
          run.open_left = run_start > start;
          run.open_right = run_end < end;
          g_array_append_val (runs, run);
          added++;
        }
      if (next_start >= e)
        break;
      gtk_text_iter_forward_chars (&iter, (int) (next_start - run_start));
      run_start = next_start;
    }
}

/* The runs of an annotation on screen, found once per frame: an
 * annotation is often drawn more than once (its box or dashes, its chip,
 * as the selection). Owned by the frame. */
GArray *
_byline_draw_cached_runs (Frame            *f,
                          BylineAnnotation *annotation)
{
  GArray *runs = g_hash_table_lookup (f->annotation_runs, annotation);
  guint n;

  if (runs != NULL)
    return runs;
  runs = g_array_new (FALSE, FALSE, sizeof (Run));
  n = byline_annotation_get_n_fragments (annotation);
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *frag = byline_annotation_get_fragment (annotation, i);

      _byline_draw_add_runs (f, frag->start, frag->end, f->start, f->end, G_MAXUINT, i, runs);
    }
  g_hash_table_insert (f->annotation_runs, annotation, runs);
  return runs;
}

/* The first or last run of an annotation, found from the display line
 * it is on, so that a quote of a hundred lines costs no more than a word. */
gboolean
_byline_draw_edge_run (Frame            *f,
                       BylineAnnotation *annotation,
                       gboolean          last,
                       Run              *out)
{
  guint n = byline_annotation_get_n_fragments (annotation);
  const BylineFragment *frag = byline_annotation_get_fragment (annotation, last ? n - 1 : 0);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint from = frag->start;
  GtkTextIter iter;

  if (last)
    {
      gtk_text_buffer_get_iter_at_offset (f->buffer, &iter, (int) frag->end - 1);
      gtk_text_view_backward_display_line_start (f->view, &iter);
      from = MAX (from, (guint) gtk_text_iter_get_offset (&iter));
    }
  _byline_draw_add_runs (f, frag->start, frag->end, from, G_MAXUINT, 1, 0, runs);
  if (runs->len == 0)
    return FALSE;
  *out = g_array_index (runs, Run, 0);
  return TRUE;
}


/* ---- Paths ------------------------------------------------------------- */

/* A box path around a run, with rounded corners on its closed sides. */
static void
run_path (cairo_t    *cr,
          const Run  *run,
          double      pad_x,
          double      pad_y)
{
  double x0 = run->x - (run->open_left ? 0 : pad_x);
  double x1 = run->x + run->width + (run->open_right ? 0 : pad_x);
  double y0 = run->y - pad_y;
  double y1 = run->y + run->height + pad_y;
  double r = MIN (4.0, (y1 - y0) / 3);

  if (run->open_left)
    {
      cairo_move_to (cr, x0, y0);
    }
  else
    {
      cairo_move_to (cr, x0, y1 - r);
      cairo_line_to (cr, x0, y0 + r);
      cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 1.5 * G_PI);
    }
  if (run->open_right)
    {
      cairo_line_to (cr, x1, y0);
      cairo_move_to (cr, x1, y1);
    }
  else
    {
      cairo_line_to (cr, x1 - r, y0);
      cairo_arc (cr, x1 - r, y0 + r, r, 1.5 * G_PI, 2 * G_PI);
      cairo_line_to (cr, x1, y1 - r);
      cairo_arc (cr, x1 - r, y1 - r, r, 0, 0.5 * G_PI);
    }
  if (run->open_left)
    {
      cairo_line_to (cr, x0, y1);
    }
  else
    {
      cairo_line_to (cr, x0 + r, y1);
      cairo_arc (cr, x0 + r, y1 - r, r, 0.5 * G_PI, G_PI);
    }
}

void
_byline_draw_rounded_rect (cairo_t *cr,
                           double   x,
                           double   y,
                           double   w,
                           double   h,
                           double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -0.5 * G_PI, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, 0.5 * G_PI);
  cairo_arc (cr, x + r, y + h - r, r, 0.5 * G_PI, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

typedef struct
{
  double x;
  double y;
} Point;

/* Graphene does the square roots: the GUI library does not link libm. */
static double
distance (const Point *a,
          const Point *b)
{
  return graphene_point_distance (&GRAPHENE_POINT_INIT (a->x, a->y),
                                  &GRAPHENE_POINT_INIT (b->x, b->y), NULL, NULL);
}

/* A closed polygon with its corners rounded off. */
static void
rounded_polygon (cairo_t     *cr,
                 const Point *pts,
                 guint        n,
                 double       radius)
{
  for (guint i = 0; i < n; i++)
    {
      const Point *p0 = &pts[(i + n - 1) % n];
      const Point *p1 = &pts[i];
      const Point *p2 = &pts[(i + 1) % n];
      double d1 = distance (p0, p1);
      double d2 = distance (p2, p1);
      double r = MIN (radius, MIN (d1, d2) / 2);
      double ax = d1 > 0 ? p1->x + (p0->x - p1->x) * r / d1 : p1->x;
      double ay = d1 > 0 ? p1->y + (p0->y - p1->y) * r / d1 : p1->y;
      double bx = d2 > 0 ? p1->x + (p2->x - p1->x) * r / d2 : p1->x;
      double by = d2 > 0 ? p1->y + (p2->y - p1->y) * r / d2 : p1->y;

      if (i == 0)
        cairo_move_to (cr, ax, ay);
      else
        cairo_line_to (cr, ax, ay);
      cairo_curve_to (cr, p1->x, p1->y, p1->x, p1->y, bx, by);
    }
  cairo_close_path (cr);
}

/* The outline of one fragment's runs as a single shape, like a text
 * selection: the first line from where the fragment starts, the lines
 * between at full width, the last line up to where it ends. */
static void
shape_path (cairo_t   *cr,
            const Run *runs,
            guint      n,
            double     pad_x,
            double     pad_y)
{
  const Run *first = &runs[0];
  const Run *last = &runs[n - 1];
  double x0 = first->x - pad_x;
  double x1 = last->x + last->width + pad_x;
  double left = x0;
  double right = x1;
  Point pts[8];

  for (guint i = 0; i < n; i++)
    {
      left = MIN (left, runs[i].x - pad_x);
      right = MAX (right, runs[i].x + runs[i].width + pad_x);
    }

  if (n == 1)
    {
      pts[0] = (Point) { x0, first->y - pad_y };
      pts[1] = (Point) { x1, first->y - pad_y };
      pts[2] = (Point) { x1, first->y + first->height + pad_y };
      pts[3] = (Point) { x0, first->y + first->height + pad_y };
      rounded_polygon (cr, pts, 4, 4);
      return;
    }
  if (n == 2 && x1 <= x0)
    {
      /* Two lines that do not overlap: two open boxes, not a ribbon. */
      run_path (cr, first, pad_x, pad_y);
      run_path (cr, last, pad_x, pad_y);
      return;
    }

  pts[0] = (Point) { x0, first->y - pad_y };
  pts[1] = (Point) { right, first->y - pad_y };
  pts[2] = (Point) { right, last->y - pad_y };
  pts[3] = (Point) { x1, last->y - pad_y };
  pts[4] = (Point) { x1, last->y + last->height + pad_y };
  pts[5] = (Point) { left, last->y + last->height + pad_y };
  pts[6] = (Point) { left, runs[1].y - pad_y };
  pts[7] = (Point) { x0, runs[1].y - pad_y };
  rounded_polygon (cr, pts, 8, 4);
}

/* Calls shape_path for each fragment in @runs. */
void
_byline_draw_runs_path (cairo_t *cr,
                        GArray  *runs,
                        double   pad_x,
                        double   pad_y)
{
  guint i = 0;

  while (i < runs->len)
    {
      guint j = i + 1;
      guint group = g_array_index (runs, Run, i).group;

      while (j < runs->len && g_array_index (runs, Run, j).group == group)
        j++;
      shape_path (cr, &g_array_index (runs, Run, i), j - i, pad_x, pad_y);
      i = j;
    }
}


/* The smallest rectangle holding every run, grown on each side. */
void
_byline_draw_runs_extents (GArray          *runs,
                           double           grow_x,
                           double           grow_y,
                           graphene_rect_t *out)
{
  double x0 = G_MAXDOUBLE;
  double y0 = G_MAXDOUBLE;
  double x1 = -G_MAXDOUBLE;
  double y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      x0 = MIN (x0, run->x);
      y0 = MIN (y0, run->y);
      x1 = MAX (x1, run->x + run->width);
      y1 = MAX (y1, run->y + run->height);
    }
  if (runs->len == 0)
    {
      graphene_rect_init (out, 0, 0, 0, 0);
      return;
    }
  graphene_rect_init (out, x0 - grow_x, y0 - grow_y,
                      x1 - x0 + 2 * grow_x, y1 - y0 + 2 * grow_y);
}

/* ---- Items ------------------------------------------------------------- */

/* Keys are GBytes, nodes the values. */
GHashTable *
_byline_item_table_new (void)
{
  return g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                (GDestroyNotify) g_bytes_unref,
                                (GDestroyNotify) gsk_render_node_unref);
}

void
_byline_item_begin (Item     *item,
                    ItemKind  kind)
{
  memset (item, 0, sizeof *item);
  item->key = g_byte_array_sized_new (96);
  _byline_item_add_uint (item, kind);
}

/* The key is made of values written one by one, never of whole structs,
 * whose padding is not initialised. */
void
_byline_item_add_double (Item   *item,
                         double  value)
{
  g_byte_array_append (item->key, (const guint8 *) &value, sizeof value);
}

void
_byline_item_add_uint (Item  *item,
                       guint  value)
{
  g_byte_array_append (item->key, (const guint8 *) &value, sizeof value);
}

void
_byline_item_add_color (Item          *item,
                        const GdkRGBA *color)
{
  float values[4] = { color->red, color->green, color->blue, color->alpha };

  g_byte_array_append (item->key, (const guint8 *) values, sizeof values);
}

void
_byline_item_add_string (Item       *item,
                         const char *text)
{
  gsize len = text != NULL ? strlen (text) : 0;

  _byline_item_add_uint (item, (guint) len);
  g_byte_array_append (item->key, (const guint8 *) text, (guint) len);
}

void
_byline_item_add_runs (Item   *item,
                       GArray *runs)
{
  _byline_item_add_uint (item, runs->len);
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      _byline_item_add_double (item, run->x);
      _byline_item_add_double (item, run->y);
      _byline_item_add_double (item, run->width);
      _byline_item_add_double (item, run->height);
      _byline_item_add_uint (item, run->group);
      _byline_item_add_uint (item, (run->open_left ? 1 : 0) | (run->open_right ? 2 : 0));
    }
}

/* The GUI library does not link libm for floor() and ceil(). */
static int
floor_int (double value)
{
  int i = (int) value;

  return (double) i > value ? i - 1 : i;
}

static int
ceil_int (double value)
{
  int i = (int) value;

  return (double) i < value ? i + 1 : i;
}

/* Places @item: cuts @bounds to the screen and a margin, finishes its
 * key, and takes the node of the frame before (or of this one) when it
 * was drawn the same. Returns whether it must be drawn anew. */
static gboolean
item_place (Frame                 *f,
            Item                  *item,
            const graphene_rect_t *bounds,
            int                   *width,
            int                   *height)
{
  graphene_rect_t screen;
  graphene_rect_t clipped;
  GskRenderNode *node;
  int x1;
  int y1;

  /* Shapes that go on off screen stop a little beyond it: a relation to
   * an annotation a thousand lines away is not a surface that tall. */
  graphene_rect_init (&screen, f->visible.x - 64, f->visible.y - 64,
                      f->visible.width + 128, f->visible.height + 128);
  if (!graphene_rect_intersection (bounds, &screen, &clipped))
    return FALSE;
  item->x = floor_int (clipped.origin.x);
  item->y = floor_int (clipped.origin.y);
  x1 = ceil_int (clipped.origin.x + clipped.size.width);
  y1 = ceil_int (clipped.origin.y + clipped.size.height);
  if (x1 <= item->x || y1 <= item->y)
    return FALSE;
  _byline_item_add_uint (item, (guint) item->x);
  _byline_item_add_uint (item, (guint) item->y);
  _byline_item_add_uint (item, (guint) (x1 - item->x));
  _byline_item_add_uint (item, (guint) (y1 - item->y));
  item->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&item->key));

  /* Drawn already in this frame (the same box twice), or in the one before. */
  node = g_hash_table_lookup (f->drawn_now, item->bytes);
  if (node != NULL)
    {
      item->node = gsk_render_node_ref (node);
      return FALSE;
    }
  if (g_hash_table_steal_extended (f->drawn_before, item->bytes, NULL, (gpointer *) &node))
    {
      item->node = node;
      return FALSE;
    }
  *width = x1 - item->x;
  *height = y1 - item->y;
  return TRUE;
}

/* Returns the context to draw @item with, in buffer coordinates and
 * clipped to @bounds (cut to the screen and a margin), or NULL when
 * there is nothing to draw: the item is empty or off screen, or the
 * frame before drew the same and its node is used again. Either way,
 * _byline_item_end() follows. */
cairo_t *
_byline_item_draw (Frame                 *f,
                   Item                  *item,
                   const graphene_rect_t *bounds)
{
  int width;
  int height;

  if (!item_place (f, item, bounds, &width, &height))
    return NULL;
  item->node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  item->cr = gsk_cairo_node_get_draw_context (item->node);
  cairo_translate (item->cr, -item->x, -item->y);
  cairo_set_line_join (item->cr, CAIRO_LINE_JOIN_ROUND);
  return item->cr;
}

/* As _byline_item_draw (), for an item made of render nodes: returns the
 * snapshot to add them to, in buffer coordinates (not clipped), or NULL
 * when there is nothing to draw. */
GtkSnapshot *
_byline_item_snapshot (Frame                 *f,
                       Item                  *item,
                       const graphene_rect_t *bounds)
{
  int width;
  int height;

  if (!item_place (f, item, bounds, &width, &height))
    return NULL;
  item->snapshot = gtk_snapshot_new ();
  gtk_snapshot_translate (item->snapshot, &GRAPHENE_POINT_INIT (-item->x, -item->y));
  return item->snapshot;
}

/* Appends the item's node to the frame and keeps it for the next one. */
void
_byline_item_end (Frame *f,
                  Item  *item)
{
  /* Drawn now, not taken from a frame before: placed by a translation. */
  gboolean fresh = item->cr != NULL || item->snapshot != NULL;

  if (item->key != NULL)
    g_byte_array_unref (item->key);
  if (item->snapshot != NULL)
    item->node = gtk_snapshot_free_to_node (g_steal_pointer (&item->snapshot));
  if (item->node == NULL)
    {
      g_clear_pointer (&item->bytes, g_bytes_unref);
      memset (item, 0, sizeof *item);
      return;
    }
  if (fresh)
    {
      GskTransform *at = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (item->x, item->y));
      GskRenderNode *placed;

      g_clear_pointer (&item->cr, cairo_destroy);
      placed = gsk_transform_node_new (item->node, at);
      gsk_transform_unref (at);
      gsk_render_node_unref (item->node);
      item->node = placed;
    }
  if (!g_hash_table_contains (f->drawn_now, item->bytes))
    g_hash_table_insert (f->drawn_now, g_bytes_ref (item->bytes), gsk_render_node_ref (item->node));
  gtk_snapshot_append_node (f->snapshot, item->node);
  gsk_render_node_unref (item->node);
  g_bytes_unref (item->bytes);
  memset (item, 0, sizeof *item);
}

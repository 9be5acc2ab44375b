/* byline-article-view-runs.c: what the article view draws over an
 * annotation's runs: boxes, fills, underlines and strike-throughs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is one item (see Item in byline-article-view-draw-private.h). A
 * shape GSK has nodes for (a box on one line, a solid line) is made of
 * border and colour nodes; a box broken across lines or a dashed edge is
 * drawn with cairo.
 */
#include "config.h"

#include "byline-article-view-draw-private.h"

/* The start of an item drawn over @runs: what every run item's key
 * holds. */
static void
begin_runs_item (Item          *item,
                 ItemKind       kind,
                 GArray        *runs,
                 const GdkRGBA *color,
                 double         width,
                 double         a,
                 double         b,
                 gboolean       dashed)
{
  _byline_item_begin (item, kind);
  _byline_item_add_color (item, color);
  _byline_item_add_double (item, width);
  _byline_item_add_double (item, a);
  _byline_item_add_double (item, b);
  _byline_item_add_uint (item, dashed);
  _byline_item_add_runs (item, runs);
}

/* Whether each fragment in @runs is on one line: its shape is then a
 * rounded rectangle, which render nodes draw without cairo. */
static gboolean
one_run_per_fragment (GArray *runs)
{
  for (guint i = 1; i < runs->len; i++)
    {
      if (g_array_index (runs, Run, i).group == g_array_index (runs, Run, i - 1).group)
        return FALSE;
    }
  return TRUE;
}

/* The rounded rectangle shape_path () makes of one run (corners of 4 px
 * at most), grown by @grow on each side. */
static void
run_rounded_rect (const Run      *run,
                  double          pad_x,
                  double          pad_y,
                  double          grow,
                  GskRoundedRect *out)
{
  double width = run->width + 2 * pad_x;
  double height = run->height + 2 * pad_y;
  double radius = MIN (4, MIN (width, height) / 2);

  gsk_rounded_rect_init_from_rect (out,
                                   &GRAPHENE_RECT_INIT (run->x - pad_x - grow, run->y - pad_y - grow,
                                                        width + 2 * grow, height + 2 * grow),
                                   MAX (0, radius + grow));
}

void
_byline_draw_stroke_runs (Frame         *f,
                          GArray        *runs,
                          const GdkRGBA *color,
                          double         width,
                          double         pad_x,
                          double         pad_y,
                          gboolean       dashed)
{
  static const double dash[] = { 3.0, 2.0 };
  graphene_rect_t bounds;
  Item item;
  cairo_t *cr;

  if (runs->len == 0)
    return;
  begin_runs_item (&item, ITEM_STROKE, runs, color, width, pad_x, pad_y, dashed);
  _byline_draw_runs_extents (runs, ABS (pad_x) + width + 1, ABS (pad_y) + width + 1, &bounds);
  if (!dashed && one_run_per_fragment (runs))
    {
      GtkSnapshot *snapshot = _byline_item_snapshot (f, &item, &bounds);
      const float widths[4] = { width, width, width, width };
      const GdkRGBA colors[4] = { *color, *color, *color, *color };

      /* A border inside the rectangle grown by half the line width is
       * the stroke of the rectangle. */
      for (guint i = 0; snapshot != NULL && i < runs->len; i++)
        {
          GskRoundedRect outline;

          run_rounded_rect (&g_array_index (runs, Run, i), pad_x, pad_y, width / 2, &outline);
          gtk_snapshot_append_border (snapshot, &outline, widths, colors);
        }
    }
  else if ((cr = _byline_item_draw (f, &item, &bounds)) != NULL)
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, width);
      if (dashed)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      _byline_draw_runs_path (cr, runs, pad_x, pad_y);
      cairo_stroke (cr);
    }
  _byline_item_end (f, &item);
}

void
_byline_draw_fill_runs (Frame         *f,
                        GArray        *runs,
                        const GdkRGBA *color,
                        double         pad_x,
                        double         pad_y)
{
  graphene_rect_t bounds;
  Item item;
  cairo_t *cr;

  if (runs->len == 0)
    return;
  begin_runs_item (&item, ITEM_FILL, runs, color, 0, pad_x, pad_y, FALSE);
  _byline_draw_runs_extents (runs, ABS (pad_x) + 1, ABS (pad_y) + 1, &bounds);
  if (one_run_per_fragment (runs))
    {
      GtkSnapshot *snapshot = _byline_item_snapshot (f, &item, &bounds);

      for (guint i = 0; snapshot != NULL && i < runs->len; i++)
        {
          GskRoundedRect shape;

          run_rounded_rect (&g_array_index (runs, Run, i), pad_x, pad_y, 0, &shape);
          gtk_snapshot_push_rounded_clip (snapshot, &shape);
          gtk_snapshot_append_color (snapshot, color, &shape.bounds);
          gtk_snapshot_pop (snapshot);
        }
    }
  else if ((cr = _byline_item_draw (f, &item, &bounds)) != NULL)
    {
      gdk_cairo_set_source_rgba (cr, color);
      _byline_draw_runs_path (cr, runs, pad_x, pad_y);
      cairo_fill (cr);
    }
  _byline_item_end (f, &item);
}

/* Underlines sit below the outline boxes, in the room the view keeps
 * under every line. */
void
_byline_draw_underline_runs (Frame         *f,
                             GArray        *runs,
                             const GdkRGBA *color,
                             double         width,
                             double         offset,
                             gboolean       dashed)
{
  static const double dash[] = { 4.0, 2.5 };
  graphene_rect_t bounds;
  Item item;
  cairo_t *cr;

  if (runs->len == 0)
    return;
  begin_runs_item (&item, ITEM_UNDERLINE, runs, color, width, offset, 0, dashed);
  _byline_draw_runs_extents (runs, 1, 0, &bounds);
  bounds.size.height += 4.5 + offset + width + 1;
  if (!dashed)
    {
      GtkSnapshot *snapshot = _byline_item_snapshot (f, &item, &bounds);

      for (guint i = 0; snapshot != NULL && i < runs->len; i++)
        {
          const Run *run = &g_array_index (runs, Run, i);
          double y = run->y + run->height + 4.5 + offset;

          gtk_snapshot_append_color (snapshot, color,
                                     &GRAPHENE_RECT_INIT (run->x, y - width / 2, run->width, width));
        }
    }
  else if ((cr = _byline_item_draw (f, &item, &bounds)) != NULL)
    {
      gdk_cairo_set_source_rgba (cr, color);
      cairo_set_line_width (cr, width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      if (dashed)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      for (guint i = 0; i < runs->len; i++)
        {
          const Run *run = &g_array_index (runs, Run, i);
          double y = run->y + run->height + 4.5 + offset;

          cairo_new_path (cr);
          cairo_move_to (cr, run->x, y);
          cairo_line_to (cr, run->x + run->width, y);
          cairo_stroke (cr);
        }
    }
  _byline_item_end (f, &item);
}

/* A line through the middle of each run: a rejected suggestion, when the
 * view shows them. */
void
_byline_draw_strike_runs (Frame         *f,
                          GArray        *runs,
                          const GdkRGBA *color)
{
  graphene_rect_t bounds;
  Item item;
  GtkSnapshot *snapshot;

  if (runs->len == 0)
    return;
  begin_runs_item (&item, ITEM_STRIKE, runs, color, 1, 0, 0, FALSE);
  _byline_draw_runs_extents (runs, 1, 1, &bounds);
  if ((snapshot = _byline_item_snapshot (f, &item, &bounds)) != NULL)
    {
      for (guint i = 0; i < runs->len; i++)
        {
          const Run *run = &g_array_index (runs, Run, i);
          double y = run->y + run->height * 0.55;

          gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (run->x, y - 0.5, run->width, 1));
        }
    }
  _byline_item_end (f, &item);
}

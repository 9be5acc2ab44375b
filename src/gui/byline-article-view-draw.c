/* byline-article-view-draw.c: what the article view draws itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tags draw entity backgrounds and claim underlines. Everything else is
 * drawn here, for the visible rectangle only, from one span index query
 * over the visible text: outline boxes of the speakers layer, dashes
 * around suggestions, the selected annotation and the pick target, the
 * label chips above annotation starts, and the relations of the selected
 * annotation. The cost of a frame follows what is on screen, not the size
 * of the document.
 */
#include "config.h"

#include "byline-article-view-draw-private.h"

static void
annotation_runs (Frame            *f,
                 BylineAnnotation *annotation,
                 GArray           *runs)
{
  GArray *cached = _byline_draw_cached_runs (f, annotation);

  g_array_set_size (runs, 0);
  g_array_append_vals (runs, cached->data, cached->len);
}

/* How many annotations of the same style on screen hold this one: nested
 * boxes are drawn inside their parents and nested underlines below them,
 * so that both stay visible. */
static guint
nesting_depth (Frame            *f,
               GPtrArray        *annotations,
               BylineAnnotation *annotation,
               BylineLookStyle   style)
{
  guint start = byline_annotation_get_start (annotation);
  guint end = byline_annotation_get_end (annotation);
  guint depth = 0;

  for (guint i = 0; i < annotations->len; i++)
    {
      BylineAnnotation *other = annotations->pdata[i];
      BylineLook *look;
      guint os;
      guint oe;

      if (other == annotation || !_byline_article_view_is_drawn (f->self, other))
        continue;
      os = byline_annotation_get_start (other);
      oe = byline_annotation_get_end (other);
      if (os > start)
        break;
      look = _byline_article_view_get_look (f->self, byline_annotation_get_label (other));
      if (look == NULL || look->style != style)
        continue;
      if (os <= start && oe >= end && (os < start || oe > end ||
                                       byline_annotation_compare (other, annotation) < 0))
        depth++;
    }
  return MIN (depth, 2);
}

/* ---- Chips ------------------------------------------------------------- */

/* Returns a new reference. The layouts are kept from frame to frame,
 * keyed by their text (a label name, mostly): shaping a hundred chips
 * anew on every frame was a fifth of its time. Pango lays a kept layout
 * out again by itself when the widget's context changes; the view drops
 * them all when the chip size does (update_chip_metrics). */
static PangoLayout *
small_layout (Frame      *f,
              const char *text,
              gboolean    bold,
              double      scale)
{
  g_autofree char *key = g_strdup_printf ("%c%g:%s", bold ? 'b' : 'r', scale, text);
  PangoLayout *layout = g_hash_table_lookup (f->self->chip_layouts, key);
  PangoFontDescription *font;
  PangoAttrList *attrs;

  if (layout != NULL)
    return g_object_ref (layout);
  /* Relation names vary: a bound, not a policy. */
  if (g_hash_table_size (f->self->chip_layouts) >= 256)
    g_hash_table_remove_all (f->self->chip_layouts);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (f->self), text);
  font = pango_font_description_from_string ("Sans");
  attrs = pango_attr_list_new ();

  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, f->self->chip_font_px * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  /* Spaced capitals read as a label, not as part of the article. */
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (0.04 * f->self->chip_font_px * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (font);
  g_hash_table_insert (f->self->chip_layouts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

static gboolean
box_overlaps (const Box *a,
              const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_is_clear (Frame     *f,
              const Box *box)
{
  for (guint i = 0; i < f->chips->len; i++)
    {
      if (box_overlaps (box, &g_array_index (f->chips, Chip, i).box))
        return FALSE;
    }
  return TRUE;
}

static const Chip *
find_chip (Frame            *f,
           BylineAnnotation *annotation)
{
  for (guint i = 0; i < f->chips->len; i++)
    {
      if (g_array_index (f->chips, Chip, i).annotation == annotation)
        return &g_array_index (f->chips, Chip, i);
    }
  return NULL;
}

/* The chip names the label; on an annotation related to the selected one
 * it names the relations too ("SPEAKER · Said by"), so that the arcs
 * need no labels of their own in the crowded room between lines. */
static void
draw_chip (Frame            *f,
           BylineAnnotation *annotation,
           BylineLook       *look,
           const Run        *first)
{
  g_autoptr(GString) text = g_string_new (look->name);
  g_autoptr(PangoLayout) layout = NULL;
  BylineStatus status = byline_annotation_get_status (annotation);
  gboolean selected = annotation == f->self->selected;
  gboolean current = g_strcmp0 (look->layer, f->self->layer) == 0;
  const char *names = NULL;
  double alpha;
  PangoRectangle logical;
  GdkRGBA ink;
  GdkRGBA fill;
  Chip chip;
  gboolean moved;
  Item item;
  graphene_rect_t bounds;
  cairo_t *cr;

  g_string_replace (text, "_", " ", 0);
  if (f->relation_names != NULL)
    names = g_hash_table_lookup (f->relation_names, annotation);
  if (names != NULL)
    g_string_append_printf (text, " · %s", names);
  alpha = current || selected || names != NULL ? 1.0 : 0.6;

  layout = small_layout (f, text->str, TRUE, 1.0);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  chip.annotation = annotation;
  chip.box.width = logical.width + 6;
  chip.box.height = f->self->chip_height;
  chip.box.x = first->x - (look->style == BYLINE_LOOK_OUTLINE ? 3 : 0);
  chip.box.y = first->y - chip.box.height - 2;

  /* Chips of annotations that start close together go side by side. */
  do
    {
      moved = FALSE;
      for (guint i = 0; i < f->chips->len; i++)
        {
          const Box *other = &g_array_index (f->chips, Chip, i).box;

          if (box_overlaps (&chip.box, other))
            {
              chip.box.x = other->x + other->width + 2;
              moved = TRUE;
            }
        }
    }
  while (moved);
  g_array_append_val (f->chips, chip);

  _byline_article_view_ink (f->self, &look->color, &ink);
  _byline_item_begin (&item, ITEM_CHIP);
  _byline_item_add_double (&item, chip.box.x);
  _byline_item_add_double (&item, chip.box.y);
  _byline_item_add_double (&item, chip.box.width);
  _byline_item_add_double (&item, chip.box.height);
  _byline_item_add_double (&item, f->self->chip_font_px);
  _byline_item_add_string (&item, text->str);
  _byline_item_add_uint (&item, status);
  _byline_item_add_uint (&item, selected);
  _byline_item_add_double (&item, alpha);
  _byline_item_add_color (&item, &look->color);
  _byline_item_add_color (&item, &ink);
  _byline_item_add_color (&item, &f->background);
  _byline_item_add_color (&item, &f->neutral);
  bounds = GRAPHENE_RECT_INIT (chip.box.x - 1, chip.box.y - 1, chip.box.width + 2, chip.box.height + 2);

  /* Dashed edges (suggested, rejected) need cairo; the rest is a rounded
   * clip, colours and the text. */
  if (selected || (status != BYLINE_STATUS_REJECTED && status != BYLINE_STATUS_SUGGESTED))
    {
      GtkSnapshot *snapshot = _byline_item_snapshot (f, &item, &bounds);
      GskRoundedRect shape;

      if (snapshot != NULL)
        {
          gsk_rounded_rect_init_from_rect (&shape,
                                           &GRAPHENE_RECT_INIT (chip.box.x, chip.box.y,
                                                                chip.box.width, chip.box.height),
                                           3);
          gtk_snapshot_push_rounded_clip (snapshot, &shape);
          if (selected)
            {
              gtk_snapshot_append_color (snapshot, &ink, &shape.bounds);
              ink = f->background;
            }
          else
            {
              /* Opaque under the tint, so that arcs and boxes pass behind. */
              gtk_snapshot_append_color (snapshot, &f->background, &shape.bounds);
              fill = f->self->dark ? ink : look->color;
              fill.alpha = (f->self->dark ? 0.30 : 0.16) * alpha;
              gtk_snapshot_append_color (snapshot, &fill, &shape.bounds);
              ink.alpha = alpha;
            }
          gtk_snapshot_pop (snapshot);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (chip.box.x + 3 - logical.x,
                                                        chip.box.y + (chip.box.height - logical.height) / 2.0 - logical.y));
          gtk_snapshot_append_layout (snapshot, layout, &ink);
          gtk_snapshot_restore (snapshot);
        }
      _byline_item_end (f, &item);
      return;
    }

  if ((cr = _byline_item_draw (f, &item, &bounds)) == NULL)
    {
      _byline_item_end (f, &item);
      return;
    }

  /* A suggestion or a rejected one: a dashed edge. */
  _byline_draw_rounded_rect (cr, chip.box.x, chip.box.y, chip.box.width, chip.box.height, 3);
  gdk_cairo_set_source_rgba (cr, &f->background);
  cairo_fill_preserve (cr);
  if (status == BYLINE_STATUS_REJECTED)
    {
      ink = f->neutral;
      ink.alpha = 0.6;
    }
  else
    {
      ink.alpha = 0.75 * alpha;
    }
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, (const double[]) { 2.0, 1.5 }, 2, 0);
  cairo_stroke (cr);
  if (status == BYLINE_STATUS_REJECTED)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, chip.box.x + 2, chip.box.y + chip.box.height / 2);
      cairo_line_to (cr, chip.box.x + chip.box.width - 2, chip.box.y + chip.box.height / 2);
      cairo_stroke (cr);
    }
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_move_to (cr, chip.box.x + 3 - logical.x,
                 chip.box.y + (chip.box.height - logical.height) / 2.0 - logical.y);
  pango_cairo_show_layout (cr, layout);
  _byline_item_end (f, &item);
}

/* ---- Relations --------------------------------------------------------- */

static double
bezier (double p0,
        double p1,
        double p2,
        double p3,
        double t)
{
  double u = 1 - t;

  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/* When the related annotation has no chip on screen, the relation's name
 * goes on the arc, at the first place along it that covers no chip.
 * Returns its layout; @chip is where it goes. */
static PangoLayout *
place_relation_name (Frame        *f,
                     const char   *name,
                     const double *px,
                     const double *py,
                     Chip         *chip)
{
  static const double places[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 };
  PangoLayout *layout = small_layout (f, name, FALSE, 1.0);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *chip = (Chip) { { 0, }, NULL };
  chip->box.width = logical.width + 10;
  chip->box.height = logical.height + 2;
  for (guint k = 0; k <= G_N_ELEMENTS (places); k++)
    {
      double t = k < G_N_ELEMENTS (places) ? places[k] : 0.5;

      chip->box.x = bezier (px[0], px[1], px[2], px[3], t) - chip->box.width / 2;
      chip->box.y = bezier (py[0], py[1], py[2], py[3], t) - chip->box.height / 2;
      if (box_is_clear (f, &chip->box))
        break;
    }
  g_array_append_val (f->chips, *chip);
  return layout;
}

static void
paint_relation_name (Frame       *f,
                     cairo_t     *cr,
                     PangoLayout *layout,
                     const Chip  *chip)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_new_path (cr);
  _byline_draw_rounded_rect (cr, chip->box.x, chip->box.y, chip->box.width, chip->box.height,
                             chip->box.height / 2);
  gdk_cairo_set_source_rgba (cr, &f->background);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &f->neutral);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_move_to (cr, chip->box.x + 5 - logical.x, chip->box.y + 1 - logical.y);
  pango_cairo_show_layout (cr, layout);
}

/* Where an arc meets an annotation: the top of its chip when it has one
 * on this line, else the top (@top) or bottom of @run, near the end that
 * faces the other annotation (@toward_end), clear of the chip at its
 * start. */
static void
end_point (Frame            *f,
           BylineAnnotation *annotation,
           const Run        *run,
           gboolean          top,
           gboolean          toward_end,
           double           *x,
           double           *y)
{
  const Chip *chip = top ? find_chip (f, annotation) : NULL;

  if (chip != NULL && G_APPROX_VALUE (chip->box.y + chip->box.height + 2, run->y, 0.5))
    {
      *x = chip->box.x + MIN (chip->box.width / 2, 24);
      *y = chip->box.y;
      return;
    }
  if (toward_end)
    *x = run->x + run->width - MIN (run->width / 2, 10);
  else
    *x = run->x + MIN (run->width / 2, 24);
  *y = top ? run->y - 2 : run->y + run->height + 2;
}

/* An arrow from one annotation to the other: over the line, chip to chip,
 * when both ends are on one line; from the bottom of the upper end to the
 * top of the lower one otherwise. */
static void
draw_relation (Frame            *f,
               BylineRelation   *relation,
               BylineAnnotation *from,
               BylineAnnotation *to)
{
  const BylineRelationType *type;
  BylineAnnotation *other;
  Run from_first, from_last, to_first, to_last;
  double px[4];
  double py[4];
  double lift;
  graphene_vec2_t dir;
  double ux;
  double uy;
  GdkRGBA halo;
  g_autoptr(PangoLayout) layout = NULL;
  const char *name = NULL;
  Chip name_chip;
  graphene_rect_t bounds;
  double x0, y0, x1, y1;
  Item item;
  cairo_t *cr;

  if (!_byline_draw_edge_run (f, from, FALSE, &from_first) || !_byline_draw_edge_run (f, from, TRUE, &from_last) ||
      !_byline_draw_edge_run (f, to, FALSE, &to_first) || !_byline_draw_edge_run (f, to, TRUE, &to_last))
    return;

  if (G_APPROX_VALUE (from_last.y, to_first.y, 0.5) || G_APPROX_VALUE (from_first.y, to_last.y, 0.5))
    {
      gboolean after = G_APPROX_VALUE (from_last.y, to_first.y, 0.5);

      end_point (f, from, after ? &from_last : &from_first, TRUE, after, &px[0], &py[0]);
      end_point (f, to, after ? &to_first : &to_last, TRUE, !after, &px[3], &py[3]);
      lift = 10 + MIN (16, ABS (px[3] - px[0]) * 0.04);
      px[1] = px[0];
      px[2] = px[3];
      py[1] = py[2] = MIN (py[0], py[3]) - lift;
    }
  else
    {
      gboolean down = to_first.y > from_last.y;

      end_point (f, from, down ? &from_last : &from_first, !down, down, &px[0], &py[0]);
      end_point (f, to, down ? &to_first : &to_last, down, !down, &px[3], &py[3]);
      lift = MIN (60, ABS (py[3] - py[0]) / 2);
      px[1] = px[0];
      px[2] = px[3];
      py[1] = py[0] + (down ? lift : -lift);
      py[2] = py[3] + (down ? -lift : lift);
    }

  other = from == f->self->selected ? to : from;
  if (find_chip (f, other) == NULL)
    {
      type = byline_schema_lookup_relation_type (f->self->schema,
                                                 byline_relation_get_relation_type (relation));
      name = type != NULL && type->title != NULL ? type->title
                                                 : byline_relation_get_relation_type (relation);
      layout = place_relation_name (f, name, px, py, &name_chip);
    }

  /* A Bézier curve stays inside its control points; the halo and the
   * arrowhead reach 8 pixels beyond. */
  x0 = MIN (MIN (px[0], px[1]), MIN (px[2], px[3])) - 8;
  y0 = MIN (MIN (py[0], py[1]), MIN (py[2], py[3])) - 8;
  x1 = MAX (MAX (px[0], px[1]), MAX (px[2], px[3])) + 8;
  y1 = MAX (MAX (py[0], py[1]), MAX (py[2], py[3])) + 8;
  graphene_rect_init (&bounds, x0, y0, x1 - x0, y1 - y0);
  if (layout != NULL)
    graphene_rect_union (&bounds,
                         &GRAPHENE_RECT_INIT (name_chip.box.x - 1, name_chip.box.y - 1,
                                              name_chip.box.width + 2, name_chip.box.height + 2),
                         &bounds);

  _byline_item_begin (&item, ITEM_RELATION);
  for (guint i = 0; i < 4; i++)
    {
      _byline_item_add_double (&item, px[i]);
      _byline_item_add_double (&item, py[i]);
    }
  _byline_item_add_color (&item, &f->background);
  _byline_item_add_color (&item, &f->neutral);
  _byline_item_add_double (&item, f->self->chip_font_px);
  _byline_item_add_string (&item, name);
  if (layout != NULL)
    {
      _byline_item_add_double (&item, name_chip.box.x);
      _byline_item_add_double (&item, name_chip.box.y);
    }
  if ((cr = _byline_item_draw (f, &item, &bounds)) == NULL)
    {
      _byline_item_end (f, &item);
      return;
    }

  halo = f->background;
  halo.alpha = 0.9;
  cairo_move_to (cr, px[0], py[0]);
  cairo_curve_to (cr, px[1], py[1], px[2], py[2], px[3], py[3]);
  gdk_cairo_set_source_rgba (cr, &halo);
  cairo_set_line_width (cr, 4);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &f->neutral);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* The arrowhead follows the curve's last tangent into the target. */
  graphene_vec2_init (&dir, px[3] - px[2], py[3] - py[2]);
  if (graphene_vec2_length (&dir) < 0.01)
    graphene_vec2_init (&dir, 0, 1);
  graphene_vec2_normalize (&dir, &dir);
  ux = graphene_vec2_get_x (&dir);
  uy = graphene_vec2_get_y (&dir);
  cairo_move_to (cr, px[3], py[3]);
  cairo_line_to (cr, px[3] - 7 * ux - 3.5 * uy, py[3] - 7 * uy + 3.5 * ux);
  cairo_line_to (cr, px[3] - 7 * ux + 3.5 * uy, py[3] - 7 * uy - 3.5 * ux);
  cairo_close_path (cr);
  cairo_fill (cr);

  if (layout != NULL)
    paint_relation_name (f, cr, layout, &name_chip);
  _byline_item_end (f, &item);
}

static GPtrArray *
selected_relations (Frame *f)
{
  return byline_document_get_relations_of (f->self->document,
                                           byline_annotation_get_id (f->self->selected));
}

/* The names of the relations of the selected annotation, by the
 * annotation at their other end, for the chips. */
static GHashTable *
collect_relation_names (Frame     *f,
                        GPtrArray *relations)
{
  BylineDocument *document = f->self->document;
  GHashTable *names = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *relation = relations->pdata[i];
      const char *type_name = byline_relation_get_relation_type (relation);
      const BylineRelationType *type = byline_schema_lookup_relation_type (f->self->schema, type_name);
      const char *other_id = g_strcmp0 (byline_relation_get_from (relation),
                                        byline_annotation_get_id (f->self->selected)) == 0
                             ? byline_relation_get_to (relation)
                             : byline_relation_get_from (relation);
      BylineAnnotation *other = byline_document_lookup_annotation (document, other_id);
      const char *title = type != NULL && type->title != NULL ? type->title : type_name;
      const char *before;

      /* "CUE · Cue" says nothing the label does not. */
      if (other == NULL || other == f->self->selected ||
          g_ascii_strcasecmp (title, byline_annotation_get_label (other)) == 0)
        continue;
      before = g_hash_table_lookup (names, other);
      g_hash_table_insert (names, other,
                           before != NULL ? g_strconcat (before, ", ", title, NULL) : g_strdup (title));
    }
  return names;
}

static void
draw_relations (Frame     *f,
                GPtrArray *relations)
{
  BylineDocument *document = f->self->document;

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *relation = relations->pdata[i];
      BylineAnnotation *from = byline_document_lookup_annotation (document, byline_relation_get_from (relation));
      BylineAnnotation *to = byline_document_lookup_annotation (document, byline_relation_get_to (relation));

      if (from != NULL && to != NULL && from != to)
        draw_relation (f, relation, from, to);
    }
}

/* ---- Layers ------------------------------------------------------------ */

static gboolean
is_pick_candidate (Frame            *f,
                   BylineAnnotation *annotation)
{
  g_autoptr(GPtrArray) types = NULL;
  BylineAnnotation *source = f->self->selected;

  if (source == NULL || annotation == source)
    return FALSE;
  types = byline_schema_relation_types_for (f->self->schema,
                                            byline_annotation_get_label (source),
                                            byline_annotation_get_label (annotation));
  return types != NULL && types->len > 0;
}

static void
draw_below (Frame *f)
{
  BylineArticleView *self = f->self;
  BylineLook *look;
  GdkRGBA color;

  /* Backgrounds of the selected annotation and the pick target, under the
   * text and under the entity tags, so that entities inside a selected
   * quote keep their own colour. */
  if (self->selected != NULL)
    {
      look = _byline_article_view_get_look (self, byline_annotation_get_label (self->selected));
      if (look != NULL && look->style != BYLINE_LOOK_BACKGROUND)
        {
          _byline_article_view_ink (self, &look->color, &color);
          color.alpha = self->dark ? 0.18 : 0.10;
          annotation_runs (f, self->selected, f->runs);
          _byline_draw_fill_runs (f, f->runs, &color, 3, 2);
        }
    }
  if (self->picking && self->pick_target != NULL)
    {
      color = f->accent;
      color.alpha = 0.18;
      annotation_runs (f, self->pick_target, f->runs);
      _byline_draw_fill_runs (f, f->runs, &color, 3, 2);
    }
}

static void
draw_above (Frame     *f,
            GPtrArray *annotations)
{
  BylineArticleView *self = f->self;
  g_autoptr(GPtrArray) relations = NULL;
  GdkRGBA ink;

  if (self->selected != NULL)
    {
      relations = selected_relations (f);
      f->relation_names = collect_relation_names (f, relations);
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      BylineAnnotation *a = annotations->pdata[i];
      BylineLook *look = _byline_article_view_get_look (self, byline_annotation_get_label (a));
      gboolean suggested = byline_annotation_get_status (a) == BYLINE_STATUS_SUGGESTED;
      gboolean current;
      double inset;

      if (look == NULL || !_byline_article_view_is_drawn (self, a))
        continue;
      current = g_strcmp0 (look->layer, self->layer) == 0;
      _byline_article_view_ink (self, &look->color, &ink);

      if (byline_annotation_get_status (a) == BYLINE_STATUS_REJECTED)
        {
          /* Only drawn when asked for ("show-rejected"): grey, dashed
           * and struck through, whatever the layer's style. */
          GdkRGBA grey = f->neutral;

          grey.alpha = 0.55;
          annotation_runs (f, a, f->runs);
          _byline_draw_stroke_runs (f, f->runs, &grey, 1, 1.5, 1, TRUE);
          _byline_draw_strike_runs (f, f->runs, &grey);
        }
      else if (look->style == BYLINE_LOOK_OUTLINE)
        {
          inset = 2.0 * nesting_depth (f, annotations, a, BYLINE_LOOK_OUTLINE);
          ink.alpha = suggested ? 0.7 : (current ? 1.0 : 0.75);
          annotation_runs (f, a, f->runs);
          _byline_draw_stroke_runs (f, f->runs, &ink, current ? 1.5 : 1.2,
                                    4 - inset, 2 - inset / 2, suggested);
        }
      else if (look->style == BYLINE_LOOK_UNDERLINE)
        {
          ink.alpha = suggested ? 0.75 : (current ? 1.0 : 0.8);
          annotation_runs (f, a, f->runs);
          _byline_draw_underline_runs (f, f->runs, &ink, current ? 2.0 : 1.5,
                                       3.5 * nesting_depth (f, annotations, a, BYLINE_LOOK_UNDERLINE),
                                       suggested);
        }
      else if (suggested && look->style == BYLINE_LOOK_BACKGROUND)
        {
          ink.alpha = 0.8;
          annotation_runs (f, a, f->runs);
          _byline_draw_stroke_runs (f, f->runs, &ink, 1, 0.5, 0.5, TRUE);
        }

      if (self->picking && a != self->pick_target && is_pick_candidate (f, a))
        {
          GdkRGBA accent = f->accent;

          accent.alpha = 0.55;
          annotation_runs (f, a, f->runs);
          _byline_draw_stroke_runs (f, f->runs, &accent, 1, 1.5, 1, TRUE);
        }
    }

  if (self->selected != NULL && _byline_article_view_is_drawn (self, self->selected))
    {
      BylineLook *look = _byline_article_view_get_look (self, byline_annotation_get_label (self->selected));

      if (look != NULL)
        {
          _byline_article_view_ink (self, &look->color, &ink);
          annotation_runs (f, self->selected, f->runs);
          _byline_draw_stroke_runs (f, f->runs, &ink, 2.0, 3.5, 2, FALSE);
        }
    }
  if (self->picking && self->pick_target != NULL)
    {
      annotation_runs (f, self->pick_target, f->runs);
      _byline_draw_stroke_runs (f, f->runs, &f->accent, 2.0, 3.5, 2, TRUE);
    }

  /* Chips last among the spans, so that no box is drawn through one. */
  for (guint i = 0; i < annotations->len; i++)
    {
      BylineAnnotation *a = annotations->pdata[i];
      const BylineFragment *frag = byline_annotation_get_fragment (a, 0);
      BylineLook *look;
      GArray *runs;

      if (frag->start < f->start || !_byline_article_view_is_drawn (self, a))
        continue;
      look = _byline_article_view_get_look (self, byline_annotation_get_label (a));
      if (look == NULL)
        continue;
      /* The first run of the first fragment, if it has one on screen. */
      runs = _byline_draw_cached_runs (f, a);
      if (runs->len > 0 && g_array_index (runs, Run, 0).group == 0)
        draw_chip (f, a, look, &g_array_index (runs, Run, 0));
    }

  if (relations != NULL)
    draw_relations (f, relations);
  g_clear_pointer (&f->relation_names, g_hash_table_unref);
}

static void
theme_colors (Frame *f)
{
  if (f->self->dark)
    {
      f->neutral = (GdkRGBA) { 0.87, 0.87, 0.85, 0.9 };
      f->background = (GdkRGBA) { 0.118, 0.118, 0.118, 1 };
      f->accent = (GdkRGBA) { 0.47, 0.68, 0.93, 1 };
    }
  else
    {
      f->neutral = (GdkRGBA) { 0.24, 0.22, 0.27, 0.85 };
      f->background = (GdkRGBA) { 1, 1, 1, 1 };
      f->accent = (GdkRGBA) { 0.11, 0.44, 0.85, 1 };
    }
}

/* What a layer drew is kept for its next frame; a layer that draws
 * nothing keeps nothing. */
static void
keep_drawn (BylineArticleView *self,
            GtkTextViewLayer   layer,
            GHashTable        *drawn)
{
  guint i = layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT ? 0 : 1;

  g_clear_pointer (&self->drawn_items[i], g_hash_table_unref);
  self->drawn_items[i] = drawn;
}

void
_byline_article_view_snapshot_layer (BylineArticleView *self,
                                     GtkTextViewLayer   layer,
                                     GtkSnapshot       *snapshot)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) chips = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GHashTable) cache = NULL;
  g_autoptr(GHashTable) before = NULL;
  GtkTextIter start;
  GtkTextIter end;
  Frame f = { 0, };

  if (self->document == NULL || byline_document_get_n_chars (self->document) == 0 ||
      (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT &&
       self->selected == NULL && !(self->picking && self->pick_target != NULL)))
    {
      keep_drawn (self, layer, NULL);
      return;
    }

  f.self = self;
  f.view = GTK_TEXT_VIEW (self);
  f.buffer = gtk_text_view_get_buffer (f.view);
  f.snapshot = snapshot;
  theme_colors (&f);

  /* The text on screen by whole display lines, and one more line each
   * side, so that the edges of shapes that go on off screen are drawn
   * off screen too. */
  gtk_text_view_get_visible_rect (f.view, &f.visible);
  gtk_text_view_get_iter_at_location (f.view, &start, f.visible.x, f.visible.y);
  gtk_text_view_backward_display_line_start (f.view, &start);
  gtk_text_view_backward_display_line (f.view, &start);
  gtk_text_view_get_iter_at_location (f.view, &end, f.visible.x + f.visible.width,
                                      f.visible.y + f.visible.height);
  if (!gtk_text_view_forward_display_line (f.view, &end) ||
      !gtk_text_view_forward_display_line (f.view, &end))
    gtk_text_buffer_get_end_iter (f.buffer, &end);
  f.start = (guint) gtk_text_iter_get_offset (&start);
  f.end = (guint) gtk_text_iter_get_offset (&end);
  if (f.end > f.start && layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    annotations = byline_document_query (self->document, f.start, f.end);
  if (f.end <= f.start || (annotations != NULL && annotations->len == 0))
    {
      keep_drawn (self, layer, NULL);
      return;
    }

  runs = g_array_new (FALSE, FALSE, sizeof (Run));
  chips = g_array_new (FALSE, FALSE, sizeof (Chip));
  lines = g_array_new (FALSE, FALSE, sizeof (DisplayLine));
  cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  before = g_steal_pointer (&self->drawn_items[layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT ? 0 : 1]);
  f.runs = runs;
  f.chips = chips;
  f.lines = lines;
  f.annotation_runs = cache;
  f.drawn_before = before != NULL ? before : (before = _byline_item_table_new ());
  f.drawn_now = _byline_item_table_new ();
  _byline_draw_find_display_lines (&f);
  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    draw_below (&f);
  else
    draw_above (&f, annotations);
  keep_drawn (self, layer, f.drawn_now);
}

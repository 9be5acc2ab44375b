/* byline-annotation-row.c: one row of the annotation list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-annotation-row.h"
#include "byline-gui-private.h"

/* Longer covered text is cut here before the label ellipsizes it: a row
 * never lays out a whole paragraph. The panel is at most 340 px wide, so
 * a row shows fewer than 80 characters: each new row (a jump in the list
 * makes 30 of them) then shapes half as much text. Screen readers get
 * more of it. */
#define MAX_SHOWN_CHARS 80
#define MAX_SPOKEN_CHARS 160

struct _BylineAnnotationRow
{
  GtkWidget         parent_instance;

  /* Not a reference: valid between bind and unbind only. */
  BylineAnnotation *annotation;

  GtkWidget        *box;
  GtkWidget        *swatch;
  /* Inscriptions, not labels: their size comes from the font, not from
   * laying out their text, and a jump in the list binds 200 rows anew,
   * each measured across and then down for the width it gets. */
  GtkInscription   *label_label;
  GtkInscription   *status_label;
  GtkInscription   *text_label;

  /* What the row shows now, so that a bind changes only what differs:
   * GTK 4.8's list view keeps 200 rows and binds every row after an
   * insertion or removal again, each to its neighbour's annotation. */
  char             *shown_color;
  int               shown_state;

  /* What the row was last bound to (not references: only compared).
   * GTK 4.8 unbinds and binds a row again whenever its position changes,
   * to the same annotation: every row after an insertion or a removal,
   * 160 to 200 of them. A row bound again to what it shows is left as it
   * is. */
  BylineAnnotation *last;
  BylineDocument   *last_document;
  BylineSchema     *last_schema;
  guint64           last_signature;
};

/* All that a row shows of an annotation depends on: its label (interned),
 * status, confidence and fragments (the text comes from them). */
static guint64
signature_of (BylineAnnotation *annotation)
{
  guint64 h = (guint64) (guintptr) byline_annotation_get_label (annotation);
  guint n = byline_annotation_get_n_fragments (annotation);
  double confidence = -1;

  h = h * 1000003u + (guint64) byline_annotation_get_status (annotation);
  if (byline_annotation_get_confidence (annotation, &confidence))
    h = h * 1000003u + (guint64) (confidence * 1e6) + 1;
  h = h * 1000003u + n;
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);

      h = h * 1000003u + f->start;
      h = h * 1000003u + f->end;
    }
  return h;
}

G_DEFINE_FINAL_TYPE (BylineAnnotationRow, byline_annotation_row, GTK_TYPE_WIDGET)

static const char *status_classes[] = { NULL, "accent", "success", "error" };

/* A label's colour as a small rounded square: a colour node in a rounded
 * clip, where a GtkDrawingArea made a cairo surface for each row (and a
 * jump in the list makes 200 rows anew). Decoration only: screen readers
 * get the label's name from the row. */
#define BYLINE_TYPE_SWATCH (byline_swatch_get_type ())

G_DECLARE_FINAL_TYPE (BylineSwatch, byline_swatch, BYLINE, SWATCH, GtkWidget)

struct _BylineSwatch
{
  GtkWidget parent_instance;

  GdkRGBA   color;
  gboolean  has_color;
};

G_DEFINE_FINAL_TYPE (BylineSwatch, byline_swatch, GTK_TYPE_WIDGET)

#define SWATCH_SIZE 12

static void
byline_swatch_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
byline_swatch_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BylineSwatch *self = BYLINE_SWATCH (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float size = MIN (width, height);
  GskRoundedRect rect;

  if (!self->has_color || size <= 0)
    return;
  gsk_rounded_rect_init_from_rect (&rect,
                                   &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2, size, size),
                                   size / 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &self->color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
byline_swatch_class_init (BylineSwatchClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = byline_swatch_measure;
  widget_class->snapshot = byline_swatch_snapshot;
  gtk_widget_class_set_css_name (widget_class, "bylineswatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
byline_swatch_init (BylineSwatch *self)
{
}

/**
 * byline_annotation_row_new_swatch:
 *
 * Returns: (transfer floating): a 12 px square that
 *   byline_annotation_row_set_swatch_color() paints
 */
GtkWidget *
byline_annotation_row_new_swatch (void)
{
  GtkWidget *swatch = g_object_new (BYLINE_TYPE_SWATCH, NULL);

  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  return swatch;
}

/* @color is "#rrggbb" or NULL (a label the schema does not know: grey). */
void
byline_annotation_row_set_swatch_color (GtkWidget  *swatch,
                                        const char *color)
{
  BylineSwatch *self;
  GdkRGBA rgba = { 0.6, 0.6, 0.6, 1.0 };

  g_return_if_fail (BYLINE_IS_SWATCH (swatch));
  self = BYLINE_SWATCH (swatch);

  if (color != NULL && !gdk_rgba_parse (&rgba, color))
    {
      rgba = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
    }
  if (self->has_color && gdk_rgba_equal (&self->color, &rgba))
    {
      return;
    }
  self->color = rgba;
  self->has_color = TRUE;
  gtk_widget_queue_draw (swatch);
}

/**
 * byline_annotation_row_dup_status_text:
 *
 * Returns: (transfer full): the status as users read it, with the
 *   confidence when there is one: "Suggested · 0.82"
 */
char *
byline_annotation_row_dup_status_text (BylineAnnotation *annotation)
{
  const char *status;
  double confidence;

  g_return_val_if_fail (BYLINE_IS_ANNOTATION (annotation), NULL);

  switch (byline_annotation_get_status (annotation))
    {
    case BYLINE_STATUS_SUGGESTED:
      status = _("Suggested");
      break;
    case BYLINE_STATUS_ACCEPTED:
      status = _("Accepted");
      break;
    case BYLINE_STATUS_REJECTED:
      status = _("Rejected");
      break;
    case BYLINE_STATUS_MANUAL:
    default:
      status = _("Manual");
      break;
    }

  if (byline_annotation_get_confidence (annotation, &confidence))
    {
      /* TRANSLATORS: a status and the suggester's confidence: "Suggested · 0.82" */
      return g_strdup_printf (_("%s · %.2f"), status, confidence);
    }

  return g_strdup (status);
}

static void
byline_annotation_row_dispose (GObject *object)
{
  BylineAnnotationRow *self = BYLINE_ANNOTATION_ROW (object);

  self->annotation = NULL;
  g_clear_pointer (&self->shown_color, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_ANNOTATION_ROW);

  G_OBJECT_CLASS (byline_annotation_row_parent_class)->dispose (object);
}

static void
byline_annotation_row_class_init (BylineAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_annotation_row_dispose;

  byline_gui_ensure_resources ();
  g_type_ensure (BYLINE_TYPE_SWATCH);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/byline/Byline/byline-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationRow, box);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationRow, label_label);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BylineAnnotationRow, text_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bylineannotationrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
byline_annotation_row_init (BylineAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_state = -1;
}

GtkWidget *
byline_annotation_row_new (void)
{
  return g_object_new (BYLINE_TYPE_ANNOTATION_ROW, NULL);
}

BylineAnnotation *
byline_annotation_row_get_annotation (BylineAnnotationRow *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION_ROW (self), NULL);

  return self->annotation;
}

/* GTK 4.8 gives the row of a list view (the widget that takes the focus,
 * @child's parent) no name of its own: screen readers get @name there. */
static void
name_list_item (GtkWidget  *child,
                const char *name)
{
  GtkWidget *parent = gtk_widget_get_parent (child);

  if (parent != NULL &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (parent)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

void
byline_annotation_row_bind (BylineAnnotationRow *self,
                            BylineDocument      *document,
                            BylineSchema        *schema,
                            BylineAnnotation    *annotation)
{
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *status = NULL;
  g_autofree char *accessible = NULL;
  const BylineLabel *label = NULL;
  BylineStatus state;
  guint64 signature;

  g_return_if_fail (BYLINE_IS_ANNOTATION_ROW (self));
  g_return_if_fail (BYLINE_IS_DOCUMENT (document));
  g_return_if_fail (BYLINE_IS_ANNOTATION (annotation));

  self->annotation = annotation;
  signature = signature_of (annotation);
  if (annotation == self->last && document == self->last_document && schema == self->last_schema &&
      signature == self->last_signature)
    return;
  self->last = annotation;
  self->last_document = document;
  self->last_schema = schema;
  self->last_signature = signature;

  if (schema != NULL)
    {
      label = byline_schema_lookup_label (schema, byline_annotation_get_label (annotation));
    }
  /* Parsed again only when it is another colour ("" for none). */
  if (self->shown_color == NULL ||
      g_strcmp0 (self->shown_color, label != NULL && label->color != NULL ? label->color : "") != 0)
    {
      byline_annotation_row_set_swatch_color (self->swatch, label != NULL ? label->color : NULL);
      g_free (self->shown_color);
      self->shown_color = g_strdup (label != NULL && label->color != NULL ? label->color : "");
    }

  gtk_inscription_set_text (self->label_label, byline_annotation_get_label (annotation));

  spoken = byline_annotation_row_dup_one_line (document, annotation, MAX_SPOKEN_CHARS);
  if (g_utf8_strlen (spoken, -1) > MAX_SHOWN_CHARS)
    {
      /* As dup_one_line would cut it, from what is already there. */
      text = g_strndup (spoken, (gsize) (g_utf8_offset_to_pointer (spoken, MAX_SHOWN_CHARS - 1) - spoken));
      text = g_realloc (text, strlen (text) + sizeof ("…"));
      strcat (text, "…");
    }
  gtk_inscription_set_text (self->text_label, text != NULL ? text : spoken);

  state = byline_annotation_get_status (annotation);
  if (state != BYLINE_STATUS_MANUAL)
    {
      status = byline_annotation_row_dup_status_text (annotation);
      gtk_inscription_set_text (self->status_label, status);
    }
  if ((int) state != self->shown_state)
    {
      for (guint i = 1; i < G_N_ELEMENTS (status_classes); i++)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
        }
      if (state != BYLINE_STATUS_MANUAL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[state]);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), state != BYLINE_STATUS_MANUAL);

      if (state == BYLINE_STATUS_REJECTED)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
        }
      self->shown_state = (int) state;
    }

  /* TRANSLATORS: a list row read by screen readers: "PERSON: Antony Blinken" */
  accessible = status != NULL
    ? g_strdup_printf (_("%s: %s (%s)"), byline_annotation_get_label (annotation), spoken, status)
    : g_strdup_printf (_("%s: %s"), byline_annotation_get_label (annotation), spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  name_list_item (GTK_WIDGET (self), accessible);
}

void
byline_annotation_row_unbind (BylineAnnotationRow *self)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION_ROW (self));

  self->annotation = NULL;
}

/**
 * byline_annotation_row_dup_one_line:
 * @max_chars: how many characters to keep at most
 *
 * Returns: (transfer full): the covered text with newlines and tabs as
 *   spaces, ending in "…" when it was cut
 */
char *
byline_annotation_row_dup_one_line (BylineDocument   *document,
                                    BylineAnnotation *annotation,
                                    guint             max_chars)
{
  g_autofree char *text = NULL;
  char *end;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (annotation), NULL);

  text = byline_document_dup_annotation_text (document, annotation);
  if (text == NULL)
    {
      return g_strdup ("");
    }

  g_strdelimit (text, "\n\r\t", ' ');
  if (max_chars == 0 || g_utf8_strlen (text, -1) <= max_chars)
    {
      return g_steal_pointer (&text);
    }
  end = g_utf8_offset_to_pointer (text, max_chars - 1);
  *end = '\0';

  return g_strconcat (text, "…", NULL);
}

char *
byline_annotation_row_dup_quoted (const char *text)
{
  if (text == NULL)
    {
      text = "";
    }
  if (text[0] != '\0' && g_utf8_strchr ("“\"«„‘'", -1, g_utf8_get_char (text)) != NULL)
    {
      return g_strdup (text);
    }

  /* TRANSLATORS: the covered text, quoted */
  return g_strdup_printf (_("“%s”"), text);
}

static void
on_string_setup_cb (GtkListItemFactory *factory,
                    GtkListItem        *item,
                    gpointer            user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), byline_annotation_row_new_swatch ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
on_string_bind_cb (GtkListItemFactory *factory,
                   GtkListItem        *item,
                   gpointer            user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *swatch = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *label = gtk_widget_get_next_sibling (swatch);
  const char *color = g_object_get_data (G_OBJECT (string), "byline-color");

  gtk_widget_set_visible (swatch, color != NULL);
  if (color != NULL)
    {
      byline_annotation_row_set_swatch_color (swatch, color);
    }
  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
  name_list_item (gtk_list_item_get_child (item), gtk_string_object_get_string (string));
}

/**
 * byline_annotation_row_new_string_factory:
 * @ellipsize: whether long strings are ellipsized (for a drop-down's
 *   button) or shown whole (for its popover)
 *
 * Returns: (transfer full): a factory for GtkStringObject items
 */
GtkListItemFactory *
byline_annotation_row_new_string_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_string_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_string_bind_cb), NULL);

  return factory;
}

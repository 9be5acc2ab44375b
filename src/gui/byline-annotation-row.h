/* byline-annotation-row.h: one row of the annotation list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-document.h"
#include "byline-schema.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ANNOTATION_ROW (byline_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (BylineAnnotationRow, byline_annotation_row, BYLINE, ANNOTATION_ROW, GtkWidget)

/* A row shows an annotation as it is when bound: the list rebinds it when
 * the annotation changes (the panel re-emits items-changed for it), so the
 * row keeps no reference and watches no signal. */
GtkWidget        *byline_annotation_row_new        (void);
void              byline_annotation_row_bind       (BylineAnnotationRow *self,
                                                    BylineDocument      *document,
                                                    BylineSchema        *schema,
                                                    BylineAnnotation    *annotation);
void              byline_annotation_row_unbind     (BylineAnnotationRow *self);
BylineAnnotation *byline_annotation_row_get_annotation (BylineAnnotationRow *self);

/* Text and widgets shared with the panel's drop-downs and the inspector. */

/* "Suggested", "Accepted · 0.82"… */
char             *byline_annotation_row_dup_status_text (BylineAnnotation *annotation);
/* A small rounded square of the label's colour. */
GtkWidget        *byline_annotation_row_new_swatch (void);
void              byline_annotation_row_set_swatch_color (GtkWidget  *swatch,
                                                          const char *color);

/* The covered text on one line, cut after @max_chars characters. */
char             *byline_annotation_row_dup_one_line (BylineDocument   *document,
                                                      BylineAnnotation *annotation,
                                                      guint             max_chars);
/* “text”, unless the text brings its own quotation marks. */
char             *byline_annotation_row_dup_quoted  (const char       *text);
/* A drop-down factory for GtkStringObject items, ellipsized or not, with
 * a colour swatch when the item has "byline-color" data ("#rrggbb", or ""
 * for grey; no data: no swatch). */
GtkListItemFactory *byline_annotation_row_new_string_factory (gboolean ellipsize);

G_END_DECLS

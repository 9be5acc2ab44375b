/* byline-label-palette.h: the current layer's labels, their keys and counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "byline-document.h"
#include "byline-schema.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_LABEL_PALETTE (byline_label_palette_get_type ())

G_DECLARE_FINAL_TYPE (BylineLabelPalette, byline_label_palette, BYLINE, LABEL_PALETTE, GtkWidget)

GtkWidget  *byline_label_palette_new          (void);
void        byline_label_palette_set_document (BylineLabelPalette *self,
                                               BylineDocument     *document,
                                               BylineSchema       *schema);
void        byline_label_palette_set_layer    (BylineLabelPalette *self,
                                               const char         *layer);
const char *byline_label_palette_get_layer    (BylineLabelPalette *self);
guint       byline_label_palette_get_count    (BylineLabelPalette *self,
                                               const char         *label);

/* Signal "label-activated" (const char *label): a label's button was
 * clicked; the window labels the selection with it. */

G_END_DECLS

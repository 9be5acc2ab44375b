/* byline-annotation-panel.h: the side panel: annotation list and inspector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-document.h"
#include "byline-schema.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ANNOTATION_PANEL (byline_annotation_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylineAnnotationPanel, byline_annotation_panel, BYLINE, ANNOTATION_PANEL, GtkWidget)

/* The panel has two parts, one above the other:
 *   - the list of the document's annotations (layer colour, label, text,
 *     status), sorted by position, with a search entry and filters by
 *     layer, label and status, and counts per label;
 *   - the inspector of the selected annotation: its label (a drop-down of
 *     the labels of its layer), its attributes as the schema defines them
 *     (choices, free text, booleans), its note, its status, and its
 *     relations (type, other end; each can be selected and deleted).
 * Every edit goes through the document (byline_document_replace_annotation,
 * byline_document_remove_relation…), so it is undoable and every view
 * updates from the document's signals. */

GtkWidget        *byline_annotation_panel_new          (void);
void              byline_annotation_panel_set_document (BylineAnnotationPanel *self,
                                                        BylineDocument        *document,
                                                        BylineSchema          *schema);
BylineDocument   *byline_annotation_panel_get_document (BylineAnnotationPanel *self);

/* The selected annotation (property "selected"): the list selects and
 * shows it, the inspector edits it. */
BylineAnnotation *byline_annotation_panel_get_selected (BylineAnnotationPanel *self);
void              byline_annotation_panel_set_selected (BylineAnnotationPanel *self,
                                                        BylineAnnotation      *annotation);

/* The relation selected in the inspector, or NULL (property
 * "selected-relation"). */
BylineRelation   *byline_annotation_panel_get_selected_relation (BylineAnnotationPanel *self);

/* Filters, also settable from the window (property "layer-filter": a layer
 * name or NULL for all). */
void              byline_annotation_panel_set_layer_filter (BylineAnnotationPanel *self,
                                                            const char            *layer);
void              byline_annotation_panel_focus_search (BylineAnnotationPanel *self);
/* Added: the layer filter ("layer-filter"), or NULL for all layers. */
const char       *byline_annotation_panel_get_layer_filter (BylineAnnotationPanel *self);

/* The number of annotations the list shows with the current filters
 * (property "n-shown", notified when it changes). */
guint             byline_annotation_panel_get_n_shown  (BylineAnnotationPanel *self);

/* Signals:
 *   "annotation-activated" (BylineAnnotation *annotation): a row was
 *       activated (click or Enter): the window scrolls the article to it.
 */

G_END_DECLS

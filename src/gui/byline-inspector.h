/* byline-inspector.h: the editor of one annotation, in the side panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-document.h"
#include "byline-schema.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_INSPECTOR (byline_inspector_get_type ())

G_DECLARE_FINAL_TYPE (BylineInspector, byline_inspector, BYLINE, INSPECTOR, GtkWidget)

/* Shows the annotation's label, attributes, note, status, span and
 * relations; every edit is committed through the document as one undoable
 * step, and the inspector refreshes itself from the document's signals
 * (so undo shows at once). Without an annotation it shows a placeholder. */
GtkWidget        *byline_inspector_new                   (void);
void              byline_inspector_set_document          (BylineInspector  *self,
                                                          BylineDocument   *document,
                                                          BylineSchema     *schema);
/* Builds what shows an annotation ahead of the first one (in idle time). */
void              byline_inspector_prepare               (BylineInspector  *self);
void              byline_inspector_set_annotation        (BylineInspector  *self,
                                                          BylineAnnotation *annotation);
BylineAnnotation *byline_inspector_get_annotation        (BylineInspector  *self);

/* Property "selected-relation": the relation row last activated. */
BylineRelation   *byline_inspector_get_selected_relation (BylineInspector  *self);
void              byline_inspector_set_selected_relation (BylineInspector  *self,
                                                          BylineRelation   *relation);

G_END_DECLS

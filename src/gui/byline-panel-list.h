/* byline-panel-list.h: the side panel's list of annotations, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "byline-annotation.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PANEL_LIST (byline_panel_list_get_type ())

G_DECLARE_FINAL_TYPE (BylinePanelList, byline_panel_list, BYLINE, PANEL_LIST, GObject)

/* Where an annotation sorts: byline_annotation_compare's keys, which an
 * annotation-changed handler knows for the annotation's old extent too. */
typedef struct
{
  guint       start;
  guint       end;
  const char *id;
} BylineSortKey;

BylineSortKey    byline_sort_key_of       (BylineAnnotation    *annotation);

BylinePanelList *byline_panel_list_new    (void);
guint            byline_panel_list_find   (GListModel          *model,
                                           BylineAnnotation    *annotation,
                                           const BylineSortKey *key);
void             byline_panel_list_insert (BylinePanelList     *self,
                                           BylineAnnotation    *annotation);
gboolean         byline_panel_list_remove (BylinePanelList     *self,
                                           BylineAnnotation    *annotation,
                                           const BylineSortKey *key);
void             byline_panel_list_move   (BylinePanelList     *self,
                                           BylineAnnotation    *annotation,
                                           const BylineSortKey *old_key);
void             byline_panel_list_set    (BylinePanelList     *self,
                                           GPtrArray           *sorted);

G_END_DECLS

/* byline-history.h: undo and redo of every edit of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_HISTORY (byline_history_get_type ())

G_DECLARE_FINAL_TYPE (BylineHistory, byline_history, BYLINE, HISTORY, GObject)

gboolean    byline_history_can_undo             (BylineHistory *self);
gboolean    byline_history_can_redo             (BylineHistory *self);
const char *byline_history_get_undo_description (BylineHistory *self);
const char *byline_history_get_redo_description (BylineHistory *self);
guint       byline_history_get_n_steps          (BylineHistory *self);

G_END_DECLS

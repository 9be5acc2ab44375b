/* byline-import-dialog.h: the Import dialog of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-window.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_IMPORT_DIALOG (byline_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineImportDialog, byline_import_dialog, BYLINE, IMPORT_DIALOG, AdwWindow)

BylineImportDialog *byline_import_dialog_new      (BylineWindow       *window);
void                byline_import_dialog_set_file (BylineImportDialog *self,
                                                   GFile              *file);
GFile              *byline_import_dialog_get_file (BylineImportDialog *self);
gboolean            byline_import_dialog_get_busy (BylineImportDialog *self);

gboolean            byline_import_merge           (BylineDocument     *target,
                                                   BylineDocument     *source,
                                                   guint              *n_annotations,
                                                   guint              *n_relations,
                                                   guint              *n_present,
                                                   GError            **error);

G_END_DECLS

/* byline-export-dialog.h: the Export dialog of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-format.h"
#include "byline-window.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_EXPORT_DIALOG (byline_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BylineExportDialog, byline_export_dialog, BYLINE, EXPORT_DIALOG, AdwWindow)

BylineExportDialog *byline_export_dialog_new             (BylineWindow       *window);
void                byline_export_dialog_set_destination (BylineExportDialog *self,
                                                          GFile              *file);
GFile              *byline_export_dialog_dup_destination (BylineExportDialog *self);
gboolean            byline_export_dialog_get_busy        (BylineExportDialog *self);
const char         *byline_export_dialog_get_preview     (BylineExportDialog *self);

G_END_DECLS

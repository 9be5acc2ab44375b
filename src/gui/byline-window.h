/* byline-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-application.h"
#include "byline-document.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_WINDOW (byline_window_get_type ())

G_DECLARE_FINAL_TYPE (BylineWindow, byline_window, BYLINE, WINDOW, AdwApplicationWindow)

BylineWindow   *byline_window_new          (BylineApplication    *application);
void            byline_window_open         (BylineWindow         *self,
                                            GFile                *file);
void            byline_window_load_async   (BylineWindow         *self,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean        byline_window_load_finish  (BylineWindow         *self,
                                            GAsyncResult         *result,
                                            GError              **error);
BylineDocument *byline_window_get_document (BylineWindow         *self);
GFile          *byline_window_get_file     (BylineWindow         *self);
gboolean        byline_window_get_loading  (BylineWindow         *self);

G_END_DECLS

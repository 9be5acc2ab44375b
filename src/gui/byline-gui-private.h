/* byline-gui-private.h: helpers shared inside the GUI library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void byline_gui_ensure_resources (void);
void byline_gui_set_tooltip_text (GtkWidget  *widget,
                                  const char *text);

G_END_DECLS

/* gui-test-xtest.h: keys typed for real, for the GUI tests that link XTEST
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <X11/X.h>
#include <X11/keysym.h>

G_BEGIN_DECLS

gboolean gui_test_skip_without_x11 (gboolean      have_display);
void     gui_test_type_key         (GtkWidget    *target,
                                    KeySym        keysym,
                                    const KeySym *mods);

G_END_DECLS

/* byline-gui.c: helpers shared inside the GUI library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "byline-gui-private.h"
#include "byline-gui-resources.h"

/* The resources are compiled with --manual-register: an automatic
 * constructor in a static library is dropped by the linker when nothing
 * else in its object file is used, which leaves the window without its
 * template. Every type that needs them calls this from class_init. */
void
byline_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      byline_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * byline_gui_set_tooltip_text:
 * @widget: a widget not yet in a window
 *
 * gtk_widget_set_tooltip_text () on a visible widget asks the display
 * where the pointer is, to show the new tooltip at once if it is over the
 * widget: on X11 that is a round trip to the server (0.15 ms under Xvfb),
 * which made the palette's 18 buttons cost 3 ms. A widget that is not in
 * a window yet cannot be under the pointer, so it gets its tooltip while
 * hidden, which skips the query.
 */
void
byline_gui_set_tooltip_text (GtkWidget  *widget,
                             const char *text)
{
  gboolean visible = gtk_widget_get_visible (widget);

  if (visible)
    gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  if (visible)
    gtk_widget_set_visible (widget, TRUE);
}

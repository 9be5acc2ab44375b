/* byline-gui.c: helpers shared inside the GUI library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

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

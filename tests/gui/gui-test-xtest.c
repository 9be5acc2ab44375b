/* gui-test-xtest.c: keys typed for real, for the GUI tests that link XTEST
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 has no public way to synthesize key events, so the tests type
 * real keys through the X server's XTEST extension (Xvfb has it): the
 * events go through GTK's whole input path, shortcut controllers included,
 * exactly as a user's would.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "gui-test-util.h"
#include "gui-test-xtest.h"

/* Skips the test, and returns TRUE, unless GTK has an X11 display
 * (@have_display: whether it could open one at all). */
gboolean
gui_test_skip_without_x11 (gboolean have_display)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("keys are typed through X11's XTEST");
      return TRUE;
    }
  return FALSE;
}

/* Types @keysym with the modifier keys @mods (keysyms, 0-terminated, or
 * NULL) held, into @target (a window), then lets the events come
 * back (gui_test_settle ()). */
void
gui_test_type_key (GtkWidget    *target,
                   KeySym        keysym,
                   const KeySym *mods)
{
  GdkDisplay *display = gtk_widget_get_display (target);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (target));
  Display *xd;
  guint n_mods = 0;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  xd = gdk_x11_display_get_xdisplay (display);
  /* No window manager under Xvfb: give the window the focus ourselves. */
  XSetInputFocus (xd, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  while (mods != NULL && mods[n_mods] != 0)
    XTestFakeKeyEvent (xd, XKeysymToKeycode (xd, mods[n_mods++]), True, 0);
  XTestFakeKeyEvent (xd, XKeysymToKeycode (xd, keysym), True, 0);
  XTestFakeKeyEvent (xd, XKeysymToKeycode (xd, keysym), False, 0);
  while (n_mods > 0)
    XTestFakeKeyEvent (xd, XKeysymToKeycode (xd, mods[--n_mods]), False, 0);
  XSync (xd, False);
  gui_test_settle ();
}

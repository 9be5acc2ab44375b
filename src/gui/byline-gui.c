/* byline-gui.c: helpers shared inside the GUI library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
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

/**
 * byline_gui_close_native_dialog:
 * @dialog: (inout) (nullable): a file chooser kept by its owner, or NULL
 * @handler_data: what its owner's handlers were connected with
 *
 * Closes *@dialog, if any, without its response reaching the owner, and
 * sets it to NULL first, so that nothing it sets off finds it half gone.
 */
void
byline_gui_close_native_dialog (GtkNativeDialog **dialog,
                                gpointer          handler_data)
{
  GtkNativeDialog *native = g_steal_pointer (dialog);

  if (native == NULL)
    return;
  g_signal_handlers_disconnect_by_data (native, handler_data);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/**
 * byline_gui_message_dialog_add_text:
 * @text: what the dialog shows below its message (warnings, a command's
 *   output)
 * @max_height: the most it takes, in pixels, before it scrolls
 *
 * Shows @text in @dialog as a selectable caption that wraps at a width
 * the dialog has (so that its height is right) and scrolls when long.
 *
 * Returns: (transfer none): the label, for more style or a name
 */
GtkWidget *
byline_gui_message_dialog_add_text (AdwMessageDialog *dialog,
                                    const char       *text,
                                    int               max_height)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 56);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
  gtk_widget_add_css_class (label, "caption");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (dialog, scroller);
  return label;
}

/* A Close button, which Enter and Escape press too. */
void
byline_gui_message_dialog_add_close (AdwMessageDialog *dialog)
{
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
}

/* ---- After the frame ---------------------------------------------------- */

static gboolean
after_frame_idle_cb (gpointer user_data)
{
  BylineAfterFrame *self = user_data;

  self->idle_id = 0;
  self->func (self->data);
  return G_SOURCE_REMOVE;
}

/* In the update phase of the frame: the idle runs once it is painted. */
static gboolean
after_frame_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  BylineAfterFrame *self = user_data;

  self->tick_id = 0;
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, after_frame_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

void
byline_after_frame_init (BylineAfterFrame *self,
                         GtkWidget        *widget,
                         void            (*func) (gpointer data),
                         gpointer          data)
{
  *self = (BylineAfterFrame) { widget, func, data, 0, 0 };
}

/**
 * byline_after_frame_schedule:
 *
 * Runs the function once, after the next frame of the widget is painted;
 * at once when the widget is not mapped (no frame would come). Asked
 * again before it ran, it still runs once.
 */
void
byline_after_frame_schedule (BylineAfterFrame *self)
{
  if (!gtk_widget_get_mapped (self->widget))
    {
      byline_after_frame_cancel (self);
      self->func (self->data);
      return;
    }
  if (self->tick_id == 0 && self->idle_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, after_frame_tick_cb, self, NULL);
}

gboolean
byline_after_frame_pending (BylineAfterFrame *self)
{
  return self->tick_id != 0 || self->idle_id != 0;
}

/* Forgets a run asked for; for a widget's dispose, or before doing the
 * work at once. */
void
byline_after_frame_cancel (BylineAfterFrame *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->widget, self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

/* byline-gui-private.h: helpers shared inside the GUI library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void byline_gui_ensure_resources (void);
void byline_gui_set_tooltip_text (GtkWidget  *widget,
                                  const char *text);
void byline_gui_close_native_dialog (GtkNativeDialog **dialog,
                                     gpointer          handler_data);
GtkWidget *byline_gui_message_dialog_add_text  (AdwMessageDialog *dialog,
                                                const char       *text,
                                                int               max_height);
void       byline_gui_message_dialog_add_close (AdwMessageDialog *dialog);

/* Work that follows an edit once the frame showing the edit is painted:
 * a tick callback in that frame's update phase adds an idle, which runs
 * after the frame (drawing has a lower priority). Kept in the widget's
 * instance struct; the widget is not referenced. */
typedef struct
{
  GtkWidget *widget;
  void     (*func) (gpointer data);
  gpointer   data;
  guint      tick_id;
  guint      idle_id;
} BylineAfterFrame;

void     byline_after_frame_init     (BylineAfterFrame *self,
                                      GtkWidget        *widget,
                                      void            (*func) (gpointer data),
                                      gpointer          data);
void     byline_after_frame_schedule (BylineAfterFrame *self);
gboolean byline_after_frame_pending  (BylineAfterFrame *self);
void     byline_after_frame_cancel   (BylineAfterFrame *self);

G_END_DECLS

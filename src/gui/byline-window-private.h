/* byline-window-private.h: what the parts of BylineWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-window.h"

G_BEGIN_DECLS

typedef struct _BylineWindowIo BylineWindowIo;

struct _BylineWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *open_button;
  GtkMenuButton        *main_menu_button;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkButton            *status_open_button;
  GtkScrolledWindow    *scrolled_window;
  GtkTextView          *text_view;
  GtkButton            *save_button;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;

  GSettings            *settings;
  BylineDocument       *document;
  GFile                *file;
  /* Set while a load runs; cancelled when another starts or the window
   * goes away, so a late result never lands in the wrong place. */
  GCancellable         *load_cancellable;
  GtkNativeDialog      *open_dialog;
  /* Saving, recovery copies, recent files: byline-window-io.c */
  BylineWindowIo       *io;
};

void byline_window_class_actions_init (GtkWidgetClass *widget_class);
void byline_window_close_open_dialog  (BylineWindow   *self);
void byline_window_add_error_toast    (BylineWindow   *self,
                                       const char     *message);
void byline_window_set_document       (BylineWindow   *self,
                                       BylineDocument *document,
                                       GFile          *file);
void byline_window_set_file           (BylineWindow   *self,
                                       GFile          *file);
void byline_window_update_title       (BylineWindow   *self);

/* byline-window-io.c: Save, Save As, recovery copies, asking before
 * unsaved changes are lost, drag and drop, recent files. */
void              byline_window_io_init             (BylineWindow   *self);
void              byline_window_io_dispose          (BylineWindow   *self);
void              byline_window_io_document_changed (BylineWindow   *self);
void              byline_window_io_update_actions   (BylineWindow   *self);
void              byline_window_request_open        (BylineWindow   *self,
                                                     GFile          *file);
void              byline_window_save_action         (GtkWidget      *widget,
                                                     const char     *action_name,
                                                     GVariant       *parameter);
void              byline_window_save_as_action      (GtkWidget      *widget,
                                                     const char     *action_name,
                                                     GVariant       *parameter);
void              byline_window_open_recent_action  (GtkWidget      *widget,
                                                     const char     *action_name,
                                                     GVariant       *parameter);
gboolean          byline_window_save_to_file        (BylineWindow   *self,
                                                     GFile          *file,
                                                     GError        **error);
char             *byline_window_dup_recovery_path   (BylineWindow   *self);
gboolean          byline_window_write_recovery      (BylineWindow   *self,
                                                     GError        **error);
gboolean          byline_window_restore_recovery    (BylineWindow   *self,
                                                     GError        **error);
void              byline_window_discard_recovery    (BylineWindow   *self);
AdwMessageDialog *byline_window_get_message_dialog  (BylineWindow   *self);

G_END_DECLS

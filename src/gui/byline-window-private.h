/* byline-window-private.h: what the parts of BylineWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-window.h"

G_BEGIN_DECLS

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

  GSettings            *settings;
  BylineDocument       *document;
  GFile                *file;
  /* Set while a load runs; cancelled when another starts or the window
   * goes away, so a late result never lands in the wrong place. */
  GCancellable         *load_cancellable;
  GtkNativeDialog      *open_dialog;
};

void byline_window_class_actions_init (GtkWidgetClass *widget_class);
void byline_window_close_open_dialog  (BylineWindow   *self);
void byline_window_add_error_toast    (BylineWindow   *self,
                                       const char     *message);

G_END_DECLS

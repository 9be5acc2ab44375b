/* gui-test-util.h: what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "byline-article-view.h"
#include "byline-document.h"
#include "byline-window.h"

G_BEGIN_DECLS

/* The display */
gboolean          gui_test_skip_without_display     (gboolean            have_display);

/* The main loop */
typedef gboolean (*GuiTestCondition) (gpointer data);

void              gui_test_flush                    (void);
void              gui_test_settle                   (void);
void              gui_test_wait_frame               (GtkWidget          *widget);
void              gui_test_run_for                  (guint               msec);
void              gui_test_wait_until               (GuiTestCondition    done,
                                                     gpointer            data,
                                                     guint               timeout_s);

/* Files */
char             *gui_test_sample_path              (const char         *name);
void              gui_test_remove_tree              (const char         *path);

/* The window */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} GuiTestLoad;

void              gui_test_load_cb                  (GObject            *object,
                                                     GAsyncResult       *result,
                                                     gpointer            user_data);
BylineWindow     *gui_test_create_window            (GtkApplication     *app,
                                                     int                 width,
                                                     int                 height);
void              gui_test_destroy_window           (BylineWindow       *window);
void              gui_test_discard_window           (BylineWindow       *window);
gboolean          gui_test_try_load_file            (BylineWindow       *window,
                                                     const char         *path,
                                                     GError            **error);
void              gui_test_load_file                (BylineWindow       *window,
                                                     const char         *path);

/* Widgets */
typedef void (*GuiTestWidgetFunc) (GtkWidget *widget,
                                   gpointer   user_data);

void              gui_test_foreach_widget           (GtkWidget          *widget,
                                                     GuiTestWidgetFunc   func,
                                                     gpointer            user_data);
GPtrArray        *gui_test_find_all                 (gpointer            root,
                                                     GType               type,
                                                     const char         *id,
                                                     const char         *name,
                                                     const char         *title);
gpointer          gui_test_find_widget              (gpointer            root,
                                                     GType               type,
                                                     const char         *id,
                                                     const char         *name,
                                                     const char         *title);
gpointer          gui_test_find_toplevel            (GType               type,
                                                     GtkWindow          *transient_for);
void              gui_test_assert_accessible_labels (GtkWidget          *root);

/* The article */
void              gui_test_find_text                (BylineDocument     *document,
                                                     const char         *needle,
                                                     guint               nth,
                                                     guint              *start,
                                                     guint              *end);
BylineAnnotation *gui_test_annotation_at            (BylineDocument     *document,
                                                     guint               start,
                                                     guint               end,
                                                     const char         *label);
BylineAnnotation *gui_test_add_annotation           (BylineDocument     *document,
                                                     const char         *layer,
                                                     const char         *label,
                                                     guint               start,
                                                     guint               end,
                                                     BylineStatus        status);
void              gui_test_assert_tag_covers        (BylineArticleView  *view,
                                                     GtkTextTag         *tag,
                                                     guint               start,
                                                     guint               end);
void              gui_test_assert_tag_absent        (BylineArticleView  *view,
                                                     GtkTextTag         *tag,
                                                     guint               start,
                                                     guint               end);

G_END_DECLS

/* gui-test-util.c: what the GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Skipping without a display, running the main loop until something has
 * happened, the sample article, a BylineWindow made, loaded and destroyed
 * as a test needs it, the widgets and annotations the tests look for, and
 * the article view's tags. Typing real keys is in gui-test-xtest.c, for
 * the tests that link XTEST.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "byline-window-private.h"

#include "gui-test-util.h"

/* ---- The display ------------------------------------------------------ */

/* Skips the test (and returns TRUE) when GTK could not open a display. */
gboolean
gui_test_skip_without_display (gboolean have_display)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  return FALSE;
}

/* ---- The main loop ---------------------------------------------------- */

/* Runs the main loop until nothing is pending. */
void
gui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    {
    }
}

/* Flushes the main loop forty times, 2 ms apart: long enough for the X
 * server's answers (events typed through XTEST, focus, mapping) to come
 * back and be handled. */
void
gui_test_settle (void)
{
  for (guint i = 0; i < 40; i++)
    {
      gui_test_flush ();
      g_usleep (2000);
    }
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Redraws @widget and runs the main loop until its frame clock has
 * painted that frame, then until nothing is pending (what a widget does
 * in the idle after a frame is done too). */
void
gui_test_wait_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  gui_test_flush ();
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec milliseconds: lets a few frames pass. */
void
gui_test_run_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @done (@data) is TRUE, failing after
 * @timeout_s seconds. */
void
gui_test_wait_until (GuiTestCondition done,
                     gpointer         data,
                     guint            timeout_s)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_s, on_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* ---- Files ------------------------------------------------------------ */

/* The file @name of data/samples in the source tree. */
char *
gui_test_sample_path (const char *name)
{
  /* G_TEST_SRCDIR is tests/gui in the source tree. */
  return g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples", name, NULL);
}

/* Removes @path and everything in it (symbolic links, not what they
 * point to). */
void
gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* ---- The window ------------------------------------------------------- */

/* The callback of byline_window_load_async (): @user_data is a
 * GuiTestLoad, done when the load is. */
void
gui_test_load_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GuiTestLoad *load = user_data;

  load->ok = byline_window_load_finish (BYLINE_WINDOW (object), result, &load->error);
  load->done = TRUE;
}

/* A new window of @app (or of none), shown. With @width or @height above
 * 0 that is its default size; else it keeps the one from the settings. */
BylineWindow *
gui_test_create_window (GtkApplication *app,
                        int             width,
                        int             height)
{
  BylineWindow *window;

  /* GTK owns toplevels; the extra reference lets the test check that
   * destroying the window really finalizes it. */
  window = g_object_new (BYLINE_TYPE_WINDOW, "application", app, NULL);
  g_object_ref (window);
  if (width > 0 || height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_flush ();

  return window;
}

/* Destroys @window, as it is (a window with unsaved changes writes one
 * last recovery copy), and checks that it is finalized. */
void
gui_test_destroy_window (BylineWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_flush ();
  g_assert_finalize_object (window);
}

/* Drops the changes of @window's document (nothing to ask about, no
 * recovery copy), then destroys it as gui_test_destroy_window () does. */
void
gui_test_discard_window (BylineWindow *window)
{
  if (window->document != NULL)
    byline_document_set_modified (window->document, FALSE);
  gui_test_destroy_window (window);
}

/* Loads @path into @window and waits for the end: whether the window
 * shows it, and if not, why. */
gboolean
gui_test_try_load_file (BylineWindow  *window,
                        const char    *path,
                        GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GuiTestLoad load = { FALSE, FALSE, NULL };

  byline_window_load_async (window, file, NULL, gui_test_load_cb, &load);
  g_assert_true (byline_window_get_loading (window));

  while (!load.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (byline_window_get_loading (window));

  if (load.error != NULL)
    g_propagate_error (error, load.error);

  return load.ok;
}

/* Loads @path into @window, which must show it, and flushes the main loop. */
void
gui_test_load_file (BylineWindow *window,
                    const char   *path)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gui_test_try_load_file (window, path, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  gui_test_flush ();
}

/* ---- Widgets ---------------------------------------------------------- */

/* Calls @func on @widget and every widget inside it, parents first. */
void
gui_test_foreach_widget (GtkWidget         *widget,
                         GuiTestWidgetFunc  func,
                         gpointer           user_data)
{
  func (widget, user_data);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gui_test_foreach_widget (child, func, user_data);
    }
}

typedef struct
{
  GType       type;
  const char *id;
  const char *name;
  const char *title;
  GPtrArray  *found;
} Query;

static void
match_widget (GtkWidget *widget,
              gpointer   user_data)
{
  Query *query = user_data;

  /* Drop-downs and combo rows have search entries and lists of their own
   * in their popovers. */
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL)
    return;

  if (!g_type_is_a (G_OBJECT_TYPE (widget), query->type))
    return;
  if (query->id != NULL &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), query->id) != 0)
    return;
  if (query->name != NULL && g_strcmp0 (gtk_widget_get_name (widget), query->name) != 0)
    return;
  if (query->title != NULL &&
      (!ADW_IS_PREFERENCES_ROW (widget) ||
       g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), query->title) != 0))
    return;
  g_ptr_array_add (query->found, widget);
}

/* The widgets of @type in @root (itself included, popovers left out), in
 * order, with that buildable @id, widget @name and row @title (each
 * unless NULL). */
GPtrArray *
gui_test_find_all (gpointer    root,
                   GType       type,
                   const char *id,
                   const char *name,
                   const char *title)
{
  Query query = { type, id, name, title, g_ptr_array_new () };

  gui_test_foreach_widget (GTK_WIDGET (root), match_widget, &query);
  return query.found;
}

/* The one widget that gui_test_find_all () finds: fails unless there is
 * exactly one. */
gpointer
gui_test_find_widget (gpointer    root,
                      GType       type,
                      const char *id,
                      const char *name,
                      const char *title)
{
  g_autoptr(GPtrArray) found = gui_test_find_all (root, type, id, name, title);

  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

/* The visible toplevel of @type (a class or an interface), transient for
 * @transient_for unless that is NULL; NULL if there is none. */
gpointer
gui_test_find_toplevel (GType      type,
                        GtkWindow *transient_for)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (transient_for == NULL || gtk_window_get_transient_for (window) == transient_for) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
check_accessible_label (GtkWidget *widget,
                        gpointer   user_data)
{
  gboolean interactive;

  interactive = GTK_IS_MENU_BUTTON (widget) ||
                GTK_IS_DROP_DOWN (widget) ||
                GTK_IS_SPIN_BUTTON (widget) ||
                GTK_IS_PROGRESS_BAR (widget) ||
                GTK_IS_TEXT_VIEW (widget) ||
                (GTK_IS_ACTIONABLE (widget) &&
                 gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) != NULL);

  if (interactive &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_error ("%s (%s) has no accessible label",
               G_OBJECT_TYPE_NAME (widget),
               gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)));
    }
}

/* Fails unless every control in @root (itself included) has a name for
 * screen readers: menu buttons, drop-downs, spin buttons, progress bars,
 * text views, and whatever has an action. */
void
gui_test_assert_accessible_labels (GtkWidget *root)
{
  gui_test_foreach_widget (root, check_accessible_label, NULL);
}

/* ---- The article ------------------------------------------------------ */

/* The code-point range of the @nth (from 1) occurrence of @needle in the
 * text of @document. */
void
gui_test_find_text (BylineDocument *document,
                    const char     *needle,
                    guint           nth,
                    guint          *start,
                    guint          *end)
{
  const char *text = byline_document_get_text (document);
  const char *hit = text - 1;

  g_assert_cmpuint (nth, >, 0);
  for (guint i = 0; i < nth; i++)
    {
      hit = strstr (hit + 1, needle);
      g_assert_nonnull (hit);
    }
  *start = (guint) g_utf8_pointer_to_offset (text, hit);
  *end = *start + (guint) g_utf8_strlen (needle, -1);
}

/* The annotation of @document labeled @label over exactly [@start, @end),
 * or NULL. */
BylineAnnotation *
gui_test_annotation_at (BylineDocument *document,
                        guint           start,
                        guint           end,
                        const char     *label)
{
  g_autoptr(GPtrArray) there = byline_document_query (document, start, end);

  for (guint i = 0; i < there->len; i++)
    {
      BylineAnnotation *a = there->pdata[i];

      if (byline_annotation_get_start (a) == start && byline_annotation_get_end (a) == end &&
          g_strcmp0 (byline_annotation_get_label (a), label) == 0)
        return a;
    }
  return NULL;
}

/* Adds an annotation over [@start, @end) with @status; returns the
 * document's (transfer none). */
BylineAnnotation *
gui_test_add_annotation (BylineDocument *document,
                         const char     *layer,
                         const char     *label,
                         guint           start,
                         guint           end,
                         BylineStatus    status)
{
  g_autoptr(BylineAnnotation) annotation = byline_annotation_new (layer, label, start, end);
  g_autoptr(GError) error = NULL;
  BylineAnnotation *added;

  byline_annotation_set_status (annotation, status);
  added = byline_document_add_annotation (document, annotation, &error);
  g_assert_no_error (error);
  return added;
}

/* Checks that @tag covers exactly [@start, @end) around that range (and
 * one character either side), at code point offsets. */
void
gui_test_assert_tag_covers (BylineArticleView *view,
                            GtkTextTag        *tag,
                            guint              start,
                            guint              end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;

  g_assert_nonnull (tag);
  for (guint o = start > 0 ? start - 1 : 0; o <= end; o++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) o);
      if (gtk_text_iter_has_tag (&iter, tag) != (o >= start && o < end))
        g_error ("tag %p at %u: expected %s in [%u, %u)",
                 (gpointer) tag, o,
                 o >= start && o < end ? "on" : "off", start, end);
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  g_assert_true (gtk_text_iter_starts_tag (&iter, tag));
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, end);
}

void
gui_test_assert_tag_absent (BylineArticleView *view,
                            GtkTextTag        *tag,
                            guint              start,
                            guint              end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;

  for (guint o = start; o < end; o++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) o);
      g_assert_false (gtk_text_iter_has_tag (&iter, tag));
    }
}

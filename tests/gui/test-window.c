/* test-window.c: the main window, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;

static void
collect_open_buttons (GtkWidget *widget,
                      gpointer   user_data)
{
  GPtrArray *buttons = user_data;

  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open") == 0)
    {
      g_ptr_array_add (buttons, widget);
    }
}

static void
test_window_empty (void)
{
  BylineWindow *window;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);

  g_assert_null (byline_window_get_document (window));
  g_assert_null (byline_window_get_file (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "Open an Article");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Byline");

  gui_test_destroy_window (window);
}

static void
test_window_open_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *basename = NULL;
  BylineWindow *window;
  BylineDocument *document;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *title;
  gsize length;

  if (gui_test_skip_without_display (have_display))
    return;

  path = gui_test_sample_path ("blinken-china-nbc.txt");
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, length, NULL));

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_try_load_file (window, path, &error);
  g_assert_no_error (error);

  document = byline_window_get_document (window);
  g_assert_true (BYLINE_IS_DOCUMENT (document));
  g_assert_nonnull (byline_window_get_file (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "document");

  /* Exactly the file: curly quotes, dashes and all. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (shown, ==, contents);
  g_assert_cmpstr (shown, ==, byline_document_get_text (document));

  /* Read-only, yet the cursor is there for keyboard selection. */
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (window->article_view)));
  g_assert_true (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (window->article_view)));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (window->article_view)), ==, GTK_WRAP_WORD_CHAR);

  /* The article's title if it has one, else the file name. */
  title = byline_document_get_meta_string (document, "title");
  basename = g_path_get_basename (path);
  if (title == NULL || title[0] == '\0')
    {
      title = basename;
    }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, title);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), !=, "");

  gui_test_destroy_window (window);
}

static void
test_window_open_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  BylineWindow *window;

  if (gui_test_skip_without_display (have_display))
    return;

  path = g_test_build_filename (G_TEST_BUILT, "no-such-article.txt", NULL);

  window = gui_test_create_window (NULL, 0, 0);
  g_assert_false (gui_test_try_load_file (window, path, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (byline_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Byline");

  /* What a user gets: the message in a toast, and the window as it was. */
  file = g_file_new_for_path (path);
  byline_window_open (window, file);
  while (byline_window_get_loading (window))
    {
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (byline_window_get_document (window));

  gui_test_destroy_window (window);
}

static void
test_window_open_twice (void)
{
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  GuiTestLoad first_load = { FALSE, FALSE, NULL };
  GuiTestLoad second_load = { FALSE, FALSE, NULL };
  BylineWindow *window;

  if (gui_test_skip_without_display (have_display))
    return;

  path = gui_test_sample_path ("blinken-china-nbc.txt");
  missing = g_test_build_filename (G_TEST_BUILT, "no-such-article.txt", NULL);
  first = g_file_new_for_path (missing);
  second = g_file_new_for_path (path);

  /* The newer load wins, whichever thread finishes first. */
  window = gui_test_create_window (NULL, 0, 0);
  byline_window_load_async (window, first, NULL, gui_test_load_cb, &first_load);
  byline_window_load_async (window, second, NULL, gui_test_load_cb, &second_load);

  while (!first_load.done || !second_load.done)
    {
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_false (first_load.ok);
  g_assert_error (first_load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&first_load.error);
  g_assert_no_error (second_load.error);
  g_assert_true (second_load.ok);
  g_assert_false (byline_window_get_loading (window));
  g_assert_true (g_file_equal (byline_window_get_file (window), second));

  gui_test_destroy_window (window);
}

static void
test_window_open_button (void)
{
  g_autoptr(GPtrArray) buttons = NULL;
  BylineWindow *window;
  GtkWindow *chooser;
  GtkWidget *header_button = NULL;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);

  /* One Open in the header bar, one on the empty page, both labelled for
   * screen readers. */
  buttons = g_ptr_array_new ();
  gui_test_foreach_widget (GTK_WIDGET (window), collect_open_buttons, buttons);
  g_assert_cmpuint (buttons->len, ==, 2);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      if (gtk_widget_get_ancestor (button, ADW_TYPE_HEADER_BAR) != NULL)
        {
          header_button = button;
        }
    }

  g_assert_nonnull (header_button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (header_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Open");

  /* Clicking it asks for a file; cancelling leaves everything as it was. */
  g_assert_null (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL));
  g_signal_emit_by_name (header_button, "clicked");
  gui_test_flush ();

  chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL);
  if (chooser == NULL)
    {
      /* A portal answered instead of GTK's own dialog: nothing to click. */
      g_test_message ("no file chooser window to cancel");
    }
  else
    {
      g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (window));
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gui_test_flush ();
      g_assert_null (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL));
    }

  g_assert_null (byline_window_get_document (window));

  gui_test_destroy_window (window);
}

/* Header bar buttons that only show an icon say what they do, with
 * their shortcut, on hover. */
static void
check_icon_button_tooltip (GtkWidget *widget,
                           gpointer   user_data)
{
  guint *n = user_data;
  const char *action;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL ||
      gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) == NULL)
    return;
  action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
  g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
  if (g_strcmp0 (action, "win.undo") == 0)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "Undo (Ctrl+Z)");
  if (g_strcmp0 (action, "win.open") == 0)
    g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, "Open (Ctrl+O)");
  (*n)++;
}

static void
test_window_accessible_labels (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BylineWindow *window;
  guint n_tooltips = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  path = gui_test_sample_path ("blinken-china-nbc.txt");
  window = gui_test_create_window (NULL, 0, 0);
  gui_test_assert_accessible_labels (GTK_WIDGET (window));
  gui_test_foreach_widget (GTK_WIDGET (window), check_icon_button_tooltip, &n_tooltips);
  g_assert_cmpuint (n_tooltips, >=, 6);

  gui_test_try_load_file (window, path, &error);
  g_assert_no_error (error);
  gui_test_assert_accessible_labels (GTK_WIDGET (window));

  gui_test_destroy_window (window);
}

static void
test_window_actions (void)
{
  BylineWindow *window;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);

  /* gtk_widget_class_install_action () makes win.open part of the class. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  gui_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  gui_test_flush ();

  /* The dialog goes away with its window. */
  gui_test_destroy_window (window);
  g_assert_null (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL));
}

static void
test_window_settings (void)
{
  g_autoptr(GSettings) settings = NULL;
  BylineWindow *window;
  int width, height;

  if (gui_test_skip_without_display (have_display))
    return;

  /* GSETTINGS_BACKEND=memory: nothing reaches the user's settings. */
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);

  window = gui_test_create_window (NULL, 0, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);

  gui_test_destroy_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  /* gtk_test_init () would exit when no display can be opened; this is
   * what it does, with gtk_init_check () so that the tests can skip. */
  g_test_init (&argc, &argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
    }

  g_test_add_func ("/gui/window/empty", test_window_empty);
  g_test_add_func ("/gui/window/open-sample", test_window_open_sample);
  g_test_add_func ("/gui/window/open-missing", test_window_open_missing);
  g_test_add_func ("/gui/window/open-twice", test_window_open_twice);
  g_test_add_func ("/gui/window/open-button", test_window_open_button);
  g_test_add_func ("/gui/window/accessible-labels", test_window_accessible_labels);
  g_test_add_func ("/gui/window/actions", test_window_actions);
  g_test_add_func ("/gui/window/settings", test_window_settings);

  return g_test_run ();
}

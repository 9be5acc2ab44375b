/* test-window-io.c: Save, recovery copies and asking before unsaved
 * changes are lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "byline-format.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;
/* Everything the tests write goes under here: the articles, the recovery
 * copies (BYLINE_RECOVERY_DIR) and the recent files list (XDG_DATA_HOME). */
static char *test_root;
static char *recovery_dir;

typedef struct
{
  char *dir;
  char *article;  /* a copy of the sample, NAME.txt */
  char *native;   /* where Save As puts it, NAME.byline.json */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = g_build_filename (test_root, "articles-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->dir));

  sample = gui_test_sample_path ("blinken-china-nbc.txt");
  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);

  fixture->article = g_build_filename (fixture->dir, "blinken.txt", NULL);
  fixture->native = g_build_filename (fixture->dir, "blinken.byline.json", NULL);
  g_file_set_contents (fixture->article, contents, length, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gui_test_remove_tree (fixture->dir);
  gui_test_remove_tree (recovery_dir);
  g_settings_reset (settings, "autosave-interval");
  g_settings_reset (settings, "recent-files");

  g_free (fixture->dir);
  g_free (fixture->article);
  g_free (fixture->native);
}

/* Labels the first sentence-ish words of the article. */
static void
add_person (BylineDocument *document,
            guint           start,
            guint           end)
{
  g_autoptr(BylineAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = byline_annotation_new ("entities", "PERSON", start, end);
  g_assert_nonnull (byline_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
}

/* Until the recovery copy being made is on disk. */
static void
wait_for_recovery (BylineWindow *window)
{
  while (byline_window_get_recovery_progress (window, NULL, NULL))
    g_main_context_iteration (NULL, TRUE);
  gui_test_flush ();
}

/* The title follows an edit in the idle after the frame that shows the
 * edit. */
static gboolean
title_is_marked (BylineWindow *window)
{
  const char *title;

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    gui_test_wait_frame (GTK_WIDGET (window));
  title = gtk_window_get_title (GTK_WINDOW (window));

  g_assert_cmpstr (title, ==, adw_window_title_get_title (window->window_title));

  return g_str_has_prefix (title, "• ");
}

/* Where the window keeps the recovery copy (or its info file) of @path. */
static char *
recovery_path_for (const char *path,
                   const char *suffix)
{
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA1, path, -1);
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (recovery_dir, name, NULL);
}

static void
test_io_actions_enabled (Fixture       *fixture,
                         gconstpointer  data)
{
  BylineWindow *window;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);

  /* Nothing to save before there is a document. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->save_button)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->save_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Save");

  gui_test_load_file (window, fixture->article);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->save_button)));
  g_assert_false (title_is_marked (window));

  gui_test_destroy_window (window);
}

static void
test_io_save (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) native = NULL;
  g_autoptr(BylineDocument) reloaded = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *article_before = NULL;
  g_autofree char *article_after = NULL;
  g_autofree char *backup = NULL;
  g_auto(GStrv) recent = NULL;
  BylineWindow *window;
  BylineDocument *document;
  BylineAnnotation *annotation;
  GtkWindow *chooser;

  if (gui_test_skip_without_display (have_display))
    return;

  g_file_get_contents (fixture->article, &article_before, NULL, &error);
  g_assert_no_error (error);

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  document = byline_window_get_document (window);

  add_person (document, 0, 7);
  g_assert_true (byline_document_get_modified (document));
  g_assert_true (title_is_marked (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), !=, "");

  /* Save on an article asks where to put the annotations, suggesting
   * NAME.byline.json beside it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_flush ();
  chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL);
  if (chooser == NULL)
    {
      g_test_message ("no file chooser window (a portal answered)");
    }
  else
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpstr (name, ==, "blinken.byline.json");
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gui_test_flush ();
      g_assert_null (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL));
    }
  g_assert_true (byline_document_get_modified (document));

  /* What the chooser does on accept. */
  native = g_file_new_for_path (fixture->native);
  g_assert_true (byline_window_save_to_file (window, native, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->native, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_equal (byline_window_get_file (window), native));
  g_assert_false (byline_document_get_modified (document));
  g_assert_false (title_is_marked (window));

  /* The article itself is never overwritten with JSON. */
  g_file_get_contents (fixture->article, &article_after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (article_after, ==, article_before);

  reloaded = byline_document_load_any (fixture->native, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_document_get_text (reloaded), ==, byline_document_get_text (document));
  g_assert_cmpuint (byline_document_get_n_annotations (reloaded), ==, 1);
  annotation = byline_document_get_annotation (reloaded, 0);
  g_assert_cmpstr (byline_annotation_get_label (annotation), ==, "PERSON");
  g_assert_cmpuint (byline_annotation_get_start (annotation), ==, 0);
  g_assert_cmpuint (byline_annotation_get_end (annotation), ==, 7);

  /* Saved files are remembered, newest first. */
  settings = g_settings_new (APP_ID);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, fixture->native);

  /* Now a Byline file: Save writes it directly, keeping the old one. */
  add_person (document, 8, 10);
  g_assert_true (title_is_marked (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_flush ();
  g_assert_null (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER, NULL));
  g_assert_false (byline_document_get_modified (document));
  g_assert_false (title_is_marked (window));
  backup = g_strconcat (fixture->native, "~", NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_clear_object (&reloaded);
  reloaded = byline_document_load_any (fixture->native, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_annotations (reloaded), ==, 2);

  gui_test_destroy_window (window);
}

static void
test_io_save_error (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *path = NULL;
  BylineWindow *window;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  add_person (byline_window_get_document (window), 0, 7);

  /* A folder that does not exist: an error, and nothing changes. */
  path = g_build_filename (fixture->dir, "missing", "x.byline.json", NULL);
  target = g_file_new_for_path (path);
  g_assert_false (byline_window_save_to_file (window, target, &error));
  g_assert_nonnull (error);
  g_assert_true (byline_document_get_modified (byline_window_get_document (window)));
  g_assert_true (title_is_marked (window));
  g_assert_false (g_file_equal (byline_window_get_file (window), target));

  byline_window_discard_recovery (window);
  byline_document_set_modified (byline_window_get_document (window), FALSE);
  gui_test_destroy_window (window);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Until @path is there, for at most 10 seconds. */
static void
wait_for_file (const char *path)
{
  gui_test_wait_until (file_exists, (gpointer) path, 10);
}

static void
test_io_recovery (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GFile) native = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *window_copy = NULL;
  BylineWindow *window;
  BylineDocument *document;
  AdwMessageDialog *dialog;
  JsonObject *object;

  if (gui_test_skip_without_display (have_display))
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "autosave-interval", 1);

  copy = recovery_path_for (fixture->article, ".byline.json");
  info = recovery_path_for (fixture->article, ".info.json");

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  document = byline_window_get_document (window);
  window_copy = byline_window_dup_recovery_path (window);
  g_assert_cmpstr (window_copy, ==, copy);
  g_assert_null (byline_window_get_message_dialog (window));

  /* No change, no copy. */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* A change: a copy a second later, from the main loop. */
  add_person (document, 0, 7);
  wait_for_file (copy);
  wait_for_recovery (window);
  g_file_get_contents (copy, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"PERSON\""));

  parser = json_parser_new ();
  json_parser_load_from_file (parser, info, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "path"), ==, fixture->article);
  g_assert_true (json_object_has_member (object, "written"));

  /* Undo back to the state on disk: nothing left to recover. */
  g_assert_true (byline_document_undo (document));
  gui_test_flush ();
  g_assert_false (title_is_marked (window));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));

  /* Redo, and write the copy directly this time. */
  g_assert_true (byline_document_redo (document));
  g_assert_true (byline_window_write_recovery (window, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* The session ends without saving (the window is destroyed without
   * asking): the copy stays. */
  gui_test_destroy_window (window);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* The next start: the start page lists the file with unsaved changes
   * first, and opening the article offers the copy. */
  window = gui_test_create_window (NULL, 0, 0);
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (window->recent_list));

    g_assert_true (ADW_IS_ACTION_ROW (row));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "blinken.txt");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Unsaved changes"));
    g_assert_true (gtk_widget_get_visible (window->recent_box));
  }
  gui_test_load_file (window, fixture->article);
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 0);
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "blinken.txt"));

  adw_message_dialog_response (dialog, "restore");
  gui_test_flush ();
  g_assert_null (byline_window_get_message_dialog (window));

  /* The copy, marked modified, still saved to the article's place. */
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 1);
  g_assert_cmpstr (byline_annotation_get_label (byline_document_get_annotation (document, 0)), ==, "PERSON");
  g_assert_true (byline_document_get_modified (document));
  g_assert_true (title_is_marked (window));
  g_assert_cmpstr (g_file_peek_path (byline_window_get_file (window)), ==, fixture->article);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* A successful save removes it. */
  native = g_file_new_for_path (fixture->native);
  g_assert_true (byline_window_save_to_file (window, native, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));

  gui_test_destroy_window (window);
}

/* The copy is made between frames: an edit while it is being made makes
 * it stale, and the copy written is the one with the edit. */
static void
test_io_recovery_stale (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  BylineWindow *window;
  BylineDocument *document;
  gint64 longest = -1;
  guint n = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "autosave-interval", 1);
  copy = recovery_path_for (fixture->article, ".byline.json");

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  document = byline_window_get_document (window);

  add_person (document, 0, 7);
  byline_window_start_recovery (window);
  g_assert_true (byline_window_get_recovery_progress (window, NULL, NULL));
  /* Before its first step runs: this copy would miss the next edit. */
  add_person (document, 8, 12);
  wait_for_file (copy);
  wait_for_recovery (window);

  g_file_get_contents (copy, &contents, NULL, &error);
  g_assert_no_error (error);
  for (const char *p = contents; (p = strstr (p, "\"PERSON\"")) != NULL; p++)
    n++;
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (byline_window_get_recovery_progress (window, &longest, NULL) == FALSE);
  g_assert_cmpint (longest, >=, 0);

  gui_test_destroy_window (window);
}

static void
test_io_recovery_discard (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  BylineWindow *window;
  AdwMessageDialog *dialog;

  if (gui_test_skip_without_display (have_display))
    return;

  copy = recovery_path_for (fixture->article, ".byline.json");

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  add_person (byline_window_get_document (window), 0, 7);
  g_assert_true (byline_window_write_recovery (window, &error));
  g_assert_no_error (error);
  gui_test_destroy_window (window);

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gui_test_flush ();

  g_assert_null (byline_window_get_message_dialog (window));
  g_assert_cmpuint (byline_document_get_n_annotations (byline_window_get_document (window)), ==, 0);
  g_assert_false (title_is_marked (window));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  gui_test_destroy_window (window);

  /* A copy equal to the file is no news: removed without asking. A window
   * destroyed with unsaved changes writes one last copy on the way out. */
  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  byline_document_set_modified (byline_window_get_document (window), TRUE);
  gui_test_destroy_window (window);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  g_assert_null (byline_window_get_message_dialog (window));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  gui_test_destroy_window (window);
}

static void
test_io_close (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  BylineWindow *window;
  AdwMessageDialog *dialog;

  if (gui_test_skip_without_display (have_display))
    return;

  copy = recovery_path_for (fixture->article, ".byline.json");

  /* Nothing unsaved: closing closes. */
  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_flush ();
  g_assert_null (byline_window_get_message_dialog (window));
  g_assert_finalize_object (window);

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  add_person (byline_window_get_document (window), 0, 7);
  g_assert_true (byline_window_write_recovery (window, &error));
  g_assert_no_error (error);

  /* Unsaved changes: the window asks and stays. */
  gtk_window_close (GTK_WINDOW (window));
  gui_test_flush ();
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==,
                   ADW_RESPONSE_SUGGESTED);

  /* A second close shows the same question. */
  gtk_window_close (GTK_WINDOW (window));
  gui_test_flush ();
  g_assert_true (byline_window_get_message_dialog (window) == dialog);

  adw_message_dialog_response (dialog, "cancel");
  gui_test_flush ();
  g_assert_null (byline_window_get_message_dialog (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (byline_document_get_modified (byline_window_get_document (window)));

  /* Discard: the window goes, and so does the copy. */
  gtk_window_close (GTK_WINDOW (window));
  gui_test_flush ();
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gui_test_flush ();
  g_assert_finalize_object (window);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

static void
test_io_close_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) native = NULL;
  g_autoptr(BylineDocument) reloaded = NULL;
  BylineWindow *window;
  AdwMessageDialog *dialog;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  native = g_file_new_for_path (fixture->native);
  g_assert_true (byline_window_save_to_file (window, native, &error));
  g_assert_no_error (error);

  /* A Byline file: Save in the question saves and closes. */
  add_person (byline_window_get_document (window), 0, 7);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_flush ();
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  gui_test_flush ();
  g_assert_finalize_object (window);

  reloaded = byline_document_load_any (fixture->native, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_annotations (reloaded), ==, 1);
}

static void
test_io_open_asks (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) native = NULL;
  g_autoptr(GFile) article = NULL;
  BylineWindow *window;
  AdwMessageDialog *dialog;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);
  gui_test_load_file (window, fixture->article);
  native = g_file_new_for_path (fixture->native);
  g_assert_true (byline_window_save_to_file (window, native, &error));
  g_assert_no_error (error);
  add_person (byline_window_get_document (window), 0, 7);

  /* Open (the dialog, drag and drop, a recent file) asks first. */
  article = g_file_new_for_path (fixture->article);
  byline_window_open (window, article);
  gui_test_flush ();
  g_assert_false (byline_window_get_loading (window));
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "cancel");
  gui_test_flush ();
  g_assert_true (g_file_equal (byline_window_get_file (window), native));
  g_assert_cmpuint (byline_document_get_n_annotations (byline_window_get_document (window)), ==, 1);

  byline_window_open (window, article);
  gui_test_flush ();
  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");

  while (byline_window_get_loading (window))
    {
      g_main_context_iteration (NULL, TRUE);
    }
  gui_test_flush ();

  g_assert_true (g_file_equal (byline_window_get_file (window), article));
  g_assert_cmpuint (byline_document_get_n_annotations (byline_window_get_document (window)), ==, 0);
  g_assert_false (title_is_marked (window));

  gui_test_destroy_window (window);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          return GTK_DROP_TARGET (controller);
        }
    }

  return NULL;
}

static void
test_io_drop (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) native = NULL;
  g_autoptr(GFile) article = NULL;
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target;
  AdwMessageDialog *dialog;
  BylineWindow *window;
  gboolean handled = FALSE;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (NULL, 0, 0);
  target = find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);

  /* A file dropped on an empty window opens at once. */
  native = g_file_new_for_path (fixture->native);
  article = g_file_new_for_path (fixture->article);
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, article);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  while (byline_window_get_document (window) == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_file_equal (byline_window_get_file (window), article));

  /* Over unsaved changes it asks first, as file managers drop a list. */
  g_assert_true (byline_window_save_to_file (window, native, &error));
  g_assert_no_error (error);
  add_person (byline_window_get_document (window), 0, 7);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&article, 1));
  handled = FALSE;
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
  gui_test_flush ();

  dialog = byline_window_get_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (g_file_equal (byline_window_get_file (window), native));
  adw_message_dialog_response (dialog, "discard");
  while (byline_window_get_loading (window))
    {
      g_main_context_iteration (NULL, TRUE);
    }
  gui_test_flush ();
  g_assert_true (g_file_equal (byline_window_get_file (window), article));

  gui_test_destroy_window (window);
}

static void
collect_recent_rows (GtkWidget *widget,
                     gpointer   user_data)
{
  GPtrArray *rows = user_data;

  if (GTK_IS_LIST_BOX_ROW (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.open-recent") == 0)
    {
      g_ptr_array_add (rows, widget);
    }
}

static void
test_io_recent (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *missing = NULL;
  const char *recent[4];
  BylineWindow *window;
  GVariant *target;

  if (gui_test_skip_without_display (have_display))
    return;

  missing = g_build_filename (fixture->dir, "gone.txt", NULL);
  recent[0] = fixture->article;
  recent[1] = missing;
  recent[2] = "relative.txt";
  recent[3] = NULL;

  settings = g_settings_new (APP_ID);
  g_settings_set_strv (settings, "recent-files", recent);

  /* The empty page offers the files that are still there. */
  window = gui_test_create_window (NULL, 0, 0);
  g_assert_true (gtk_widget_get_visible (window->recent_box));
  rows = g_ptr_array_new ();
  gui_test_foreach_widget (GTK_WIDGET (window), collect_recent_rows, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (rows, 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Open blinken.txt");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (g_ptr_array_index (rows, 0)));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, fixture->article);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", fixture->article));
  while (byline_window_get_document (window) == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (g_file_peek_path (byline_window_get_file (window)), ==, fixture->article);

  /* Nothing left to show once the setting is empty. */
  g_settings_set_strv (settings, "recent-files", NULL);
  g_assert_false (gtk_widget_get_visible (window->recent_box));

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* gtk_test_init () would exit when no display can be opened; this is
   * what it does, with gtk_init_check () so that the tests can skip. */
  g_test_init (&argc, &argv, NULL);

  /* Before GTK or GLib read them: nothing reaches the user's recovery
   * copies or recent files. */
  test_root = g_dir_make_tmp ("byline-test-window-io-XXXXXX", NULL);
  g_assert_nonnull (test_root);
  recovery_dir = g_build_filename (test_root, "recovery", NULL);
  data_home = g_build_filename (test_root, "data", NULL);
  g_mkdir_with_parents (data_home, 0700);
  g_setenv ("BYLINE_RECOVERY_DIR", recovery_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/window-io/actions-enabled", test_io_actions_enabled);
  ADD ("/gui/window-io/save", test_io_save);
  ADD ("/gui/window-io/save-error", test_io_save_error);
  ADD ("/gui/window-io/recovery", test_io_recovery);
  ADD ("/gui/window-io/recovery-stale", test_io_recovery_stale);
  ADD ("/gui/window-io/recovery-discard", test_io_recovery_discard);
  ADD ("/gui/window-io/close", test_io_close);
  ADD ("/gui/window-io/close-save", test_io_close_save);
  ADD ("/gui/window-io/open-asks", test_io_open_asks);
  ADD ("/gui/window-io/drop", test_io_drop);
  ADD ("/gui/window-io/recent", test_io_recent);

#undef ADD

  status = g_test_run ();

  gui_test_remove_tree (test_root);
  g_free (recovery_dir);
  g_free (test_root);

  return status;
}

/* dialog-test-util.c: what the Export and Import dialog tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private folder for everything the tests write, the application, the
 * fixture (copies of the sample article), waiting for a dialog to be idle
 * or gone, and opening the dialogs and finding their widgets.
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "byline-application.h"
#include "byline-export-dialog.h"
#include "byline-format-row.h"
#include "byline-format.h"
#include "byline-import-dialog.h"

#include "dialog-test-util.h"
#include "gui-test-util.h"

/* Everything the tests write goes under here, TMPDIR included, so that
 * the dry runs' temporary directories can be counted. */
static char *test_root;
static GtkApplication *app;

/* Before the tests are added: @name names the private folder, and
 * @application_id the application (one per test executable). Returns
 * whether GTK could open a display: without one every test skips. */
gboolean
dialog_test_init (int         *argc,
                  char      ***argv,
                  const char  *name,
                  const char  *application_id)
{
  g_autofree char *tmp = NULL;
  gboolean have_display;

  g_test_init (argc, argv, NULL);

  /* Before GLib reads them: the dry runs' directories, the recovery
   * copies and the recent files all stay in here. */
  /* Not g_dir_make_tmp (): it would read TMPDIR now, and GLib keeps what
   * it read, so the dry runs would go to the shared /tmp, where other
   * tests running at the same time make directories of the same name. */
  {
    const char *base = g_getenv ("TMPDIR");
    g_autofree char *folder = g_strdup_printf ("byline-%s-XXXXXX", name);
    g_autofree char *template = g_build_filename (base != NULL && base[0] != '\0' ? base : "/tmp",
                                                  folder, NULL);

    test_root = g_strdup (g_mkdtemp (template));
  }
  g_assert_nonnull (test_root);
  tmp = g_build_filename (test_root, "tmp", NULL);
  g_mkdir_with_parents (tmp, 0700);
  g_setenv ("TMPDIR", tmp, TRUE);
  {
    g_autofree char *recovery = g_build_filename (test_root, "recovery", NULL);
    g_autofree char *data_home = g_build_filename (test_root, "data", NULL);

    g_setenv ("BYLINE_RECOVERY_DIR", recovery, TRUE);
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      /* The application sets the accelerators (ctrl+e, ctrl+i). */
      app = GTK_APPLICATION (g_object_new (BYLINE_TYPE_APPLICATION,
                                           "application-id", application_id,
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "resource-base-path", "/io/github/byline/Byline",
                                           NULL));
      g_application_register (G_APPLICATION (app), NULL, NULL);
    }
  return have_display;
}

/* The application; NULL without a display. */
GtkApplication *
dialog_test_get_app (void)
{
  return app;
}

/* Runs the tests, then removes the application and the private folder. */
int
dialog_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  gui_test_remove_tree (test_root);
  g_free (test_root);
  return status;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

void
dialog_test_fixture_setup (DialogTestFixture *fixture,
                           gconstpointer      data)
{
  g_autofree char *native = gui_test_sample_path ("blinken-china-nbc.byline.json");
  g_autofree char *text = gui_test_sample_path ("blinken-china-nbc.txt");
  g_autofree char *other = NULL;

  fixture->dir = g_build_filename (test_root, "articles-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->dir));
  fixture->sample = g_build_filename (fixture->dir, "blinken.byline.json", NULL);
  /* In a folder of its own: the sample's folder is then one article. */
  other = g_build_filename (fixture->dir, "other", NULL);
  g_assert_cmpint (g_mkdir_with_parents (other, 0700), ==, 0);
  fixture->text = g_build_filename (other, "blinken.txt", NULL);
  copy_file (native, fixture->sample);
  copy_file (text, fixture->text);
}

void
dialog_test_fixture_teardown (DialogTestFixture *fixture,
                              gconstpointer      data)
{
  gui_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->sample);
  g_free (fixture->text);
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static gboolean
is_false (gpointer flag)
{
  return !*(gboolean *) flag;
}

/* Runs the main loop until *@flag is FALSE (or, with @while_true FALSE,
 * TRUE), failing after 20 seconds. */
void
dialog_test_wait_for (gboolean *flag,
                      gboolean  while_true)
{
  gui_test_wait_until (while_true ? is_false : is_true, flag, 20);
  gui_test_flush ();
}

static void
on_busy_changed_cb (GObject    *object,
                    GParamSpec *pspec,
                    gboolean   *busy)
{
  g_object_get (object, "busy", busy, NULL);
}

/* Waits for the preview (or the export) of @dialog to finish. */
void
dialog_test_wait_idle (GtkWidget *dialog)
{
  gboolean busy;
  gulong id;

  g_object_get (dialog, "busy", &busy, NULL);
  id = g_signal_connect (dialog, "notify::busy", G_CALLBACK (on_busy_changed_cb), &busy);
  dialog_test_wait_for (&busy, TRUE);
  g_signal_handler_disconnect (dialog, id);
}

void
dialog_test_on_destroyed_cb (gpointer  data,
                             GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* Waits until @dialog is gone, as it is after a successful run. */
void
dialog_test_wait_destroyed (GtkWidget *dialog)
{
  gboolean gone = FALSE;

  g_object_weak_ref (G_OBJECT (dialog), dialog_test_on_destroyed_cb, &gone);
  dialog_test_wait_for (&gone, FALSE);
}

GtkWidget *
dialog_test_open_export (BylineWindow *window)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  gui_test_flush ();
  dialog = gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  dialog_test_wait_idle (dialog);
  return dialog;
}

GtkWidget *
dialog_test_open_import (BylineWindow *window)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  gui_test_flush ();
  dialog = gui_test_find_toplevel (BYLINE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return dialog;
}

gpointer
dialog_test_child (GtkWidget  *dialog,
                   const char *id)
{
  GType type = BYLINE_IS_EXPORT_DIALOG (dialog) ? BYLINE_TYPE_EXPORT_DIALOG : BYLINE_TYPE_IMPORT_DIALOG;
  GObject *object = gtk_widget_get_template_child (dialog, type, id);

  g_assert_nonnull (object);
  return object;
}

void
dialog_test_select_format (GtkWidget  *dialog,
                           const char *name)
{
  g_assert_true (byline_format_row_select (dialog_test_child (dialog, "format_row"), name));
  gui_test_flush ();
}

void
dialog_test_set_destination (GtkWidget  *dialog,
                             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  byline_export_dialog_set_destination (BYLINE_EXPORT_DIALOG (dialog), file);
  dialog_test_wait_idle (dialog);
}

gboolean
dialog_test_format_ready (const char *name,
                          gboolean    write)
{
  const BylineFormat *format = byline_format_lookup (name);

  if (format == NULL)
    return FALSE;
  return write ? byline_format_can_write (format) : byline_format_can_read (format);
}

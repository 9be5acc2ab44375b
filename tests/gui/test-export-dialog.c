/* test-export-dialog.c: the Export and Import dialogs, driven as a user
 * would: their actions, their widgets, and (with XTEST) real keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "byline-application.h"
#include "byline-export-dialog.h"
#include "byline-export-job.h"
#include "byline-format-row.h"
#include "byline-format.h"
#include "byline-import-dialog.h"
#include "byline-native.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"
#ifdef HAVE_XTEST
#include "gui-test-xtest.h"
#endif

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;
/* Everything the tests write goes under here, TMPDIR included, so that
 * the dry runs' temporary directories can be counted. */
static char *test_root;
static GtkApplication *app;

typedef struct
{
  char *dir;
  char *sample;   /* a copy of the sample article's .byline.json */
  char *text;     /* the same article as plain text */
} Fixture;

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

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
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

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
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
static void
wait_for (gboolean *flag,
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
static void
wait_idle (GtkWidget *dialog)
{
  gboolean busy;
  gulong id;

  g_object_get (dialog, "busy", &busy, NULL);
  id = g_signal_connect (dialog, "notify::busy", G_CALLBACK (on_busy_changed_cb), &busy);
  wait_for (&busy, TRUE);
  g_signal_handler_disconnect (dialog, id);
}

static void
on_destroyed_cb (gpointer  data,
                 GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

/* Waits until @dialog is gone, as it is after a successful run. */
static void
wait_destroyed (GtkWidget *dialog)
{
  gboolean gone = FALSE;

  g_object_weak_ref (G_OBJECT (dialog), on_destroyed_cb, &gone);
  wait_for (&gone, FALSE);
}

static GtkWidget *
open_export (BylineWindow *window)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  gui_test_flush ();
  dialog = gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  wait_idle (dialog);
  return dialog;
}

static GtkWidget *
open_import (BylineWindow *window)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  gui_test_flush ();
  dialog = gui_test_find_toplevel (BYLINE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  return dialog;
}

static gpointer
child (GtkWidget  *dialog,
       const char *id)
{
  GType type = BYLINE_IS_EXPORT_DIALOG (dialog) ? BYLINE_TYPE_EXPORT_DIALOG : BYLINE_TYPE_IMPORT_DIALOG;
  GObject *object = gtk_widget_get_template_child (dialog, type, id);

  g_assert_nonnull (object);
  return object;
}

static void
select_format (GtkWidget  *dialog,
               const char *name)
{
  g_assert_true (byline_format_row_select (child (dialog, "format_row"), name));
  gui_test_flush ();
}

static void
set_check (GtkWidget  *dialog,
           const char *id,
           gboolean    active)
{
  gtk_check_button_set_active (child (dialog, id), active);
}

static gboolean
check_active (GtkWidget  *dialog,
              const char *id)
{
  return gtk_check_button_get_active (child (dialog, id));
}

static void
set_destination (GtkWidget  *dialog,
                 const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  byline_export_dialog_set_destination (BYLINE_EXPORT_DIALOG (dialog), file);
  wait_idle (dialog);
}

static const char *
preview (GtkWidget *dialog)
{
  const char *text = byline_export_dialog_get_preview (BYLINE_EXPORT_DIALOG (dialog));

  /* What the dialog says is what the label shows. */
  g_assert_cmpstr (gtk_label_get_text (child (dialog, "preview_label")), ==, text);
  return text;
}

/* Runs Export and waits for the dialog to close on success. */
static void
run_export (GtkWidget *dialog)
{
  g_assert_true (gtk_widget_activate_action (dialog, "export.run", NULL));
  wait_destroyed (dialog);
}

static guint
count_export_tmp_dirs (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "byline-export-"))
        n++;
    }
  return n;
}

static gboolean
collect_cb (BylineDocument  *document,
            gpointer         user_data,
            GError         **error)
{
  g_ptr_array_add (user_data, g_object_ref (document));
  return TRUE;
}

static GPtrArray *
read_all (const char *path,
          const char *format_name)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const BylineFormat *format = byline_format_lookup (format_name);

  g_assert_nonnull (format);
  g_assert_true (byline_format_read (format, path, NULL, NULL, collect_cb, documents, &error));
  g_assert_no_error (error);
  return documents;
}

static guint
count_status (BylineDocument *document,
              BylineStatus    status)
{
  guint n = 0;

  for (guint i = 0; i < byline_document_get_n_annotations (document); i++)
    {
      if (byline_annotation_get_status (byline_document_get_annotation (document, i)) == status)
        n++;
    }
  return n;
}

static void
touch (const char *folder,
       const char *name,
       const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
basenames (GPtrArray *paths)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", name);
    }
  return g_string_free (out, FALSE);
}

/* Which files of a folder a corpus export reads: one document an
 * article. No display needed. */
static void
test_corpus_listing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "mixed", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *names = NULL;
  g_autofree char *current = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  touch (folder, "a.txt", "A.");
  touch (folder, "a.byline.json", "{}");
  touch (folder, "b.txt", "B.");
  touch (folder, "c.txt", "C.");
  touch (folder, "c.ann", "");
  touch (folder, "d.spacy.jsonl", "");
  touch (folder, "notes.md", "not an article");
  touch (folder, ".hidden.txt", "hidden");
  touch (folder, "e.txt~", "a backup");

  /* The annotated file stands for its article. */
  paths = byline_export_list_corpus (file, NULL);
  names = basenames (paths);
  if (byline_format_can_read (byline_format_lookup ("brat")) &&
      byline_format_can_read (byline_format_lookup ("spacy")))
    g_assert_cmpstr (names, ==, "a.byline.json b.txt c.ann d.spacy.jsonl");

  /* The window shows a.txt: its document (with its unsaved edits) is the
   * article, and a.byline.json is not read as a second copy. */
  g_clear_pointer (&paths, g_ptr_array_unref);
  g_clear_pointer (&names, g_free);
  current = g_build_filename (folder, "a.txt", NULL);
  paths = byline_export_list_corpus (file, current);
  names = basenames (paths);
  g_assert_true (g_str_has_prefix (names, "a.txt b.txt "));
  g_assert_null (strstr (names, "a.byline.json"));
}

/* ---- Export ----------------------------------------------------------- */

static void
test_export_document (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *output = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GFile) destination = NULL;
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  GListModel *formats;
  AdwActionRow *speakers;
  guint n_tmp;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 24);
  before = byline_native_to_string (document, NULL);
  n_tmp = count_export_tmp_dirs ();

  dialog = open_export (window);

  /* Only formats Byline can write, so the dataset formats appear as
   * their writers land. */
  formats = adw_combo_row_get_model (child (dialog, "format_row"));
  g_assert_cmpuint (g_list_model_get_n_items (formats), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (formats); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (formats, i);
      const BylineFormat *format = byline_format_lookup (gtk_string_object_get_string (item));

      g_assert_nonnull (format);
      g_assert_true (byline_format_can_write (format));
    }
  g_assert_false (byline_format_row_select (child (dialog, "format_row"), "html"));

  /* The default: Byline JSON Lines, every status, beside the article
   * under its name. */
  g_assert_cmpstr (byline_format_row_get_name (child (dialog, "format_row")), ==, "jsonl");
  g_assert_true (check_active (dialog, "suggested_check"));
  destination = byline_export_dialog_dup_destination (BYLINE_EXPORT_DIALOG (dialog));
  output = g_build_filename (fixture->dir, "blinken.byline.jsonl", NULL);
  g_assert_cmpstr (g_file_peek_path (destination), ==, output);
  g_assert_nonnull (strstr (preview (dialog), "1 document\n24 annotations, 5 relations"));
  g_clear_pointer (&output, g_free);

  /* A dataset format defaults to what a person made or confirmed. */
  select_format (dialog, "text");
  g_assert_true (check_active (dialog, "manual_check"));
  g_assert_true (check_active (dialog, "accepted_check"));
  g_assert_false (check_active (dialog, "suggested_check"));
  g_assert_false (check_active (dialog, "rejected_check"));
  wait_idle (dialog);
  g_assert_nonnull (strstr (preview (dialog), "23 annotations"));
  g_assert_nonnull (strstr (preview (dialog), "suggested annotations (not reviewed)"));

  /* Byline's own corpus format keeps everything, unless told. */
  select_format (dialog, "jsonl");
  g_assert_true (check_active (dialog, "suggested_check"));
  set_check (dialog, "suggested_check", FALSE);
  /* A folder that does not exist: the preview says so. */
  output = g_build_filename (fixture->dir, "nowhere", "dataset.jsonl", NULL);
  set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "Cannot write in the folder"));
  g_clear_pointer (&output, g_free);
  output = g_build_filename (fixture->dir, "dataset.jsonl", NULL);
  set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "1 document\n23 annotations, 5 relations"));
  g_assert_nonnull (strstr (preview (dialog), "Left out by the filters:"));
  g_assert_nonnull (strstr (preview (dialog), "suggested annotations (not reviewed): 1"));

  /* The preview wrote nothing, and left no temporary directory. */
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_export_tmp_dirs (), ==, n_tmp);

  /* Without the speakers layer, its annotations and their relations
   * stay out. */
  speakers = gui_test_find_widget (child (dialog, "layers_row"), ADW_TYPE_ACTION_ROW, NULL, NULL, "Speakers");
  g_assert_nonnull (speakers);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (speakers)), FALSE);
  wait_idle (dialog);
  g_assert_nonnull (strstr (preview (dialog), "annotations of layers not exported: 6"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (speakers)), TRUE);
  wait_idle (dialog);
  g_assert_null (strstr (preview (dialog), "layers not exported"));

  run_export (dialog);
  g_assert_null (gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));

  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
  written = read_all (output, "jsonl");
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_cmpuint (byline_document_get_n_annotations (written->pdata[0]), ==, 23);
  g_assert_cmpuint (count_status (written->pdata[0], BYLINE_STATUS_SUGGESTED), ==, 0);
  g_assert_cmpuint (byline_document_get_n_relations (written->pdata[0]), ==, 5);
  g_assert_cmpstr (byline_document_get_text (written->pdata[0]), ==, byline_document_get_text (document));

  /* The window's document is untouched. */
  after = byline_native_to_string (document, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (byline_document_get_modified (document));
  g_assert_cmpuint (count_export_tmp_dirs (), ==, n_tmp);

  gui_test_discard_window (window);
}

static void
test_export_unsaved (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BylineAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) written = NULL;
  g_autofree char *output = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  document = byline_window_get_document (window);

  /* An edit not saved yet. */
  annotation = byline_annotation_new ("entities", "PERSON", 0, 7);
  g_assert_nonnull (byline_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
  g_assert_true (byline_document_get_modified (document));
  before = byline_native_to_string (document, NULL);

  dialog = open_export (window);
  select_format (dialog, "byline");
  /* By default never onto the article's own file. */
  {
    g_autoptr(GFile) destination = byline_export_dialog_dup_destination (BYLINE_EXPORT_DIALOG (dialog));

    g_assert_cmpstr (g_file_peek_path (destination), !=, fixture->sample);
  }
  output = g_build_filename (fixture->dir, "copy.byline.json", NULL);
  set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "25 annotations, 5 relations"));
  run_export (dialog);

  written = byline_native_load_file (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_annotations (written), ==, 25);
  g_assert_nonnull (byline_document_lookup_annotation (written, byline_annotation_get_id (annotation)));

  /* Nothing changed in the window: not the annotations, not the
   * unsaved state, not the history. */
  after = byline_native_to_string (document, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (byline_document_get_modified (document));
  g_assert_true (byline_document_can_undo (document));
  g_assert_true (byline_document_undo (document));
  g_assert_false (byline_document_can_undo (document));

  gui_test_discard_window (window);
}

/* Ten articles in a folder: doc00.txt … doc09.txt. */
static char *
make_corpus (Fixture *fixture)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "corpus", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("doc%02u.txt", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = g_strdup_printf ("Article number %u. “Words,” she said — today.\n", i);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&folder);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_export_corpus_split (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(BylineAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = make_corpus (fixture);
  g_autofree char *first = g_build_filename (folder, "doc00.txt", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "dataset", NULL);
  const char * const parts[] = { "train", "dev", "test" };
  const guint expected[] = { 8, 1, 1 };
  guint labeled = 0;
  BylineWindow *window;
  GtkWidget *dialog;
  AdwComboRow *scope;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, first);
  /* An unsaved label on the article shown goes into the corpus too. */
  annotation = byline_annotation_new ("entities", "CARDINAL", 15, 16);
  g_assert_nonnull (byline_document_add_annotation (window->document, annotation, &error));
  g_assert_no_error (error);

  dialog = open_export (window);
  scope = child (dialog, "scope_row");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scope)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope)), ==, 2);

  /* A split makes sense for a corpus only. */
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "split_row")));
  adw_combo_row_set_selected (scope, 1);
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "split_row")));
  adw_expander_row_set_enable_expansion (child (dialog, "split_row"), TRUE);
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "train_spin")), ==, 80);
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "dev_spin")), ==, 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (child (dialog, "test_spin")), ==, 10);
  gtk_spin_button_set_value (child (dialog, "seed_spin"), 7);
  set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "10 documents (train 8, dev 1, test 1)"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  run_export (dialog);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *name = g_strconcat (parts[p], ".byline.jsonl", NULL);
      g_autofree char *path = g_build_filename (output, name, NULL);
      g_autoptr(GPtrArray) documents = read_all (path, "jsonl");

      g_assert_cmpuint (documents->len, ==, expected[p]);
      for (guint i = 0; i < documents->len; i++)
        labeled += byline_document_get_n_annotations (documents->pdata[i]);
    }
  g_assert_cmpuint (labeled, ==, 1);
  g_assert_true (byline_document_get_modified (window->document));
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 1);

  /* Byline documents: a folder a part, one file a document. */
  dialog = open_export (window);
  adw_combo_row_set_selected (child (dialog, "scope_row"), 1);
  adw_expander_row_set_enable_expansion (child (dialog, "split_row"), TRUE);
  select_format (dialog, "byline");
  g_clear_pointer (&output, g_free);
  output = g_build_filename (fixture->dir, "documents", NULL);
  set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "(train 8, dev 1, test 1)"));
  run_export (dialog);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *path = g_build_filename (output, parts[p], NULL);

      g_assert_cmpuint (count_files (path), ==, expected[p]);
    }

  gui_test_discard_window (window);
}

static void
test_export_cancel_on_close (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *folder = make_corpus (fixture);
  g_autofree char *first = g_build_filename (folder, "doc00.txt", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "cancelled.byline.jsonl", NULL);
  BylineWindow *window;
  GtkWidget *dialog;
  guint n_tmp = count_export_tmp_dirs ();

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, first);
  dialog = open_export (window);
  adw_combo_row_set_selected (child (dialog, "scope_row"), 1);
  set_destination (dialog, output);

  /* Escape closes; a preview under way is cancelled and cleans up. */
  gtk_spin_button_set_value (child (dialog, "seed_spin"), 3);
  g_assert_true (byline_export_dialog_get_busy (BYLINE_EXPORT_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  gui_test_flush ();
  g_assert_null (gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));

  /* Export, then close at once: nothing is left behind. */
  dialog = open_export (window);
  adw_combo_row_set_selected (child (dialog, "scope_row"), 1);
  set_destination (dialog, output);
  g_assert_true (gtk_widget_activate_action (dialog, "export.run", NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The worker finishes its current document and stops. */
  for (guint i = 0; i < 50; i++)
    {
      gui_test_flush ();
      g_usleep (10000);
    }
  g_assert_cmpuint (count_export_tmp_dirs (), ==, n_tmp);

  gui_test_discard_window (window);
}

static gboolean
format_ready (const char *name,
              gboolean    write)
{
  const BylineFormat *format = byline_format_lookup (name);

  if (format == NULL)
    return FALSE;
  return write ? byline_format_can_write (format) : byline_format_can_read (format);
}

/* The dataset formats, as they land. */
static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *conll = g_build_filename (fixture->dir, "sample.conll", NULL);
  BylineWindow *window;
  GtkWidget *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (!format_ready ("conll", TRUE) || !format_ready ("brat", TRUE))
    {
      g_test_skip ("the CoNLL or brat writer is not there yet");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);

  /* A token format: one layer, tagged with a scheme. */
  dialog = open_export (window);
  select_format (dialog, "conll");
  g_assert_true (gtk_widget_get_visible (child (dialog, "tag_layer_row")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "scheme_row")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "layers_row")));
  adw_combo_row_set_selected (child (dialog, "scheme_row"), BYLINE_TAG_SCHEME_BIOES);
  set_destination (dialog, conll);
  g_assert_nonnull (strstr (preview (dialog), "15 annotations, 0 relations"));
  g_assert_nonnull (strstr (preview (dialog), "annotations of layers not exported: 8"));
  g_assert_nonnull (strstr (preview (dialog), "suggested annotations (not reviewed): 1"));
  run_export (dialog);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (conll, &contents, NULL, NULL));
    /* "Shanghai", one token, in BIOES. */
    g_assert_nonnull (strstr (contents, "Shanghai"));
    g_assert_nonnull (strstr (contents, "S-GPE"));
    g_assert_null (strstr (contents, "QUOTE"));
  }

  /* A directory format: a folder beside the article. */
  dialog = open_export (window);
  select_format (dialog, "brat");
  {
    g_autoptr(GFile) destination = byline_export_dialog_dup_destination (BYLINE_EXPORT_DIALOG (dialog));
    g_autofree char *expected = g_build_filename (fixture->dir, "blinken-brat", NULL);
    g_autofree char *ann = NULL;
    g_autofree char *txt = NULL;

    g_assert_cmpstr (g_file_peek_path (destination), ==, expected);
    g_assert_nonnull (strstr (preview (dialog), "1 document"));
    run_export (dialog);
    g_assert_true (g_file_test (expected, G_FILE_TEST_IS_DIR));
    ann = g_build_filename (expected, "blinken-china-nbc.ann", NULL);
    txt = g_build_filename (expected, "blinken-china-nbc.txt", NULL);
    g_assert_true (g_file_test (ann, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (txt, G_FILE_TEST_IS_REGULAR));
  }

  gui_test_discard_window (window);
}

/* ---- Import ----------------------------------------------------------- */

static void
run_import (GtkWidget  *dialog,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  byline_import_dialog_set_file (BYLINE_IMPORT_DIALOG (dialog), file);
  g_assert_true (gtk_widget_activate_action (dialog, "import.run", NULL));
  wait_destroyed (dialog);
}

static void
test_import_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) other = NULL;
  g_autoptr(BylineAnnotation) speaker = NULL;
  g_autoptr(BylineAnnotation) quote = NULL;
  g_autoptr(BylineRelation) relation = NULL;
  g_autofree char *clash = g_build_filename (fixture->dir, "clash.byline.json", NULL);
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  GListModel *formats;
  BylineRelation *merged;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->text);
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 0);

  dialog = open_import (window);
  /* Nothing to import before a file is chosen. */
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
  formats = adw_combo_row_get_model (child (dialog, "format_row"));
  for (guint i = 1; i < g_list_model_get_n_items (formats); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (formats, i);

      g_assert_true (byline_format_can_read (byline_format_lookup (gtk_string_object_get_string (item))));
    }

  /* The same text: the annotations join the article, as one step. */
  run_import (dialog, fixture->sample);
  g_assert_true (byline_window_get_document (window) == document);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 24);
  g_assert_cmpuint (byline_document_get_n_relations (document), ==, 5);
  g_assert_true (byline_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 0);
  g_assert_cmpuint (byline_document_get_n_relations (document), ==, 0);
  g_assert_false (byline_document_can_undo (document));
  g_assert_false (byline_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 24);

  /* Twice: nothing is added twice. */
  dialog = open_import (window);
  run_import (dialog, fixture->sample);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 24);
  g_assert_cmpuint (byline_document_get_n_relations (document), ==, 5);

  /* Ids that clash get new ones; relations follow them. */
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, byline_document_get_text (document), -1, &error));
  speaker = byline_annotation_new ("speakers", "SPEAKER", 0, 7);
  byline_annotation_set_id (speaker, "a15");
  quote = byline_annotation_new ("speakers", "QUOTE", 8, 30);
  byline_annotation_set_id (quote, "a16");
  g_assert_nonnull (byline_document_add_annotation (other, speaker, &error));
  g_assert_nonnull (byline_document_add_annotation (other, quote, &error));
  relation = byline_relation_new ("said_by", "a16", "a15");
  byline_relation_set_id (relation, "r1");
  g_assert_nonnull (byline_document_add_relation (other, relation, &error));
  g_assert_no_error (error);
  g_assert_true (byline_native_save (other, clash, &error));
  g_assert_no_error (error);

  dialog = open_import (window);
  run_import (dialog, clash);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 26);
  g_assert_cmpuint (byline_document_get_n_relations (document), ==, 6);
  merged = byline_document_get_relation (document, 5);
  g_assert_cmpstr (byline_relation_get_id (merged), !=, "r1");
  g_assert_cmpstr (byline_relation_get_from (merged), !=, "a16");
  g_assert_cmpstr (byline_relation_get_to (merged), !=, "a15");
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (document, byline_relation_get_from (merged))), ==, "QUOTE");
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (document, byline_relation_get_to (merged))), ==, "SPEAKER");
  /* The article's own a15 is what it was. */
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (document, "a15")), ==, "GPE");

  gui_test_discard_window (window);
}

static void
test_import_suggestions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) other = NULL;
  g_autofree char *corpus = g_build_filename (fixture->dir, "spans.byline.jsonl", NULL);
  g_autofree char *line = NULL;
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  GString *out = g_string_new (NULL);

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->text);
  document = byline_window_get_document (window);

  /* A JSONL file: another article first, then this one with three spans
   * of no origin. */
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, "Another article.", -1, &error));
  byline_native_append (other, TRUE, out);
  g_string_append_c (out, '\n');
  g_clear_object (&other);
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, byline_document_get_text (document), -1, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "ORG", i * 10, i * 10 + 5);

      g_assert_nonnull (byline_document_add_annotation (other, a, &error));
    }
  byline_native_append (other, TRUE, out);
  g_string_append_c (out, '\n');
  g_file_set_contents (corpus, out->str, out->len, &error);
  g_assert_no_error (error);
  g_string_free (out, TRUE);

  dialog = open_import (window);
  gtk_switch_set_active (child (dialog, "suggestions_switch"), TRUE);
  /* Chosen from the file name. */
  g_assert_cmpstr (byline_format_row_get_name (child (dialog, "format_row")), ==, "auto");
  run_import (dialog, corpus);

  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (document, i);

      g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
      g_assert_cmpstr (byline_annotation_get_origin (a), ==, "import:jsonl");
    }

  gui_test_discard_window (window);
}

static void
test_import_spacy (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) sample = NULL;
  g_autoptr(BylineWriter) writer = NULL;
  g_autofree char *spacy = g_build_filename (fixture->dir, "sample.spacy.jsonl", NULL);
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  guint n;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  if (!format_ready ("spacy", TRUE) || !format_ready ("spacy", FALSE))
    {
      g_test_skip ("the spaCy format is not there yet");
      return;
    }

  /* spaCy's copy of the article, made by the core. */
  sample = byline_native_load_file (fixture->sample, NULL, NULL, &error);
  g_assert_no_error (error);
  writer = byline_format_open_writer (byline_format_lookup ("spacy"), spacy, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_writer_write (writer, sample, &error));
  g_assert_true (byline_writer_finish (writer, &error));
  g_assert_no_error (error);

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->text);
  document = byline_window_get_document (window);
  dialog = open_import (window);
  run_import (dialog, spacy);
  n = byline_document_get_n_annotations (document);
  g_assert_cmpuint (n, >=, 23);
  g_assert_cmpuint (n, <=, 24);
  g_assert_nonnull (byline_document_lookup_annotation (document, "a15"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 0);

  gui_test_discard_window (window);
}

/* The label of the toast shown now, if any. */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) &&
          (text == NULL ||
           (GTK_IS_LABEL (c) && strstr (gtk_label_get_text (GTK_LABEL (c)), text) != NULL) ||
           (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), text) == 0)))
        return c;
      if ((found = find_descendant (c, type, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_import_warnings (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) other = NULL;
  g_autoptr(BylineAnnotation) odd = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "odd.byline.json", NULL);
  BylineWindow *window;
  GtkWidget *dialog;
  GtkWidget *label;
  GtkWidget *button;
  GtkWidget *question;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->text);

  /* A label the schema does not know: kept, with a warning. */
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, byline_document_get_text (window->document), -1, &error));
  odd = byline_annotation_new ("entities", "SPACESHIP", 0, 7);
  g_assert_nonnull (byline_document_add_annotation (other, odd, &error));
  g_assert_true (byline_native_save (other, path, &error));
  g_assert_no_error (error);

  dialog = open_import (window);
  run_import (dialog, path);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 1);

  /* One toast says both. */
  label = find_descendant (GTK_WIDGET (window->toast_overlay), GTK_TYPE_LABEL, "Imported 1 annotation — 1 warning");
  g_assert_nonnull (label);
  button = find_descendant (GTK_WIDGET (window->toast_overlay), GTK_TYPE_BUTTON, "_Show Warnings");
  g_assert_nonnull (button);
  /* A button activated by a key shows itself pressed for a moment. */
  gtk_widget_activate (button);
  for (guint i = 0; i < 100 && gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)) == NULL; i++)
    {
      gui_test_flush ();
      g_usleep (10000);
    }
  question = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_nonnull (find_descendant (question, GTK_TYPE_LABEL, "label “SPACESHIP” is not in schema"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), "odd.byline.json"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "close");
  gtk_window_destroy (GTK_WINDOW (question));

  gui_test_discard_window (window);
}

static AdwMessageDialog *
find_question (BylineWindow *window)
{
  GtkWidget *dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));

  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_widget_get_name (dialog), ==, "byline-import-confirm");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
test_import_opens_other (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) annotation = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.txt", NULL);
  g_autofree char *corpus = g_build_filename (fixture->dir, "three.jsonl", NULL);
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  AdwMessageDialog *question;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_file_set_contents (other, "A different article.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (corpus,
                       "{\"id\": \"one\", \"text\": \"First.\"}\n"
                       "{\"id\": \"two\", \"text\": \"Second.\"}\n"
                       "{\"id\": \"three\", \"text\": \"Third.\"}\n", -1, &error);
  g_assert_no_error (error);

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  document = byline_window_get_document (window);

  /* Unsaved changes: the window asks first; Cancel keeps them. */
  annotation = byline_annotation_new ("entities", "PERSON", 0, 7);
  g_assert_nonnull (byline_document_add_annotation (document, annotation, &error));
  dialog = open_import (window);
  run_import (dialog, other);
  question = find_question (window);
  g_assert_cmpstr (adw_message_dialog_get_close_response (question), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "save");
  adw_message_dialog_response (question, "cancel");
  gui_test_flush ();
  g_assert_true (byline_window_get_document (window) == document);
  g_assert_true (byline_document_get_modified (document));

  /* Discard: the other article opens, new and unsaved. */
  dialog = open_import (window);
  run_import (dialog, other);
  adw_message_dialog_response (find_question (window), "discard");
  gui_test_flush ();
  g_assert_true (byline_window_get_document (window) != document);
  g_assert_cmpstr (byline_document_get_text (byline_window_get_document (window)), ==,
                   "A different article.\n");
  g_assert_null (byline_window_get_file (window));
  g_assert_true (byline_document_get_modified (byline_window_get_document (window)));

  /* Several documents, none with this text: the first opens. */
  byline_document_set_modified (byline_window_get_document (window), FALSE);
  dialog = open_import (window);
  run_import (dialog, corpus);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpstr (byline_document_get_text (byline_window_get_document (window)), ==, "First.");

  gui_test_discard_window (window);
}

static void
test_import_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.jsonl", NULL);
  BylineWindow *window;
  GtkWidget *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_file_set_contents (broken, "{\"text\": \"ok\"}\n{not json\n", -1, &error);
  g_assert_no_error (error);

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  dialog = open_import (window);
  {
    g_autoptr(GFile) file = g_file_new_for_path (broken);

    byline_import_dialog_set_file (BYLINE_IMPORT_DIALOG (dialog), file);
  }
  g_assert_true (gtk_widget_activate_action (dialog, "import.run", NULL));
  wait_idle (dialog);
  /* The dialog stays, to choose another file; the article is untouched. */
  g_assert_true (gui_test_find_toplevel (BYLINE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)) == dialog);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 24);
  g_assert_false (byline_document_get_modified (window->document));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gui_test_discard_window (window);
}

/* ---- Accessibility and keys ------------------------------------------- */

static void
assert_named (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      /* Hidden widgets are not offered to assistive technologies. */
      if (!gtk_widget_get_visible (c))
        continue;
      if ((GTK_IS_CHECK_BUTTON (c) || GTK_IS_SPIN_BUTTON (c) || GTK_IS_SWITCH (c)) &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (c), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_error ("a %s without an accessible name in a %s", G_OBJECT_TYPE_NAME (c),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (c)));
      assert_named (c);
    }
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  BylineWindow *window;
  GtkWidget *dialog;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);

  dialog = open_export (window);
  select_format (dialog, "jsonl");
  assert_named (dialog);
  gtk_test_accessible_assert_property (child (dialog, "choose_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Choose where to export");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_import (window);
  assert_named (dialog);
  gtk_test_accessible_assert_property (child (dialog, "choose_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Choose a file to import");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gui_test_discard_window (window);
}

#ifdef HAVE_XTEST
static const KeySym ctrl[] = { XK_Control_L, 0 };

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "keys.byline.jsonl", NULL);
  gboolean gone = FALSE;
  BylineWindow *window;
  GtkWidget *dialog;

  if (gui_test_skip_without_x11 (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  gtk_widget_grab_focus (GTK_WIDGET (window->article_view));

  /* ctrl+e opens Export; Escape closes it. */
  gui_test_type_key (GTK_WIDGET (window), XK_e, ctrl);
  dialog = gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gui_test_type_key (dialog, XK_Escape, NULL);
  g_assert_null (gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));

  /* ctrl+i opens Import; Escape closes it. */
  gui_test_type_key (GTK_WIDGET (window), XK_i, ctrl);
  dialog = gui_test_find_toplevel (BYLINE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gui_test_type_key (dialog, XK_Escape, NULL);
  g_assert_null (gui_test_find_toplevel (BYLINE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)));

  /* Enter exports, from the dialog as it opens. */
  gui_test_type_key (GTK_WIDGET (window), XK_e, ctrl);
  dialog = gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  set_destination (dialog, output);
  g_object_weak_ref (G_OBJECT (dialog), on_destroyed_cb, &gone);
  gui_test_type_key (dialog, XK_Return, NULL);
  wait_for (&gone, FALSE);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  gui_test_discard_window (window);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before GLib reads them: the dry runs' directories, the recovery
   * copies and the recent files all stay in here. */
  /* Not g_dir_make_tmp (): it would read TMPDIR now, and GLib keeps what
   * it read, so the dry runs would go to the shared /tmp, where other
   * tests running at the same time make directories of the same name. */
  {
    const char *base = g_getenv ("TMPDIR");
    g_autofree char *template = g_build_filename (base != NULL && base[0] != '\0' ? base : "/tmp",
                                                  "byline-test-export-dialog-XXXXXX", NULL);

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
                                           "application-id", "io.github.byline.Byline.TestExportDialog",
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "resource-base-path", "/io/github/byline/Byline",
                                           NULL));
      g_application_register (G_APPLICATION (app), NULL, NULL);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/gui/export-dialog/corpus-listing", test_corpus_listing);
  ADD ("/gui/export-dialog/document", test_export_document);
  ADD ("/gui/export-dialog/unsaved", test_export_unsaved);
  ADD ("/gui/export-dialog/corpus-split", test_export_corpus_split);
  ADD ("/gui/export-dialog/cancel-on-close", test_export_cancel_on_close);
  ADD ("/gui/export-dialog/formats", test_export_formats);
  ADD ("/gui/import-dialog/merge", test_import_merge);
  ADD ("/gui/import-dialog/suggestions", test_import_suggestions);
  ADD ("/gui/import-dialog/spacy", test_import_spacy);
  ADD ("/gui/import-dialog/warnings", test_import_warnings);
  ADD ("/gui/import-dialog/opens-other", test_import_opens_other);
  ADD ("/gui/import-dialog/error", test_import_error);
  ADD ("/gui/dialogs/accessible-names", test_accessible_names);
#ifdef HAVE_XTEST
  ADD ("/gui/dialogs/keys", test_keys);
#endif

#undef ADD

  status = g_test_run ();

  g_clear_object (&app);
  gui_test_remove_tree (test_root);
  g_free (test_root);
  return status;
}

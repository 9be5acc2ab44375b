/* test-export-dialog.c: the Export dialog, driven as a user would: its
 * actions and its widgets; and what both dialogs share: accessible names
 * and (with XTEST) real keys. The Import dialog's own tests are in
 * test-import-dialog.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "byline-export-dialog.h"
#include "byline-export-job.h"
#include "byline-format-row.h"
#include "byline-format.h"
#include "byline-import-dialog.h"
#include "byline-native.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "dialog-test-util.h"
#include "gui-test-util.h"
#ifdef HAVE_XTEST
#include "gui-test-xtest.h"
#endif

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;
static GtkApplication *app;

static void
set_check (GtkWidget  *dialog,
           const char *id,
           gboolean    active)
{
  gtk_check_button_set_active (dialog_test_child (dialog, id), active);
}

static gboolean
check_active (GtkWidget  *dialog,
              const char *id)
{
  return gtk_check_button_get_active (dialog_test_child (dialog, id));
}

static const char *
preview (GtkWidget *dialog)
{
  const char *text = byline_export_dialog_get_preview (BYLINE_EXPORT_DIALOG (dialog));

  /* What the dialog says is what the label shows. */
  g_assert_cmpstr (gtk_label_get_text (dialog_test_child (dialog, "preview_label")), ==, text);
  return text;
}

/* Runs Export and waits for the dialog to close on success. */
static void
run_export (GtkWidget *dialog)
{
  g_assert_true (gtk_widget_activate_action (dialog, "export.run", NULL));
  dialog_test_wait_destroyed (dialog);
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
test_corpus_listing (DialogTestFixture *fixture,
                     gconstpointer      data)
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
test_export_document (DialogTestFixture *fixture,
                      gconstpointer      data)
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

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 24);
  before = byline_native_to_string (document, NULL);
  n_tmp = count_export_tmp_dirs ();

  dialog = dialog_test_open_export (window);

  /* Only formats Byline can write, so the dataset formats appear as
   * their writers land. */
  formats = adw_combo_row_get_model (dialog_test_child (dialog, "format_row"));
  g_assert_cmpuint (g_list_model_get_n_items (formats), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (formats); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (formats, i);
      const BylineFormat *format = byline_format_lookup (gtk_string_object_get_string (item));

      g_assert_nonnull (format);
      g_assert_true (byline_format_can_write (format));
    }
  g_assert_false (byline_format_row_select (dialog_test_child (dialog, "format_row"), "html"));

  /* The default: Byline JSON Lines, every status, beside the article
   * under its name. */
  g_assert_cmpstr (byline_format_row_get_name (dialog_test_child (dialog, "format_row")), ==, "jsonl");
  g_assert_true (check_active (dialog, "suggested_check"));
  destination = byline_export_dialog_dup_destination (BYLINE_EXPORT_DIALOG (dialog));
  output = g_build_filename (fixture->dir, "blinken.byline.jsonl", NULL);
  g_assert_cmpstr (g_file_peek_path (destination), ==, output);
  g_assert_nonnull (strstr (preview (dialog), "1 document\n24 annotations, 5 relations"));
  g_clear_pointer (&output, g_free);

  /* A dataset format defaults to what a person made or confirmed. */
  dialog_test_select_format (dialog, "text");
  g_assert_true (check_active (dialog, "manual_check"));
  g_assert_true (check_active (dialog, "accepted_check"));
  g_assert_false (check_active (dialog, "suggested_check"));
  g_assert_false (check_active (dialog, "rejected_check"));
  dialog_test_wait_idle (dialog);
  g_assert_nonnull (strstr (preview (dialog), "23 annotations"));
  g_assert_nonnull (strstr (preview (dialog), "suggested annotations (not reviewed)"));

  /* Byline's own corpus format keeps everything, unless told. */
  dialog_test_select_format (dialog, "jsonl");
  g_assert_true (check_active (dialog, "suggested_check"));
  set_check (dialog, "suggested_check", FALSE);
  /* A folder that does not exist: the preview says so. */
  output = g_build_filename (fixture->dir, "nowhere", "dataset.jsonl", NULL);
  dialog_test_set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "Cannot write in the folder"));
  g_clear_pointer (&output, g_free);
  output = g_build_filename (fixture->dir, "dataset.jsonl", NULL);
  dialog_test_set_destination (dialog, output);
  g_assert_nonnull (strstr (preview (dialog), "1 document\n23 annotations, 5 relations"));
  g_assert_nonnull (strstr (preview (dialog), "Left out by the filters:"));
  g_assert_nonnull (strstr (preview (dialog), "suggested annotations (not reviewed): 1"));

  /* The preview wrote nothing, and left no temporary directory. */
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_export_tmp_dirs (), ==, n_tmp);

  /* Without the speakers layer, its annotations and their relations
   * stay out. */
  speakers = gui_test_find_widget (dialog_test_child (dialog, "layers_row"), ADW_TYPE_ACTION_ROW, NULL, NULL, "Speakers");
  g_assert_nonnull (speakers);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (speakers)), FALSE);
  dialog_test_wait_idle (dialog);
  g_assert_nonnull (strstr (preview (dialog), "annotations of layers not exported: 6"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (speakers)), TRUE);
  dialog_test_wait_idle (dialog);
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
test_export_unsaved (DialogTestFixture *fixture,
                     gconstpointer      data)
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

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  document = byline_window_get_document (window);

  /* An edit not saved yet. */
  annotation = byline_annotation_new ("entities", "PERSON", 0, 7);
  g_assert_nonnull (byline_document_add_annotation (document, annotation, &error));
  g_assert_no_error (error);
  g_assert_true (byline_document_get_modified (document));
  before = byline_native_to_string (document, NULL);

  dialog = dialog_test_open_export (window);
  dialog_test_select_format (dialog, "byline");
  /* By default never onto the article's own file. */
  {
    g_autoptr(GFile) destination = byline_export_dialog_dup_destination (BYLINE_EXPORT_DIALOG (dialog));

    g_assert_cmpstr (g_file_peek_path (destination), !=, fixture->sample);
  }
  output = g_build_filename (fixture->dir, "copy.byline.json", NULL);
  dialog_test_set_destination (dialog, output);
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
make_corpus (DialogTestFixture *fixture)
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
test_export_corpus_split (DialogTestFixture *fixture,
                          gconstpointer      data)
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

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, first);
  /* An unsaved label on the article shown goes into the corpus too. */
  annotation = byline_annotation_new ("entities", "CARDINAL", 15, 16);
  g_assert_nonnull (byline_document_add_annotation (window->document, annotation, &error));
  g_assert_no_error (error);

  dialog = dialog_test_open_export (window);
  scope = dialog_test_child (dialog, "scope_row");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scope)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope)), ==, 2);

  /* A split makes sense for a corpus only. */
  g_assert_false (gtk_widget_get_sensitive (dialog_test_child (dialog, "split_row")));
  adw_combo_row_set_selected (scope, 1);
  g_assert_true (gtk_widget_get_sensitive (dialog_test_child (dialog, "split_row")));
  adw_expander_row_set_enable_expansion (dialog_test_child (dialog, "split_row"), TRUE);
  g_assert_cmpfloat (gtk_spin_button_get_value (dialog_test_child (dialog, "train_spin")), ==, 80);
  g_assert_cmpfloat (gtk_spin_button_get_value (dialog_test_child (dialog, "dev_spin")), ==, 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (dialog_test_child (dialog, "test_spin")), ==, 10);
  gtk_spin_button_set_value (dialog_test_child (dialog, "seed_spin"), 7);
  dialog_test_set_destination (dialog, output);
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
  dialog = dialog_test_open_export (window);
  adw_combo_row_set_selected (dialog_test_child (dialog, "scope_row"), 1);
  adw_expander_row_set_enable_expansion (dialog_test_child (dialog, "split_row"), TRUE);
  dialog_test_select_format (dialog, "byline");
  g_clear_pointer (&output, g_free);
  output = g_build_filename (fixture->dir, "documents", NULL);
  dialog_test_set_destination (dialog, output);
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
test_export_cancel_on_close (DialogTestFixture *fixture,
                             gconstpointer      data)
{
  g_autofree char *folder = make_corpus (fixture);
  g_autofree char *first = g_build_filename (folder, "doc00.txt", NULL);
  g_autofree char *output = g_build_filename (fixture->dir, "cancelled.byline.jsonl", NULL);
  BylineWindow *window;
  GtkWidget *dialog;
  guint n_tmp = count_export_tmp_dirs ();

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, first);
  dialog = dialog_test_open_export (window);
  adw_combo_row_set_selected (dialog_test_child (dialog, "scope_row"), 1);
  dialog_test_set_destination (dialog, output);

  /* Escape closes; a preview under way is cancelled and cleans up. */
  gtk_spin_button_set_value (dialog_test_child (dialog, "seed_spin"), 3);
  g_assert_true (byline_export_dialog_get_busy (BYLINE_EXPORT_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  gui_test_flush ();
  g_assert_null (gui_test_find_toplevel (BYLINE_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));

  /* Export, then close at once: nothing is left behind. */
  dialog = dialog_test_open_export (window);
  adw_combo_row_set_selected (dialog_test_child (dialog, "scope_row"), 1);
  dialog_test_set_destination (dialog, output);
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

/* The dataset formats, as they land. */
static void
test_export_formats (DialogTestFixture *fixture,
                     gconstpointer      data)
{
  g_autofree char *conll = g_build_filename (fixture->dir, "sample.conll", NULL);
  BylineWindow *window;
  GtkWidget *dialog;

  if (gui_test_skip_without_display (have_display))
    return;
  if (!dialog_test_format_ready ("conll", TRUE) || !dialog_test_format_ready ("brat", TRUE))
    {
      g_test_skip ("the CoNLL or brat writer is not there yet");
      return;
    }

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);

  /* A token format: one layer, tagged with a scheme. */
  dialog = dialog_test_open_export (window);
  dialog_test_select_format (dialog, "conll");
  g_assert_true (gtk_widget_get_visible (dialog_test_child (dialog, "tag_layer_row")));
  g_assert_true (gtk_widget_get_visible (dialog_test_child (dialog, "scheme_row")));
  g_assert_false (gtk_widget_get_visible (dialog_test_child (dialog, "layers_row")));
  adw_combo_row_set_selected (dialog_test_child (dialog, "scheme_row"), BYLINE_TAG_SCHEME_BIOES);
  dialog_test_set_destination (dialog, conll);
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
  dialog = dialog_test_open_export (window);
  dialog_test_select_format (dialog, "brat");
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
test_accessible_names (DialogTestFixture *fixture,
                       gconstpointer      data)
{
  BylineWindow *window;
  GtkWidget *dialog;

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);

  dialog = dialog_test_open_export (window);
  dialog_test_select_format (dialog, "jsonl");
  assert_named (dialog);
  gtk_test_accessible_assert_property (dialog_test_child (dialog, "choose_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Choose where to export");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = dialog_test_open_import (window);
  assert_named (dialog);
  gtk_test_accessible_assert_property (dialog_test_child (dialog, "choose_button"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Choose a file to import");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gui_test_discard_window (window);
}

#ifdef HAVE_XTEST
static const KeySym ctrl[] = { XK_Control_L, 0 };

static void
test_keys (DialogTestFixture *fixture,
           gconstpointer      data)
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
  dialog_test_set_destination (dialog, output);
  g_object_weak_ref (G_OBJECT (dialog), dialog_test_on_destroyed_cb, &gone);
  gui_test_type_key (dialog, XK_Return, NULL);
  dialog_test_wait_for (&gone, FALSE);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  gui_test_discard_window (window);
}
#endif

int
main (int   argc,
      char *argv[])
{
  have_display = dialog_test_init (&argc, &argv, "test-export-dialog",
                                   "io.github.byline.Byline.TestExportDialog");
  app = dialog_test_get_app ();

#define ADD(path, func) \
  g_test_add (path, DialogTestFixture, NULL, \
              dialog_test_fixture_setup, func, dialog_test_fixture_teardown)

  ADD ("/gui/export-dialog/corpus-listing", test_corpus_listing);
  ADD ("/gui/export-dialog/document", test_export_document);
  ADD ("/gui/export-dialog/unsaved", test_export_unsaved);
  ADD ("/gui/export-dialog/corpus-split", test_export_corpus_split);
  ADD ("/gui/export-dialog/cancel-on-close", test_export_cancel_on_close);
  ADD ("/gui/export-dialog/formats", test_export_formats);
  ADD ("/gui/dialogs/accessible-names", test_accessible_names);
#ifdef HAVE_XTEST
  ADD ("/gui/dialogs/keys", test_keys);
#endif

#undef ADD

  return dialog_test_run ();
}

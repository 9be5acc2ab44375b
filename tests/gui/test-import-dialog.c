/* test-import-dialog.c: the Import dialog, driven as a user would: what
 * it merges into the article, as annotations or suggestions, what it says
 * about what it could not take, and when it opens another article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "byline-format-row.h"
#include "byline-format.h"
#include "byline-import-dialog.h"
#include "byline-native.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "dialog-test-util.h"
#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;
static GtkApplication *app;

static void
run_import (GtkWidget  *dialog,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  byline_import_dialog_set_file (BYLINE_IMPORT_DIALOG (dialog), file);
  g_assert_true (gtk_widget_activate_action (dialog, "import.run", NULL));
  dialog_test_wait_destroyed (dialog);
}

static void
test_import_merge (DialogTestFixture *fixture,
                   gconstpointer      data)
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

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->text);
  document = byline_window_get_document (window);
  g_assert_cmpuint (byline_document_get_n_annotations (document), ==, 0);

  dialog = dialog_test_open_import (window);
  /* Nothing to import before a file is chosen. */
  g_assert_false (gtk_widget_get_sensitive (dialog_test_child (dialog, "import_button")));
  formats = adw_combo_row_get_model (dialog_test_child (dialog, "format_row"));
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
  dialog = dialog_test_open_import (window);
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

  dialog = dialog_test_open_import (window);
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
test_import_suggestions (DialogTestFixture *fixture,
                         gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) other = NULL;
  g_autofree char *corpus = g_build_filename (fixture->dir, "spans.byline.jsonl", NULL);
  g_autofree char *line = NULL;
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  GString *out = g_string_new (NULL);

  if (gui_test_skip_without_display (have_display))
    return;

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

  dialog = dialog_test_open_import (window);
  gtk_switch_set_active (dialog_test_child (dialog, "suggestions_switch"), TRUE);
  /* Chosen from the file name. */
  g_assert_cmpstr (byline_format_row_get_name (dialog_test_child (dialog, "format_row")), ==, "auto");
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
test_import_spacy (DialogTestFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) sample = NULL;
  g_autoptr(BylineWriter) writer = NULL;
  g_autofree char *spacy = g_build_filename (fixture->dir, "sample.spacy.jsonl", NULL);
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  guint n;

  if (gui_test_skip_without_display (have_display))
    return;
  if (!dialog_test_format_ready ("spacy", TRUE) || !dialog_test_format_ready ("spacy", FALSE))
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
  dialog = dialog_test_open_import (window);
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
test_import_warnings (DialogTestFixture *fixture,
                      gconstpointer      data)
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

  if (gui_test_skip_without_display (have_display))
    return;

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->text);

  /* A label the schema does not know: kept, with a warning. */
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, byline_document_get_text (window->document), -1, &error));
  odd = byline_annotation_new ("entities", "SPACESHIP", 0, 7);
  g_assert_nonnull (byline_document_add_annotation (other, odd, &error));
  g_assert_true (byline_native_save (other, path, &error));
  g_assert_no_error (error);

  dialog = dialog_test_open_import (window);
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
test_import_opens_other (DialogTestFixture *fixture,
                         gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) annotation = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.txt", NULL);
  g_autofree char *corpus = g_build_filename (fixture->dir, "three.jsonl", NULL);
  BylineWindow *window;
  BylineDocument *document;
  GtkWidget *dialog;
  AdwMessageDialog *question;

  if (gui_test_skip_without_display (have_display))
    return;

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
  dialog = dialog_test_open_import (window);
  run_import (dialog, other);
  question = find_question (window);
  g_assert_cmpstr (adw_message_dialog_get_close_response (question), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "save");
  adw_message_dialog_response (question, "cancel");
  gui_test_flush ();
  g_assert_true (byline_window_get_document (window) == document);
  g_assert_true (byline_document_get_modified (document));

  /* Discard: the other article opens, new and unsaved. */
  dialog = dialog_test_open_import (window);
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
  dialog = dialog_test_open_import (window);
  run_import (dialog, corpus);
  g_assert_null (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_cmpstr (byline_document_get_text (byline_window_get_document (window)), ==, "First.");

  gui_test_discard_window (window);
}

static void
test_import_error (DialogTestFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.jsonl", NULL);
  BylineWindow *window;
  GtkWidget *dialog;

  if (gui_test_skip_without_display (have_display))
    return;

  g_file_set_contents (broken, "{\"text\": \"ok\"}\n{not json\n", -1, &error);
  g_assert_no_error (error);

  window = gui_test_create_window (app, 1000, 700);
  gui_test_load_file (window, fixture->sample);
  dialog = dialog_test_open_import (window);
  {
    g_autoptr(GFile) file = g_file_new_for_path (broken);

    byline_import_dialog_set_file (BYLINE_IMPORT_DIALOG (dialog), file);
  }
  g_assert_true (gtk_widget_activate_action (dialog, "import.run", NULL));
  dialog_test_wait_idle (dialog);
  /* The dialog stays, to choose another file; the article is untouched. */
  g_assert_true (gui_test_find_toplevel (BYLINE_TYPE_IMPORT_DIALOG, GTK_WINDOW (window)) == dialog);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 24);
  g_assert_false (byline_document_get_modified (window->document));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gui_test_discard_window (window);
}

int
main (int   argc,
      char *argv[])
{
  have_display = dialog_test_init (&argc, &argv, "test-import-dialog",
                                   "io.github.byline.Byline.TestImportDialog");
  app = dialog_test_get_app ();

#define ADD(path, func) \
  g_test_add (path, DialogTestFixture, NULL, \
              dialog_test_fixture_setup, func, dialog_test_fixture_teardown)

  ADD ("/gui/import-dialog/merge", test_import_merge);
  ADD ("/gui/import-dialog/suggestions", test_import_suggestions);
  ADD ("/gui/import-dialog/spacy", test_import_spacy);
  ADD ("/gui/import-dialog/warnings", test_import_warnings);
  ADD ("/gui/import-dialog/opens-other", test_import_opens_other);
  ADD ("/gui/import-dialog/error", test_import_error);

#undef ADD

  return dialog_test_run ();
}

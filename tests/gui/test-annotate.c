/* test-annotate.c: annotating from the keyboard, as a user does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 has no public way to synthesize key events, so these tests type
 * real keys through the X server's XTEST extension (Xvfb has it): the
 * events go through GTK's whole input path, shortcut controllers included,
 * exactly as a user's would. Without an X11 display the tests skip.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "byline-application.h"
#include "byline-native.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"
#include "gui-test-xtest.h"

static gboolean have_display;
/* The application sets the accelerators (ctrl+z…), as in the real app. */
static GtkApplication *app;

static const KeySym shift[] = { XK_Shift_L, 0 };
static const KeySym ctrl[] = { XK_Control_L, 0 };
static const KeySym ctrl_shift[] = { XK_Control_L, XK_Shift_L, 0 };
static const KeySym alt[] = { XK_Alt_L, 0 };
static const KeySym alt_shift[] = { XK_Alt_L, XK_Shift_L, 0 };
static const KeySym ctrl_alt_shift[] = { XK_Control_L, XK_Alt_L, XK_Shift_L, 0 };

/* A window showing the sample article, focused and ready for keys. */
static BylineWindow *
open_sample (void)
{
  g_autofree char *path = gui_test_sample_path ("blinken-china-nbc.txt");
  BylineWindow *window = gui_test_create_window (app, 1200, 800);

  gui_test_load_file (window, path);
  /* The window remembers the last layer: start each test from the first. */
  byline_window_set_layer (window, "entities");
  gtk_widget_grab_focus (GTK_WIDGET (window->article_view));
  gui_test_settle ();
  return window;
}

/* Select part of a name, press 1: the whole name is a PERSON, since the
 * selection snaps to words. ctrl+z and ctrl+shift+z undo and redo it. */
static void
test_digit_key_labels_snapped_selection (void)
{
  BylineWindow *window;
  guint start, end;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  gui_test_find_text (window->document, "Antony Blinken", 2, &start, &end);
  /* "ntony Blink": inside both words. */
  byline_article_view_select_range (window->article_view, start + 1, end - 2);
  gui_test_type_key (GTK_WIDGET (window), XK_1, NULL);

  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 1);
  g_assert_nonnull (gui_test_annotation_at (window->document, start, end, "PERSON"));
  g_assert_true (byline_article_view_get_selected (window->article_view) ==
                 byline_document_get_annotation (window->document, 0));

  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl_shift);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 1);
  g_assert_nonnull (gui_test_annotation_at (window->document, start, end, "PERSON"));
  gui_test_discard_window (window);
}

/* A label's own key (shift and its letter), and Tab to the next layer. */
static void
test_letter_keys_and_layers (void)
{
  BylineWindow *window;
  guint start, end;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  g_assert_cmpstr (byline_window_get_layer (window), ==, "entities");

  gui_test_find_text (window->document, "Shanghai", 1, &start, &end);
  byline_article_view_select_range (window->article_view, start, end);
  gui_test_type_key (GTK_WIDGET (window), XK_g, shift);
  g_assert_nonnull (gui_test_annotation_at (window->document, start, end, "GPE"));

  gui_test_type_key (GTK_WIDGET (window), XK_Tab, NULL);
  g_assert_cmpstr (byline_window_get_layer (window), ==, "speakers");
  g_assert_cmpstr (byline_article_view_get_layer (window->article_view), ==, "speakers");
  g_assert_cmpstr (byline_label_palette_get_layer (window->label_palette), ==, "speakers");

  gui_test_find_text (window->document, "“We are prepared to take action", 1, &start, &end);
  byline_article_view_select_range (window->article_view, start, end + 20);
  gui_test_type_key (GTK_WIDGET (window), XK_q, shift);
  {
    BylineAnnotation *quote = byline_article_view_get_selected (window->article_view);

    g_assert_nonnull (quote);
    g_assert_cmpstr (byline_annotation_get_label (quote), ==, "QUOTE");
    g_assert_cmpstr (byline_annotation_get_layer (quote), ==, "speakers");
    /* The schema's default attribute comes with it. */
    g_assert_cmpstr (byline_annotation_get_attribute_string (quote, "quote_type"), ==, "direct");
  }

  /* shift+Tab goes back; Tab wraps around. */
  gui_test_type_key (GTK_WIDGET (window), XK_ISO_Left_Tab, shift);
  g_assert_cmpstr (byline_window_get_layer (window), ==, "entities");
  gui_test_type_key (GTK_WIDGET (window), XK_ISO_Left_Tab, shift);
  g_assert_cmpstr (byline_window_get_layer (window), ==, "claims");
  gui_test_discard_window (window);
}

/* With snapping off, the raw selection is labeled. */
static void
test_snapping_off (void)
{
  BylineWindow *window;
  guint start, end;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  gui_test_find_text (window->document, "Antony Blinken", 1, &start, &end);

  g_action_group_change_action_state (G_ACTION_GROUP (window->layer_actions), "snapping",
                                      g_variant_new_boolean (FALSE));
  g_assert_false (byline_article_view_get_snapping (window->article_view));
  byline_article_view_select_range (window->article_view, start + 1, end - 2);
  gui_test_type_key (GTK_WIDGET (window), XK_1, NULL);
  g_assert_nonnull (gui_test_annotation_at (window->document, start + 1, end - 2, "PERSON"));

  g_action_group_change_action_state (G_ACTION_GROUP (window->layer_actions), "snapping",
                                      g_variant_new_boolean (TRUE));
  gui_test_find_text (window->document, "Wang Yi", 1, &start, &end);
  byline_article_view_select_range (window->article_view, start + 2, end - 1);
  gui_test_type_key (GTK_WIDGET (window), XK_1, NULL);
  g_assert_nonnull (gui_test_annotation_at (window->document, start, end, "PERSON"));
  gui_test_discard_window (window);
}

/* alt+arrows select annotations in reading order, overlapping ones too;
 * alt+shift+right grows the end by a word; Delete deletes, with an undo. */
static void
test_select_grow_delete (void)
{
  BylineWindow *window;
  guint s1, e1, s2, e2;
  BylineAnnotation *first;
  BylineAnnotation *second;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  gui_test_find_text (window->document, "US State Department", 1, &s1, &e1);
  gui_test_find_text (window->document, "State Department", 1, &s2, &e2);
  byline_article_view_select_range (window->article_view, s1, e1);
  gui_test_type_key (GTK_WIDGET (window), XK_o, shift);
  byline_article_view_select_range (window->article_view, s2, e2);
  gui_test_type_key (GTK_WIDGET (window), XK_o, shift);
  first = gui_test_annotation_at (window->document, s1, e1, "ORG");
  second = gui_test_annotation_at (window->document, s2, e2, "ORG");
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  /* Both overlapping annotations are reachable. */
  {
    g_autoptr(GPtrArray) under = byline_article_view_get_annotations_at (window->article_view, s2 + 1);
    g_assert_cmpuint (under->len, ==, 2);
  }
  byline_article_view_set_selected (window->article_view, first);
  gui_test_type_key (GTK_WIDGET (window), XK_Right, alt);
  g_assert_true (byline_article_view_get_selected (window->article_view) == second);
  gui_test_type_key (GTK_WIDGET (window), XK_Left, alt);
  g_assert_true (byline_article_view_get_selected (window->article_view) == first);

  /* "US State Department official": grow the end by one word. */
  gui_test_type_key (GTK_WIDGET (window), XK_Right, alt_shift);
  g_assert_cmpuint (byline_annotation_get_end (first), >, e1);
  {
    g_autofree char *text = byline_document_dup_annotation_text (window->document, first);
    g_assert_cmpstr (text, ==, "US State Department official");
  }
  gui_test_type_key (GTK_WIDGET (window), XK_Left, alt_shift);
  g_assert_cmpuint (byline_annotation_get_end (first), ==, e1);
  /* ctrl for the start edge: "senior US State Department", and back. */
  gui_test_type_key (GTK_WIDGET (window), XK_Left, ctrl_alt_shift);
  {
    g_autofree char *text = byline_document_dup_annotation_text (window->document, first);
    g_assert_cmpstr (text, ==, "senior US State Department");
  }
  gui_test_type_key (GTK_WIDGET (window), XK_Right, ctrl_alt_shift);
  g_assert_cmpuint (byline_annotation_get_start (first), ==, s1);

  gui_test_type_key (GTK_WIDGET (window), XK_Delete, NULL);
  g_assert_null (gui_test_annotation_at (window->document, s1, e1, "ORG"));
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_nonnull (gui_test_annotation_at (window->document, s1, e1, "ORG"));

  /* Deleted again, then undone from the toast that follows the frame
   * showing the deletion. */
  byline_article_view_set_selected (window->article_view, gui_test_annotation_at (window->document, s1, e1, "ORG"));
  gui_test_type_key (GTK_WIDGET (window), XK_Delete, NULL);
  g_assert_null (gui_test_annotation_at (window->document, s1, e1, "ORG"));
  gui_test_wait_frame (GTK_WIDGET (window));
  gui_test_wait_frame (GTK_WIDGET (window));
  {
    g_autoptr(GPtrArray) labels = gui_test_find_all (window->toast_overlay, GTK_TYPE_LABEL, NULL, NULL, NULL);
    g_autoptr(GPtrArray) buttons = gui_test_find_all (window->toast_overlay, GTK_TYPE_BUTTON, NULL, NULL, NULL);
    GtkWidget *undo = NULL;
    gboolean titled = FALSE;

    for (guint i = 0; i < labels->len; i++)
      titled |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "Deleted ORG “US State Department”") == 0;
    g_assert_true (titled);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), "_Undo") == 0)
        undo = buttons->pdata[i];
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  g_assert_nonnull (gui_test_annotation_at (window->document, s1, e1, "ORG"));
  gui_test_discard_window (window);
}

/* In the speakers layer, "the official" labeled SPEAKER (s) and the quote
 * before it QUOTE (q), from the keyboard; the quote is left selected. */
static void
label_quote_and_speaker (BylineWindow      *window,
                         BylineAnnotation **quote,
                         BylineAnnotation **speaker)
{
  guint qs, qe, ss, se;

  byline_window_set_layer (window, "speakers");
  gui_test_find_text (window->document, "“We are prepared to take action", 1, &qs, &qe);
  gui_test_find_text (window->document, "the official told", 1, &ss, &se);
  se = ss + 12;
  byline_article_view_select_range (window->article_view, ss, se);
  gui_test_type_key (GTK_WIDGET (window), XK_s, shift);
  *speaker = byline_article_view_get_selected (window->article_view);
  byline_article_view_select_range (window->article_view, qs, qe);
  gui_test_type_key (GTK_WIDGET (window), XK_q, shift);
  *quote = byline_article_view_get_selected (window->article_view);
}

/* r, then alt+arrows to the target and Enter: the schema's one fitting
 * relation (said_by from a QUOTE to a SPEAKER) is added. */
static void
test_relation_from_keyboard (void)
{
  BylineWindow *window;
  BylineAnnotation *quote;
  BylineAnnotation *speaker;
  BylineRelation *relation;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  label_quote_and_speaker (window, &quote, &speaker);
  g_assert_cmpstr (byline_annotation_get_label (speaker), ==, "SPEAKER");
  g_assert_cmpstr (byline_annotation_get_label (quote), ==, "QUOTE");

  gui_test_type_key (GTK_WIDGET (window), XK_r, NULL);
  g_assert_true (byline_article_view_get_picking (window->article_view));
  for (guint i = 0; i < 10 && byline_article_view_get_pick_target (window->article_view) != speaker; i++)
    gui_test_type_key (GTK_WIDGET (window), XK_Right, alt);
  g_assert_true (byline_article_view_get_pick_target (window->article_view) == speaker);
  gui_test_type_key (GTK_WIDGET (window), XK_Return, NULL);

  g_assert_false (byline_article_view_get_picking (window->article_view));
  g_assert_cmpuint (byline_document_get_n_relations (window->document), ==, 1);
  relation = byline_document_get_relation (window->document, 0);
  g_assert_cmpstr (byline_relation_get_relation_type (relation), ==, "said_by");
  g_assert_cmpstr (byline_relation_get_from (relation), ==, byline_annotation_get_id (quote));
  g_assert_cmpstr (byline_relation_get_to (relation), ==, byline_annotation_get_id (speaker));

  /* Escape cancels a pick without adding anything. */
  gui_test_type_key (GTK_WIDGET (window), XK_r, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_Escape, NULL);
  g_assert_false (byline_article_view_get_picking (window->article_view));
  g_assert_cmpuint (byline_document_get_n_relations (window->document), ==, 1);

  /* One undo removes the relation, not the annotations. */
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpuint (byline_document_get_n_relations (window->document), ==, 0);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 2);
  gui_test_discard_window (window);
}

/* When several relation types fit, Enter on the target opens a menu of
 * them at it, and the one picked is added. The default schema has one
 * type per pair, so this one adds "paraphrases" from QUOTE to SPEAKER. */
static void
test_relation_type_menu (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "schemas", "news.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) extra = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(BylineSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonObject *root;
  BylineWindow *window;
  BylineAnnotation *quote;
  BylineAnnotation *speaker;
  BylineRelation *relation;

  if (gui_test_skip_without_x11 (have_display))
    return;
  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_builder_begin_object (extra);
  json_builder_set_member_name (extra, "name");
  json_builder_add_string_value (extra, "paraphrases");
  json_builder_set_member_name (extra, "title");
  json_builder_add_string_value (extra, "Paraphrases");
  json_builder_set_member_name (extra, "from");
  json_builder_begin_array (extra);
  json_builder_add_string_value (extra, "QUOTE");
  json_builder_end_array (extra);
  json_builder_set_member_name (extra, "to");
  json_builder_begin_array (extra);
  json_builder_add_string_value (extra, "SPEAKER");
  json_builder_end_array (extra);
  json_builder_end_object (extra);
  json_array_add_element (json_object_get_array_member (root, "relations"), json_builder_get_root (extra));
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, NULL);
  schema = byline_schema_new_from_data (data, -1, "news-plus.json", &error);
  g_assert_no_error (error);

  window = open_sample ();
  g_set_object (&window->schema, schema);
  label_quote_and_speaker (window, &quote, &speaker);

  /* No menu until one is needed. */
  g_assert_null (window->relation_popover);
  gui_test_type_key (GTK_WIDGET (window), XK_r, NULL);
  for (guint i = 0; i < 10 && byline_article_view_get_pick_target (window->article_view) != speaker; i++)
    gui_test_type_key (GTK_WIDGET (window), XK_Right, alt);
  gui_test_type_key (GTK_WIDGET (window), XK_Return, NULL);
  g_assert_cmpuint (byline_document_get_n_relations (window->document), ==, 0);
  g_assert_nonnull (window->relation_popover);
  g_assert_true (gtk_widget_get_visible (window->relation_popover));
  {
    GMenuModel *menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (window->relation_popover));
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &second));
    g_assert_cmpstr (first, ==, "Said by");
    g_assert_cmpstr (second, ==, "Paraphrases");
  }

  /* What the menu's item does when clicked (the click also closes it). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.relation-type", "s", "paraphrases");
  gtk_popover_popdown (GTK_POPOVER (window->relation_popover));
  g_assert_cmpuint (byline_document_get_n_relations (window->document), ==, 1);
  relation = byline_document_get_relation (window->document, 0);
  g_assert_cmpstr (byline_relation_get_relation_type (relation), ==, "paraphrases");
  g_assert_cmpstr (byline_relation_get_from (relation), ==, byline_annotation_get_id (quote));
  g_assert_cmpstr (byline_relation_get_to (relation), ==, byline_annotation_get_id (speaker));
  gui_test_discard_window (window);
}

/* A quote interrupted by "he added": select the second part, press f. */
static void
test_add_fragment (void)
{
  BylineWindow *window;
  guint s1, e1, s2, e2;
  BylineAnnotation *quote;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  byline_window_set_layer (window, "speakers");
  gui_test_find_text (window->document, "“And I think we’ve shown", 1, &s1, &e1);
  gui_test_find_text (window->document, "“Either way", 1, &s2, &e2);
  byline_article_view_select_range (window->article_view, s1, e1);
  gui_test_type_key (GTK_WIDGET (window), XK_q, shift);
  quote = byline_article_view_get_selected (window->article_view);
  byline_article_view_select_range (window->article_view, s2, e2);
  gui_test_type_key (GTK_WIDGET (window), XK_f, NULL);
  g_assert_cmpuint (byline_annotation_get_n_fragments (quote), ==, 2);
  g_assert_cmpuint (byline_annotation_get_fragment (quote, 1)->start, ==, s2);
  gui_test_discard_window (window);
}

/* Search, then "label all matches" with the label used last. */
static void
test_find_and_label_all (void)
{
  BylineWindow *window;
  guint start, end;
  guint n_china = 0;
  const char *text;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  text = byline_document_get_text (window->document);
  for (const char *p = strstr (text, "China"); p != NULL; p = strstr (p + 1, "China"))
    n_china++;

  gui_test_find_text (window->document, "China", 1, &start, &end);
  byline_article_view_select_range (window->article_view, start, end);
  gui_test_type_key (GTK_WIDGET (window), XK_g, shift);
  gui_test_type_key (GTK_WIDGET (window), XK_f, ctrl);
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "China");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  gui_test_settle ();
  g_assert_cmpuint (window->search_matches->len, ==, n_china);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.label-matches", NULL);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, n_china);
  /* One step undoes them all. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 1);
  gui_test_discard_window (window);
}

/* Label, save, reload: the file has the annotations, byte for byte. */
static void
test_save_and_reload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-annotate-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.byline.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(BylineDocument) back = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  BylineWindow *window;
  guint start, end;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  gui_test_find_text (window->document, "Beijing", 1, &start, &end);
  byline_article_view_select_range (window->article_view, start, end);
  gui_test_type_key (GTK_WIDGET (window), XK_g, shift);
  gui_test_find_text (window->document, "Wang Yi", 1, &start, &end);
  byline_article_view_select_range (window->article_view, start, end);
  gui_test_type_key (GTK_WIDGET (window), XK_p, shift);

  g_assert_true (byline_window_save_to_file (window, out, &error));
  g_assert_no_error (error);
  g_assert_false (byline_document_get_modified (window->document));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  back = byline_native_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_annotations (back), ==, 2);
  again = byline_native_to_string (back, NULL);
  g_assert_cmpstr (again, ==, saved);
  gui_test_discard_window (window);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      app = GTK_APPLICATION (g_object_new (BYLINE_TYPE_APPLICATION,
                                           "application-id", "io.github.byline.Byline.TestAnnotate",
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "resource-base-path", "/io/github/byline/Byline",
                                           NULL));
      g_application_register (G_APPLICATION (app), NULL, NULL);
    }

  g_test_add_func ("/gui/annotate/digit-key-snapped", test_digit_key_labels_snapped_selection);
  g_test_add_func ("/gui/annotate/letter-keys-and-layers", test_letter_keys_and_layers);
  g_test_add_func ("/gui/annotate/snapping-off", test_snapping_off);
  g_test_add_func ("/gui/annotate/select-grow-delete", test_select_grow_delete);
  g_test_add_func ("/gui/annotate/relation", test_relation_from_keyboard);
  g_test_add_func ("/gui/annotate/relation-type-menu", test_relation_type_menu);
  g_test_add_func ("/gui/annotate/add-fragment", test_add_fragment);
  g_test_add_func ("/gui/annotate/find-and-label-all", test_find_and_label_all);
  g_test_add_func ("/gui/annotate/save-and-reload", test_save_and_reload);
  {
    int status = g_test_run ();

    g_clear_object (&app);
    return status;
  }
}

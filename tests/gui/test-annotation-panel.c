/* test-annotation-panel.c: the side panel, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "byline-annotation-panel.h"
#include "byline-annotation-row.h"
#include "byline-format.h"

#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;

typedef struct
{
  GtkWindow             *window;
  BylineAnnotationPanel *panel;
  BylineDocument        *document;
  BylineSchema          *schema;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!have_display)
    {
      return;
    }

  path = gui_test_sample_path ("blinken-china-nbc.txt");
  fixture->document = byline_document_load_any (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->document);
  fixture->schema = g_object_ref (byline_schema_get_default ());

  fixture->panel = BYLINE_ANNOTATION_PANEL (byline_annotation_panel_new ());
  g_object_ref_sink (fixture->panel);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  /* GTK owns toplevels; the extra reference lets the test check that
   * destroying the window really finalizes it. */
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 360, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  byline_annotation_panel_set_document (fixture->panel, fixture->document, fixture->schema);
  gtk_window_present (fixture->window);
  gui_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    {
      return;
    }

  gtk_window_destroy (fixture->window);
  gui_test_flush ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->panel);
  g_assert_finalize_object (fixture->document);
  g_clear_object (&fixture->schema);
}

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { \
    if (!have_display) \
      { \
        g_test_skip ("no display"); \
        return; \
      } \
  } G_STMT_END

/* Adds an annotation over the @nth (from 0) occurrence of @needle. */
static BylineAnnotation *
add_annotation (Fixture      *fixture,
                const char   *layer,
                const char   *label,
                const char   *needle,
                guint         nth,
                BylineStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) annotation = NULL;
  BylineAnnotation *added;
  guint start, end;

  gui_test_find_text (fixture->document, needle, nth + 1, &start, &end);
  annotation = byline_annotation_new (layer, label, start, end);
  byline_annotation_set_status (annotation, status);
  added = byline_document_add_annotation (fixture->document, annotation, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);

  return added;
}

static GListModel *
shown_model (Fixture *fixture)
{
  GtkListView *list_view = gui_test_find_widget (fixture->panel, GTK_TYPE_LIST_VIEW, "list_view", NULL, NULL);

  return G_LIST_MODEL (gtk_list_view_get_model (list_view));
}

static void
assert_sorted (Fixture *fixture)
{
  GListModel *model = shown_model (fixture);
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, byline_annotation_panel_get_n_shown (fixture->panel));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(BylineAnnotation) a = g_list_model_get_item (model, i - 1);
      g_autoptr(BylineAnnotation) b = g_list_model_get_item (model, i);

      g_assert_cmpint (byline_annotation_compare (a, b), <, 0);
    }
}

static BylineAnnotation *
shown_item (Fixture *fixture,
            guint    position)
{
  g_autoptr(BylineAnnotation) item = g_list_model_get_item (shown_model (fixture), position);

  return item;
}

/* The side panel follows an edit: the list in the idle after the frame
 * that shows it, the inspector after the list's own frame. */
static void
wait_panel (Fixture *fixture)
{
  gui_test_wait_frame (GTK_WIDGET (fixture->panel));
  gui_test_wait_frame (GTK_WIDGET (fixture->panel));
}

static void
test_panel_sorted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BylineAnnotation) state = NULL;
  g_autoptr(GError) error = NULL;
  BylineAnnotation *beijing, *blinken, *china;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (byline_annotation_panel_get_document (fixture->panel) == fixture->document);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 0);

  /* Added out of order, shown by position. */
  beijing = add_annotation (fixture, "entities", "GPE", "Beijing", 0, BYLINE_STATUS_MANUAL);
  blinken = add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 0, BYLINE_STATUS_MANUAL);
  china = add_annotation (fixture, "entities", "GPE", "China", 0, BYLINE_STATUS_MANUAL);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 3);
  assert_sorted (fixture);
  g_assert_true (shown_item (fixture, 0) == china);
  g_assert_true (shown_item (fixture, 1) == blinken);
  g_assert_true (shown_item (fixture, 2) == beijing);

  /* An edit that moves an annotation moves its row. */
  state = byline_annotation_copy (china);
  byline_annotation_set_range (state, byline_annotation_get_end (beijing) + 10,
                               byline_annotation_get_end (beijing) + 15);
  g_assert_true (byline_document_replace_annotation (fixture->document,
                                                     byline_annotation_get_id (china), state, &error));
  g_assert_no_error (error);
  assert_sorted (fixture);
  g_assert_true (shown_item (fixture, 2) == china);

  g_assert_true (byline_document_undo (fixture->document));
  assert_sorted (fixture);
  g_assert_true (shown_item (fixture, 0) == china);
}

static void
test_panel_count (Fixture       *fixture,
                  gconstpointer  data)
{
  BylineAnnotation *a;
  g_autofree char *id = NULL;

  SKIP_WITHOUT_DISPLAY ();

  add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 0, BYLINE_STATUS_MANUAL);
  a = add_annotation (fixture, "entities", "GPE", "China", 0, BYLINE_STATUS_MANUAL);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 2);

  id = g_strdup (byline_annotation_get_id (a));
  byline_annotation_panel_set_selected (fixture->panel, a);
  wait_panel (fixture);
  g_assert_true (byline_annotation_panel_get_selected (fixture->panel) == a);

  /* Deleting the selected annotation clears the selection. */
  g_assert_true (byline_document_remove_annotation (fixture->document, id));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 1);
  g_assert_null (byline_annotation_panel_get_selected (fixture->panel));

  g_assert_true (byline_document_undo (fixture->document));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 2);
  assert_sorted (fixture);

  g_assert_true (byline_document_undo (fixture->document));
  g_assert_true (byline_document_undo (fixture->document));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 0);
  g_assert_true (byline_document_redo (fixture->document));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 1);
}

static void
wait_for_n_shown (Fixture *fixture,
                  guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (byline_annotation_panel_get_n_shown (fixture->panel) != n &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, n);
}

static guint
find_string (GListModel *model,
             const char *prefix)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (string), prefix))
        {
          return i;
        }
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
test_panel_filters (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BylineAnnotation) state = NULL;
  GtkSearchEntry *search;
  GtkDropDown *layers, *statuses, *labels;
  BylineAnnotation *quote;
  guint person;

  SKIP_WITHOUT_DISPLAY ();

  add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 0, BYLINE_STATUS_MANUAL);
  add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 1, BYLINE_STATUS_SUGGESTED);
  add_annotation (fixture, "entities", "GPE", "China", 0, BYLINE_STATUS_SUGGESTED);
  add_annotation (fixture, "entities", "GPE", "Beijing", 0, BYLINE_STATUS_ACCEPTED);
  quote = add_annotation (fixture, "speakers", "QUOTE", "“deep concerns”", 0, BYLINE_STATUS_MANUAL);
  add_annotation (fixture, "speakers", "CUE", "said", 0, BYLINE_STATUS_REJECTED);
  add_annotation (fixture, "claims", "CLAIM", "Blinken will warn China", 0, BYLINE_STATUS_MANUAL);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 7);

  /* The search matches the covered text, the label and the note, in any
   * case. */
  search = gui_test_find_widget (fixture->panel, GTK_TYPE_SEARCH_ENTRY, "search_entry", NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "blinken");
  wait_for_n_shown (fixture, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "gpe");
  wait_for_n_shown (fixture, 2);
  state = byline_annotation_copy (quote);
  byline_annotation_set_note (state, "Check the GPE wording");
  g_assert_true (byline_document_replace_annotation (fixture->document,
                                                     byline_annotation_get_id (quote), state, NULL));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_for_n_shown (fixture, 7);

  /* Layers: the drop-down and the API agree. */
  layers = gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "layer_dropdown", NULL, NULL);
  gtk_drop_down_set_selected (layers, find_string (gtk_drop_down_get_model (layers), "Speakers"));
  g_assert_cmpstr (byline_annotation_panel_get_layer_filter (fixture->panel), ==, "speakers");
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 2);
  byline_annotation_panel_set_layer_filter (fixture->panel, "entities");
  g_assert_cmpuint (gtk_drop_down_get_selected (layers), ==,
                    find_string (gtk_drop_down_get_model (layers), "Entities"));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 4);

  /* Statuses, combined with the layer. */
  statuses = gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "status_dropdown", NULL, NULL);
  gtk_drop_down_set_selected (statuses, find_string (gtk_drop_down_get_model (statuses), "Suggested"));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 2);
  byline_annotation_panel_set_layer_filter (fixture->panel, NULL);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 2);
  gtk_drop_down_set_selected (statuses, find_string (gtk_drop_down_get_model (statuses), "Rejected"));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 1);
  gtk_drop_down_set_selected (statuses, 0);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 7);

  /* Labels, with their counts. */
  gui_test_flush ();
  labels = gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "label_dropdown", NULL, NULL);
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "All labels (7)"), ==, 0);
  person = find_string (gtk_drop_down_get_model (labels), "PERSON (2)");
  g_assert_cmpuint (person, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "GPE (2)"), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "ORG"), ==, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (labels, person);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 2);

  /* The counts follow the document; the chosen label stays chosen. */
  add_annotation (fixture, "entities", "PERSON", "Wang Yi", 0, BYLINE_STATUS_MANUAL);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 3);
  gui_test_flush ();
  g_assert_cmpuint (gtk_drop_down_get_selected (labels), ==,
                    find_string (gtk_drop_down_get_model (labels), "PERSON (3)"));
  gtk_drop_down_set_selected (labels, 0);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 8);
}

static void
test_panel_inspector_label (Fixture       *fixture,
                            gconstpointer  data)
{
  BylineAnnotation *blinken;
  AdwComboRow *label_row;
  GtkStack *stack;
  guint org;

  SKIP_WITHOUT_DISPLAY ();

  blinken = add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 0, BYLINE_STATUS_MANUAL);
  add_annotation (fixture, "entities", "GPE", "China", 0, BYLINE_STATUS_MANUAL);

  stack = gui_test_find_widget (fixture->panel, GTK_TYPE_STACK, "stack", NULL, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  byline_annotation_panel_set_selected (fixture->panel, blinken);

  wait_panel (fixture);
  g_assert_true (byline_annotation_panel_get_selected (fixture->panel) == blinken);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "annotation");

  label_row = gui_test_find_widget (fixture->panel, ADW_TYPE_COMBO_ROW, "label_row", NULL, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (label_row), ==,
                    find_string (adw_combo_row_get_model (label_row), "PERSON"));
  org = find_string (adw_combo_row_get_model (label_row), "ORG");
  g_assert_cmpuint (org, !=, GTK_INVALID_LIST_POSITION);

  /* One change, one undo step, and the inspector follows the undo. */
  adw_combo_row_set_selected (label_row, org);
  g_assert_cmpstr (byline_annotation_get_label (blinken), ==, "ORG");
  g_assert_true (byline_annotation_panel_get_selected (fixture->panel) == blinken);
  assert_sorted (fixture);

  g_assert_true (byline_document_undo (fixture->document));
  g_assert_cmpstr (byline_annotation_get_label (blinken), ==, "PERSON");
  g_assert_cmpuint (adw_combo_row_get_selected (label_row), ==,
                    find_string (adw_combo_row_get_model (label_row), "PERSON"));
  g_assert_true (byline_document_undo (fixture->document));
  g_assert_true (byline_document_undo (fixture->document));
  g_assert_false (byline_document_can_undo (fixture->document));
  g_assert_null (byline_annotation_panel_get_selected (fixture->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_panel_inspector_attributes (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(BylineAnnotation) state = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  BylineAnnotation *quote;
  AdwComboRow *quote_type;
  AdwEntryRow *note_row;
  guint indirect;

  SKIP_WITHOUT_DISPLAY ();

  quote = add_annotation (fixture, "speakers", "QUOTE", "“deep concerns”", 0, BYLINE_STATUS_MANUAL);
  /* An attribute the schema does not know: shown, never dropped. */
  state = byline_annotation_copy (quote);
  byline_annotation_set_attribute_string (state, "source_sentence", "s3");
  g_assert_true (byline_document_replace_annotation (fixture->document,
                                                     byline_annotation_get_id (quote), state, NULL));
  byline_annotation_panel_set_selected (fixture->panel, quote);
  wait_panel (fixture);

  quote_type = gui_test_find_widget (fixture->panel, ADW_TYPE_COMBO_ROW, NULL, "quote_type", NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (quote_type), ==, 0);
  indirect = find_string (adw_combo_row_get_model (quote_type), "indirect");
  adw_combo_row_set_selected (quote_type, indirect);
  g_assert_cmpstr (byline_annotation_get_attribute_string (quote, "quote_type"), ==, "indirect");
  g_assert_cmpstr (byline_annotation_get_attribute_string (quote, "source_sentence"), ==, "s3");

  unknown = gui_test_find_all (fixture->panel, ADW_TYPE_ACTION_ROW, NULL, "source_sentence", NULL);
  g_assert_cmpuint (unknown->len, ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (unknown->pdata[0]), ==, "s3");

  note_row = gui_test_find_widget (fixture->panel, ADW_TYPE_ENTRY_ROW, "note_row", NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Paraphrase, check");
  g_assert_null (byline_annotation_get_note (quote));
  g_signal_emit_by_name (note_row, "apply");
  g_assert_cmpstr (byline_annotation_get_note (quote), ==, "Paraphrase, check");

  /* Each was one step; undo shows in the inspector at once. */
  g_assert_true (byline_document_undo (fixture->document));
  g_assert_null (byline_annotation_get_note (quote));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "");
  g_assert_true (byline_document_undo (fixture->document));
  g_assert_null (byline_annotation_get_attribute_string (quote, "quote_type"));
  g_assert_cmpuint (adw_combo_row_get_selected (quote_type), ==, 0);

  /* "Not set" removes the attribute. */
  g_assert_true (byline_document_redo (fixture->document));
  g_assert_cmpuint (adw_combo_row_get_selected (quote_type), ==, indirect);
  adw_combo_row_set_selected (quote_type, 0);
  g_assert_null (byline_annotation_get_attribute_string (quote, "quote_type"));
}

static void
test_panel_review (Fixture       *fixture,
                   gconstpointer  data)
{
  BylineAnnotation *china;
  GtkButton *accept, *reject;

  SKIP_WITHOUT_DISPLAY ();

  china = add_annotation (fixture, "entities", "GPE", "China", 0, BYLINE_STATUS_SUGGESTED);
  byline_annotation_panel_set_selected (fixture->panel, china);
  wait_panel (fixture);

  accept = gui_test_find_widget (fixture->panel, GTK_TYPE_BUTTON, "accept_button", NULL, NULL);
  reject = gui_test_find_widget (fixture->panel, GTK_TYPE_BUTTON, "reject_button", NULL, NULL);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (accept)));
  g_signal_emit_by_name (accept, "clicked");
  g_assert_cmpint (byline_annotation_get_status (china), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (accept)));

  g_assert_true (byline_document_undo (fixture->document));
  g_assert_cmpint (byline_annotation_get_status (china), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (reject)));
  g_signal_emit_by_name (reject, "clicked");
  g_assert_cmpint (byline_annotation_get_status (china), ==, BYLINE_STATUS_REJECTED);

  /* Relabeling a suggestion in the inspector accepts it as changed, and
   * says who did; one undo step takes both back. */
  {
    BylineAnnotation *beijing = add_annotation (fixture, "entities", "GPE", "Beijing", 0,
                                                BYLINE_STATUS_SUGGESTED);
    AdwComboRow *label_row;

    byline_annotation_panel_set_selected (fixture->panel, beijing);
    wait_panel (fixture);
    label_row = gui_test_find_widget (fixture->panel, ADW_TYPE_COMBO_ROW, "label_row", NULL, NULL);
    adw_combo_row_set_selected (label_row, find_string (adw_combo_row_get_model (label_row), "LOC"));
    g_assert_cmpstr (byline_annotation_get_label (beijing), ==, "LOC");
    g_assert_cmpint (byline_annotation_get_status (beijing), ==, BYLINE_STATUS_ACCEPTED);
    g_assert_nonnull (byline_annotation_get_reviewer (beijing));
    g_assert_true (byline_document_undo (fixture->document));
    g_assert_cmpstr (byline_annotation_get_label (beijing), ==, "GPE");
    g_assert_cmpint (byline_annotation_get_status (beijing), ==, BYLINE_STATUS_SUGGESTED);
    g_assert_null (byline_annotation_get_reviewer (beijing));
  }
}

static void
collect_delete_buttons (GtkWidget *widget,
                        gpointer   user_data)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "user-trash-symbolic") == 0)
    {
      g_ptr_array_add (user_data, widget);
    }
}

static GPtrArray *
find_delete_buttons (Fixture *fixture)
{
  GPtrArray *buttons = g_ptr_array_new ();

  gui_test_foreach_widget (GTK_WIDGET (fixture->panel), collect_delete_buttons, buttons);
  return buttons;
}

static void
test_panel_relations (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(BylineRelation) relation = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *relation_id = NULL;
  BylineAnnotation *quote, *speaker;
  BylineRelation *added;
  GtkListBox *list;

  SKIP_WITHOUT_DISPLAY ();

  quote = add_annotation (fixture, "speakers", "QUOTE", "“deep concerns”", 0, BYLINE_STATUS_MANUAL);
  speaker = add_annotation (fixture, "speakers", "SPEAKER", "Blinken", 1, BYLINE_STATUS_MANUAL);
  relation = byline_relation_new ("said_by", byline_annotation_get_id (quote),
                                  byline_annotation_get_id (speaker));
  added = byline_document_add_relation (fixture->document, relation, NULL);
  g_assert_nonnull (added);
  relation_id = g_strdup (byline_relation_get_id (added));

  byline_annotation_panel_set_selected (fixture->panel, quote);

  wait_panel (fixture);
  list = gui_test_find_widget (fixture->panel, GTK_TYPE_LIST_BOX, "relations_list", NULL, NULL);
  rows = gui_test_find_all (list, ADW_TYPE_ACTION_ROW, NULL, NULL, "said_by → SPEAKER “Blinken”");
  g_assert_cmpuint (rows->len, ==, 1);

  /* Activating the row selects the relation. */
  g_assert_null (byline_annotation_panel_get_selected_relation (fixture->panel));
  g_signal_emit_by_name (list, "row-activated", rows->pdata[0]);
  g_assert_true (byline_annotation_panel_get_selected_relation (fixture->panel) == added);

  buttons = find_delete_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_test_accessible_assert_property (buttons->pdata[0], GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Delete relation said_by to Blinken");
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  /* The list follows the relation's removal after the frame showing it. */
  wait_panel (fixture);
  g_assert_null (byline_document_lookup_relation (fixture->document, relation_id));
  g_assert_null (byline_annotation_panel_get_selected_relation (fixture->panel));
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = find_delete_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 0);

  g_assert_true (byline_document_undo (fixture->document));
  g_assert_nonnull (byline_document_lookup_relation (fixture->document, relation_id));
  wait_panel (fixture);
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = find_delete_buttons (fixture);
  g_assert_cmpuint (buttons->len, ==, 1);

  /* The other end lists it the other way round. */
  byline_annotation_panel_set_selected (fixture->panel, speaker);
  wait_panel (fixture);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = gui_test_find_all (list, ADW_TYPE_ACTION_ROW, NULL, NULL, "said_by ← QUOTE “deep concerns”");
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
on_activated_cb (BylineAnnotationPanel *panel,
                 BylineAnnotation      *annotation,
                 gpointer               user_data)
{
  BylineAnnotation **result = user_data;

  *result = annotation;
}

static void
test_panel_activate (Fixture       *fixture,
                     gconstpointer  data)
{
  BylineAnnotation *activated = NULL;
  BylineAnnotation *china;
  GtkListView *list_view;

  SKIP_WITHOUT_DISPLAY ();

  add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 0, BYLINE_STATUS_MANUAL);
  china = add_annotation (fixture, "entities", "GPE", "China", 0, BYLINE_STATUS_MANUAL);
  g_signal_connect (fixture->panel, "annotation-activated", G_CALLBACK (on_activated_cb), &activated);

  list_view = gui_test_find_widget (fixture->panel, GTK_TYPE_LIST_VIEW, "list_view", NULL, NULL);
  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_true (activated == china);
  g_assert_true (byline_annotation_panel_get_selected (fixture->panel) == china);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view))),
                    ==, 0);

  /* Selecting from outside does not re-emit. */
  activated = NULL;
  byline_annotation_panel_set_selected (fixture->panel, shown_item (fixture, 1));
  wait_panel (fixture);
  g_assert_null (activated);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view))),
                    ==, 1);
}

static void
check_row_label (GtkWidget *widget,
                 gpointer   user_data)
{
  guint *n = user_data;
  BylineAnnotation *annotation;

  if (!BYLINE_IS_ANNOTATION_ROW (widget))
    {
      return;
    }
  annotation = byline_annotation_row_get_annotation (BYLINE_ANNOTATION_ROW (widget));
  if (annotation != NULL && g_strcmp0 (byline_annotation_get_label (annotation), "PERSON") == 0)
    {
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "PERSON: Antony Blinken");
      (*n)++;
    }
}

static void
test_panel_accessible (Fixture       *fixture,
                       gconstpointer  data)
{
  guint n = 0;

  SKIP_WITHOUT_DISPLAY ();

  add_annotation (fixture, "entities", "PERSON", "Antony Blinken", 0, BYLINE_STATUS_MANUAL);
  /* The list takes the change after a frame, and makes its row in the
   * frame after that. */
  wait_panel (fixture);
  wait_panel (fixture);

  gtk_test_accessible_assert_property (gui_test_find_widget (fixture->panel, GTK_TYPE_SEARCH_ENTRY, "search_entry", NULL, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search annotations");
  gtk_test_accessible_assert_property (gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "layer_dropdown", NULL, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter by layer");
  gtk_test_accessible_assert_property (gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "status_dropdown", NULL, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter by status");
  gtk_test_accessible_assert_property (gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "label_dropdown", NULL, NULL),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter by label");

  gui_test_foreach_widget (GTK_WIDGET (fixture->panel), check_row_label, &n);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_panel_many (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GPtrArray) rows = NULL;
  GtkSearchEntry *search;
  guint n_chars;
  guint n = 5000;

  SKIP_WITHOUT_DISPLAY ();
  n_chars = byline_document_get_n_chars (fixture->document);

  byline_document_begin_group (fixture->document, "many");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineAnnotation) annotation = NULL;
      guint start = (i * 7919) % (n_chars - 20);

      annotation = byline_annotation_new ("entities", i % 3 == 0 ? "PERSON" : "ORG",
                                          start, start + 1 + i % 17);
      g_assert_nonnull (byline_document_add_annotation (fixture->document, annotation, NULL));
    }
  byline_document_end_group (fixture->document);
  gui_test_flush ();
  g_test_message ("adding %u annotations: %.3f s", n, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, n);
  assert_sorted (fixture);

  /* The list made rows for what it shows, not for every annotation. */
  rows = gui_test_find_all (fixture->panel, BYLINE_TYPE_ANNOTATION_ROW, NULL, NULL, NULL);
  g_assert_cmpuint (rows->len, <, 500);

  g_timer_start (timer);
  search = gui_test_find_widget (fixture->panel, GTK_TYPE_SEARCH_ENTRY, "search_entry", NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "PERSON");
  wait_for_n_shown (fixture, (n + 2) / 3);
  g_test_message ("searching: %.3f s", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  g_assert_true (byline_document_undo (fixture->document));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 0);
  g_test_message ("undoing: %.3f s", g_timer_elapsed (timer, NULL));
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GtkStringObject *string = gtk_drop_down_get_selected_item (dropdown);

  return string != NULL ? gtk_string_object_get_string (string) : NULL;
}

/* A large document is put in the list after its first frame; whatever
 * asks for the list before gets it filled at once. The counts follow
 * additions, label changes and removals without a recount. */
static void
test_panel_large (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(BylineDocument) large = NULL;
  g_autoptr(BylineAnnotation) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkDropDown *labels;
  BylineAnnotation *middle, *added;
  GtkListView *list_view;
  guint n_chars;
  guint n = 3000;
  guint position;

  SKIP_WITHOUT_DISPLAY ();
  n_chars = byline_document_get_n_chars (fixture->document);

  large = byline_document_new ();
  g_assert_true (byline_document_set_text (large, byline_document_get_text (fixture->document), -1, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineAnnotation) annotation = NULL;
      guint start = (i * 7919) % (n_chars - 20);

      annotation = byline_annotation_new ("entities", i % 3 == 0 ? "PERSON" : "ORG",
                                          start, start + 1 + i % 17);
      g_assert_nonnull (byline_document_add_annotation (large, annotation, NULL));
    }
  middle = byline_document_get_annotation (large, n / 2);

  byline_annotation_panel_set_document (fixture->panel, large, fixture->schema);
  /* Selected before the list is filled: shown once it is. */
  byline_annotation_panel_set_selected (fixture->panel, middle);
  wait_panel (fixture);
  g_assert_true (byline_annotation_panel_get_selected (fixture->panel) == middle);
  gui_test_flush ();
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, n);
  assert_sorted (fixture);
  list_view = gui_test_find_widget (fixture->panel, GTK_TYPE_LIST_VIEW, "list_view", NULL, NULL);
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view)));
  g_assert_true (shown_item (fixture, position) == middle);

  labels = gui_test_find_widget (fixture->panel, GTK_TYPE_DROP_DOWN, "label_dropdown", NULL, NULL);
  gui_test_flush ();
  g_assert_cmpstr (selected_string (labels), ==, "All labels (3000)");
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "PERSON (1000)"), !=,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "ORG (2000)"), !=,
                    GTK_INVALID_LIST_POSITION);

  /* A label changed in place: counted under the new one, moved nowhere. */
  state = byline_annotation_copy (middle);
  byline_annotation_set_label (state, "PERSON");
  if (g_strcmp0 (byline_annotation_get_label (middle), "PERSON") == 0)
    byline_annotation_set_label (state, "ORG");
  g_assert_true (byline_document_replace_annotation (large, byline_annotation_get_id (middle), state, &error));
  g_assert_no_error (error);
  /* The counts follow with the list, after the frame that shows the edit. */
  wait_panel (fixture);
  gui_test_flush ();
  g_assert_cmpstr (selected_string (labels), ==, "All labels (3000)");
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "PERSON (1000)"), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_true (byline_document_undo (large));
  wait_panel (fixture);
  gui_test_flush ();
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "PERSON (1000)"), !=,
                    GTK_INVALID_LIST_POSITION);

  /* A move keeps the order and the selection. */
  g_clear_object (&state);
  state = byline_annotation_copy (middle);
  byline_annotation_set_range (state, 0, 3);
  g_assert_true (byline_document_replace_annotation (large, byline_annotation_get_id (middle), state, &error));
  g_assert_no_error (error);
  assert_sorted (fixture);
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view)));
  g_assert_true (shown_item (fixture, position) == middle);
  g_assert_true (byline_document_undo (large));
  assert_sorted (fixture);

  /* Added and removed: one more, then one fewer. */
  {
    g_autoptr(BylineAnnotation) annotation = byline_annotation_new ("entities", "GPE", 5, 9);

    added = byline_document_add_annotation (large, annotation, NULL);
    g_assert_nonnull (added);
  }
  id = g_strdup (byline_annotation_get_id (added));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, n + 1);
  gui_test_flush ();
  g_assert_cmpstr (selected_string (labels), ==, "All labels (3001)");
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "GPE (1)"), !=,
                    GTK_INVALID_LIST_POSITION);
  assert_sorted (fixture);
  g_assert_true (byline_document_remove_annotation (large, id));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, n);
  gui_test_flush ();
  g_assert_cmpstr (selected_string (labels), ==, "All labels (3000)");
  g_assert_cmpuint (find_string (gtk_drop_down_get_model (labels), "GPE ("), ==,
                    GTK_INVALID_LIST_POSITION);
  assert_sorted (fixture);

  /* Back to the fixture's document, so that tear-down finds it alone. */
  byline_annotation_panel_set_document (fixture->panel, fixture->document, fixture->schema);
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (fixture->panel), ==, 0);
}

/* A row bound again and again (as the list view does to every row after
 * an insertion) shows the annotation it is bound to now: text cut at 80
 * characters, the status and its style, and nothing left of the one
 * before. */
static void
test_row_rebind (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) inscriptions = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *cut = NULL;
  const char *text = "“We are prepared to take action as we deem necessary against companies "
                     "that seriously undermine security 🇺🇦 in both Ukraine and Europe,” "
                     "a senior official said.";
  BylineAnnotation *quote;
  BylineAnnotation *person;
  BylineAnnotation *org;
  GtkWidget *row;
  GtkInscription *status;
  GtkWidget *shown;

  if (gui_test_skip_without_display (have_display))
    return;

  g_assert_true (byline_document_set_text (document, text, -1, &error));
  {
    g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 136);
    g_autoptr(BylineAnnotation) p = byline_annotation_new ("entities", "PERSON", 137, 154);
    g_autoptr(BylineAnnotation) o = byline_annotation_new ("entities", "ORG", 128, 134);

    byline_annotation_set_status (p, BYLINE_STATUS_SUGGESTED);
    byline_annotation_set_confidence (p, 0.82);
    byline_annotation_set_status (o, BYLINE_STATUS_REJECTED);
    quote = byline_document_add_annotation (document, q, &error);
    person = byline_document_add_annotation (document, p, &error);
    org = byline_document_add_annotation (document, o, &error);
    g_assert_no_error (error);
  }

  row = g_object_ref_sink (byline_annotation_row_new ());
  inscriptions = gui_test_find_all (row, GTK_TYPE_INSCRIPTION, NULL, NULL, NULL);
  labels = gui_test_find_all (row, GTK_TYPE_LABEL, NULL, NULL, NULL);
  /* The label, the status and the text: no GtkLabel to lay out. */
  g_assert_cmpuint (inscriptions->len, ==, 3);
  g_assert_cmpuint (labels->len, ==, 0);
  status = inscriptions->pdata[1];
  shown = inscriptions->pdata[2];

  for (guint round = 0; round < 2; round++)
    {
      byline_annotation_row_bind (BYLINE_ANNOTATION_ROW (row), document, byline_schema_get_default (), quote);
      cut = byline_annotation_row_dup_one_line (document, quote, 80);
      g_assert_cmpstr (gtk_inscription_get_text (inscriptions->pdata[0]), ==, "QUOTE");
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), ==, cut);
      g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, 80);
      g_assert_true (g_str_has_suffix (cut, "…"));
      g_clear_pointer (&cut, g_free);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (status)));
      g_assert_false (gtk_widget_has_css_class (shown, "dim-label"));
      byline_annotation_row_unbind (BYLINE_ANNOTATION_ROW (row));

      byline_annotation_row_bind (BYLINE_ANNOTATION_ROW (row), document, byline_schema_get_default (), person);
      g_assert_cmpstr (gtk_inscription_get_text (inscriptions->pdata[0]), ==, "PERSON");
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), ==, "a senior official");
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
      g_assert_cmpstr (gtk_inscription_get_text (status), ==, "Suggested · 0.82");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "accent"));
      g_assert_false (gtk_widget_has_css_class (shown, "dim-label"));
      byline_annotation_row_unbind (BYLINE_ANNOTATION_ROW (row));

      byline_annotation_row_bind (BYLINE_ANNOTATION_ROW (row), document, byline_schema_get_default (), org);
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), ==, "Europe");
      g_assert_cmpstr (gtk_inscription_get_text (status), ==, "Rejected");
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "error"));
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "accent"));
      g_assert_true (gtk_widget_has_css_class (shown, "dim-label"));
      byline_annotation_row_unbind (BYLINE_ANNOTATION_ROW (row));
    }

  /* Bound again to the same annotation: as it is now, once it changed. */
  byline_annotation_row_bind (BYLINE_ANNOTATION_ROW (row), document, byline_schema_get_default (), person);
  byline_annotation_row_unbind (BYLINE_ANNOTATION_ROW (row));
  {
    g_autoptr(BylineAnnotation) state = byline_annotation_copy (person);

    byline_annotation_set_status (state, BYLINE_STATUS_ACCEPTED);
    byline_annotation_set_label (state, "ORG");
    byline_annotation_set_fragments (state, (BylineFragment[]) { { 139, 154 } }, 1);
    g_assert_true (byline_document_replace_annotation (document, byline_annotation_get_id (person), state, &error));
    g_assert_no_error (error);
  }
  byline_annotation_row_bind (BYLINE_ANNOTATION_ROW (row), document, byline_schema_get_default (), person);
  g_assert_cmpstr (gtk_inscription_get_text (inscriptions->pdata[0]), ==, "ORG");
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (shown)), ==, "senior official");
  g_assert_cmpstr (gtk_inscription_get_text (status), ==, "Accepted · 0.82");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "success"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "accent"));
  byline_annotation_row_unbind (BYLINE_ANNOTATION_ROW (row));
  g_object_unref (row);
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/annotation-panel/sorted", test_panel_sorted);
  ADD ("/gui/annotation-panel/count", test_panel_count);
  ADD ("/gui/annotation-panel/filters", test_panel_filters);
  ADD ("/gui/annotation-panel/inspector-label", test_panel_inspector_label);
  ADD ("/gui/annotation-panel/inspector-attributes", test_panel_inspector_attributes);
  ADD ("/gui/annotation-panel/review", test_panel_review);
  ADD ("/gui/annotation-panel/relations", test_panel_relations);
  ADD ("/gui/annotation-panel/activate", test_panel_activate);
  ADD ("/gui/annotation-panel/accessible", test_panel_accessible);
  ADD ("/gui/annotation-panel/many", test_panel_many);
  ADD ("/gui/annotation-panel/large", test_panel_large);
  g_test_add_func ("/gui/annotation-panel/row-rebind", test_row_rebind);

#undef ADD

  return g_test_run ();
}

/* test-article-view.c: the article view, its tags, selection and clicks,
 * and the render nodes it keeps from frame to frame. Tagging a long
 * article in idle time and tokenizing in a worker are tested in
 * test-article-view-idle.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "byline-article-view.h"
#include "byline-article-view-private.h"
#include "byline-format.h"

#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;

typedef struct
{
  GtkWidget         *window;
  BylineArticleView *view;
  BylineDocument    *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *scrolled;

  if (!have_display)
    return;

  path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samples",
                                "blinken-china-nbc.txt", NULL);
  fixture->document = byline_document_load_any (path, &error);
  g_assert_no_error (error);

  fixture->view = BYLINE_ARTICLE_VIEW (byline_article_view_new ());
  byline_article_view_set_document (fixture->view, fixture->document,
                                    byline_schema_get_default ());

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scrolled);
  g_object_ref (fixture->window);
  g_object_ref (fixture->view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_flush ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->view);
  g_assert_finalize_object (fixture->document);
}

static void
test_projection (Fixture       *fixture,
                 gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;
  guint s, e, s2, e2, s3, e3;

  if (gui_test_skip_without_display (have_display))
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, byline_document_get_text (fixture->document));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_false (gtk_text_buffer_get_enable_undo (buffer));
  g_assert_true (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (view)));
  g_assert_cmpstr (byline_article_view_get_layer (view), ==, "entities");

  /* After curly quotes and apostrophes: offsets are code points. */
  gui_test_find_text (fixture->document, "Blinken’s trip", 1, &s, &e);
  e = s + 7;
  gui_test_add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  gui_test_assert_tag_covers (view, byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL), s, e);

  gui_test_find_text (fixture->document, "Ukraine", 1, &s2, &e2);
  gui_test_add_annotation (fixture->document, "entities", "GPE", s2, e2, BYLINE_STATUS_SUGGESTED);
  gui_test_assert_tag_covers (view, byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_SUGGESTED), s2, e2);
  gui_test_assert_tag_absent (view, byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_MANUAL), s2, e2);

  gui_test_find_text (fixture->document, "Europe", 1, &s3, &e3);
  gui_test_add_annotation (fixture->document, "entities", "LOC", s3, e3, BYLINE_STATUS_REJECTED);
  gui_test_assert_tag_absent (view, byline_article_view_get_label_tag (view, "LOC", BYLINE_STATUS_MANUAL), s3, e3);
  gui_test_assert_tag_absent (view, byline_article_view_get_label_tag (view, "LOC", BYLINE_STATUS_SUGGESTED), s3, e3);
  g_assert_null (byline_article_view_get_label_tag (view, "LOC", BYLINE_STATUS_REJECTED));

  /* A document loaded with annotations is tagged at set_document. */
  byline_article_view_set_document (view, fixture->document, NULL);
  gui_test_assert_tag_covers (view, byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL), s, e);
  gui_test_assert_tag_covers (view, byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_SUGGESTED), s2, e2);
}

static void
test_overlap_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *first;
  GtkTextTag *person;
  guint s, e, s2, e2;

  if (gui_test_skip_without_display (have_display))
    return;

  person = byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Antony Blinken will", 2, &s, &e);
  e = s + strlen ("Antony Blinken");
  s2 = s + strlen ("Antony ");
  e2 = s2 + strlen ("Blinken will");
  first = gui_test_add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  gui_test_add_annotation (fixture->document, "entities", "PERSON", s2, e2, BYLINE_STATUS_MANUAL);
  /* One tag per label: the two merge into one range. */
  gui_test_assert_tag_covers (view, person, s, e2);

  g_assert_true (byline_document_remove_annotation (fixture->document,
                                                    byline_annotation_get_id (first)));
  gui_test_assert_tag_covers (view, person, s2, e2);

  /* A removal takes off the tags of its own look only where no other
   * annotation of that look stays, and leaves the other looks' tags. */
  {
    GtkTextTag *org = byline_article_view_get_label_tag (view, "ORG", BYLINE_STATUS_MANUAL);
    GtkTextTag *gpe = byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_SUGGESTED);
    BylineAnnotation *department;
    guint ds, de;

    gui_test_find_text (fixture->document, "US State Department", 1, &ds, &de);
    department = gui_test_add_annotation (fixture->document, "entities", "ORG", ds, de, BYLINE_STATUS_MANUAL);
    gui_test_add_annotation (fixture->document, "entities", "GPE", ds, ds + 2, BYLINE_STATUS_SUGGESTED);
    gui_test_assert_tag_covers (view, org, ds, de);
    gui_test_assert_tag_covers (view, gpe, ds, ds + 2);
    g_assert_true (byline_document_remove_annotation (fixture->document,
                                                      byline_annotation_get_id (department)));
    gui_test_assert_tag_absent (view, org, ds, de);
    gui_test_assert_tag_covers (view, gpe, ds, ds + 2);
    gui_test_assert_tag_covers (view, person, s2, e2);
  }
}

static void
test_changed_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *annotation;
  g_autoptr(BylineAnnotation) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkTextTag *gpe;
  GtkTextTag *norp;
  guint s, e, s2, e2;

  if (gui_test_skip_without_display (have_display))
    return;

  gpe = byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_MANUAL);
  norp = byline_article_view_get_label_tag (view, "NORP", BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "China", 3, &s, &e);
  gui_test_find_text (fixture->document, "Washington", 2, &s2, &e2);
  annotation = gui_test_add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);
  id = g_strdup (byline_annotation_get_id (annotation));
  gui_test_assert_tag_covers (view, gpe, s, e);

  /* Moved elsewhere: the old range is cleared, the new one tagged. */
  state = byline_annotation_copy (annotation);
  byline_annotation_set_range (state, s2, e2);
  g_assert_true (byline_document_replace_annotation (fixture->document, id, state, &error));
  g_assert_no_error (error);
  gui_test_assert_tag_absent (view, gpe, s, e);
  gui_test_assert_tag_covers (view, gpe, s2, e2);

  /* Relabelled: one label's tag goes, the other's comes. */
  g_clear_object (&state);
  state = byline_annotation_copy (byline_document_lookup_annotation (fixture->document, id));
  byline_annotation_set_label (state, "NORP");
  g_assert_true (byline_document_replace_annotation (fixture->document, id, state, &error));
  gui_test_assert_tag_absent (view, gpe, s2, e2);
  gui_test_assert_tag_covers (view, norp, s2, e2);

  /* Undo walks it all back. */
  g_assert_true (byline_document_undo (fixture->document));
  gui_test_assert_tag_covers (view, gpe, s2, e2);
  gui_test_assert_tag_absent (view, norp, s2, e2);
  g_assert_true (byline_document_undo (fixture->document));
  gui_test_assert_tag_covers (view, gpe, s, e);
  gui_test_assert_tag_absent (view, gpe, s2, e2);

  g_assert_true (byline_document_remove_annotation (fixture->document, id));
  gui_test_assert_tag_absent (view, gpe, s, e);
  g_assert_true (byline_document_undo (fixture->document));
  gui_test_assert_tag_covers (view, gpe, s, e);
  g_assert_true (byline_document_redo (fixture->document));
  gui_test_assert_tag_absent (view, gpe, s, e);
}

static void
test_snapping (Fixture       *fixture,
               gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  guint s, e;
  guint start = 0;
  guint end = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  g_assert_false (byline_article_view_get_selection (view, &start, &end));
  g_assert_true (byline_article_view_get_snapping (view));

  /* "linke" inside "Blinken’s": the word, without its clitic. */
  gui_test_find_text (fixture->document, "Blinken’s", 1, &s, &e);
  byline_article_view_select_range (view, s + 1, s + 6);
  g_assert_true (byline_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, s);
  g_assert_cmpuint (end, ==, s + strlen ("Blinken"));

  /* Across the apostrophe: the word and its clitic. */
  byline_article_view_select_range (view, s + 3, s + 8);
  g_assert_true (byline_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, s);
  g_assert_cmpuint (end, ==, e);

  byline_article_view_set_snapping (view, FALSE);
  g_assert_false (byline_article_view_get_snapping (view));
  byline_article_view_select_range (view, s + 1, s + 6);
  g_assert_true (byline_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, s + 1);
  g_assert_cmpuint (end, ==, s + 6);
}

static void
test_select_next (Fixture       *fixture,
                  gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *a, *b, *c, *d;
  guint s, e;

  if (gui_test_skip_without_display (have_display))
    return;

  /* Added out of order; c nests in b and starts with it. */
  gui_test_find_text (fixture->document, "Shanghai", 1, &s, &e);
  d = gui_test_add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Antony Blinken", 1, &s, &e);
  b = gui_test_add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  c = gui_test_add_annotation (fixture->document, "speakers", "SPEAKER", s, s + 6, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "China", 1, &s, &e);
  a = gui_test_add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Russian", 1, &s, &e);
  gui_test_add_annotation (fixture->document, "entities", "NORP", s, e, BYLINE_STATUS_REJECTED);

  /* From the cursor at the start. */
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_selected (view) == a);
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_selected (view) == c);
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_selected (view) == b);
  /* The rejected NORP is not drawn, so it is skipped. */
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_selected (view) == d);
  g_assert_false (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_selected (view) == d);

  g_assert_true (byline_article_view_select_next (view, -1));
  g_assert_true (byline_article_view_get_selected (view) == b);
  g_assert_true (byline_article_view_select_next (view, -1));
  g_assert_true (byline_article_view_get_selected (view) == c);
  g_assert_true (byline_article_view_select_next (view, -1));
  g_assert_true (byline_article_view_get_selected (view) == a);
  g_assert_false (byline_article_view_select_next (view, -1));

  /* A hidden layer is stepped over. */
  byline_article_view_set_layer_visible (view, "speakers", FALSE);
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_selected (view) == b);

  /* The selected tag follows the selection. */
  gui_test_assert_tag_covers (view,
                              gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))),
                                                         "byline:selected"),
                              byline_annotation_get_start (b), byline_annotation_get_end (b));

  /* Deleting the selected annotation clears the selection. */
  byline_document_remove_annotation (fixture->document, byline_annotation_get_id (b));
  g_assert_null (byline_article_view_get_selected (view));
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "byline-article-view-click") == 0)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* Clicks (as the view's own click gesture sees it) on the middle of the
 * character at @offset. */
static void
click_at (BylineArticleView *view,
          guint              offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkGesture *gesture = find_click_gesture (GTK_WIDGET (view));
  GdkRectangle rect;
  GtkTextIter iter;
  int x;
  int y;

  g_assert_nonnull (gesture);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &rect);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2,
                                         &x, &y);
  g_signal_emit_by_name (gesture, "released", 1, (double) x, (double) y);
}

static void
on_activated_cb (BylineArticleView *view,
                 BylineAnnotation  *annotation,
                 guint             *count)
{
  (*count)++;
}

static void
test_click_cycle (Fixture       *fixture,
                  gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *quote, *person, *claim;
  g_autoptr(GPtrArray) here = NULL;
  guint s, e;
  guint qs, qe;
  guint activated = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  gui_test_find_text (fixture->document, "“We are prepared", 1, &qs, &qe);
  gui_test_find_text (fixture->document, "Europe,”", 1, &s, &qe);
  quote = gui_test_add_annotation (fixture->document, "speakers", "QUOTE", qs, qe, BYLINE_STATUS_MANUAL);
  claim = gui_test_add_annotation (fixture->document, "claims", "CLAIM", qs + 1, qe - 2, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Ukraine", 1, &s, &e);
  person = gui_test_add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);

  here = byline_article_view_get_annotations_at (view, s + 2);
  g_assert_cmpuint (here->len, ==, 3);
  g_assert_true (here->pdata[0] == person);
  g_assert_true (here->pdata[1] == claim);
  g_assert_true (here->pdata[2] == quote);

  byline_article_view_set_selected (view, person);
  gui_test_run_for (100);
  g_signal_connect (view, "annotation-activated", G_CALLBACK (on_activated_cb), &activated);

  /* Clicking where the selected one is goes to the next, and round. */
  click_at (view, s + 2);
  g_assert_true (byline_article_view_get_selected (view) == claim);
  click_at (view, s + 2);
  g_assert_true (byline_article_view_get_selected (view) == quote);
  click_at (view, s + 2);
  g_assert_true (byline_article_view_get_selected (view) == person);
  g_assert_cmpuint (activated, ==, 3);

  /* A click on plain text clears the selected annotation. */
  gui_test_find_text (fixture->document, "US allies", 1, &s, &e);
  click_at (view, s + 3);
  g_assert_null (byline_article_view_get_selected (view));

  /* A hidden layer cannot be clicked. */
  byline_article_view_set_layer_visible (view, "claims", FALSE);
  g_assert_false (byline_article_view_get_layer_visible (view, "claims"));
  g_clear_pointer (&here, g_ptr_array_unref);
  here = byline_article_view_get_annotations_at (view, byline_annotation_get_start (person) + 2);
  g_assert_cmpuint (here->len, ==, 2);
  g_assert_true (here->pdata[0] == person);
  g_assert_true (here->pdata[1] == quote);
  click_at (view, byline_annotation_get_start (person) + 2);
  click_at (view, byline_annotation_get_start (person) + 2);
  g_assert_true (byline_article_view_get_selected (view) == quote);
  byline_article_view_set_layer_visible (view, "claims", TRUE);
  g_assert_true (byline_article_view_get_layer_visible (view, "claims"));
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  GtkTextTag *tag;
  double scale = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  g_assert_cmpfloat_with_epsilon (byline_article_view_get_zoom (view), 1.0, 1e-9);
  byline_article_view_set_zoom (view, 1.5);
  g_assert_cmpfloat_with_epsilon (byline_article_view_get_zoom (view), 1.5, 1e-9);
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))),
                                   "byline:zoom");
  g_object_get (tag, "scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 1.5, 1e-9);
  byline_article_view_set_zoom (view, 10);
  g_assert_cmpfloat_with_epsilon (byline_article_view_get_zoom (view), 3.0, 1e-9);
  byline_article_view_set_zoom (view, 0.01);
  g_assert_cmpfloat_with_epsilon (byline_article_view_get_zoom (view), 0.5, 1e-9);
  g_object_set (view, "zoom", 1.0, NULL);
  g_assert_cmpfloat_with_epsilon (byline_article_view_get_zoom (view), 1.0, 1e-9);
  gui_test_flush ();
}

static void
on_target_picked_cb (BylineArticleView  *view,
                     BylineAnnotation   *annotation,
                     BylineAnnotation  **picked)
{
  *picked = annotation;
}

static void
test_picking (Fixture       *fixture,
              gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *quote, *speaker, *cue;
  BylineAnnotation *picked = NULL;
  guint s, e;

  if (gui_test_skip_without_display (have_display))
    return;

  gui_test_find_text (fixture->document, "“We are prepared", 1, &s, &e);
  quote = gui_test_add_annotation (fixture->document, "speakers", "QUOTE", s, e, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "the official told", 1, &s, &e);
  speaker = gui_test_add_annotation (fixture->document, "speakers", "SPEAKER", s, s + 12, BYLINE_STATUS_MANUAL);
  cue = gui_test_add_annotation (fixture->document, "speakers", "CUE", s + 13, e, BYLINE_STATUS_MANUAL);

  byline_article_view_set_selected (view, quote);
  byline_article_view_begin_pick (view);
  g_assert_true (byline_article_view_get_picking (view));
  g_assert_null (byline_article_view_get_pick_target (view));

  /* select_next moves the target; the selection stays the source. */
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_pick_target (view) == speaker);
  g_assert_true (byline_article_view_select_next (view, 1));
  g_assert_true (byline_article_view_get_pick_target (view) == cue);
  g_assert_true (byline_article_view_select_next (view, -1));
  g_assert_true (byline_article_view_get_pick_target (view) == speaker);
  /* The source is never a target. */
  g_assert_false (byline_article_view_select_next (view, -1));
  g_assert_true (byline_article_view_get_selected (view) == quote);

  g_signal_connect (view, "target-picked", G_CALLBACK (on_target_picked_cb), &picked);
  gui_test_run_for (100);
  click_at (view, byline_annotation_get_start (cue) + 1);
  g_assert_true (picked == cue);
  g_assert_true (byline_article_view_get_selected (view) == quote);

  byline_article_view_end_pick (view);
  g_assert_false (byline_article_view_get_picking (view));
  g_assert_null (byline_article_view_get_pick_target (view));
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *person;
  guint s, e;

  if (gui_test_skip_without_display (have_display))
    return;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Article");
  gui_test_find_text (fixture->document, "Antony Blinken", 1, &s, &e);
  person = gui_test_add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  byline_article_view_set_selected (view, person);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Selected: PERSON “Antony Blinken”");
}

static void
on_context_menu_cb (BylineArticleView *view,
                    double             x,
                    double             y,
                    guint             *count)
{
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  (*count)++;
}

static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  guint count = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  g_signal_connect (fixture->view, "context-menu-requested", G_CALLBACK (on_context_menu_cb), &count);
  byline_article_view_select_range (fixture->view, 10, 20);
  gui_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.context-menu", NULL));
  g_assert_cmpuint (count, ==, 1);
}

static void
test_empty (void)
{
  g_autoptr(BylineArticleView) view = NULL;
  g_autoptr(GPtrArray) none = NULL;

  if (gui_test_skip_without_display (have_display))
    return;

  view = BYLINE_ARTICLE_VIEW (g_object_ref_sink (byline_article_view_new ()));
  g_assert_null (byline_article_view_get_document (view));
  g_assert_false (byline_article_view_get_selection (view, NULL, NULL));
  g_assert_false (byline_article_view_select_next (view, 1));
  none = byline_article_view_get_annotations_at (view, 0);
  g_assert_cmpuint (none->len, ==, 0);
}


/* Every node in a render node tree. */
static void
collect_nodes (GskRenderNode *node,
               GHashTable    *out)
{
  g_hash_table_add (out, node);
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_nodes (gsk_container_node_get_child (node, i), out);
      break;
    case GSK_TRANSFORM_NODE:
      collect_nodes (gsk_transform_node_get_child (node), out);
      break;
    case GSK_CLIP_NODE:
      collect_nodes (gsk_clip_node_get_child (node), out);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_nodes (gsk_rounded_clip_node_get_child (node), out);
      break;
    case GSK_OPACITY_NODE:
      collect_nodes (gsk_opacity_node_get_child (node), out);
      break;
    case GSK_DEBUG_NODE:
      collect_nodes (gsk_debug_node_get_child (node), out);
      break;
    default:
      break;
    }
}

/* The view drawn anew, as on the next frame (its class's snapshot, which
 * the frame calls), and the nodes of the items it drew over and under
 * the text (boxes, chips: see Item in byline-article-view-draw-private.h),
 * each checked to be in what it drew. */
static GPtrArray *
draw_view (BylineArticleView *view,
           GskRenderNode    **root)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);
  GPtrArray *nodes = g_ptr_array_new ();

  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);
  *root = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (*root);
  collect_nodes (*root, drawn);
  for (guint layer = 0; layer < G_N_ELEMENTS (view->drawn_items); layer++)
    {
      GHashTableIter iter;
      gpointer node;

      if (view->drawn_items[layer] == NULL)
        continue;
      g_hash_table_iter_init (&iter, view->drawn_items[layer]);
      while (g_hash_table_iter_next (&iter, NULL, &node))
        {
          g_assert_true (g_hash_table_contains (drawn, node));
          g_ptr_array_add (nodes, node);
        }
    }
  return nodes;
}

/* What the view draws over the text (boxes, chips) is kept from frame to
 * frame: drawn again unchanged, it is the same render nodes, which GSK's
 * diff skips; an edit makes new nodes for what it changed only. */
static void
test_nodes_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GskRenderNode) first_root = NULL;
  g_autoptr(GskRenderNode) again_root = NULL;
  g_autoptr(GskRenderNode) edited_root = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) edited = NULL;
  g_autoptr(BylineAnnotation) quote = NULL;
  g_autoptr(GError) error = NULL;
  guint s, e;
  guint kept = 0;
  guint fresh = 0;

  if (gui_test_skip_without_display (have_display))
    return;

  /* A quote on screen: its box and chip are drawn by the view. */
  gui_test_find_text (fixture->document, "Secretary of State", 1, &s, &e);
  quote = byline_annotation_new ("speakers", "QUOTE", s, e);
  g_assert_nonnull (byline_document_add_annotation (fixture->document, quote, &error));
  g_assert_no_error (error);
  gui_test_run_for (100);

  first = draw_view (fixture->view, &first_root);
  g_assert_cmpuint (first->len, >=, 2);
  again = draw_view (fixture->view, &again_root);
  g_assert_cmpuint (again->len, ==, first->len);
  for (guint i = 0; i < again->len; i++)
    g_assert_true (g_ptr_array_find (first, again->pdata[i], NULL));

  /* Selecting the quote redraws its box and chip, not the rest. */
  byline_article_view_set_selected (fixture->view, quote);
  edited = draw_view (fixture->view, &edited_root);
  for (guint i = 0; i < edited->len; i++)
    {
      if (g_ptr_array_find (again, edited->pdata[i], NULL))
        kept++;
      else
        fresh++;
    }
  g_assert_cmpuint (fresh, >=, 1);
  g_assert_cmpuint (kept, >=, 1);
  g_assert_cmpuint (fresh, <=, 4);
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
  g_test_add ("/gui/article-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("projection", test_projection);
  ADD ("overlap-remove", test_overlap_remove);
  ADD ("changed-and-undo", test_changed_and_undo);
  ADD ("snapping", test_snapping);
  ADD ("select-next", test_select_next);
  ADD ("click-cycle", test_click_cycle);
  ADD ("zoom", test_zoom);
  ADD ("picking", test_picking);
  ADD ("accessible", test_accessible);
  ADD ("context-menu", test_context_menu);
  ADD ("nodes-kept", test_nodes_kept);
  g_test_add_func ("/gui/article-view/empty", test_empty);

#undef ADD

  return g_test_run ();
}

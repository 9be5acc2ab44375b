/* test-article-view.c: the article view, its tags, selection and clicks
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
#include "byline-tokenizer.h"

#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;

typedef struct
{
  GtkWidget         *window;
  BylineArticleView *view;
  BylineDocument    *document;
} Fixture;

static gboolean
skip_without_display (void)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  return FALSE;
}

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

static BylineAnnotation *
add_annotation (BylineDocument *document,
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
static void
assert_tag_covers (BylineArticleView *view,
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

static void
assert_tag_absent (BylineArticleView *view,
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

  if (skip_without_display ())
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
  add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  assert_tag_covers (view, byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL), s, e);

  gui_test_find_text (fixture->document, "Ukraine", 1, &s2, &e2);
  add_annotation (fixture->document, "entities", "GPE", s2, e2, BYLINE_STATUS_SUGGESTED);
  assert_tag_covers (view, byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_SUGGESTED), s2, e2);
  assert_tag_absent (view, byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_MANUAL), s2, e2);

  gui_test_find_text (fixture->document, "Europe", 1, &s3, &e3);
  add_annotation (fixture->document, "entities", "LOC", s3, e3, BYLINE_STATUS_REJECTED);
  assert_tag_absent (view, byline_article_view_get_label_tag (view, "LOC", BYLINE_STATUS_MANUAL), s3, e3);
  assert_tag_absent (view, byline_article_view_get_label_tag (view, "LOC", BYLINE_STATUS_SUGGESTED), s3, e3);
  g_assert_null (byline_article_view_get_label_tag (view, "LOC", BYLINE_STATUS_REJECTED));

  /* A document loaded with annotations is tagged at set_document. */
  byline_article_view_set_document (view, fixture->document, NULL);
  assert_tag_covers (view, byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL), s, e);
  assert_tag_covers (view, byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_SUGGESTED), s2, e2);
}

static void
test_overlap_remove (Fixture       *fixture,
                     gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  BylineAnnotation *first;
  GtkTextTag *person;
  guint s, e, s2, e2;

  if (skip_without_display ())
    return;

  person = byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Antony Blinken will", 2, &s, &e);
  e = s + strlen ("Antony Blinken");
  s2 = s + strlen ("Antony ");
  e2 = s2 + strlen ("Blinken will");
  first = add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  add_annotation (fixture->document, "entities", "PERSON", s2, e2, BYLINE_STATUS_MANUAL);
  /* One tag per label: the two merge into one range. */
  assert_tag_covers (view, person, s, e2);

  g_assert_true (byline_document_remove_annotation (fixture->document,
                                                    byline_annotation_get_id (first)));
  assert_tag_covers (view, person, s2, e2);
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

  if (skip_without_display ())
    return;

  gpe = byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_MANUAL);
  norp = byline_article_view_get_label_tag (view, "NORP", BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "China", 3, &s, &e);
  gui_test_find_text (fixture->document, "Washington", 2, &s2, &e2);
  annotation = add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);
  id = g_strdup (byline_annotation_get_id (annotation));
  assert_tag_covers (view, gpe, s, e);

  /* Moved elsewhere: the old range is cleared, the new one tagged. */
  state = byline_annotation_copy (annotation);
  byline_annotation_set_range (state, s2, e2);
  g_assert_true (byline_document_replace_annotation (fixture->document, id, state, &error));
  g_assert_no_error (error);
  assert_tag_absent (view, gpe, s, e);
  assert_tag_covers (view, gpe, s2, e2);

  /* Relabelled: one label's tag goes, the other's comes. */
  g_clear_object (&state);
  state = byline_annotation_copy (byline_document_lookup_annotation (fixture->document, id));
  byline_annotation_set_label (state, "NORP");
  g_assert_true (byline_document_replace_annotation (fixture->document, id, state, &error));
  assert_tag_absent (view, gpe, s2, e2);
  assert_tag_covers (view, norp, s2, e2);

  /* Undo walks it all back. */
  g_assert_true (byline_document_undo (fixture->document));
  assert_tag_covers (view, gpe, s2, e2);
  assert_tag_absent (view, norp, s2, e2);
  g_assert_true (byline_document_undo (fixture->document));
  assert_tag_covers (view, gpe, s, e);
  assert_tag_absent (view, gpe, s2, e2);

  g_assert_true (byline_document_remove_annotation (fixture->document, id));
  assert_tag_absent (view, gpe, s, e);
  g_assert_true (byline_document_undo (fixture->document));
  assert_tag_covers (view, gpe, s, e);
  g_assert_true (byline_document_redo (fixture->document));
  assert_tag_absent (view, gpe, s, e);
}

static void
test_snapping (Fixture       *fixture,
               gconstpointer  data)
{
  BylineArticleView *view = fixture->view;
  guint s, e;
  guint start = 0;
  guint end = 0;

  if (skip_without_display ())
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

  if (skip_without_display ())
    return;

  /* Added out of order; c nests in b and starts with it. */
  gui_test_find_text (fixture->document, "Shanghai", 1, &s, &e);
  d = add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Antony Blinken", 1, &s, &e);
  b = add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
  c = add_annotation (fixture->document, "speakers", "SPEAKER", s, s + 6, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "China", 1, &s, &e);
  a = add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Russian", 1, &s, &e);
  add_annotation (fixture->document, "entities", "NORP", s, e, BYLINE_STATUS_REJECTED);

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
  assert_tag_covers (view,
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

  if (skip_without_display ())
    return;

  gui_test_find_text (fixture->document, "“We are prepared", 1, &qs, &qe);
  gui_test_find_text (fixture->document, "Europe,”", 1, &s, &qe);
  quote = add_annotation (fixture->document, "speakers", "QUOTE", qs, qe, BYLINE_STATUS_MANUAL);
  claim = add_annotation (fixture->document, "claims", "CLAIM", qs + 1, qe - 2, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "Ukraine", 1, &s, &e);
  person = add_annotation (fixture->document, "entities", "GPE", s, e, BYLINE_STATUS_MANUAL);

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

  if (skip_without_display ())
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

  if (skip_without_display ())
    return;

  gui_test_find_text (fixture->document, "“We are prepared", 1, &s, &e);
  quote = add_annotation (fixture->document, "speakers", "QUOTE", s, e, BYLINE_STATUS_MANUAL);
  gui_test_find_text (fixture->document, "the official told", 1, &s, &e);
  speaker = add_annotation (fixture->document, "speakers", "SPEAKER", s, s + 12, BYLINE_STATUS_MANUAL);
  cue = add_annotation (fixture->document, "speakers", "CUE", s + 13, e, BYLINE_STATUS_MANUAL);

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

  if (skip_without_display ())
    return;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Article");
  gui_test_find_text (fixture->document, "Antony Blinken", 1, &s, &e);
  person = add_annotation (fixture->document, "entities", "PERSON", s, e, BYLINE_STATUS_MANUAL);
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

  if (skip_without_display ())
    return;

  g_signal_connect (fixture->view, "context-menu-requested", G_CALLBACK (on_context_menu_cb), &count);
  byline_article_view_select_range (fixture->view, 10, 20);
  gui_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "article.context-menu", NULL));
  g_assert_cmpuint (count, ==, 1);
}

/* Runs the main loop until the view has tagged the whole article. */
static void
wait_until_fully_tagged (BylineArticleView *view)
{
  while (!byline_article_view_is_fully_tagged (view))
    g_main_context_iteration (NULL, TRUE);
}

/* A long article is tagged in idle time after set_document, the first
 * screen at once: edits made before the pass reaches them must come out
 * exactly as if it had all been tagged at once. */
static void
test_idle_tagging (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) chinas = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(BylineAnnotation) state = NULL;
  g_autofree char *moved_id = NULL;
  g_autofree char *removed_id = NULL;
  BylineArticleView *view;
  BylineAnnotation *moved;
  GtkTextTag *gpe;
  GtkTextTag *person;
  GtkTextTag *claim;
  const char *p;
  guint n_chars;
  guint n;
  guint far;
  guint removed_start;
  guint moved_start;
  guint person_start;

  if (skip_without_display ())
    return;

  for (guint i = 0; text->len < 200 * 1024; i++)
    g_string_append (text, i % 4 == 3
                           ? "US Secretary of State Antony Blinken will warn China about its "
                             "support for the Russian military, “a senior official” said.\n\n"
                           : "US Secretary of State Antony Blinken will warn China about its "
                             "support for the Russian military, “a senior official” said. ");
  g_assert_true (byline_document_set_text (document, text->str, (gssize) text->len, &error));
  n_chars = byline_document_get_n_chars (document);
  /* A GPE on every "China", and one claim across a long stretch, so
   * that it is tagged in many pieces that must merge into one range. */
  for (p = strstr (text->str, "China"); p != NULL; p = strstr (p + 1, "China"))
    {
      guint start = (guint) g_utf8_pointer_to_offset (text->str, p);
      g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "GPE", start, start + 5);

      g_assert_nonnull (byline_document_add_annotation (document, a, &error));
      g_array_append_val (chinas, start);
    }
  {
    g_autoptr(BylineAnnotation) a = byline_annotation_new ("claims", "CLAIM", 100, n_chars - 100);

    g_assert_nonnull (byline_document_add_annotation (document, a, &error));
  }
  byline_document_mark_loaded (document);
  n = chinas->len;
  g_assert_cmpuint (n, >, 1000);

  view = BYLINE_ARTICLE_VIEW (g_object_ref_sink (byline_article_view_new ()));
  byline_article_view_set_document (view, document, NULL);
  gpe = byline_article_view_get_label_tag (view, "GPE", BYLINE_STATUS_MANUAL);
  person = byline_article_view_get_label_tag (view, "PERSON", BYLINE_STATUS_MANUAL);
  claim = byline_article_view_get_label_tag (view, "CLAIM", BYLINE_STATUS_MANUAL);

  /* The first screen is there at once, the far end not yet. */
  g_assert_false (byline_article_view_is_fully_tagged (view));
  assert_tag_covers (view, gpe, g_array_index (chinas, guint, 0), g_array_index (chinas, guint, 0) + 5);
  far = g_array_index (chinas, guint, n - 1);
  assert_tag_absent (view, gpe, far, far + 5);

  /* Edits far ahead of the pass: a removal, a move, an addition, and
   * the selection. */
  removed_start = g_array_index (chinas, guint, n - 2);
  {
    g_autoptr(GPtrArray) there = byline_document_query_at (document, removed_start);

    for (guint i = 0; i < there->len; i++)
      {
        if (g_strcmp0 (byline_annotation_get_label (there->pdata[i]), "GPE") == 0)
          removed_id = g_strdup (byline_annotation_get_id (there->pdata[i]));
      }
  }
  g_assert_nonnull (removed_id);
  g_assert_true (byline_document_remove_annotation (document, removed_id));

  moved_start = g_array_index (chinas, guint, n - 3);
  {
    g_autoptr(GPtrArray) there = byline_document_query_at (document, moved_start);

    for (guint i = 0; i < there->len; i++)
      {
        if (g_strcmp0 (byline_annotation_get_label (there->pdata[i]), "GPE") == 0)
          moved_id = g_strdup (byline_annotation_get_id (there->pdata[i]));
      }
  }
  g_assert_nonnull (moved_id);
  moved = byline_document_lookup_annotation (document, moved_id);
  state = byline_annotation_copy (moved);
  /* "US" at the start of the sentence after it. */
  byline_annotation_set_range (state, moved_start + 5 + 80, moved_start + 5 + 82);
  g_assert_true (byline_document_replace_annotation (document, moved_id, state, &error));
  g_assert_no_error (error);

  person_start = far - strlen ("Antony Blinken will warn ");
  add_annotation (document, "entities", "PERSON", person_start, person_start + strlen ("Antony Blinken"),
                  BYLINE_STATUS_MANUAL);
  byline_article_view_set_selected (view, byline_document_lookup_annotation (document, moved_id));

  wait_until_fully_tagged (view);

  for (guint i = 0; i < n; i++)
    {
      guint s = g_array_index (chinas, guint, i);

      if (s == removed_start || s == moved_start)
        assert_tag_absent (view, gpe, s, s + 5);
      else
        assert_tag_covers (view, gpe, s, s + 5);
    }
  assert_tag_covers (view, gpe, moved_start + 5 + 80, moved_start + 5 + 82);
  assert_tag_covers (view, person, person_start, person_start + strlen ("Antony Blinken"));
  assert_tag_covers (view, claim, 100, n_chars - 100);
  assert_tag_covers (view,
                     gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))),
                                                "byline:selected"),
                     moved_start + 5 + 80, moved_start + 5 + 82);

  /* A new document starts over; none leaves nothing to do. */
  byline_article_view_set_document (view, document, NULL);
  g_assert_false (byline_article_view_is_fully_tagged (view));
  byline_article_view_set_document (view, NULL, NULL);
  g_assert_true (byline_article_view_is_fully_tagged (view));
  g_assert_finalize_object (view);
}

/* Not a pass/fail test: reports how long loading a large document takes. */
static void
test_speed (void)
{
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  BylineArticleView *view;
  static const char * const labels[][2] = {
    { "entities", "PERSON" }, { "entities", "GPE" }, { "speakers", "QUOTE" },
    { "claims", "CLAIM" }, { "entities", "ORG" }, { "speakers", "CUE" },
  };
  guint n_chars;
  double seconds;

  if (skip_without_display ())
    return;

  /* Paragraphs of about 600 bytes, as in news: GtkTextBuffer keeps a
   * line's segments in a list, so one 1 MB line would be a different
   * (and unrealistic) test. */
  for (guint i = 0; text->len < 1024 * 1024; i++)
    g_string_append (text, i % 4 == 3
                           ? "US Secretary of State Antony Blinken will warn China about its "
                             "support for the Russian military during his visit, “a senior "
                             "official” said.\n\n"
                           : "US Secretary of State Antony Blinken will warn China about its "
                             "support for the Russian military during his visit, “a senior "
                             "official” said. ");
  g_assert_true (byline_document_set_text (document, text->str, (gssize) text->len, &error));
  n_chars = byline_document_get_n_chars (document);
  for (guint i = 0; i < 50000; i++)
    {
      guint start = (guint) ((guint64) i * (n_chars - 40) / 50000);
      g_autoptr(BylineAnnotation) a = byline_annotation_new (labels[i % 6][0], labels[i % 6][1],
                                                            start, start + 5 + i % 30);

      if (i % 7 == 0)
        byline_annotation_set_status (a, BYLINE_STATUS_SUGGESTED);
      g_assert_nonnull (byline_document_add_annotation (document, a, &error));
    }
  byline_document_mark_loaded (document);

  view = BYLINE_ARTICLE_VIEW (g_object_ref_sink (byline_article_view_new ()));
  timer = g_timer_new ();
  byline_article_view_set_document (view, document, NULL);
  seconds = g_timer_elapsed (timer, NULL);
  g_print ("# set_document: %zu bytes, 50000 annotations: %.0f ms\n", text->len, seconds * 1000);
  g_timer_start (timer);
  wait_until_fully_tagged (view);
  g_print ("# then tagged in idle time: %.0f ms\n", g_timer_elapsed (timer, NULL) * 1000);

  /* Retagging one range stays local. */
  g_timer_start (timer);
  byline_document_remove_annotation (document, byline_annotation_get_id (byline_document_get_annotation (document, 25000)));
  g_print ("# remove one of 50000: %.2f ms\n", g_timer_elapsed (timer, NULL) * 1000);

  g_timer_start (timer);
  for (guint i = 0; i < 100 && byline_article_view_select_next (view, 1); i++)
    {
    }
  g_print ("# select_next x100: %.2f ms\n", g_timer_elapsed (timer, NULL) * 1000);

  byline_article_view_set_document (view, NULL, NULL);
  g_object_unref (view);
}

static void
test_empty (void)
{
  g_autoptr(BylineArticleView) view = NULL;
  g_autoptr(GPtrArray) none = NULL;

  if (skip_without_display ())
    return;

  view = BYLINE_ARTICLE_VIEW (g_object_ref_sink (byline_article_view_new ()));
  g_assert_null (byline_article_view_get_document (view));
  g_assert_false (byline_article_view_get_selection (view, NULL, NULL));
  g_assert_false (byline_article_view_select_next (view, 1));
  none = byline_article_view_get_annotations_at (view, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Before the worker has tokenized the article, the tokens near a range
 * come from its lines and the lines around them: the same tokens as the
 * whole article's there, so snapping and moving an edge to the next word
 * (across a paragraph break too) do not depend on the worker being done. */
static void
test_tokens_near (void)
{
  static const char *paragraphs[] = {
    "The minister’s “deep concerns” 👩🏽‍⚕️ were noted, café owners said.",
    "東京 stocks fell 3.5% on Monday; e\u0301migre\u0301s (re)entered at 10:30 a.m.",
    "   ",
    "Blinken — who arrived late — met Wang Yi 🇺🇸 in Beijing. https://example.org/x?y=1 was cited.",
  };
  g_autoptr(BylineDocument) document = byline_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) full = NULL;
  g_autoptr(GArray) all = NULL;
  BylineArticleView *view;
  guint n_chars;
  gint64 deadline;

  if (skip_without_display ())
    return;

  for (guint i = 0; i < 40; i++)
    {
      g_string_append (text, paragraphs[i % G_N_ELEMENTS (paragraphs)]);
      g_string_append (text, i % 3 == 0 ? "\n\n" : "\n");
    }
  g_assert_true (byline_document_set_text (document, text->str, (gssize) text->len, &error));
  n_chars = byline_document_get_n_chars (document);
  full = byline_tokenize (text->str, (gssize) text->len);

  view = BYLINE_ARTICLE_VIEW (g_object_ref_sink (byline_article_view_new ()));
  byline_article_view_set_document (view, document, NULL);
  /* No main loop has run: the worker's tokens cannot have arrived. */
  for (guint offset = 0; offset < n_chars; offset += 7)
    {
      g_autoptr(GArray) near = byline_article_view_dup_tokens_near (view, offset, MIN (offset + 5, n_chars));
      guint first;
      guint s = offset;
      guint e = MIN (offset + 5, n_chars);
      guint fs = s;
      guint fe = e;

      g_assert_nonnull (near);
      g_assert_cmpuint (near->len, >, 0);
      g_assert_cmpuint (near->len, <, full->len);
      /* Each one is the whole article's token, at the same place. */
      first = byline_tokens_find (full, g_array_index (near, BylineToken, 0).start);
      for (guint i = 0; i < near->len; i++)
        {
          const BylineToken *a = &g_array_index (near, BylineToken, i);
          const BylineToken *b = &g_array_index (full, BylineToken, first + i);

          g_assert_cmpuint (a->start, ==, b->start);
          g_assert_cmpuint (a->end, ==, b->end);
          g_assert_cmpint (a->kind, ==, b->kind);
        }
      /* The words before and after the range's lines are there too. */
      g_assert_true (first == 0 || g_array_index (near, BylineToken, 0).start < s);
      g_assert_true (first + near->len == full->len ||
                     g_array_index (near, BylineToken, near->len - 1).end > e);
      byline_snap_to_words (NULL, 0, near, &s, &e);
      byline_snap_to_words (NULL, 0, full, &fs, &fe);
      g_assert_cmpuint (s, ==, fs);
      g_assert_cmpuint (e, ==, fe);
    }

  /* Then the worker's tokens: the whole article's. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  do
    {
      g_clear_pointer (&all, g_array_unref);
      g_main_context_iteration (NULL, FALSE);
      all = byline_article_view_dup_tokens_near (view, 0, 0);
    }
  while (all->len != full->len && g_get_monotonic_time () < deadline);
  g_assert_cmpuint (all->len, ==, full->len);
  g_assert_cmpmem (all->data, all->len * sizeof (BylineToken), full->data, full->len * sizeof (BylineToken));

  /* Another document while a worker runs: its tokens, not the old one's. */
  byline_article_view_set_document (view, NULL, NULL);
  g_assert_null (byline_article_view_dup_tokens_near (view, 0, 0));
  byline_article_view_set_document (view, document, NULL);
  byline_article_view_set_document (view, NULL, NULL);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (byline_article_view_dup_tokens_near (view, 0, 0));
  g_object_unref (view);
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

  if (skip_without_display ())
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
  g_test_add_func ("/gui/article-view/tokens-near", test_tokens_near);
  g_test_add_func ("/gui/article-view/idle-tagging", test_idle_tagging);
  g_test_add_func ("/gui/article-view/speed", test_speed);

#undef ADD

  return g_test_run ();
}

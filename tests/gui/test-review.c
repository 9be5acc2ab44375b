/* test-review.c: reviewing suggestions from the keyboard, as a user does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like test-annotate.c, these tests type real keys through the X server's
 * XTEST extension (Xvfb has it), so the events go through GTK's whole input
 * path. The suggestions are made by hand (byline_suggestions_add_span, then
 * byline_suggestions_apply, as Suggest does), so the tests do not depend on
 * what the extractors find. Suggest itself, run with the extractors this
 * build has, is tested in test-review-suggest.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include <adwaita.h>

#include "byline-native.h"
#include "byline-review-private.h"
#include "byline-suggest.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"
#include "gui-test-xtest.h"
#include "review-test-util.h"

static gboolean have_display;

static const KeySym shift[] = { XK_Shift_L, 0 };
static const KeySym ctrl[] = { XK_Control_L, 0 };
static const KeySym ctrl_shift[] = { XK_Control_L, XK_Shift_L, 0 };

/* The suggestions the tests review, in reading order of the article:
 * (origin, layer, label, text, occurrence, confidence). */
typedef struct
{
  const char *origin;
  const char *layer;
  const char *label;
  const char *text;
  guint       nth;
  double      confidence;
} Hand;

static const Hand hand[] = {
  { "rules:entities", "entities", "PERSON", "Antony Blinken", 1, 0.95 },
  { "rules:entities", "entities", "GPE", "Beijing", 1, 0.90 },
  { "rules:entities", "entities", "GPE", "Shanghai", 1, 0.85 },
  { "rules:entities", "entities", "PERSON", "Wang Yi", 1, 0.60 },
  { "rules:entities", "entities", "ORG", "State Department", 1, 0.40 },
  { "rules:quotes", "speakers", "QUOTE", "“We are prepared to take action", 1, 0.70 },
  { "rules:quotes", "speakers", "SPEAKER", "the official", 1, 0.65 },
};

/* Adds the hand-made suggestions as Suggest would (one undoable step),
 * with a said_by relation from the quote to the speaker. Returns how many
 * were added. */
static guint
add_suggestions (BylineWindow *window)
{
  BylineSuggestions *s = byline_suggestions_new_for_document (window->document);
  const char *quote = NULL;
  const char *speaker = NULL;
  guint n_relations = 0;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (hand); i++)
    {
      guint start, end;
      const char *id;

      gui_test_find_text (window->document, hand[i].text, hand[i].nth, &start, &end);
      byline_suggestions_set_origin (s, hand[i].origin);
      id = byline_suggestions_add_span (s, hand[i].layer, hand[i].label, start, end, hand[i].confidence);
      if (g_str_equal (hand[i].label, "QUOTE"))
        quote = id;
      else if (g_str_equal (hand[i].label, "SPEAKER"))
        speaker = id;
    }
  g_assert_true (byline_suggestions_add_relation (s, "said_by", quote, speaker));
  n = byline_suggestions_apply (s, window->document, &n_relations);
  g_assert_cmpuint (n_relations, ==, 1);
  byline_suggestions_free (s);
  gui_test_settle ();
  return n;
}

static BylineAnnotation *
hand_annotation (BylineWindow *window,
                 guint         i)
{
  guint start, end;
  BylineAnnotation *a;

  gui_test_find_text (window->document, hand[i].text, hand[i].nth, &start, &end);
  a = gui_test_annotation_at (window->document, start, end, hand[i].label);
  g_assert_nonnull (a);
  return a;
}

static BylineAnnotation *
selected (BylineWindow *window)
{
  return byline_article_view_get_selected (window->article_view);
}

static const char *
progress_text (BylineWindow *window)
{
  return gtk_label_get_label (window->review->progress_label);
}

static gboolean
is_drawn_at (BylineWindow     *window,
             BylineAnnotation *annotation)
{
  g_autoptr(GPtrArray) here = byline_article_view_get_annotations_at (window->article_view,
                                                                      byline_annotation_get_start (annotation));

  return g_ptr_array_find (here, annotation, NULL);
}

static BylineRelation *
said_by (BylineWindow *window)
{
  g_assert_cmpuint (byline_document_get_n_relations (window->document), ==, 1);
  return byline_document_get_relation (window->document, 0);
}

/* Suggestions come in as one undoable step; ctrl+r turns review mode on at
 * the first one; a accepts (with the reviewer), x rejects and goes on, n
 * and p skip decided ones and wrap round, ctrl+z undoes each decision. */
static void
test_review_keys (void)
{
  BylineWindow *window;
  BylineAnnotation *blinken, *beijing, *shanghai, *wang, *state;
  g_autofree char *expected = NULL;
  guint n;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  n = add_suggestions (window);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (hand));
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (window->document, i);
      double confidence;

      g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
      g_assert_true (byline_annotation_get_confidence (a, &confidence));
      g_assert_nonnull (byline_annotation_get_origin (a));
    }
  /* One step. */
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl_shift);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, n);

  blinken = hand_annotation (window, 0);
  beijing = hand_annotation (window, 1);
  shanghai = hand_annotation (window, 2);
  wang = hand_annotation (window, 3);
  state = hand_annotation (window, 4);

  /* ctrl+r: the bar, at the first suggestion in reading order. */
  g_assert_false (byline_window_get_reviewing (window));
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  g_assert_true (byline_window_get_reviewing (window));
  g_assert_true (gtk_revealer_get_reveal_child (window->review_revealer));
  g_assert_true (gtk_toggle_button_get_active (window->review_button));
  g_assert_nonnull (selected (window));
  {
    /* The first suggestion in the article, whichever it is. */
    g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (window->document);

    g_assert_true (selected (window) == sorted->pdata[0]);
    g_assert_true (sorted->pdata[0] == blinken);
  }
  expected = g_strdup_printf ("Suggestion 1 of %u", n);
  g_assert_cmpstr (review_test_position_text (window), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("0 of %u decided", n);
  g_assert_cmpstr (progress_text (window), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* a: accepted, by the reviewer, still the current one. */
  gui_test_type_key (GTK_WIDGET (window), XK_a, NULL);
  g_assert_cmpint (byline_annotation_get_status (blinken), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (blinken), ==, REVIEW_TEST_REVIEWER);
  g_assert_true (selected (window) == blinken);
  expected = g_strdup_printf ("1 of %u decided", n);
  g_assert_cmpstr (progress_text (window), ==, expected);
  g_clear_pointer (&expected, g_free);
  /* Undone, it is a suggestion again, with no reviewer. */
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpint (byline_annotation_get_status (blinken), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_null (byline_annotation_get_reviewer (blinken));
  expected = g_strdup_printf ("0 of %u decided", n);
  g_assert_cmpstr (progress_text (window), ==, expected);
  g_clear_pointer (&expected, g_free);
  gui_test_type_key (GTK_WIDGET (window), XK_a, NULL);
  g_assert_cmpint (byline_annotation_get_status (blinken), ==, BYLINE_STATUS_ACCEPTED);

  /* n: the next undecided one. */
  gui_test_type_key (GTK_WIDGET (window), XK_n, NULL);
  g_assert_true (selected (window) != blinken);
  g_assert_cmpint (byline_annotation_get_status (selected (window)), ==, BYLINE_STATUS_SUGGESTED);
  {
    BylineAnnotation *second = selected (window);

    expected = g_strdup_printf ("Suggestion 2 of %u", n);
    g_assert_cmpstr (review_test_position_text (window), ==, expected);
    g_clear_pointer (&expected, g_free);

    /* x: rejected, hidden, and the next undecided one is current. */
    gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
    g_assert_cmpint (byline_annotation_get_status (second), ==, BYLINE_STATUS_REJECTED);
    g_assert_cmpstr (byline_annotation_get_reviewer (second), ==, REVIEW_TEST_REVIEWER);
    g_assert_false (is_drawn_at (window, second));
    g_assert_nonnull (selected (window));
    g_assert_true (selected (window) != second);
    g_assert_cmpint (byline_annotation_get_status (selected (window)), ==, BYLINE_STATUS_SUGGESTED);
    expected = g_strdup_printf ("Suggestion 3 of %u", n);
    g_assert_cmpstr (review_test_position_text (window), ==, expected);
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("2 of %u decided", n);
    g_assert_cmpstr (progress_text (window), ==, expected);
    g_clear_pointer (&expected, g_free);

    /* ctrl+z brings it back, drawn again. */
    gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
    g_assert_cmpint (byline_annotation_get_status (second), ==, BYLINE_STATUS_SUGGESTED);
    g_assert_null (byline_annotation_get_reviewer (second));
    g_assert_true (is_drawn_at (window, second));
    gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl_shift);
    g_assert_cmpint (byline_annotation_get_status (second), ==, BYLINE_STATUS_REJECTED);

    /* p goes back, past the decided ones, round to the last one; n
     * comes back. */
    {
      BylineAnnotation *third = selected (window);
      g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (window->document);
      BylineAnnotation *last = sorted->pdata[sorted->len - 1];

      g_assert_true (third != NULL);
      gui_test_type_key (GTK_WIDGET (window), XK_p, NULL);
      g_assert_true (selected (window) == last);
      gui_test_type_key (GTK_WIDGET (window), XK_n, NULL);
      g_assert_true (selected (window) == third);
    }
  }

  /* The ones the test names by text are where the reading order put them. */
  g_assert_true (beijing != NULL && shanghai != NULL && wang != NULL && state != NULL);

  /* Escape leaves review mode; the bar goes. */
  gui_test_type_key (GTK_WIDGET (window), XK_Escape, NULL);
  g_assert_false (byline_window_get_reviewing (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->review_revealer));
  g_assert_false (gtk_toggle_button_get_active (window->review_button));
  review_test_close_window (window);
}

/* Label keys and e relabel and accept; shift+arrows move the edges and
 * accept; space accepts and goes on. Outside review mode shift+arrows
 * select text as ever. */
static void
test_review_fix (void)
{
  BylineWindow *window;
  BylineAnnotation *state;
  BylineAnnotation *current;
  guint start, end;
  GtkTextBuffer *buffer;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  add_suggestions (window);
  state = hand_annotation (window, 4);
  start = byline_annotation_get_start (state);
  end = byline_annotation_get_end (state);

  /* Outside review mode, shift+right selects text and leaves the
   * suggestion be. */
  byline_article_view_set_selected (window->article_view, state);
  gui_test_settle ();
  gui_test_type_key (GTK_WIDGET (window), XK_Right, shift);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpuint (byline_annotation_get_end (state), ==, end);

  /* In review mode, the selected suggestion is the current one. */
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  g_assert_true (selected (window) == state);
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));

  /* shift+left shrinks the end: "State", accepted as changed. */
  gui_test_type_key (GTK_WIDGET (window), XK_Left, shift);
  g_assert_cmpuint (byline_annotation_get_end (state), <, end);
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (state), ==, REVIEW_TEST_REVIEWER);
  {
    g_autofree char *text = byline_document_dup_annotation_text (window->document, state);
    g_assert_cmpstr (text, ==, "State");
  }
  /* shift+right grows it back; ctrl+shift+left grows the start by a word. */
  gui_test_type_key (GTK_WIDGET (window), XK_Right, shift);
  g_assert_cmpuint (byline_annotation_get_end (state), ==, end);
  gui_test_type_key (GTK_WIDGET (window), XK_Left, ctrl_shift);
  g_assert_cmpuint (byline_annotation_get_start (state), <, start);
  {
    g_autofree char *text = byline_document_dup_annotation_text (window->document, state);
    g_assert_cmpstr (text, ==, "US State Department");
  }
  gui_test_type_key (GTK_WIDGET (window), XK_Right, ctrl_shift);
  g_assert_cmpuint (byline_annotation_get_start (state), ==, start);
  /* Each move was a step: four undos bring back the suggestion. */
  for (guint i = 0; i < 4; i++)
    gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpuint (byline_annotation_get_start (state), ==, start);
  g_assert_cmpuint (byline_annotation_get_end (state), ==, end);
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_null (byline_annotation_get_reviewer (state));

  /* A label's own key: shift+g makes it a GPE, accepted. */
  gui_test_type_key (GTK_WIDGET (window), XK_g, shift);
  g_assert_cmpstr (byline_annotation_get_label (state), ==, "GPE");
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (state), ==, REVIEW_TEST_REVIEWER);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, G_N_ELEMENTS (hand));
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpstr (byline_annotation_get_label (state), ==, "ORG");
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_SUGGESTED);

  /* e opens the labels of its layer, the first (PERSON) focused: Return. */
  gui_test_type_key (GTK_WIDGET (window), XK_e, NULL);
  g_assert_true (gtk_widget_get_visible (window->label_popover));
  gui_test_type_key (GTK_WIDGET (window), XK_Return, NULL);
  g_assert_false (gtk_widget_get_visible (window->label_popover));
  g_assert_cmpstr (byline_annotation_get_label (state), ==, "PERSON");
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (state), ==, REVIEW_TEST_REVIEWER);
  gtk_widget_grab_focus (GTK_WIDGET (window->article_view));
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpstr (byline_annotation_get_label (state), ==, "ORG");

  /* space: accepted, and on to the next undecided one. */
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  g_assert_cmpint (byline_annotation_get_status (state), ==, BYLINE_STATUS_ACCEPTED);
  current = selected (window);
  g_assert_nonnull (current);
  g_assert_true (current != state);
  g_assert_cmpint (byline_annotation_get_status (current), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpuint (byline_annotation_get_start (current), >, start);
  review_test_close_window (window);
}

/* A reviewer decides every suggestion from the keyboard alone; the
 * relations follow; the saved file records every decision and who made
 * it, and reads back the same. */
static void
test_review_all_and_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sample.byline.json", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(BylineDocument) back = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  BylineWindow *window;
  BylineAnnotation *quote, *speaker;
  guint n, n_rejected = 0;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  n = add_suggestions (window);
  quote = hand_annotation (window, 5);
  speaker = hand_annotation (window, 6);
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  /* Reject every other one, accept the rest: x and space. */
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *current = selected (window);

      g_assert_nonnull (current);
      g_assert_cmpint (byline_annotation_get_status (current), ==, BYLINE_STATUS_SUGGESTED);
      if (current == quote)
        {
          /* Accepted while its speaker is not yet: the relation waits. */
          gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
          g_assert_cmpint (byline_relation_get_status (said_by (window)), ==, BYLINE_STATUS_SUGGESTED);
        }
      else if (current == speaker)
        {
          gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
          g_assert_cmpint (byline_relation_get_status (said_by (window)), ==, BYLINE_STATUS_ACCEPTED);
        }
      else if (i % 2 == 1)
        {
          gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
          n_rejected++;
        }
      else
        gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
    }
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (window->document, i);

      g_assert_cmpint (byline_annotation_get_status (a), !=, BYLINE_STATUS_SUGGESTED);
      g_assert_cmpstr (byline_annotation_get_reviewer (a), ==, REVIEW_TEST_REVIEWER);
    }
  expected = g_strdup_printf ("%u of %u decided", n, n);
  g_assert_cmpstr (progress_text (window), ==, expected);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (window->review->progress_bar), 1.0, 1e-9);
  /* Nothing left: n says so and stays. */
  gui_test_type_key (GTK_WIDGET (window), XK_n, NULL);
  g_assert_true (byline_window_get_reviewing (window));

  g_assert_true (byline_window_save_to_file (window, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"reviewer\""));
  g_assert_nonnull (strstr (saved, REVIEW_TEST_REVIEWER));
  back = byline_native_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_annotations (back), ==, n);
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (window->document, i);
      BylineAnnotation *b = byline_document_lookup_annotation (back, byline_annotation_get_id (a));

      g_assert_nonnull (b);
      g_assert_cmpint (byline_annotation_get_status (b), ==, byline_annotation_get_status (a));
      g_assert_cmpstr (byline_annotation_get_reviewer (b), ==, REVIEW_TEST_REVIEWER);
      g_assert_cmpstr (byline_annotation_get_origin (b), ==, byline_annotation_get_origin (a));
      if (byline_annotation_get_status (b) == BYLINE_STATUS_REJECTED)
        n_rejected--;
    }
  g_assert_cmpuint (n_rejected, ==, 0);
  g_assert_cmpint (byline_relation_get_status (byline_document_get_relation (back, 0)), ==,
                   BYLINE_STATUS_ACCEPTED);
  review_test_close_window (window);
  g_remove (path);
  g_rmdir (dir);
}

/* Rejected suggestions are hidden, until the menu's toggle shows them
 * (and they can be selected and accepted again). */
static void
test_rejected_hidden (void)
{
  BylineWindow *window;
  BylineAnnotation *beijing;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  add_suggestions (window);
  beijing = hand_annotation (window, 1);
  byline_article_view_set_selected (window->article_view, beijing);
  gui_test_settle ();
  /* x outside review mode: rejected, hidden, deselected. */
  gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
  g_assert_cmpint (byline_annotation_get_status (beijing), ==, BYLINE_STATUS_REJECTED);
  g_assert_false (is_drawn_at (window, beijing));
  g_assert_null (selected (window));
  g_assert_false (byline_article_view_get_show_rejected (window->article_view));

  g_action_group_change_action_state (G_ACTION_GROUP (window->layer_actions), "show-rejected",
                                      g_variant_new_boolean (TRUE));
  g_assert_true (byline_article_view_get_show_rejected (window->article_view));
  g_assert_true (is_drawn_at (window, beijing));
  byline_article_view_set_selected (window->article_view, beijing);
  gui_test_settle ();
  gui_test_type_key (GTK_WIDGET (window), XK_a, NULL);
  g_assert_cmpint (byline_annotation_get_status (beijing), ==, BYLINE_STATUS_ACCEPTED);

  g_action_group_change_action_state (G_ACTION_GROUP (window->layer_actions), "show-rejected",
                                      g_variant_new_boolean (FALSE));
  gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
  g_assert_false (is_drawn_at (window, beijing));
  review_test_close_window (window);
}

/* Bulk: accept a label above a confidence, reject an origin; each is one
 * undoable step. The popover's buttons do the same. */
static void
test_bulk (void)
{
  BylineWindow *window;
  BylineWindowReview *r;
  guint n;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  n = add_suggestions (window);

  /* PERSON ≥ 0.9: Antony Blinken (0.95), not Wang Yi (0.60). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-all", "(sd)", "PERSON", 0.9);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 0)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (hand_annotation (window, 0)), ==, REVIEW_TEST_REVIEWER);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 3)), ==, BYLINE_STATUS_SUGGESTED);
  /* Every label ≥ 0.8: Beijing and Shanghai too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-all", "(sd)", "", 0.8);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 1)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 2)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 4)), ==, BYLINE_STATUS_SUGGESTED);
  /* One undo takes back the second bulk decision, all of it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 0)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 1)), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 2)), ==, BYLINE_STATUS_SUGGESTED);

  /* Every undecided quote suggestion rejected, the relation with them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reject-origin", "s", "rules:quotes");
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 5)), ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 6)), ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpint (byline_relation_get_status (said_by (window)), ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 3)), ==, BYLINE_STATUS_SUGGESTED);
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 5)), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 6)), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpint (byline_relation_get_status (said_by (window)), ==, BYLINE_STATUS_SUGGESTED);

  /* The popover: its choices list what is undecided, its buttons count. */
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  r = window->review;
  /* b opens it. */
  gui_test_type_key (GTK_WIDGET (window), XK_b, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (r->bulk_popover)));
  /* All labels (n - 1: Blinken is accepted), then the labels, sorted. */
  {
    GListModel *labels = gtk_drop_down_get_model (r->bulk_label_dropdown);
    GListModel *origins = gtk_drop_down_get_model (r->bulk_origin_dropdown);
    g_autofree char *all = g_strdup_printf ("All labels (%u)", n - 1);

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, all);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "GPE (2)");
    g_assert_cmpuint (g_list_model_get_n_items (origins), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (origins), 0), ==, "rules:entities (4)");
    /* GPE ≥ 0.85: Beijing and Shanghai. */
    gtk_drop_down_set_selected (r->bulk_label_dropdown, 1);
    gtk_spin_button_set_value (r->bulk_confidence, 0.85);
    g_assert_cmpstr (gtk_button_get_label (r->bulk_accept_button), ==, "Accept 2 Suggestions");
    gtk_drop_down_set_selected (r->bulk_origin_dropdown, 1);
    g_assert_cmpstr (gtk_button_get_label (r->bulk_reject_button), ==, "Reject 2 Suggestions");
  }
  g_signal_emit_by_name (r->bulk_accept_button, "clicked");
  gui_test_settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (r->bulk_popover)));
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 1)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 2)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 3)), ==, BYLINE_STATUS_SUGGESTED);
  {
    g_autofree char *expected = g_strdup_printf ("3 of %u decided", n);
    g_assert_cmpstr (progress_text (window), ==, expected);
  }
  review_test_close_window (window);
}

/* The widget with that buildable id in @root. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *id)
{
  GtkWidget *found = NULL;

  /* The panel makes its widgets after the window's first frames. */
  for (guint i = 0; i < 100 && found == NULL; i++)
    {
      g_autoptr(GPtrArray) all = gui_test_find_all (root, GTK_TYPE_WIDGET, id, NULL, NULL);

      g_assert_cmpuint (all->len, <=, 1);
      if (all->len == 1)
        found = all->pdata[0];
      else
        gui_test_settle ();
    }
  g_assert_nonnull (found);
  return found;
}

/* The panel filters by origin and by confidence; rows say the
 * confidence. */
static void
test_panel_filters (void)
{
  BylineWindow *window;
  GtkDropDown *origin;
  GtkDropDown *confidence;
  GListModel *model;
  guint quotes = G_MAXUINT;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  add_suggestions (window);
  origin = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window->annotation_panel), "origin_dropdown"));
  confidence = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window->annotation_panel), "confidence_dropdown"));
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (window->annotation_panel), ==, G_N_ELEMENTS (hand));

  model = gtk_drop_down_get_model (origin);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "All origins");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "rules:quotes (2)"))
        quotes = i;
    }
  g_assert_cmpuint (quotes, !=, G_MAXUINT);
  gtk_drop_down_set_selected (origin, quotes);
  gui_test_settle ();
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (window->annotation_panel), ==, 2);
  gtk_drop_down_set_selected (origin, 0);
  gui_test_settle ();

  /* ≥ 0.8: Blinken, Beijing, Shanghai; ≥ 0.9: Blinken, Beijing. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (confidence)), 3), ==,
                   "≥ 0.8");
  gtk_drop_down_set_selected (confidence, 3);
  gui_test_settle ();
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (window->annotation_panel), ==, 3);
  gtk_drop_down_set_selected (confidence, 4);
  gui_test_settle ();
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (window->annotation_panel), ==, 2);
  /* With the origin too. */
  gtk_drop_down_set_selected (origin, quotes);
  gui_test_settle ();
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (window->annotation_panel), ==, 0);
  gtk_drop_down_set_selected (origin, 0);
  gtk_drop_down_set_selected (confidence, 0);
  gui_test_settle ();
  g_assert_cmpuint (byline_annotation_panel_get_n_shown (window->annotation_panel), ==, G_N_ELEMENTS (hand));

  /* The accessible names of the new controls. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (origin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Filter by origin");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (confidence), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Filter by confidence");
  review_test_close_window (window);
}

/* Every control of the bar, the bulk popover, the header's Suggest and
 * Review buttons and the command dialog has a name for screen readers. */
static void
test_accessible (void)
{
  BylineWindow *window;
  GtkWindow *preferences;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = review_test_open_sample ();
  add_suggestions (window);
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  gui_test_assert_accessible_labels (GTK_WIDGET (window));
  gui_test_assert_accessible_labels (GTK_WIDGET (window->review->bulk_popover));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->suggest_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Suggest Annotations");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window->review_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Review Suggestions");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest-preferences", NULL);
  gui_test_settle ();
  preferences = GTK_WINDOW (window->review->preferences);
  g_assert_nonnull (preferences);
  gui_test_assert_accessible_labels (GTK_WIDGET (preferences));
  gtk_window_destroy (preferences);
  gui_test_settle ();
  g_assert_null (window->review->preferences);
  review_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  have_display = review_test_init (&argc, &argv, "io.github.byline.Byline.TestReview");

  g_test_add_func ("/gui/review/keys", test_review_keys);
  g_test_add_func ("/gui/review/fix", test_review_fix);
  g_test_add_func ("/gui/review/all-and-save", test_review_all_and_save);
  g_test_add_func ("/gui/review/rejected-hidden", test_rejected_hidden);
  g_test_add_func ("/gui/review/bulk", test_bulk);
  g_test_add_func ("/gui/review/panel-filters", test_panel_filters);
  g_test_add_func ("/gui/review/accessible", test_accessible);

  return review_test_run ();
}

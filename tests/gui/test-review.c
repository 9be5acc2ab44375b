/* test-review.c: reviewing suggestions from the keyboard, as a user does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like test-annotate.c, these tests type real keys through the X server's
 * XTEST extension (Xvfb has it), so the events go through GTK's whole input
 * path. The suggestions are made by hand (byline_suggestions_add_span, then
 * byline_suggestions_apply, as Suggest does), so the tests do not depend on
 * what the extractors find; one test runs Suggest itself with the extractors
 * this build has.
 *
 * With BYLINE_SCREENSHOT_DIR set, /gui/review/screenshot saves review.png
 * there: the sample article in review mode after a real Suggest.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include <adwaita.h>

#include "byline-application.h"
#include "byline-native.h"
#include "byline-review-private.h"
#include "byline-suggest.h"
#include "byline-window.h"
#include "byline-window-private.h"

#include "gui-test-util.h"
#include "gui-test-xtest.h"

#define REVIEWER "Test Reviewer"

static gboolean have_display;
static GtkApplication *app;

static const KeySym shift[] = { XK_Shift_L, 0 };
static const KeySym ctrl[] = { XK_Control_L, 0 };
static const KeySym ctrl_shift[] = { XK_Control_L, XK_Shift_L, 0 };

static BylineWindow *
open_file (const char *path,
           int         width,
           int         height)
{
  BylineWindow *window = gui_test_create_window (app, width, height);

  gui_test_load_file (window, path);
  byline_window_set_layer (window, "entities");
  gtk_widget_grab_focus (GTK_WIDGET (window->article_view));
  gui_test_settle ();
  return window;
}

/* The sample article, without annotations. */
static BylineWindow *
open_sample (void)
{
  g_autofree char *path = gui_test_sample_path ("blinken-china-nbc.txt");

  return open_file (path, 1200, 800);
}

static void
close_window (BylineWindow *window)
{
  /* A worker holds the window until it is back, cancelled or not. */
  while (byline_window_get_suggesting (window) || window->review->n_suggest_workers > 0)
    g_main_context_iteration (NULL, TRUE);
  gui_test_discard_window (window);
}

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
position_text (BylineWindow *window)
{
  return gtk_label_get_label (window->review->position_label);
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
  window = open_sample ();
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
  g_assert_cmpstr (position_text (window), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("0 of %u decided", n);
  g_assert_cmpstr (progress_text (window), ==, expected);
  g_clear_pointer (&expected, g_free);

  /* a: accepted, by the reviewer, still the current one. */
  gui_test_type_key (GTK_WIDGET (window), XK_a, NULL);
  g_assert_cmpint (byline_annotation_get_status (blinken), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (blinken), ==, REVIEWER);
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
    g_assert_cmpstr (position_text (window), ==, expected);
    g_clear_pointer (&expected, g_free);

    /* x: rejected, hidden, and the next undecided one is current. */
    gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
    g_assert_cmpint (byline_annotation_get_status (second), ==, BYLINE_STATUS_REJECTED);
    g_assert_cmpstr (byline_annotation_get_reviewer (second), ==, REVIEWER);
    g_assert_false (is_drawn_at (window, second));
    g_assert_nonnull (selected (window));
    g_assert_true (selected (window) != second);
    g_assert_cmpint (byline_annotation_get_status (selected (window)), ==, BYLINE_STATUS_SUGGESTED);
    expected = g_strdup_printf ("Suggestion 3 of %u", n);
    g_assert_cmpstr (position_text (window), ==, expected);
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
  close_window (window);
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
  window = open_sample ();
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
  g_assert_cmpstr (byline_annotation_get_reviewer (state), ==, REVIEWER);
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
  g_assert_cmpstr (byline_annotation_get_reviewer (state), ==, REVIEWER);
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
  g_assert_cmpstr (byline_annotation_get_reviewer (state), ==, REVIEWER);
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
  close_window (window);
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
  window = open_sample ();
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
      g_assert_cmpstr (byline_annotation_get_reviewer (a), ==, REVIEWER);
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
  g_assert_nonnull (strstr (saved, REVIEWER));
  back = byline_native_load_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_annotations (back), ==, n);
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (window->document, i);
      BylineAnnotation *b = byline_document_lookup_annotation (back, byline_annotation_get_id (a));

      g_assert_nonnull (b);
      g_assert_cmpint (byline_annotation_get_status (b), ==, byline_annotation_get_status (a));
      g_assert_cmpstr (byline_annotation_get_reviewer (b), ==, REVIEWER);
      g_assert_cmpstr (byline_annotation_get_origin (b), ==, byline_annotation_get_origin (a));
      if (byline_annotation_get_status (b) == BYLINE_STATUS_REJECTED)
        n_rejected--;
    }
  g_assert_cmpuint (n_rejected, ==, 0);
  g_assert_cmpint (byline_relation_get_status (byline_document_get_relation (back, 0)), ==,
                   BYLINE_STATUS_ACCEPTED);
  close_window (window);
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
  window = open_sample ();
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
  close_window (window);
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
  window = open_sample ();
  n = add_suggestions (window);

  /* PERSON ≥ 0.9: Antony Blinken (0.95), not Wang Yi (0.60). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-all", "(sd)", "PERSON", 0.9);
  g_assert_cmpint (byline_annotation_get_status (hand_annotation (window, 0)), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_reviewer (hand_annotation (window, 0)), ==, REVIEWER);
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
  close_window (window);
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
  window = open_sample ();
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
  close_window (window);
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
  window = open_sample ();
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
  close_window (window);
}

static void
wait_suggest (BylineWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (byline_window_get_suggesting (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (byline_window_get_suggesting (window));
  gui_test_settle ();
}

static gboolean
have_extractors (void)
{
  const BylineExtractor * const *extractors = byline_extractors_list ();

  for (guint i = 0; extractors[i] != NULL; i++)
    {
      if (extractors[i]->run != NULL)
        return TRUE;
    }
  return FALSE;
}

/* win.suggest (shift+ctrl+r) with the extractors of this build: a spinner
 * while it runs, then the suggestions as one undoable step; Suggest again
 * adds nothing. Stopping adds nothing. */
static void
test_suggest (void)
{
  BylineWindow *window;
  guint n;

  if (gui_test_skip_without_x11 (have_display))
    return;
  if (!have_extractors ())
    {
      g_test_skip ("no built-in extractor in this build");
      return;
    }
  window = open_sample ();
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl_shift);
  g_assert_true (byline_window_get_suggesting (window) ||
                 byline_document_get_n_annotations (window->document) > 0);
  if (byline_window_get_suggesting (window))
    {
      g_assert_true (gtk_spinner_get_spinning (window->suggest_spinner));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "running");
    }
  wait_suggest (window);
  g_assert_false (gtk_spinner_get_spinning (window->suggest_spinner));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "idle");
  n = byline_document_get_n_annotations (window->document);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (window->document, i);

      g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
      g_assert_true (g_str_has_prefix (byline_annotation_get_origin (a), "rules:"));
    }

  /* Again: nothing new. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, n);

  /* Review mode goes through them all, in reading order, with space. */
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  {
    g_autofree char *expected = g_strdup_printf ("Suggestion 1 of %u", n);
    g_assert_cmpstr (position_text (window), ==, expected);
  }
  gui_test_type_key (GTK_WIDGET (window), XK_Escape, NULL);

  /* One undo takes them all away. */
  gui_test_type_key (GTK_WIDGET (window), XK_z, ctrl);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);

  /* Started and stopped at once: nothing is added, the button is idle. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "idle");

  /* Only the checked extractors run. */
  g_action_group_change_action_state (G_ACTION_GROUP (window->review->suggest_actions), "quotes",
                                      g_variant_new_boolean (FALSE));
  g_action_group_change_action_state (G_ACTION_GROUP (window->review->suggest_actions), "claims",
                                      g_variant_new_boolean (FALSE));
  if (byline_extractor_lookup ("entities")->run != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
      wait_suggest (window);
      n = byline_document_get_n_annotations (window->document);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        g_assert_cmpstr (byline_annotation_get_origin (byline_document_get_annotation (window->document, i)),
                         ==, "rules:entities");
    }
  g_settings_reset (window->settings, "suggest-extractors");
  close_window (window);
}

/* The user's own model: a command that fails shows what it wrote to
 * stderr. (The extractors are unchecked, so only the command runs.) */
static void
test_suggest_command_error (void)
{
  BylineWindow *window;
  GtkWindow *dialog;
  g_autoptr(GSettings) settings = NULL;

  if (gui_test_skip_without_x11 (have_display))
    return;
  window = open_sample ();
  settings = g_object_ref (window->settings);
  for (const BylineExtractor * const *e = byline_extractors_list (); *e != NULL; e++)
    g_action_group_change_action_state (G_ACTION_GROUP (window->review->suggest_actions), (*e)->name,
                                        g_variant_new_boolean (FALSE));
  /* Nothing checked, no command: a toast, no run. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  g_assert_false (byline_window_get_suggesting (window));

  g_settings_set_string (settings, "suggest-command", "sh -c 'cat >/dev/null; echo model exploded >&2; exit 3'");
  gui_test_settle ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window->review->suggest_actions), "command"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  dialog = gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The Suggestion Command Failed");
  if (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "not available") != NULL)
    {
      /* The command runner is not in this build yet. */
      g_test_message ("suggestion commands are not available: stderr not checked");
    }
  else
    {
      GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
      GtkWidget *label;

      g_assert_nonnull (extra);
      label = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra));
      if (GTK_IS_VIEWPORT (label))
        label = gtk_viewport_get_child (GTK_VIEWPORT (label));
      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "model exploded"));
    }
  gtk_window_destroy (dialog);
  g_assert_cmpuint (byline_document_get_n_annotations (window->document), ==, 0);
  g_settings_reset (settings, "suggest-command");
  g_settings_reset (settings, "suggest-extractors");
  close_window (window);
}

/* Another document cancels a run for the one before. */
static void
test_suggest_cancelled_by_new_document (void)
{
  BylineWindow *window;
  g_autoptr(BylineDocument) other = NULL;
  g_autoptr(GError) error = NULL;

  if (gui_test_skip_without_x11 (have_display))
    return;
  if (!have_extractors ())
    {
      g_test_skip ("no built-in extractor in this build");
      return;
    }
  window = open_sample ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  g_assert_true (byline_window_get_suggesting (window));
  other = byline_document_new ();
  g_assert_true (byline_document_set_text (other, "Another article, about Paris.", -1, &error));
  byline_document_mark_loaded (other);
  byline_window_set_document (window, other, NULL);
  g_assert_false (byline_window_get_suggesting (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->suggest_stack), ==, "idle");
  /* Let the worker end: its result is dropped. */
  while (window->review->n_suggest_workers > 0)
    g_main_context_iteration (NULL, TRUE);
  gui_test_settle ();
  g_assert_cmpuint (byline_document_get_n_annotations (other), ==, 0);
  close_window (window);
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* BYLINE_SCREENSHOT_DIR=DIR: the sample article after Suggest, in
 * review mode, a few suggestions decided and rejected ones shown. */
static void
test_screenshot (void)
{
  const char *dir = g_getenv ("BYLINE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *sample = NULL;
  BylineWindow *window;

  if (dir == NULL)
    {
      g_test_skip ("set BYLINE_SCREENSHOT_DIR to take it");
      return;
    }
  if (gui_test_skip_without_x11 (have_display))
    return;
  if (!have_extractors ())
    {
      g_test_skip ("no built-in extractor in this build");
      return;
    }
  sample = gui_test_sample_path ("blinken-china-nbc.txt");
  window = open_file (sample, 1280, 860);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest", NULL);
  wait_suggest (window);
  gui_test_type_key (GTK_WIDGET (window), XK_r, ctrl);
  /* Decide a few, so that accepted, suggested and the current one show. */
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_x, NULL);
  gui_test_type_key (GTK_WIDGET (window), XK_space, NULL);
  for (guint i = 0; i < 20; i++)
    gui_test_settle ();
  path = g_build_filename (dir, "review.png", NULL);
  save_png (GTK_WIDGET (window), path);

  /* For a look, not for the metainfo: the bulk popover, the command
   * dialog, and rejected suggestions shown in the dark style. */
  gui_test_type_key (GTK_WIDGET (window), XK_b, NULL);
  for (guint i = 0; i < 10; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-bulk.png", NULL);
  save_png (GTK_WIDGET (window->review->bulk_popover), path);
  gtk_popover_popdown (window->review->bulk_popover);
  gtk_menu_button_popup (window->suggest_menu_button);
  for (guint i = 0; i < 10; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-suggest-menu.png", NULL);
  save_png (GTK_WIDGET (gtk_menu_button_get_popover (window->suggest_menu_button)), path);
  gtk_menu_button_popdown (window->suggest_menu_button);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.suggest-preferences", NULL);
  for (guint i = 0; i < 10; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-preferences.png", NULL);
  save_png (window->review->preferences, path);
  gtk_window_destroy (GTK_WINDOW (window->review->preferences));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_action_group_change_action_state (G_ACTION_GROUP (window->layer_actions), "show-rejected",
                                      g_variant_new_boolean (TRUE));
  for (guint i = 0; i < 20; i++)
    gui_test_settle ();
  g_free (path);
  path = g_build_filename (dir, "review-dark.png", NULL);
  save_png (GTK_WIDGET (window), path);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);
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
      g_autoptr(GSettings) settings = NULL;

      adw_init ();
      app = GTK_APPLICATION (g_object_new (BYLINE_TYPE_APPLICATION,
                                           "application-id", "io.github.byline.Byline.TestReview",
                                           "flags", G_APPLICATION_NON_UNIQUE,
                                           "resource-base-path", "/io/github/byline/Byline",
                                           NULL));
      g_application_register (G_APPLICATION (app), NULL, NULL);
      /* The memory backend: decisions are recorded under this name. */
      settings = g_settings_new (APP_ID);
      g_settings_set_string (settings, "reviewer", REVIEWER);
    }

  g_test_add_func ("/gui/review/keys", test_review_keys);
  g_test_add_func ("/gui/review/fix", test_review_fix);
  g_test_add_func ("/gui/review/all-and-save", test_review_all_and_save);
  g_test_add_func ("/gui/review/rejected-hidden", test_rejected_hidden);
  g_test_add_func ("/gui/review/bulk", test_bulk);
  g_test_add_func ("/gui/review/panel-filters", test_panel_filters);
  g_test_add_func ("/gui/review/accessible", test_accessible);
  g_test_add_func ("/gui/review/suggest", test_suggest);
  g_test_add_func ("/gui/review/suggest-command-error", test_suggest_command_error);
  g_test_add_func ("/gui/review/suggest-cancelled", test_suggest_cancelled_by_new_document);
  g_test_add_func ("/gui/review/screenshot", test_screenshot);
  {
    int status = g_test_run ();

    g_clear_object (&app);
    return status;
  }
}

/* test-article-view-idle.c: the article view's work after a document
 * is shown: a long article tagged in idle time, the article tokenized in
 * a worker, and how long a large document takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "byline-article-view.h"
#include "byline-tokenizer.h"

#include "gui-test-util.h"

/* Whether GTK could open a display: without one every test skips. */
static gboolean have_display;

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

  if (gui_test_skip_without_display (have_display))
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
  gui_test_assert_tag_covers (view, gpe, g_array_index (chinas, guint, 0), g_array_index (chinas, guint, 0) + 5);
  far = g_array_index (chinas, guint, n - 1);
  gui_test_assert_tag_absent (view, gpe, far, far + 5);

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
  gui_test_add_annotation (document, "entities", "PERSON", person_start, person_start + strlen ("Antony Blinken"),
                           BYLINE_STATUS_MANUAL);
  byline_article_view_set_selected (view, byline_document_lookup_annotation (document, moved_id));

  wait_until_fully_tagged (view);

  for (guint i = 0; i < n; i++)
    {
      guint s = g_array_index (chinas, guint, i);

      if (s == removed_start || s == moved_start)
        gui_test_assert_tag_absent (view, gpe, s, s + 5);
      else
        gui_test_assert_tag_covers (view, gpe, s, s + 5);
    }
  gui_test_assert_tag_covers (view, gpe, moved_start + 5 + 80, moved_start + 5 + 82);
  gui_test_assert_tag_covers (view, person, person_start, person_start + strlen ("Antony Blinken"));
  gui_test_assert_tag_covers (view, claim, 100, n_chars - 100);
  gui_test_assert_tag_covers (view,
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

  if (gui_test_skip_without_display (have_display))
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

  if (gui_test_skip_without_display (have_display))
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

  g_test_add_func ("/gui/article-view/tokens-near", test_tokens_near);
  g_test_add_func ("/gui/article-view/idle-tagging", test_idle_tagging);
  g_test_add_func ("/gui/article-view/speed", test_speed);

  return g_test_run ();
}

/* extract-test-util.c: what the extractors' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "extract-test-util.h"

/* The sample article's text, data/samples/blinken-china-nbc.txt. */
char *
extract_test_read_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Runs the extractor called @extractor on @text into @s, which must
 * succeed. */
void
extract_test_run (BylineSuggestions *s,
                  const char        *text,
                  const char        *extractor)
{
  const char * const names[] = { extractor, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_suggestions_run (s, text, names, NULL, &error));
  g_assert_no_error (error);
}

/* The text @a covers in @text. */
char *
extract_test_span_text (const char       *text,
                        BylineAnnotation *a)
{
  return g_utf8_substring (text, byline_annotation_get_start (a), byline_annotation_get_end (a));
}

/* @extractor, run on @text when already cancelled, fails as cancelled. */
void
extract_test_assert_cancelled (const BylineExtractor *extractor,
                               const char            *text)
{
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (extractor->run (text, s, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

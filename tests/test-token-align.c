/* test-token-align.c: cutting tokens where spans need them, for the
 * token formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "byline-token-align.h"

#include "format-test-util.h"

/* ---- Token alignment ---------------------------------------------------- */

static BylineTokenAlignment *
align_all (BylineDocument   *doc,
           BylineAlignFlags  flags)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);

  return byline_token_alignment_new (doc, sorted, flags);
}

static char *
describe_tokens (BylineDocument       *doc,
                 BylineTokenAlignment *align)
{
  GString *out = g_string_new (NULL);
  const char *text = byline_document_get_text (doc);

  for (guint i = 0; i < align->tokens->len; i++)
    {
      const BylineAlignedToken *t = &g_array_index (align->tokens, BylineAlignedToken, i);

      g_string_append_printf (out, "%s%.*s", i > 0 ? "|" : "", (int) (t->end_byte - t->start_byte),
                              text + t->start_byte);
    }
  return g_string_free (out, FALSE);
}

/* Every kept span starts at the start of a token and ends at the end of
 * one: spaCy's char_span with strict alignment finds it. */
static void
assert_char_span (BylineTokenAlignment *align)
{
  for (guint i = 0; i < align->spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (align->spans, BylineAlignedSpan, i);
      gboolean start_ok = FALSE;
      gboolean end_ok = FALSE;

      if (span->dropped != BYLINE_SPAN_KEPT)
        continue;
      for (guint t = 0; t < align->tokens->len; t++)
        {
          const BylineAlignedToken *tok = &g_array_index (align->tokens, BylineAlignedToken, t);

          start_ok = start_ok || (tok->start == span->start && t == span->token_start);
          end_ok = end_ok || (tok->end == span->end && t == span->token_end);
        }
      g_assert_true (start_ok);
      g_assert_true (end_ok);
    }
}

static void
test_align_inside_words (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "The US-China talks, 10km away.");
  g_autoptr(BylineTokenAlignment) plain = align_all (doc, BYLINE_ALIGN_DEFAULT);
  g_autoptr(BylineTokenAlignment) align = NULL;
  g_autofree char *before = describe_tokens (doc, plain);
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, ==, "The|US-China|talks|,|10km|away|.");
  format_test_add (doc, "entities", "GPE", 4, 6);
  format_test_add (doc, "entities", "QUANTITY", 20, 22);
  align = align_all (doc, BYLINE_ALIGN_DEFAULT);
  after = describe_tokens (doc, align);
  g_assert_cmpstr (after, ==, "The|US|-China|talks|,|10|km|away|.");
  assert_char_span (align);
  g_assert_cmpuint (g_array_index (align->spans, BylineAlignedSpan, 0).token_start, ==, 1);
  g_assert_cmpuint (g_array_index (align->spans, BylineAlignedSpan, 1).token_end, ==, 5);
}

static void
test_align_whitespace (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "Said  Smith \n to Jones.");
  g_autoptr(BylineTokenAlignment) align = NULL;
  const BylineAlignedSpan *span;

  format_test_add (doc, "entities", "PERSON", 5, 13);   /* " Smith \n" */
  format_test_add (doc, "entities", "CARDINAL", 11, 14);  /* " \n " */
  align = align_all (doc, BYLINE_ALIGN_DEFAULT);
  span = &g_array_index (align->spans, BylineAlignedSpan, 0);
  g_assert_cmpuint (span->start, ==, 6);
  g_assert_cmpuint (span->end, ==, 11);
  g_assert_true (span->moved);
  g_assert_cmpint (span->dropped, ==, BYLINE_SPAN_KEPT);
  span = &g_array_index (align->spans, BylineAlignedSpan, 1);
  g_assert_cmpint (span->dropped, ==, BYLINE_SPAN_DROPPED_WHITESPACE);
  assert_char_span (align);
}

static void
test_align_overlaps (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "aa bb cc dd ee ff gg");
  g_autoptr(BylineTokenAlignment) align = NULL;
  static const BylineSpanDrop want[] = {
    BYLINE_SPAN_KEPT, BYLINE_SPAN_DROPPED_OVERLAP, BYLINE_SPAN_DROPPED_OVERLAP,
    BYLINE_SPAN_KEPT, BYLINE_SPAN_DROPPED_OVERLAP, BYLINE_SPAN_KEPT,
  };
  static const char * const labels[] = { "A", "B", "C", "D", "E", "F" };

  format_test_add (doc, "entities", "A", 0, 8);    /* aa bb cc: the longest */
  format_test_add (doc, "entities", "B", 3, 5);    /* bb, inside it */
  format_test_add (doc, "entities", "C", 6, 11);   /* cc dd: crosses its end */
  format_test_add (doc, "entities", "D", 9, 14);   /* dd ee: as long as E, earlier */
  format_test_add (doc, "entities", "E", 12, 17);  /* ee ff */
  format_test_add (doc, "entities", "F", 18, 20);  /* gg */
  align = align_all (doc, BYLINE_ALIGN_NO_OVERLAPS);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const BylineAlignedSpan *span = &g_array_index (align->spans, BylineAlignedSpan, i);

      g_assert_cmpstr (byline_annotation_get_label (span->annotation), ==, labels[i]);
      g_assert_cmpint (span->dropped, ==, want[i]);
    }
  assert_char_span (align);
}

static void
test_align_sentences (void)
{
  const char *text = "He said: \xe2\x80\x9cWe will win. They will lose.\xe2\x80\x9d Then he left. Bye.";
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", text);
  g_autoptr(BylineTokenAlignment) plain = align_all (doc, BYLINE_ALIGN_SENTENCES);
  g_autoptr(BylineTokenAlignment) merged = NULL;
  guint n_plain = plain->sentences->len;
  const BylineAlignedSentence *s = NULL;

  g_assert_cmpuint (n_plain, >=, 4);
  format_test_add (doc, "speakers", "QUOTE",
                   format_test_at (text, "\xe2\x80\x9c"), format_test_at (text, " Then"));
  merged = align_all (doc, BYLINE_ALIGN_SENTENCES);
  g_assert_cmpuint (merged->sentences->len, ==, n_plain - 1);
  /* They cover every token, in order. */
  for (guint k = 0; k < merged->sentences->len; k++)
    {
      s = &g_array_index (merged->sentences, BylineAlignedSentence, k);
      g_assert_cmpuint (s->token_start, ==, k == 0 ? 0 : g_array_index (merged->sentences, BylineAlignedSentence, k - 1).token_end);
      g_assert_cmpuint (s->token_start, <, s->token_end);
    }
  g_assert_nonnull (s);
  g_assert_cmpuint (s->token_end, ==, merged->tokens->len);
}

static void
test_align_adversarial (void)
{
  const char *text = FORMAT_TEST_ADVERSARIAL;
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", text);
  g_autoptr(BylineTokenAlignment) align = NULL;
  g_autofree char *tokens = NULL;

  format_test_add (doc, "entities", "GPE", format_test_at (text, "US"), format_test_at (text, "US") + 2);
  format_test_add (doc, "entities", "GPE",
                   format_test_at (text, "China"), format_test_at (text, "China") + 5);
  format_test_add (doc, "entities", "FAC",
                   format_test_at (text, "cafe"), format_test_at (text, "cafe") + 4);  /* without the accent */
  format_test_add (doc, "entities", "X",
                   format_test_at (text, "\xf0\x9f\x91\xa9"), format_test_at (text, "\xf0\x9f\x91\xa9") + 1);
  align = align_all (doc, BYLINE_ALIGN_SENTENCES);
  assert_char_span (align);
  tokens = describe_tokens (doc, align);
  g_assert_nonnull (strstr (tokens, "|US|-|China|cafe|\xcc\x81|"));
  g_assert_nonnull (strstr (tokens, "|\xf0\x9f\x91\xa8\xe2\x80\x8d|\xf0\x9f\x91\xa9|\xe2\x80\x8d\xf0\x9f\x91\xa7|"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/token-align/inside-words", test_align_inside_words);
  g_test_add_func ("/token-align/whitespace", test_align_whitespace);
  g_test_add_func ("/token-align/overlaps", test_align_overlaps);
  g_test_add_func ("/token-align/sentences", test_align_sentences);
  g_test_add_func ("/token-align/adversarial", test_align_adversarial);

  return g_test_run ();
}

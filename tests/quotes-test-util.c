/* quotes-test-util.c: what the quotes extractor's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected spans are given as the text they cover and found in the text
 * by searching for it, so every offset is checked in code points.
 */
#include <string.h>

#include "byline-relation.h"

#include "extract-test-util.h"
#include "quotes-test-util.h"

/* Whether @needle at @p in @text stands as whole words: "he" is not in
 * "the". */
static gboolean
is_whole (const char *text,
          const char *p,
          const char *needle)
{
  const char *after = p + strlen (needle);
  gunichar first = g_utf8_get_char (needle);
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (needle, needle + strlen (needle)));

  if (g_unichar_isalnum (first) && p > text &&
      g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, p))))
    return FALSE;
  return !(g_unichar_isalnum (last) && *after != '\0' && g_unichar_isalnum (g_utf8_get_char (after)));
}

/* The code point offset of the @nth (from 0) whole-word occurrence of
 * @needle in @text. */
guint
quotes_test_offset_of (const char *text,
                       const char *needle,
                       guint       nth)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (is_whole (text, p, needle) && nth-- == 0)
        return (guint) g_utf8_pointer_to_offset (text, p);
      p += strlen (needle);
    }
}

/* Runs the quotes extractor on @text, after PERSON suggestions over the
 * first occurrence of each of the NULL-terminated names (as the entities
 * extractor would have found them). */
BylineSuggestions *
quotes_test_run_with_people (const char *text,
                             ...)
{
  BylineSuggestions *s = byline_suggestions_new ();
  const char *person;
  va_list args;

  byline_suggestions_set_origin (s, "test:entities");
  va_start (args, text);
  while ((person = va_arg (args, const char *)) != NULL)
    {
      guint start = quotes_test_offset_of (text, person, 0);

      g_assert_nonnull (byline_suggestions_add_span (s, "entities", "PERSON", start,
                                                     start + g_utf8_strlen (person, -1), 0.9));
    }
  va_end (args);
  extract_test_run (s, text, "quotes");
  return s;
}

/* The suggestion with @label over exactly the @nth occurrence of @what,
 * or NULL. */
BylineAnnotation *
quotes_test_find_nth (BylineSuggestions *s,
                      const char        *text,
                      const char        *label,
                      const char        *what,
                      guint              nth)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint start = quotes_test_offset_of (text, what, nth);
  guint end = start + g_utf8_strlen (what, -1);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      if (g_str_equal (byline_annotation_get_label (a), label) &&
          byline_annotation_get_start (a) == start && byline_annotation_get_end (a) == end)
        return a;
    }
  return NULL;
}

BylineAnnotation *
quotes_test_expect_nth (BylineSuggestions *s,
                        const char        *text,
                        const char        *label,
                        const char        *what,
                        guint              nth)
{
  BylineAnnotation *a = quotes_test_find_nth (s, text, label, what, nth);

  if (a == NULL)
    g_error ("no %s over “%s” (occurrence %u) in “%.60s…”", label, what, nth, text);
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "speakers");
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "rules:quotes");
  return a;
}

guint
quotes_test_count_label (BylineSuggestions *s,
                         const char        *label)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      if (g_str_equal (byline_annotation_get_label (all->pdata[i]), label))
        n++;
    }
  return n;
}

/* The annotation @from points to with a relation of @type, or NULL; there
 * must be at most one. */
BylineAnnotation *
quotes_test_relation_target (BylineSuggestions *s,
                             const char        *type,
                             BylineAnnotation  *from)
{
  GPtrArray *relations = byline_suggestions_get_relations (s);
  BylineAnnotation *found = NULL;

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_str_equal (byline_relation_get_relation_type (r), type) &&
          g_str_equal (byline_relation_get_from (r), byline_annotation_get_id (from)))
        {
          g_assert_null (found);
          found = byline_suggestions_lookup (s, byline_relation_get_to (r));
          g_assert_nonnull (found);
        }
    }
  return found;
}

double
quotes_test_confidence_of (BylineAnnotation *a)
{
  double c = -1;

  g_assert_true (byline_annotation_get_confidence (a, &c));
  g_assert_cmpfloat (c, >, 0);
  g_assert_cmpfloat (c, <=, 1);
  return c;
}

/* A QUOTE over @quote said by a SPEAKER over the text @speaker, with a
 * CUE over the text @cue (NULL: no cue). */
BylineAnnotation *
quotes_test_expect_attribution (BylineSuggestions *s,
                                const char        *text,
                                const char        *quote,
                                const char        *speaker,
                                const char        *cue,
                                const char        *type)
{
  BylineAnnotation *q = quotes_test_expect (s, text, "QUOTE", quote);
  BylineAnnotation *sp = quotes_test_relation_target (s, "said_by", q);
  BylineAnnotation *c = quotes_test_relation_target (s, "cue", q);
  g_autofree char *sp_text = NULL;
  g_autofree char *c_text = NULL;

  g_test_message ("quote %s, speaker %s", quote, speaker);
  g_assert_cmpstr (byline_annotation_get_attribute_string (q, "quote_type"), ==, type);
  g_assert_nonnull (sp);
  g_assert_cmpstr (byline_annotation_get_label (sp), ==, "SPEAKER");
  sp_text = extract_test_span_text (text, sp);
  g_assert_cmpstr (sp_text, ==, speaker);
  if (cue != NULL)
    {
      g_assert_nonnull (c);
      g_assert_cmpstr (byline_annotation_get_label (c), ==, "CUE");
      c_text = extract_test_span_text (text, c);
      g_assert_cmpstr (c_text, ==, cue);
    }
  else
    g_assert_null (c);
  return q;
}

/* Every suggestion lies within the text and is not empty. */
void
quotes_test_check_bounds (BylineSuggestions *s,
                          const char        *text)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint n = g_utf8_strlen (text, -1);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      g_assert_cmpuint (byline_annotation_get_start (a), <, byline_annotation_get_end (a));
      g_assert_cmpuint (byline_annotation_get_end (a), <=, n);
      quotes_test_confidence_of (a);
    }
}

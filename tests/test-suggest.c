/* test-suggest.c: suggestions, and applying them to a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "byline-error.h"
#include "byline-relation.h"
#include "byline-suggest.h"

/* "“We will win,” said Smith." with a manual PERSON on Smith and a
 * rejected suggestion CUE on said. */
static BylineDocument *
make_document (void)
{
  BylineDocument *doc = byline_document_new ();
  g_autoptr(BylineAnnotation) person = byline_annotation_new ("entities", "PERSON", 20, 25);
  g_autoptr(BylineAnnotation) cue = byline_annotation_new ("speakers", "CUE", 15, 19);

  g_assert_true (byline_document_set_text (doc, "“We will win,” said Smith.", -1, NULL));
  g_assert_nonnull (byline_document_add_annotation (doc, person, NULL));
  byline_annotation_set_status (cue, BYLINE_STATUS_REJECTED);
  byline_annotation_set_origin (cue, "rules:quotes");
  g_assert_nonnull (byline_document_add_annotation (doc, cue, NULL));
  byline_document_mark_loaded (doc);
  return doc;
}

static BylineAnnotation *
find_label (BylineDocument *doc,
            const char     *label)
{
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);

      if (g_str_equal (byline_annotation_get_label (a), label))
        return a;
    }
  return NULL;
}

static void
test_add_span (void)
{
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  const char *a, *b;
  double confidence;

  byline_suggestions_set_origin (s, "rules:quotes");
  a = byline_suggestions_add_span (s, "speakers", "QUOTE", 0, 14, 0.5);
  b = byline_suggestions_add_span (s, "speakers", "QUOTE", 0, 14, 0.9);
  /* The same label over the same span is one suggestion, the higher
   * confidence kept; an empty span is none. */
  g_assert_cmpstr (a, ==, b);
  g_assert_null (byline_suggestions_add_span (s, "speakers", "QUOTE", 3, 3, 0.5));
  g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 1);
  g_assert_true (byline_annotation_get_confidence (byline_suggestions_lookup (s, a), &confidence));
  g_assert_cmpfloat (confidence, ==, 0.9);
  g_assert_cmpint (byline_annotation_get_status (byline_suggestions_lookup (s, a)), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (byline_suggestions_lookup (s, a)), ==, "rules:quotes");
  /* A relation needs both ends. */
  g_assert_false (byline_suggestions_add_relation (s, "said_by", a, "nowhere"));
}

static void
test_apply (void)
{
  g_autoptr(BylineDocument) doc = make_document ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new_for_document (doc);
  g_autoptr(GPtrArray) people = NULL;
  BylineAnnotation *person = find_label (doc, "PERSON");
  const char *quote, *speaker, *cue, *again;
  BylineAnnotation *added_quote;
  guint n_relations = 0;

  /* The context is the document's annotations: the extractors see Smith. */
  people = byline_suggestions_find (s, "PERSON", TRUE);
  g_assert_cmpuint (people->len, ==, 1);

  byline_suggestions_set_origin (s, "rules:quotes");
  quote = byline_suggestions_add_span (s, "speakers", "QUOTE", 0, 14, 0.95);
  speaker = byline_suggestions_add_span (s, "speakers", "SPEAKER", 20, 25, 0.9);
  cue = byline_suggestions_add_span (s, "speakers", "CUE", 15, 19, 0.9);
  again = byline_suggestions_add_span (s, "entities", "PERSON", 20, 25, 0.8);
  g_assert_true (byline_suggestions_add_relation (s, "said_by", quote, speaker));
  g_assert_true (byline_suggestions_add_relation (s, "cue", quote, cue));
  g_assert_true (byline_suggestions_add_relation (s, "refers_to", speaker, again));
  g_assert_true (byline_suggestions_add_relation (s, "refers_to", speaker,
                                                  byline_annotation_get_id (person)));

  /* The rejected CUE and the manual PERSON are there already: QUOTE and
   * SPEAKER are added; the relations go to what is there. */
  g_assert_cmpuint (byline_suggestions_apply (s, doc, &n_relations), ==, 2);
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 4);
  g_assert_cmpint (byline_annotation_get_status (find_label (doc, "CUE")), ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpint (byline_annotation_get_status (person), ==, BYLINE_STATUS_MANUAL);
  added_quote = find_label (doc, "QUOTE");
  g_assert_cmpint (byline_annotation_get_status (added_quote), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (added_quote), ==, "rules:quotes");
  /* said_by and one refers_to (the two end on the same annotation); no
   * cue: a rejected span takes no relations. */
  g_assert_cmpuint (n_relations, ==, 2);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 2);
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);

      g_assert_cmpint (byline_relation_get_status (r), ==, BYLINE_STATUS_SUGGESTED);
      g_assert_nonnull (byline_document_lookup_annotation (doc, byline_relation_get_from (r)));
      g_assert_nonnull (byline_document_lookup_annotation (doc, byline_relation_get_to (r)));
    }

  /* One step to undo. */
  g_assert_true (byline_document_undo (doc));
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 2);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 0);
  g_assert_false (byline_document_can_undo (doc));
  g_assert_true (byline_document_redo (doc));

  /* Applying the same run again adds nothing. */
  g_assert_cmpuint (byline_suggestions_apply (s, doc, &n_relations), ==, 0);
  g_assert_cmpuint (n_relations, ==, 0);
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 4);
}

static void
test_run_unknown (void)
{
  static const char * const names[] = { "quotes", "horoscopes", NULL };
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (byline_suggestions_run (s, "text", names, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "horoscopes"));
  g_assert_nonnull (strstr (error->message, "quotes"));
  g_assert_nonnull (byline_extractor_lookup ("entities"));
  g_assert_nonnull (byline_extractor_lookup ("claims"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/add-span", test_add_span);
  g_test_add_func ("/suggest/apply", test_apply);
  g_test_add_func ("/suggest/run-unknown", test_run_unknown);

  return g_test_run ();
}

/* test-conll.c: CoNLL columns and Hugging Face
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-token-align.h"

#include "format-test-util.h"

#define EXAMPLE "\"We will win,\" said Smith."

/* ---- Helpers ------------------------------------------------------------ */

static BylineDocument *
example_doc (void)
{
  BylineDocument *doc = format_test_new_doc ("doc-1", EXAMPLE);

  format_test_add (doc, "speakers", "QUOTE", 0, 14);
  format_test_add (doc, "speakers", "CUE", 15, 19);
  format_test_add (doc, "speakers", "SPEAKER", 20, 25);
  return doc;
}

static GPtrArray *
read_conll_ok (const char     *path,
               BylineProblems *warnings,
               guint           expected)
{
  return format_test_read_ok (byline_format_lookup ("conll"), path, warnings, expected);
}

/* "LABEL=slice" for each annotation in text order, joined by "|". */
static char *
describe (BylineDocument *doc)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *slice = byline_document_dup_annotation_text (doc, sorted->pdata[i]);

      g_string_append_printf (out, "%s%s=%s", i > 0 ? "|" : "",
                              byline_annotation_get_label (sorted->pdata[i]), slice);
    }
  return g_string_free (out, FALSE);
}

static char *
without_spaces (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    {
      if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* The spans of @layer that a tag column keeps: not rejected, not only
 * whitespace, and of overlapping ones the longest, then the earliest.
 * Each as "LABEL=slice without whitespace", in text order. Written here
 * again, the slow way, to check the writer's. */
static GPtrArray *
expected_chunks (BylineDocument *doc,
                 const char     *layer)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      g_autofree char *slice = byline_document_dup_annotation_text (doc, a);
      g_autofree char *bare = without_spaces (slice);

      if (strcmp (byline_annotation_get_layer (a), layer) == 0 &&
          byline_annotation_get_status (a) != BYLINE_STATUS_REJECTED &&
          byline_annotation_get_n_fragments (a) == 1 && *bare != '\0')
        g_ptr_array_add (candidates, a);
    }
  /* Longest first, then earliest: a stable selection sort. */
  while (candidates->len > 0)
    {
      guint best = 0;
      BylineAnnotation *b;
      gboolean overlaps = FALSE;

      for (guint i = 1; i < candidates->len; i++)
        {
          BylineAnnotation *a = candidates->pdata[i];
          BylineAnnotation *c = candidates->pdata[best];
          guint la = byline_annotation_get_end (a) - byline_annotation_get_start (a);
          guint lc = byline_annotation_get_end (c) - byline_annotation_get_start (c);

          if (la > lc || (la == lc && byline_annotation_get_start (a) < byline_annotation_get_start (c)))
            best = i;
        }
      b = g_ptr_array_steal_index (candidates, best);
      for (guint i = 0; i < kept->len; i++)
        overlaps = overlaps || byline_annotation_overlaps (kept->pdata[i], byline_annotation_get_start (b),
                                                           byline_annotation_get_end (b));
      if (!overlaps)
        g_ptr_array_add (kept, b);
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];

      if (g_ptr_array_find (kept, a, NULL))
        {
          g_autofree char *slice = byline_document_dup_annotation_text (doc, a);
          g_autofree char *bare = without_spaces (slice);

          g_ptr_array_add (out, g_strdup_printf ("%s=%s", byline_annotation_get_label (a), bare));
        }
    }
  return out;
}

/* Written and read back, @doc keeps its text but for whitespace, and the
 * kept chunks of @layer come back with their labels on the same tokens;
 * every annotation read sits on token boundaries. */
static void
assert_conll_roundtrip (BylineDocument  *doc,
                        const char      *layer,
                        BylineTagScheme  scheme,
                        BylineLosses    *losses)
{
  g_autofree char *dir = format_test_make_dir ();
  BylineFormatOptions options = { 0, };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) want = expected_chunks (doc, layer);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree char *text_before = without_spaces (byline_document_get_text (doc));
  g_autofree char *text_after = NULL;
  BylineDocument *got;
  const char *text;
  guint n_chars;

  options.layer = layer;
  options.scheme = scheme;
  options.losses = losses;
  path = format_test_write_docs (byline_format_lookup ("conll"), dir, "out.conll", &doc, 1, &options);
  back = read_conll_ok (path, NULL, 1);
  got = back->pdata[0];
  text = byline_document_get_text (got);
  n_chars = byline_document_get_n_chars (got);
  text_after = without_spaces (text);
  g_assert_cmpstr (text_after, ==, text_before);

  sorted = byline_document_get_sorted_annotations (got);
  g_assert_cmpuint (sorted->len, ==, want->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      g_autofree char *slice = byline_document_dup_annotation_text (got, a);
      g_autofree char *bare = without_spaces (slice);
      g_autofree char *item = g_strdup_printf ("%s=%s", byline_annotation_get_label (a), bare);
      guint start = byline_annotation_get_start (a);
      guint end = byline_annotation_get_end (a);
      gunichar before = start > 0 ? g_utf8_get_char (g_utf8_offset_to_pointer (text, start - 1)) : ' ';
      gunichar after = end < n_chars ? g_utf8_get_char (g_utf8_offset_to_pointer (text, end)) : ' ';

      g_assert_cmpstr (item, ==, want->pdata[i]);
      g_assert_true (before == ' ' || before == '\n');
      g_assert_true (after == ' ' || after == '\n');
      /* never across a sentence break */
      g_assert_null (strchr (slice, '\n'));
    }
  format_test_remove_dir (dir);
}

/* ---- CoNLL writing ------------------------------------------------------ */

static void
assert_example (BylineTagScheme  scheme,
                const char      *expected)
{
  g_autoptr(BylineDocument) doc = example_doc ();
  g_autofree char *dir = format_test_make_dir ();
  BylineFormatOptions options = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  options.layer = "speakers";
  options.scheme = scheme;
  path = format_test_write_docs (byline_format_lookup ("conll"), dir, "example.conll", &doc, 1, &options);
  contents = format_test_read_text (path);
  g_assert_cmpstr (contents, ==, expected);
  assert_conll_roundtrip (doc, "speakers", scheme, NULL);
  format_test_remove_dir (dir);
}

static void
test_example_iob2 (void)
{
  assert_example (BYLINE_TAG_SCHEME_IOB2,
                  "-DOCSTART- -X- -X- O\n\n"
                  "\"\t_\t_\tB-QUOTE\n"
                  "We\t_\t_\tI-QUOTE\n"
                  "will\t_\t_\tI-QUOTE\n"
                  "win\t_\t_\tI-QUOTE\n"
                  ",\t_\t_\tI-QUOTE\n"
                  "\"\t_\t_\tI-QUOTE\n"
                  "said\t_\t_\tB-CUE\n"
                  "Smith\t_\t_\tB-SPEAKER\n"
                  ".\t_\t_\tO\n"
                  "\n");
}

static void
test_example_iob1 (void)
{
  assert_example (BYLINE_TAG_SCHEME_IOB1,
                  "-DOCSTART- -X- -X- O\n\n"
                  "\"\t_\t_\tI-QUOTE\n"
                  "We\t_\t_\tI-QUOTE\n"
                  "will\t_\t_\tI-QUOTE\n"
                  "win\t_\t_\tI-QUOTE\n"
                  ",\t_\t_\tI-QUOTE\n"
                  "\"\t_\t_\tI-QUOTE\n"
                  "said\t_\t_\tI-CUE\n"
                  "Smith\t_\t_\tI-SPEAKER\n"
                  ".\t_\t_\tO\n"
                  "\n");
}

static void
test_example_bioes (void)
{
  assert_example (BYLINE_TAG_SCHEME_BIOES,
                  "-DOCSTART- -X- -X- O\n\n"
                  "\"\t_\t_\tB-QUOTE\n"
                  "We\t_\t_\tI-QUOTE\n"
                  "will\t_\t_\tI-QUOTE\n"
                  "win\t_\t_\tI-QUOTE\n"
                  ",\t_\t_\tI-QUOTE\n"
                  "\"\t_\t_\tE-QUOTE\n"
                  "said\t_\t_\tS-CUE\n"
                  "Smith\t_\t_\tS-SPEAKER\n"
                  ".\t_\t_\tO\n"
                  "\n");
}

/* IOB1 marks B- only where a chunk follows one of the same label. */
static void
test_iob1_adjacent (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "Smith Jones met Brown. Then Lee left.");
  g_autofree char *dir = format_test_make_dir ();
  BylineFormatOptions options = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  format_test_add (doc, "entities", "PERSON", 0, 5);
  format_test_add (doc, "entities", "PERSON", 6, 11);
  format_test_add (doc, "entities", "PERSON", 16, 21);
  format_test_add (doc, "entities", "PERSON", 28, 31);
  options.scheme = BYLINE_TAG_SCHEME_IOB1;
  path = format_test_write_docs (byline_format_lookup ("conll"), dir, "iob1.conll", &doc, 1, &options);
  contents = format_test_read_text (path);
  g_assert_cmpstr (contents, ==,
                   "-DOCSTART- -X- -X- O\n\n"
                   "Smith\t_\t_\tI-PERSON\n"
                   "Jones\t_\t_\tB-PERSON\n"
                   "met\t_\t_\tO\n"
                   "Brown\t_\t_\tI-PERSON\n"
                   ".\t_\t_\tO\n"
                   "\n"
                   "Then\t_\t_\tO\n"
                   "Lee\t_\t_\tI-PERSON\n"
                   "left\t_\t_\tO\n"
                   ".\t_\t_\tO\n"
                   "\n");
  assert_conll_roundtrip (doc, "entities", BYLINE_TAG_SCHEME_IOB1, NULL);
  format_test_remove_dir (dir);
}

static void
test_roundtrip_sample (void)
{
  static const BylineTagScheme schemes[] = {
    BYLINE_TAG_SCHEME_IOB2, BYLINE_TAG_SCHEME_IOB1, BYLINE_TAG_SCHEME_BIOES
  };
  static const char * const layers[] = { "entities", "speakers", "claims" };
  g_autoptr(BylineDocument) doc = format_test_load_sample ();

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
        {
          g_autoptr(BylineLosses) losses = byline_losses_new ();

          assert_conll_roundtrip (doc, layers[l], schemes[s], losses);
          g_assert_cmpuint (byline_losses_get_count (losses, "relations", NULL), ==,
                            byline_document_get_n_relations (doc));
          g_assert_cmpuint (byline_losses_get_count (losses, "document ids (CoNLL has none)", NULL), ==, 1);
        }
    }
}

static void
test_roundtrip_adversarial (void)
{
  static const BylineTagScheme schemes[] = {
    BYLINE_TAG_SCHEME_IOB2, BYLINE_TAG_SCHEME_IOB1, BYLINE_TAG_SCHEME_BIOES
  };
  const char *text = FORMAT_TEST_ADVERSARIAL;
  g_autoptr(BylineDocument) doc = format_test_new_doc ("adv", text);

  format_test_add (doc, "entities", "GPE",
                   format_test_at (text, "\xe5\x8c\x97"), format_test_at (text, "\xe5\x8c\x97") + 2);
  format_test_add (doc, "entities", "GPE", format_test_at (text, "US"), format_test_at (text, "US") + 2);
  format_test_add (doc, "entities", "GPE",
                   format_test_at (text, "China"), format_test_at (text, "China") + 5);
  format_test_add (doc, "entities", "PRODUCT",
                   format_test_at (text, "\xf0\x9f\x91\xa8"), format_test_at (text, "\xf0\x9f\x91\xa8") + 5);
  format_test_add (doc, "entities", "FAC", format_test_at (text, "cafe"), format_test_at (text, "cafe") + 5);
  format_test_add (doc, "entities", "PRODUCT",
                   format_test_at (text, "\xf0\x9f\x98\x80"), format_test_at (text, "\xf0\x9f\x98\x80") + 1);
  format_test_add (doc, "entities", "DATE",
                   format_test_at (text, " today"), format_test_at (text, "today") + 5);
  format_test_add (doc, "entities", "ORG", format_test_at (text, "\tThe"), format_test_at (text, "The") + 3);
  format_test_add (doc, "entities", "PERSON", format_test_at (text, "Zoe"), format_test_at (text, "Zoe") + 4);
  format_test_add (doc, "entities", "CARDINAL",
                   format_test_at (text, "\r\n"), format_test_at (text, "\r\n") + 3);
  format_test_add (doc, "speakers", "QUOTE", 0, format_test_at (text, " said"));
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autoptr(BylineLosses) losses = byline_losses_new ();

      assert_conll_roundtrip (doc, "entities", schemes[s], losses);
      g_assert_cmpuint (byline_losses_get_count (losses, "span edges moved off whitespace", "DATE"), ==, 1);
      g_assert_cmpuint (byline_losses_get_count (losses, "span edges moved off whitespace", "ORG"), ==, 1);
      g_assert_cmpuint (byline_losses_get_count (losses, "spans of whitespace only (left out)", "CARDINAL"), ==, 1);
      g_assert_cmpuint (byline_losses_get_count (losses, "annotations outside the exported layer", "QUOTE"), ==, 1);
    }
}

/* A quote across the splitter's sentence break keeps its sentences
 * together. */
static void
test_sentence_merge (void)
{
  const char *text = "He said: \xe2\x80\x9cWe will win. They will lose.\xe2\x80\x9d Then he left.";
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", text);
  g_autoptr(BylineDocument) plain = format_test_new_doc ("d", text);
  g_autofree char *dir = format_test_make_dir ();
  BylineFormatOptions options = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *plain_contents = NULL;

  format_test_add (doc, "speakers", "QUOTE",
                   format_test_at (text, "\xe2\x80\x9c"), format_test_at (text, " Then"));
  options.layer = "speakers";
  path = format_test_write_docs (byline_format_lookup ("conll"), dir, "merged.conll", &doc, 1, &options);
  contents = format_test_read_text (path);
  plain_path = format_test_write_docs (byline_format_lookup ("conll"), dir, "plain.conll", &plain, 1, &options);
  plain_contents = format_test_read_text (plain_path);
  g_assert_nonnull (strstr (plain_contents, ".\t_\t_\tO\n\nThey\t_\t_\tO\n"));
  g_assert_nonnull (strstr (contents, ".\t_\t_\tI-QUOTE\nThey\t_\t_\tI-QUOTE\n"));
  assert_conll_roundtrip (doc, "speakers", BYLINE_TAG_SCHEME_IOB2, NULL);
  format_test_remove_dir (dir);
}

static void
test_overlaps (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "The US State Department and the US Army met in Paris.");
  g_autoptr(BylineLosses) losses = byline_losses_new ();

  format_test_add (doc, "entities", "ORG", 4, 23);     /* US State Department */
  format_test_add (doc, "entities", "GPE", 4, 6);      /* US */
  format_test_add (doc, "entities", "ORG", 32, 39);    /* US Army */
  format_test_add (doc, "entities", "GPE", 32, 34);    /* US */
  format_test_add (doc, "entities", "GPE", 47, 52);    /* Paris */
  format_test_add (doc, "entities", "GPE", 47, 52);    /* Paris again */
  format_test_add (doc, "entities", "LOC", 47, 52);    /* and as a place */
  assert_conll_roundtrip (doc, "entities", BYLINE_TAG_SCHEME_BIOES, losses);
  g_assert_cmpuint (byline_losses_get_count (losses, "overlapping spans (the outer one was kept)", "GPE"), ==, 3);
  g_assert_cmpuint (byline_losses_get_count (losses, "overlapping spans (the outer one was kept)", "LOC"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "overlapping spans (the outer one was kept)", NULL), ==, 4);
}

/* Several documents, one -DOCSTART- each; an empty one too. */
static void
test_corpus (void)
{
  BylineDocument *docs[3];
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) back = NULL;

  docs[0] = format_test_new_doc ("a", "Smith left.");
  format_test_add (docs[0], "entities", "PERSON", 0, 5);
  docs[1] = format_test_new_doc ("b", "");
  docs[2] = format_test_new_doc ("c", "Jones came. Lee went.");
  format_test_add (docs[2], "entities", "PERSON", 12, 15);
  path = format_test_write_docs (byline_format_lookup ("conll"), dir, "corpus.conll", docs, 3, NULL);
  back = read_conll_ok (path, NULL, 3);
  g_assert_cmpstr (byline_document_get_id (back->pdata[0]), ==, "corpus-1");
  g_assert_cmpstr (byline_document_get_id (back->pdata[2]), ==, "corpus-3");
  g_assert_cmpstr (byline_document_get_text (back->pdata[1]), ==, "");
  g_assert_cmpstr (byline_document_get_text (back->pdata[2]), ==, "Jones came .\nLee went .");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *before = describe (docs[i]);
      g_autofree char *after = describe (back->pdata[i]);

      g_assert_cmpstr (after, ==, before);
      g_object_unref (docs[i]);
    }
  format_test_remove_dir (dir);
}

/* ---- CoNLL reading ------------------------------------------------------ */

static void
test_read_mixed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "conll", "mixed.conll", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = read_conll_ok (path, warnings, 2);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpstr (byline_document_get_id (docs->pdata[0]), ==, "mixed-1");
  g_assert_cmpstr (byline_document_get_text (docs->pdata[0]), ==, "EU rejects German call .\nPeter Blackburn");
  first = describe (docs->pdata[0]);
  g_assert_cmpstr (first, ==, "ORG=EU|MISC=German|PER=Peter Blackburn");
  g_assert_cmpstr (byline_annotation_get_layer (byline_document_get_annotation (docs->pdata[0], 0)), ==, "entities");

  g_assert_cmpstr (byline_document_get_id (docs->pdata[1]), ==, "second");
  g_assert_cmpstr (byline_document_get_text (docs->pdata[1]), ==, "Smith Jones met New York #MeToo Ann Lee Bo Al Ma x");
  second = describe (docs->pdata[1]);
  g_assert_cmpstr (second, ==, "PER=Smith|PER=Jones|LOC=New|ORG=York|MISC=#MeToo|PER=Ann Lee|PER=Bo|PER=Al Ma|LOC=x");
  /* MISC and PER are not the news schema's: one warning each, at the
   * line of their first chunk */
  g_assert_cmpuint (byline_problems_get_n (warnings), ==, 2);
  g_assert_cmpstr (byline_problems_get (warnings, 0)->location, ==, "line 5");
  g_assert_nonnull (strstr (byline_problems_get (warnings, 0)->message, "“MISC”"));
  g_assert_cmpstr (byline_problems_get (warnings, 1)->location, ==, "line 9");
  g_assert_nonnull (strstr (byline_problems_get (warnings, 1)->message, "“PER”"));
}

static void
assert_flair (const char *name,
              const char *text,
              const char *annotations)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "conll", "flair", name, NULL);
  g_autoptr(GPtrArray) docs = read_conll_ok (path, NULL, 1);
  g_autofree char *got = NULL;

  if (text != NULL)
    g_assert_cmpstr (byline_document_get_text (docs->pdata[0]), ==, text);
  got = describe (docs->pdata[0]);
  g_assert_cmpstr (got, ==, annotations);
}

/* GermEval 2014 from flair's tests: numbered lines, "#" source lines, two
 * tag columns (outer and nested), no final newline in one of them. */
static void
test_read_flair (void)
{
  assert_flair ("NER-de-dev.tsv",
                "1980 kam der Crown als Versuch von Toyota , sich in der Oberen Mittelklasse zu etablieren , auch nach Deutschland .",
                "OTH=Crown|ORG=Toyota|LOC=Deutschland");
  assert_flair ("NER-de-test.tsv",
                "1951 bis 1953 wurde der n\xc3\xb6rdliche Teil als Jugendburg des Kolpingwerkes gebaut .",
                "OTH=Kolpingwerkes");
  assert_flair ("NER-de-train.tsv", NULL,
                "PER=Schartau|ORG=Tagesspiegel|PER=Fischer|PER=Wolf Peter Bree|LOC=Libanon");
}

static void
assert_read (const char *contents,
             const char *text,
             const char *annotations)
{
  g_autofree char *path = format_test_temp_file ("in.conll", contents, -1);
  g_autoptr(GPtrArray) docs = read_conll_ok (path, NULL, 1);
  g_autofree char *got = NULL;

  g_assert_cmpstr (byline_document_get_text (docs->pdata[0]), ==, text);
  got = describe (docs->pdata[0]);
  g_assert_cmpstr (got, ==, annotations);
  format_test_remove_temp (path);
}

static void
test_read_tolerant (void)
{
  /* No -DOCSTART-, spaces, no final newline, a stray I- and E- */
  assert_read ("Smith B-PERSON\nJones I-GPE\nleft E-GPE", "Smith Jones left", "PERSON=Smith|GPE=Jones left");
  /* Comments; one token "1" is not a numbered line */
  assert_read ("# text = 1 O\n1 CD I-NP B-CARDINAL\n\n\n", "1", "CARDINAL=1");
  /* A chunk ends with its sentence */
  assert_read ("Smith\tB-PERSON\n\nJones\tI-PERSON\n", "Smith\nJones", "PERSON=Smith|PERSON=Jones");
  /* Hashtags are tokens, not comments; "# newdoc" starts a document */
  assert_read ("#newdoc\tO\n#id\tB-ORG\n#\tO\n#MeToo\t_\t_\tS-EVENT\n", "#newdoc #id # #MeToo",
               "ORG=#id|EVENT=#MeToo");
  /* Astral and combining code points: offsets count code points */
  assert_read ("\xf0\x9f\x98\x80\tO\nZoe\xcc\x88\tS-PERSON\n\xe5\x8c\x97\xe4\xba\xac\tB-GPE\n",
               "\xf0\x9f\x98\x80 Zoe\xcc\x88 \xe5\x8c\x97\xe4\xba\xac", "PERSON=Zoe\xcc\x88|GPE=\xe5\x8c\x97\xe4\xba\xac");
}

/* CoNLL-U's document comments */
static void
test_read_newdoc (void)
{
  static const char contents[] = "# newdoc id = first\n# sent_id = 1\n1\tSmith\t_\tB-PERSON\n2\tleft\t_\tO\n\n"
                                 "# newdoc\n# text = Lee\n1\tLee\t_\tS-PERSON\n";
  g_autofree char *path = format_test_temp_file ("u.conll", contents, -1);
  g_autoptr(GPtrArray) docs = read_conll_ok (path, NULL, 2);

  g_assert_cmpstr (byline_document_get_id (docs->pdata[0]), ==, "first");
  g_assert_cmpstr (byline_document_get_text (docs->pdata[0]), ==, "Smith left");
  g_assert_cmpstr (byline_document_get_id (docs->pdata[1]), ==, "u-2");
  g_assert_cmpstr (byline_document_get_text (docs->pdata[1]), ==, "Lee");
  format_test_remove_temp (path);
}

static void
assert_bad_len (const char *contents,
                gssize      len,
                const char *message)
{
  g_autofree char *path = format_test_temp_file ("bad.conll", contents, len);
  g_autofree char *want = g_strdup_printf ("%s:%s", path, message);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  if (format_test_read (byline_format_lookup ("conll"), path, NULL, &docs, &error))
    g_error ("%s was read without error", contents);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  if (!g_str_has_prefix (error->message, want))
    g_error ("“%s” does not start with “%s”", error->message, want);
  format_test_remove_temp (path);
}

static void
assert_bad (const char *contents,
            const char *message)
{
  assert_bad_len (contents, -1, message);
}

static void
test_read_bad (void)
{
  assert_bad ("Smith\tB-PER\nleft\tX-PER\n", "2: “X-PER” is not a tag");
  assert_bad ("-DOCSTART- -X- -X- O\n\nSmith\tB-\n", "3: “B-” is not a tag");
  assert_bad ("Smith\tPER\n", "1: “PER” is not a tag");
  assert_bad ("Smith\tb-PER\n", "1: “b-PER” is not a tag");
  assert_bad ("Smith\tO\nleft\n", "2: a token line needs a token and a tag");
  assert_bad ("Smith\tO\nle\xfft\tO\n", "2: invalid UTF-8");
  assert_bad_len ("Smith\tO\nle\0ft\tO\n", 16, "2: NUL byte");
}

/* ---- Hugging Face ------------------------------------------------------- */

#define NEWS_IOB2_LABELS \
  "[\"O\", \"B-PERSON\", \"I-PERSON\", \"B-NORP\", \"I-NORP\", \"B-FAC\", \"I-FAC\", \"B-ORG\", \"I-ORG\", " \
  "\"B-GPE\", \"I-GPE\", \"B-LOC\", \"I-LOC\", \"B-PRODUCT\", \"I-PRODUCT\", \"B-EVENT\", \"I-EVENT\", " \
  "\"B-WORK_OF_ART\", \"I-WORK_OF_ART\", \"B-LAW\", \"I-LAW\", \"B-LANGUAGE\", \"I-LANGUAGE\", " \
  "\"B-DATE\", \"I-DATE\", \"B-TIME\", \"I-TIME\", \"B-PERCENT\", \"I-PERCENT\", \"B-MONEY\", \"I-MONEY\", " \
  "\"B-QUANTITY\", \"I-QUANTITY\", \"B-ORDINAL\", \"I-ORDINAL\", \"B-CARDINAL\", \"I-CARDINAL\""

static void
test_hf_example (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d1", "Smith met Jones in Paris.");
  g_autoptr(BylineDocument) other = format_test_new_doc (NULL, "Ann Lee met Bo.");
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *labels_path = g_build_filename (dir, "labels.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *labels = NULL;
  BylineDocument *docs[2];

  format_test_add (doc, "entities", "PERSON", 0, 5);
  format_test_add (doc, "entities", "PERSON", 10, 15);
  format_test_add (doc, "entities", "GPE", 19, 24);
  format_test_add (other, "entities", "PER", 0, 7);
  format_test_add (other, "entities", "PER", 12, 14);
  docs[0] = doc;
  docs[1] = other;
  path = format_test_write_docs (byline_format_lookup ("hf"), dir, "train.hf.jsonl", docs, 2, NULL);
  contents = format_test_read_text (path);
  g_assert_cmpstr (contents, ==,
                   "{\"id\": \"d1\", \"tokens\": [\"Smith\", \"met\", \"Jones\", \"in\", \"Paris\", \".\"], "
                   "\"ner_tags\": [1, 0, 1, 0, 9, 0]}\n"
                   "{\"id\": \"doc-2\", \"tokens\": [\"Ann\", \"Lee\", \"met\", \"Bo\", \".\"], "
                   "\"ner_tags\": [37, 38, 0, 37, 0]}\n");
  labels = format_test_read_text (labels_path);
  g_assert_cmpstr (labels, ==, NEWS_IOB2_LABELS ", \"B-PER\", \"I-PER\"]\n");
  format_test_remove_dir (dir);
}

static void
test_hf_bioes (void)
{
  g_autoptr(BylineDocument) doc = example_doc ();
  g_autofree char *dir = format_test_make_dir ();
  BylineFormatOptions options = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *labels_path = g_build_filename (dir, "labels.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *labels = NULL;

  options.layer = "speakers";
  options.scheme = BYLINE_TAG_SCHEME_BIOES;
  path = format_test_write_docs (byline_format_lookup ("hf"), dir, "ex.hf.jsonl", &doc, 1, &options);
  labels = format_test_read_text (labels_path);
  g_assert_cmpstr (labels, ==, "[\"O\", \"B-QUOTE\", \"I-QUOTE\", \"E-QUOTE\", \"S-QUOTE\", "
                               "\"B-SPEAKER\", \"I-SPEAKER\", \"E-SPEAKER\", \"S-SPEAKER\", "
                               "\"B-CUE\", \"I-CUE\", \"E-CUE\", \"S-CUE\"]\n");
  contents = format_test_read_text (path);
  g_assert_cmpstr (contents, ==,
                   "{\"id\": \"doc-1\", \"tokens\": [\"\\\"\", \"We\", \"will\", \"win\", \",\", \"\\\"\", \"said\", \"Smith\", \".\"], "
                   "\"ner_tags\": [1, 2, 2, 2, 2, 3, 12, 8, 0]}\n");
  format_test_remove_dir (dir);
}

/* The tags of one line, decoded through labels.json into "LABEL=tokens"
 * chunks (IOB2). */
static char *
decode_hf_line (JsonObject *line,
                JsonArray  *names)
{
  JsonArray *tokens = json_object_get_array_member (line, "tokens");
  JsonArray *tags = json_object_get_array_member (line, "ner_tags");
  GString *out = g_string_new (NULL);
  gboolean open = FALSE;

  g_assert_cmpuint (json_array_get_length (tokens), ==, json_array_get_length (tags));
  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      gint64 id = json_array_get_int_element (tags, i);
      const char *tag;

      g_assert_cmpint (id, >=, 0);
      g_assert_cmpint (id, <, json_array_get_length (names));
      tag = json_array_get_string_element (names, id);
      if (tag[0] == 'B')
        g_string_append_printf (out, "%s%s=%s", out->len > 0 ? "|" : "", tag + 2,
                                json_array_get_string_element (tokens, i));
      else if (tag[0] == 'I')
        {
          g_assert_true (open);
          g_string_append_printf (out, "%s", json_array_get_string_element (tokens, i));
        }
      open = tag[0] != 'O';
    }
  return g_string_free (out, FALSE);
}

static JsonNode *
parse (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Two writers of a split share their tag names: the ids agree, and
 * labels.json, written by both, holds all of them. The sample's chunks
 * come back through the ids. */
static void
test_hf_shared (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BylineDocument) a = format_test_new_doc ("a", "Foo met Bar.");
  g_autoptr(BylineDocument) b = format_test_new_doc ("b", "Bar met Foo.");
  g_autoptr(BylineDocument) sample = format_test_load_sample ();
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *train_path = g_build_filename (dir, "train.hf.jsonl", NULL);
  g_autofree char *dev_path = g_build_filename (dir, "dev.hf.jsonl", NULL);
  g_autofree char *labels_path = g_build_filename (dir, "labels.json", NULL);
  g_autofree char *train = NULL;
  g_autofree char *dev = NULL;
  g_autofree char *labels = NULL;
  g_autoptr(JsonNode) labels_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineWriter) w1 = NULL;
  g_autoptr(BylineWriter) w2 = NULL;
  g_autoptr(GPtrArray) want = expected_chunks (sample, "entities");
  BylineFormatOptions options = { 0, };
  const BylineFormat *hf = byline_format_lookup ("hf");
  g_auto(GStrv) train_lines = NULL;
  GString *want_str = g_string_new (NULL);
  g_autofree char *decoded = NULL;

  format_test_add (a, "entities", "FOO", 0, 3);
  format_test_add (b, "entities", "BAR", 0, 3);
  format_test_add (b, "entities", "FOO", 8, 11);
  options.tag_names = names;
  w1 = byline_format_open_writer (hf, train_path, &options, &error);
  g_assert_no_error (error);
  w2 = byline_format_open_writer (hf, dev_path, &options, &error);
  g_assert_no_error (error);
  byline_writer_write (w1, a, &error);
  g_assert_no_error (error);
  byline_writer_write (w2, b, &error);
  g_assert_no_error (error);
  byline_writer_write (w1, sample, &error);
  g_assert_no_error (error);
  byline_writer_finish (w1, &error);
  g_assert_no_error (error);
  byline_writer_finish (w2, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (names->len, ==, 41);
  train = format_test_read_text (train_path);
  dev = format_test_read_text (dev_path);
  g_assert_true (g_str_has_prefix (train, "{\"id\": \"a\", \"tokens\": [\"Foo\", \"met\", \"Bar\", \".\"], "
                                          "\"ner_tags\": [37, 0, 0, 0]}\n"));
  g_assert_cmpstr (dev, ==, "{\"id\": \"b\", \"tokens\": [\"Bar\", \"met\", \"Foo\", \".\"], "
                            "\"ner_tags\": [39, 0, 37, 0]}\n");
  labels = format_test_read_text (labels_path);
  g_assert_cmpstr (labels, ==, NEWS_IOB2_LABELS ", \"B-FOO\", \"I-FOO\", \"B-BAR\", \"I-BAR\"]\n");

  labels_node = parse (labels);
  train_lines = g_strsplit (train, "\n", -1);
  {
    g_autoptr(JsonNode) line = parse (train_lines[1]);

    decoded = decode_hf_line (json_node_get_object (line), json_node_get_array (labels_node));
  }
  for (guint i = 0; i < want->len; i++)
    g_string_append_printf (want_str, "%s%s", i > 0 ? "|" : "", (char *) want->pdata[i]);
  g_assert_cmpstr (decoded, ==, want_str->str);
  g_string_free (want_str, TRUE);
  format_test_remove_dir (dir);
}

static void
test_hf_losses (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "The US State Department met.");
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(BylineAnnotation) rejected = byline_annotation_new ("entities", "ORG", 0, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  BylineFormatOptions options = { 0, };

  format_test_add (doc, "entities", "ORG", 4, 23);
  format_test_add (doc, "entities", "GPE", 4, 6);
  format_test_add (doc, "entities", "GPE", 4, 6);
  format_test_add (doc, "speakers", "CUE", 24, 27);
  byline_annotation_set_status (rejected, BYLINE_STATUS_REJECTED);
  byline_document_add_annotation (doc, rejected, &error);
  g_assert_no_error (error);
  options.losses = losses;
  path = format_test_write_docs (byline_format_lookup ("hf"), dir, "l.hf.jsonl", &doc, 1, &options);
  contents = format_test_read_text (path);
  g_assert_cmpstr (contents, ==, "{\"id\": \"d\", \"tokens\": [\"The\", \"US\", \"State\", \"Department\", \"met\", \".\"], "
                                 "\"ner_tags\": [0, 7, 8, 8, 0, 0]}\n");
  g_assert_cmpuint (byline_losses_get_count (losses, "overlapping spans (the outer one was kept)", "GPE"), ==, 2);
  g_assert_cmpuint (byline_losses_get_count (losses, "annotations outside the exported layer", "CUE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "rejected annotations (not tagged)", "ORG"), ==, 1);
  format_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conll/example/iob2", test_example_iob2);
  g_test_add_func ("/conll/example/iob1", test_example_iob1);
  g_test_add_func ("/conll/example/bioes", test_example_bioes);
  g_test_add_func ("/conll/iob1-adjacent", test_iob1_adjacent);
  g_test_add_func ("/conll/roundtrip/sample", test_roundtrip_sample);
  g_test_add_func ("/conll/roundtrip/adversarial", test_roundtrip_adversarial);
  g_test_add_func ("/conll/sentence-merge", test_sentence_merge);
  g_test_add_func ("/conll/overlaps", test_overlaps);
  g_test_add_func ("/conll/corpus", test_corpus);
  g_test_add_func ("/conll/read/mixed", test_read_mixed);
  g_test_add_func ("/conll/read/flair", test_read_flair);
  g_test_add_func ("/conll/read/tolerant", test_read_tolerant);
  g_test_add_func ("/conll/read/newdoc", test_read_newdoc);
  g_test_add_func ("/conll/read/bad", test_read_bad);
  g_test_add_func ("/hf/example", test_hf_example);
  g_test_add_func ("/hf/bioes", test_hf_bioes);
  g_test_add_func ("/hf/shared", test_hf_shared);
  g_test_add_func ("/hf/losses", test_hf_losses);

  return g_test_run ();
}

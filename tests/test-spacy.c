/* test-spacy.c: spaCy / Prodigy JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "byline-error.h"
#include "byline-format-private.h"

#include "format-test-util.h"

/* “Family 👨‍👩‍👧 time,” said  Zoë (e + U+0308) in 北京.CRLF TAB The
 * US-China café (e + U+0301) — opened 😀 today   (no final newline) */
#define ADVERSARIAL \
  "\xe2\x80\x9c" "Family \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 time," \
  "\xe2\x80\x9d said  Zoe\xcc\x88 in \xe5\x8c\x97\xe4\xba\xac.\r\n\tThe US-China cafe\xcc\x81 " \
  "\xe2\x80\x94 opened \xf0\x9f\x98\x80 today"

static const BylineFormat *
spacy (void)
{
  return byline_format_lookup ("spacy");
}

/* The code point offset of the @nth occurrence (from 0) of @needle. */
static guint
at_nth (const char *text,
        const char *needle,
        guint       nth)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (nth-- == 0)
        return (guint) g_utf8_pointer_to_offset (text, p);
      p++;
    }
}

static guint
at (const char *text,
    const char *needle)
{
  return at_nth (text, needle, 0);
}

static guint
len_of (const char *s)
{
  return (guint) g_utf8_strlen (s, -1);
}

static void
relate (BylineDocument   *doc,
        const char       *type,
        BylineAnnotation *from,
        BylineAnnotation *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineRelation) r = byline_relation_new (type, byline_annotation_get_id (from),
                                                     byline_annotation_get_id (to));

  byline_document_add_relation (doc, r, &error);
  g_assert_no_error (error);
}

/* Writes @docs to @name in @dir as spaCy, losses to @losses. */
static char *
write_docs (const char     *dir,
            const char     *name,
            BylineDocument **docs,
            guint           n,
            BylineLosses   *losses)
{
  BylineFormatOptions options = { 0, };

  options.losses = losses;
  return format_test_write_docs (spacy (), dir, name, docs, n, &options);
}

static GPtrArray *
read_ok (const char     *path,
         BylineProblems *warnings,
         guint           expected)
{
  return format_test_read_ok (spacy (), path, warnings, expected);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "LABEL start-end status" for each annotation, sorted, one a line; and
 * "type LABEL(start-end) -> LABEL(start-end)" for each relation. */
static char *
describe (BylineDocument *doc)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);

      g_ptr_array_add (lines, g_strdup_printf ("%08u %08u %s/%s %s", byline_annotation_get_start (a),
                                               byline_annotation_get_end (a), byline_annotation_get_layer (a),
                                               byline_annotation_get_label (a),
                                               byline_status_to_string (byline_annotation_get_status (a))));
    }
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);
      BylineAnnotation *from = byline_document_lookup_annotation (doc, byline_relation_get_from (r));
      BylineAnnotation *to = byline_document_lookup_annotation (doc, byline_relation_get_to (r));

      g_ptr_array_add (lines, g_strdup_printf ("~ %s %s(%u-%u) -> %s(%u-%u)", byline_relation_get_relation_type (r),
                                               byline_annotation_get_label (from), byline_annotation_get_start (from),
                                               byline_annotation_get_end (from), byline_annotation_get_label (to),
                                               byline_annotation_get_start (to), byline_annotation_get_end (to)));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

/* What spaCy does with a task: Doc(words, spaces) must rebuild the text
 * exactly, and Doc.char_span(start, end) (strict alignment) must find
 * every span, at the tokens the span names. */
static void
assert_spacy_can_use (const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *task;
  JsonArray *tokens;
  JsonArray *spans;
  JsonArray *relations;
  GString *rebuilt = g_string_new (NULL);
  const char *text;
  guint n_chars;
  g_autofree int *token_at_start = NULL;
  g_autofree int *token_at_end = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  task = json_node_get_object (json_parser_get_root (parser));
  text = json_object_get_string_member (task, "text");
  n_chars = len_of (text);
  token_at_start = g_new (int, n_chars + 1);
  token_at_end = g_new (int, n_chars + 1);
  for (guint i = 0; i <= n_chars; i++)
    token_at_start[i] = token_at_end[i] = -1;

  tokens = json_object_get_array_member (task, "tokens");
  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      JsonObject *tok = json_array_get_object_element (tokens, i);
      guint start = json_object_get_int_member (tok, "start");
      guint end = json_object_get_int_member (tok, "end");
      const char *word = json_object_get_string_member (tok, "text");

      g_assert_cmpint (json_object_get_int_member (tok, "id"), ==, i);
      g_assert_cmpuint (start, ==, len_of (rebuilt->str));
      g_assert_cmpuint (end - start, ==, len_of (word));
      g_assert_cmpuint (strlen (word), >, 0);
      g_string_append (rebuilt, word);
      if (json_object_get_boolean_member (tok, "ws"))
        g_string_append_c (rebuilt, ' ');
      token_at_start[start] = i;
      token_at_end[end] = i;
    }
  g_assert_cmpstr (rebuilt->str, ==, text);
  g_string_free (rebuilt, TRUE);

  spans = json_object_get_array_member (task, "spans");
  for (guint i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);
      guint start = json_object_get_int_member (span, "start");
      guint end = json_object_get_int_member (span, "end");

      g_assert_cmpuint (start, <, end);
      g_assert_cmpint (token_at_start[start], ==, json_object_get_int_member (span, "token_start"));
      g_assert_cmpint (token_at_end[end], ==, json_object_get_int_member (span, "token_end"));
    }
  relations = json_object_get_array_member (task, "relations");
  for (guint i = 0; i < json_array_get_length (relations); i++)
    {
      JsonObject *rel = json_array_get_object_element (relations, i);
      JsonObject *head = json_object_get_object_member (rel, "head_span");
      JsonObject *child = json_object_get_object_member (rel, "child_span");

      g_assert_cmpint (json_object_get_int_member (rel, "head"), ==, json_object_get_int_member (head, "token_end"));
      g_assert_cmpint (json_object_get_int_member (rel, "child"), ==, json_object_get_int_member (child, "token_end"));
    }
}

static void
assert_file_usable (const char *path)
{
  g_autofree char *contents = format_test_read_text (path);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        assert_spacy_can_use (lines[i]);
    }
}

/* ---- The running example, byte for byte ------------------------------- */

static void
test_example (void)
{
  static const char expected[] =
    "{\"text\": \"\\\"We will win,\\\" said Smith.\", \"meta\": {\"id\": \"doc-1\", \"source\": \"Wire\"}, "
    "\"tokens\": [{\"text\": \"\\\"\", \"start\": 0, \"end\": 1, \"id\": 0, \"ws\": false}, "
    "{\"text\": \"We\", \"start\": 1, \"end\": 3, \"id\": 1, \"ws\": true}, "
    "{\"text\": \"will\", \"start\": 4, \"end\": 8, \"id\": 2, \"ws\": true}, "
    "{\"text\": \"win\", \"start\": 9, \"end\": 12, \"id\": 3, \"ws\": false}, "
    "{\"text\": \",\", \"start\": 12, \"end\": 13, \"id\": 4, \"ws\": false}, "
    "{\"text\": \"\\\"\", \"start\": 13, \"end\": 14, \"id\": 5, \"ws\": true}, "
    "{\"text\": \"said\", \"start\": 15, \"end\": 19, \"id\": 6, \"ws\": true}, "
    "{\"text\": \"Smith\", \"start\": 20, \"end\": 25, \"id\": 7, \"ws\": false}, "
    "{\"text\": \".\", \"start\": 25, \"end\": 26, \"id\": 8, \"ws\": false}], "
    "\"spans\": [{\"start\": 0, \"end\": 14, \"token_start\": 0, \"token_end\": 5, \"label\": \"QUOTE\"}, "
    "{\"start\": 15, \"end\": 19, \"token_start\": 6, \"token_end\": 6, \"label\": \"CUE\"}, "
    "{\"start\": 20, \"end\": 25, \"token_start\": 7, \"token_end\": 7, \"label\": \"SPEAKER\"}], "
    "\"relations\": [{\"head\": 5, \"child\": 7, "
    "\"head_span\": {\"start\": 0, \"end\": 14, \"token_start\": 0, \"token_end\": 5, \"label\": \"QUOTE\"}, "
    "\"child_span\": {\"start\": 20, \"end\": 25, \"token_start\": 7, \"token_end\": 7, \"label\": \"SPEAKER\"}, "
    "\"label\": \"SAID_BY\"}], \"answer\": \"accept\"}\n";
  g_autoptr(BylineDocument) doc = format_test_new_doc ("doc-1", "\"We will win,\" said Smith.");
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BylineAnnotation *quote;

  byline_document_set_meta_string (doc, "source", "Wire");
  quote = format_test_add (doc, "speakers", "QUOTE", 0, 14);
  format_test_add (doc, "speakers", "CUE", 15, 19);
  relate (doc, "said_by", quote, format_test_add (doc, "speakers", "SPEAKER", 20, 25));

  path = write_docs (dir, "example.spacy.jsonl", &doc, 1, losses);
  contents = format_test_read_text (path);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (byline_losses_get_total (losses), ==, 0);
  assert_file_usable (path);

  back = read_ok (path, NULL, 1);
  g_assert_cmpstr (byline_document_get_id (back->pdata[0]), ==, "doc-1");
  g_assert_cmpstr (byline_document_get_meta_string (back->pdata[0], "source"), ==, "Wire");
  g_assert_null (json_object_get_member (byline_document_get_meta (back->pdata[0]), "id"));
  before = describe (doc);
  after = describe (back->pdata[0]);
  g_assert_cmpstr (after, ==, before);
  format_test_remove_dir (dir);
}

/* ---- Round trips ------------------------------------------------------- */

static void
test_roundtrip_sample (void)
{
  g_autoptr(BylineDocument) doc = format_test_load_sample ();
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GString *expected = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (byline_document_get_n_relations (doc), >, 0);
  path = write_docs (dir, "sample.spacy.jsonl", &doc, 1, losses);
  assert_file_usable (path);
  back = read_ok (path, NULL, 1);
  g_assert_cmpstr (byline_document_get_id (back->pdata[0]), ==, byline_document_get_id (doc));
  g_assert_cmpstr (byline_document_get_text (back->pdata[0]), ==, byline_document_get_text (doc));
  g_assert_true (json_object_equal (byline_document_get_meta (back->pdata[0]), byline_document_get_meta (doc)));

  /* The same spans and relations; what spaCy cannot hold (suggestion
   * statuses, attributes) is counted, and suggestions read back as
   * manual work. */
  before = describe (doc);
  lines = g_strsplit (before, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_suffix (lines[i], " suggested"))
        g_string_append_printf (expected, "%.*s manual\n", (int) strlen (lines[i]) - 10, lines[i]);
      else if (*lines[i] != '\0')
        g_string_append_printf (expected, "%s\n", lines[i]);
    }
  after = describe (back->pdata[0]);
  g_assert_cmpstr (after, ==, expected->str);
  g_string_free (expected, TRUE);
  g_assert_cmpuint (byline_losses_get_count (losses, "suggestion statuses (written as accepted spans)", NULL), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "attributes", "quote_type"), ==, 2);
  g_assert_cmpuint (byline_losses_get_count (losses, "document attributes", NULL), ==, 1);
  format_test_remove_dir (dir);
}

static void
test_roundtrip_adversarial (void)
{
  const char *text = ADVERSARIAL;
  g_autoptr(BylineDocument) doc = format_test_new_doc ("adv", text);
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(BylineAnnotation) claim = NULL;
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  BylineAnnotation *quote;
  BylineAnnotation *speaker;
  BylineAnnotation *cue;
  guint us = at (text, "US-");
  guint china = at (text, "China");
  guint today = at (text, "today");
  guint family = at (text, "\xf0\x9f\x91\xa8");
  guint emoji = at (text, "\xf0\x9f\x98\x80");
  guint cafe = at (text, "cafe");

  quote = format_test_add (doc, "speakers", "QUOTE", 0, at (text, " said"));
  cue = format_test_add (doc, "speakers", "CUE", at (text, "said"), at (text, "said") + 4);
  speaker = format_test_add (doc, "speakers", "SPEAKER", at (text, "Zoe"), at (text, "Zoe") + 4);
  relate (doc, "said_by", quote, speaker);
  relate (doc, "cue", quote, cue);
  format_test_add (doc, "entities", "GPE", at (text, "\xe5\x8c\x97"), at (text, "\xe5\x8c\x97") + 2);
  /* Edges inside the word "US-China", and inside the ZWJ family */
  format_test_add (doc, "entities", "GPE", us, us + 2);
  format_test_add (doc, "entities", "GPE", china, china + 5);
  format_test_add (doc, "entities", "PRODUCT", family, family + 5);
  format_test_add (doc, "entities", "FAC", cafe, cafe + 5);
  format_test_add (doc, "entities", "PRODUCT", emoji, emoji + 1);
  /* A leading space and a tab: moved onto "today" and "The" */
  format_test_add (doc, "entities", "DATE", today - 1, today + 5);
  format_test_add (doc, "entities", "ORG", at (text, "\tThe"), at (text, "The") + 3);
  /* Only whitespace: left out */
  format_test_add (doc, "entities", "CARDINAL", at (text, "\r\n"), at (text, "\r\n") + 2);
  /* Discontinuous: one span per fragment */
  claim = byline_annotation_new ("claims", "CLAIM", us, cafe + 5);
  byline_annotation_add_fragment (claim, at (text, "opened"), today + 5);
  byline_document_add_annotation (doc, claim, &error);
  g_assert_no_error (error);

  path = write_docs (dir, "adv.spacy.jsonl", &doc, 1, losses);
  assert_file_usable (path);
  back = read_ok (path, NULL, 1);
  g_assert_cmpstr (byline_document_get_text (back->pdata[0]), ==, text);

  expected = g_strdup_printf ("%08u %08u claims/CLAIM manual\n"
                              "%08u %08u claims/CLAIM manual\n"
                              "%08u %08u entities/DATE manual\n"
                              "%08u %08u entities/FAC manual\n"
                              "%08u %08u entities/GPE manual\n"
                              "%08u %08u entities/GPE manual\n"
                              "%08u %08u entities/GPE manual\n"
                              "%08u %08u entities/ORG manual\n"
                              "%08u %08u entities/PRODUCT manual\n"
                              "%08u %08u entities/PRODUCT manual\n"
                              "%08u %08u speakers/CUE manual\n"
                              "%08u %08u speakers/QUOTE manual\n"
                              "%08u %08u speakers/SPEAKER manual\n"
                              "~ cue QUOTE(0-%u) -> CUE(%u-%u)\n"
                              "~ said_by QUOTE(0-%u) -> SPEAKER(%u-%u)\n",
                              us, cafe + 5, at (text, "opened"), today + 5,
                              today, today + 5, cafe, cafe + 5,
                              at (text, "\xe5\x8c\x97"), at (text, "\xe5\x8c\x97") + 2,
                              us, us + 2, china, china + 5,
                              at (text, "The"), at (text, "The") + 3,
                              family, family + 5, emoji, emoji + 1,
                              at (text, "said"), at (text, "said") + 4,
                              0, at (text, " said"),
                              at (text, "Zoe"), at (text, "Zoe") + 4,
                              at (text, " said"), at (text, "said"), at (text, "said") + 4,
                              at (text, " said"), at (text, "Zoe"), at (text, "Zoe") + 4);
  /* The sort puts the two claims by start; the DATE line sorts by its
   * moved start. */
  {
    g_auto(GStrv) want = g_strsplit (expected, "\n", -1);
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
    GString *s = g_string_new (NULL);

    for (guint i = 0; want[i] != NULL; i++)
      if (*want[i] != '\0')
        g_ptr_array_add (sorted, want[i]);
    g_ptr_array_sort (sorted, compare_strings);
    for (guint i = 0; i < sorted->len; i++)
      g_string_append_printf (s, "%s\n", (char *) sorted->pdata[i]);
    after = describe (back->pdata[0]);
    g_assert_cmpstr (after, ==, s->str);
    g_string_free (s, TRUE);
  }

  g_assert_cmpuint (byline_losses_get_count (losses, "span edges moved off whitespace", "DATE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "span edges moved off whitespace", "ORG"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "spans of whitespace only (left out)", "CARDINAL"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "discontinuous annotations split into fragments", "CLAIM"), ==, 1);
  g_assert_cmpuint (byline_losses_get_total (losses), ==, 4);
  format_test_remove_dir (dir);
}

/* Many documents: each comes back in order, with its id. */
static void
test_roundtrip_corpus (void)
{
  BylineDocument *docs[3];
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) back = NULL;

  docs[0] = format_test_new_doc ("a", "Smith went to Paris.");
  format_test_add (docs[0], "entities", "PERSON", 0, 5);
  docs[1] = format_test_new_doc ("b", "");
  docs[2] = format_test_new_doc ("c", "\n\n  \t");
  path = write_docs (dir, "corpus.spacy.jsonl", docs, 3, NULL);
  assert_file_usable (path);
  back = read_ok (path, NULL, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *before = describe (docs[i]);
      g_autofree char *after = describe (back->pdata[i]);

      g_assert_cmpstr (byline_document_get_id (back->pdata[i]), ==, byline_document_get_id (docs[i]));
      g_assert_cmpstr (byline_document_get_text (back->pdata[i]), ==, byline_document_get_text (docs[i]));
      g_assert_cmpstr (after, ==, before);
      g_object_unref (docs[i]);
    }
  format_test_remove_dir (dir);
}

/* A task has one answer: all rejected is a rejected task, which reads back
 * as rejected suggestions; rejected among accepted cannot be written. */
static void
test_reject (void)
{
  g_autoptr(BylineDocument) all = format_test_new_doc ("all", "Paris is nice and Rome too.");
  g_autoptr(BylineDocument) mixed = format_test_new_doc ("mixed", "Paris is nice and Rome too.");
  g_autoptr(BylineAnnotation) r1 = byline_annotation_new ("entities", "PERSON", 0, 5);
  g_autoptr(BylineAnnotation) r2 = byline_annotation_new ("entities", "GPE", 18, 22);
  g_autoptr(BylineAnnotation) r3 = byline_annotation_new ("entities", "PERSON", 0, 5);
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) back = NULL;
  BylineDocument *docs[2];
  BylineAnnotation *a;

  byline_annotation_set_status (r1, BYLINE_STATUS_REJECTED);
  byline_annotation_set_status (r2, BYLINE_STATUS_REJECTED);
  byline_annotation_set_status (r3, BYLINE_STATUS_REJECTED);
  byline_document_add_annotation (all, r1, &error);
  byline_document_add_annotation (all, r2, &error);
  byline_document_add_annotation (mixed, r3, &error);
  g_assert_no_error (error);
  format_test_add (mixed, "entities", "GPE", 0, 5);
  docs[0] = all;
  docs[1] = mixed;
  path = write_docs (dir, "reject.spacy.jsonl", docs, 2, losses);
  contents = format_test_read_text (path);
  g_assert_nonnull (strstr (contents, "\"answer\": \"reject\"}\n{"));
  g_assert_true (g_str_has_suffix (contents, "\"answer\": \"accept\"}\n"));
  g_assert_cmpuint (byline_losses_get_count (losses, "rejected annotations (a Prodigy task has one answer)", "PERSON"), ==, 1);

  back = read_ok (path, NULL, 2);
  g_assert_cmpuint (byline_document_get_n_annotations (back->pdata[0]), ==, 2);
  a = byline_document_get_annotation (back->pdata[0], 0);
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "prodigy");
  g_assert_cmpuint (byline_document_get_n_annotations (back->pdata[1]), ==, 1);
  a = byline_document_get_annotation (back->pdata[1], 0);
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_MANUAL);
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "GPE");
  format_test_remove_dir (dir);
}

/* ---- Reading what Prodigy writes ---------------------------------------- */

static void
test_read_prodigy (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "spacy", "prodigy.jsonl", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = NULL;
  BylineDocument *doc;
  BylineAnnotation *a;
  g_autofree char *rels = NULL;
  gboolean warned_ignore = FALSE;
  gboolean warned_per = FALSE;

  /* Line 4 is answered "ignore": skipped. BOM, CRLF and the trailing
   * blank lines are fine. */
  docs = read_ok (path, warnings, 4);

  doc = docs->pdata[0];
  g_assert_cmpstr (byline_document_get_id (doc), ==, "prodigy-1");
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 3);
  a = byline_document_get_annotation (doc, 2);
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "MONEY");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_MANUAL);
  g_assert_cmpuint (byline_annotation_get_start (a), ==, 44);
  g_assert_cmpuint (byline_annotation_get_end (a), ==, 54);

  /* rel.manual: one relation through its spans, one through its tokens
   * only; "cue" and "SAID_BY" are the schema's types. */
  doc = docs->pdata[1];
  g_assert_cmpstr (byline_document_get_id (doc), ==, "bbc-7");
  g_assert_cmpstr (byline_document_get_meta_string (doc, "source"), ==, "BBC");
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 3);
  g_assert_cmpstr (byline_annotation_get_layer (byline_document_get_annotation (doc, 0)), ==, "speakers");
  rels = describe (doc);
  g_assert_nonnull (strstr (rels, "~ said_by QUOTE(0-14) -> SPEAKER(20-25)\n"));
  g_assert_nonnull (strstr (rels, "~ cue QUOTE(0-14) -> CUE(15-19)\n"));

  doc = docs->pdata[2];
  g_assert_cmpstr (byline_document_get_id (doc), ==, "42");
  a = byline_document_get_annotation (doc, 0);
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_REJECTED);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "prodigy");

  /* Code points: 😀 is one, e + U+0308 two. */
  doc = docs->pdata[3];
  g_assert_cmpstr (byline_document_get_id (doc), ==, "prodigy-5");
  a = byline_document_get_annotation (doc, 0);
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "PER");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  {
    g_autofree char *slice = byline_document_dup_annotation_text (doc, a);
    g_assert_cmpstr (slice, ==, "Zoe\xcc\x88");
  }

  for (guint i = 0; i < byline_problems_get_n (warnings); i++)
    {
      const BylineProblem *p = byline_problems_get (warnings, i);

      g_assert_cmpint (p->severity, ==, BYLINE_SEVERITY_WARNING);
      if (g_strcmp0 (p->location, "line 4") == 0 && strstr (p->message, "ignore") != NULL)
        warned_ignore = TRUE;
      if (g_strcmp0 (p->location, "line 5") == 0 && strstr (p->message, "“PER”") != NULL)
        warned_per = TRUE;
    }
  g_assert_true (warned_ignore);
  g_assert_true (warned_per);
  g_assert_cmpuint (byline_problems_get_n (warnings), ==, 2);
}

/* Reading stops when the callback says so. */
static gboolean
stop_cb (BylineDocument  *document,
         gpointer         user_data,
         GError         **error)
{
  guint *n = user_data;

  if (++*n == 2)
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, "enough");
      return FALSE;
    }
  return TRUE;
}

static void
test_stop (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "spacy", "prodigy.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (byline_format_read (spacy (), path, NULL, NULL, stop_cb, &n, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  g_assert_cmpuint (n, ==, 2);
}

/* ---- Bad input ------------------------------------------------------------ */

static void
assert_bad (const char *contents,
            int         code,
            const char *message)
{
  g_autofree char *path = format_test_temp_file ("bad.jsonl", contents, -1);
  g_autofree char *want = g_strdup_printf ("%s:%s", path, message);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  if (format_test_read (spacy (), path, NULL, &docs, &error))
    g_error ("%s was read without error", contents);
  g_assert_error (error, BYLINE_ERROR, code);
  if (!g_str_has_prefix (error->message, want))
    g_error ("“%s” does not start with “%s”", error->message, want);
  format_test_remove_temp (path);
}

static void
test_bad (void)
{
  static const char good[] = "{\"text\": \"Smith left.\", \"spans\": [{\"start\": 0, \"end\": 5, \"label\": \"PERSON\"}]}\n";
  g_autofree char *truncated = g_strconcat (good, "{\"text\": \"Smith left.\", \"spans\": [{\"start\": 0, \"end\"", NULL);
  g_autofree char *past_end = g_strconcat (good, "\n{\"text\": \"Smith\", \"spans\": [{\"start\": 0, \"end\": 9, \"label\": \"X\"}]}", NULL);

  assert_bad (truncated, BYLINE_ERROR_PARSE, "2: invalid JSON");
  assert_bad (past_end, BYLINE_ERROR_OUT_OF_RANGE, "3: span 1: end 9 is past the end of the text (5 characters)");
  assert_bad ("{\"text\": \"Smith left.\", \"spans\": [{\"start\": 0, \"end\": 5, \"label\": \"PERSON\", \"text\": \"Smit\"}]}",
              BYLINE_ERROR_TEXT_MISMATCH, "1: span 1: text “Smit” differs from the text at 0–5, “Smith”");
  /* UTF-16 offsets: the token after 😀 is one unit off */
  assert_bad ("{\"text\": \"\xf0\x9f\x98\x80 Smith\", \"tokens\": [{\"text\": \"Smith\", \"start\": 3, \"end\": 8}]}",
              BYLINE_ERROR_OUT_OF_RANGE, "1: token 1: end 8 is past the end of the text (7 characters)");
  assert_bad ("{\"text\": \"\xf0\x9f\x98\x80 Smith left\", \"tokens\": [{\"text\": \"Smith\", \"start\": 3, \"end\": 8}]}",
              BYLINE_ERROR_TEXT_MISMATCH, "1: token 1: text “Smith” differs from the text at 3–8, “mith ”");
  assert_bad ("[1, 2]", BYLINE_ERROR_INVALID, "1: expected a task (a JSON object) on each line, not a list");
  assert_bad ("{\"text\": 12}", BYLINE_ERROR_INVALID, "1: “text” must be a string, not a number");
  assert_bad ("{\"spans\": []}", BYLINE_ERROR_INVALID, "1: “text” must be a string, not nothing");
  assert_bad ("{\"text\": \"a\", \"spans\": {\"start\": 0}}", BYLINE_ERROR_INVALID, "1: “spans” must be a list, not an object");
  assert_bad ("{\"text\": \"a\", \"spans\": [7]}", BYLINE_ERROR_INVALID, "1: span 1 must be an object, not a number");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": -1, \"end\": 1, \"label\": \"X\"}]}",
              BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: start -1 is negative");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 99999999999999, \"label\": \"X\"}]}",
              BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: end 99999999999999 is past the end");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": \"0\", \"end\": 1, \"label\": \"X\"}]}",
              BYLINE_ERROR_INVALID, "1: span 1: “start” must be a whole number, not a string");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": 0.5, \"end\": 1, \"label\": \"X\"}]}",
              BYLINE_ERROR_INVALID, "1: span 1: “start” must be a whole number, not a number");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": 1, \"end\": 1, \"label\": \"X\"}]}",
              BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: empty span 1–1");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": 2, \"end\": 1, \"label\": \"X\"}]}",
              BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: start 2 is after end 1");
  assert_bad ("{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 1}]}",
              BYLINE_ERROR_INVALID, "1: span 1: “label” must be a label, not nothing");
  assert_bad ("{\"text\": \"ab\", \"meta\": [1]}", BYLINE_ERROR_INVALID, "1: “meta” must be an object, not a list");
  assert_bad ("{\"text\": \"ab\", \"relations\": [{\"head\": 0, \"child\": 1}]}",
              BYLINE_ERROR_INVALID, "1: relation 1: “label” must be a relation type, not nothing");
  assert_bad ("{\"text\": \"ab\", \"relations\": [{\"label\": \"x\", \"head_span\": {\"start\": 0, \"end\": 5, \"label\": \"A\"}}]}",
              BYLINE_ERROR_OUT_OF_RANGE, "1: relation 1: head_span: end 5 is past the end of the text (2 characters)");
  assert_bad ("{\"text\": \"a\xff\"}", BYLINE_ERROR_PARSE, "1: invalid UTF-8");
  assert_bad ("{\"text\": \"a\\u0000b\"}", BYLINE_ERROR_PARSE, "1: holds a NUL character");
}

/* Relations whose ends are not exported, and attributes, are counted. */
static void
test_losses (void)
{
  g_autoptr(BylineDocument) doc = format_test_new_doc ("d", "Smith said no.");
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(BylineAnnotation) note = byline_annotation_new ("speakers", "CUE", 6, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = format_test_make_dir ();
  g_autofree char *path = NULL;
  BylineAnnotation *speaker;
  BylineAnnotation *space;

  byline_annotation_set_note (note, "check");
  byline_annotation_set_confidence (note, 0.5);
  byline_annotation_set_attribute_string (note, "tense", "past");
  byline_document_add_annotation (doc, note, &error);
  g_assert_no_error (error);
  speaker = format_test_add (doc, "speakers", "SPEAKER", 0, 5);
  space = format_test_add (doc, "speakers", "QUOTE", 5, 6);
  relate (doc, "said_by", space, speaker);
  path = write_docs (dir, "losses.spacy.jsonl", &doc, 1, losses);
  g_assert_cmpuint (byline_losses_get_count (losses, "notes", "CUE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "confidence scores", "CUE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "attributes", "tense"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "spans of whitespace only (left out)", "QUOTE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "relations whose ends were not exported", "said_by"), ==, 1);
  format_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spacy/example", test_example);
  g_test_add_func ("/spacy/roundtrip/sample", test_roundtrip_sample);
  g_test_add_func ("/spacy/roundtrip/adversarial", test_roundtrip_adversarial);
  g_test_add_func ("/spacy/roundtrip/corpus", test_roundtrip_corpus);
  g_test_add_func ("/spacy/reject", test_reject);
  g_test_add_func ("/spacy/read-prodigy", test_read_prodigy);
  g_test_add_func ("/spacy/stop", test_stop);
  g_test_add_func ("/spacy/bad", test_bad);
  g_test_add_func ("/spacy/losses", test_losses);

  return g_test_run ();
}

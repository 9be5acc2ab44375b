/* test-brat.c: reading brat standoff, ID.txt and ID.ann, as brat and other
 * tools write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing Byline documents as brat, and back, is in test-brat-write.c.
 */
#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-native.h"

#include "brat-test-util.h"

/* ---- The brat tutorial's own files -------------------------------------- */

static void
test_news_tutorial (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "brat", "news-tutorial", NULL);
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *out = g_build_filename (tmp, "written", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = brat_test_read (dir, warnings, &error);
  g_autoptr(GPtrArray) again = NULL;
  BylineDocument *intro, *relations, *notes;
  BylineAnnotation *a;
  JsonArray *norms;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 13);
  /* read in name order */
  g_assert_cmpstr (byline_document_get_id (docs->pdata[0]), ==, "000-introduction");
  g_assert_cmpstr (byline_document_get_id (docs->pdata[12]), ==, "999-complete");
  for (guint i = 1; i < docs->len; i++)
    g_assert_cmpint (strcmp (byline_document_get_id (docs->pdata[i - 1]),
                             byline_document_get_id (docs->pdata[i])), <, 0);

  /* Labels are kept as written; "Person" is the schema's PERSON, so only
   * the others are warned about. */
  g_assert_true (brat_test_has_warning (warnings, "label “Organization” is not in the schema"));
  g_assert_false (brat_test_has_warning (warnings, "“Person”"));
  g_assert_false (brat_test_has_warning (warnings, "“GPE”"));

  intro = docs->pdata[0];
  a = byline_document_lookup_annotation (intro, "T4");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Person");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "Mention"), ==, "Name");
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "Individual")));
  g_assert_cmpstr (byline_annotation_get_note (byline_document_lookup_annotation (intro, "T2")), ==,
                   "100000000 USD");
  norms = json_object_get_array_member (brat_test_extra (byline_document_lookup_annotation (intro, "T5")), "norms");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (norms, 0), "ref"), ==,
                   "Wikipedia:64488");
  /* The event: an annotation with the E id and its trigger's span; the
   * trigger T3 is folded into it; the arguments are relations. */
  g_assert_null (byline_document_lookup_annotation (intro, "T3"));
  a = byline_document_lookup_annotation (intro, "E1");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Transfer-money");
  brat_test_assert_fragments (a, "443-449");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "Confidence"), ==, "High");
  brat_test_assert_relation (intro, "E1.1", "Giver-Arg", "E1", "T1");
  brat_test_assert_relation (intro, "E1.4", "Recipient-Arg", "E1", "T6");
  brat_test_assert_relation (intro, "R1", "Family", "T4", "T5");
  brat_test_assert_relation (intro, "R2", "Origin", "T6", "T7");

  relations = docs->pdata[6];
  g_assert_cmpstr (byline_document_get_id (relations), ==, "060-relation_annotation");
  brat_test_assert_relation (relations, "*1.1", "Alias", "T3", "T4");
  brat_test_assert_relation (relations, "*1.2", "Alias", "T4", "T5");

  notes = docs->pdata[11];
  g_assert_cmpstr (byline_document_get_id (notes), ==, "110-note_annotation");
  g_assert_cmpstr (byline_annotation_get_note (byline_document_lookup_annotation (notes, "E1")), ==,
                   "Annotate as one merge event with three participants or two events with two participants each?");
  g_assert_nonnull (json_object_get_array_member (
    json_object_get_object_member (byline_relation_get_extra (byline_document_lookup_relation (notes, "R1")), "brat"),
    "notes"));

  /* Written back: the same .txt bytes, the same .ann lines (in another
   * order), every text field the slice of its offsets. The tutorial has
   * no duplicated ids and no line brat would refuse, so the sets of lines
   * are equal exactly: R lines keep brat's trailing TAB, E lines their
   * argument order, notes on events and relations their ids. */
  brat_test_write (docs, out, NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      const char *id = byline_document_get_id (docs->pdata[i]);
      g_autofree char *txt_name = g_strconcat (id, ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (id, ".ann", NULL);
      g_autofree char *orig_txt = g_build_filename (dir, txt_name, NULL);
      g_autofree char *orig_ann = g_build_filename (dir, ann_name, NULL);
      g_autofree char *new_txt = g_build_filename (out, txt_name, NULL);
      g_autofree char *new_ann = g_build_filename (out, ann_name, NULL);
      g_autofree char *a_text = brat_test_read_text (orig_txt);
      g_autofree char *b_text = brat_test_read_text (new_txt);
      g_autoptr(GPtrArray) a_lines = brat_test_sorted_lines (orig_ann);
      g_autoptr(GPtrArray) b_lines = brat_test_sorted_lines (new_ann);

      g_assert_cmpstr (a_text, ==, b_text);
      brat_test_assert_same_lines (a_lines, b_lines, ann_name);
      brat_test_assert_texts_match (new_txt, new_ann);
    }

  /* and read again, the same documents */
  again = brat_test_read (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, docs->len);
  for (guint i = 0; i < docs->len; i++)
    brat_test_assert_docs_equal (docs->pdata[i], again->pdata[i]);

  brat_test_remove_tree (tmp);
}

/* ---- brat files as other tools write them -------------------------------- */

static void
test_adversarial_brat (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "brat", "adversarial", NULL);
  g_autofree char *path = g_build_filename (dir, "adversarial.ann", NULL);
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *out_ann = g_build_filename (tmp, "adversarial.ann", NULL);
  g_autofree char *out_txt = g_build_filename (tmp, "adversarial.txt", NULL);
  g_autofree char *orig_txt = g_build_filename (dir, "adversarial.txt", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(BylineDocument) doc = brat_test_read_one (path, warnings);
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GPtrArray) expected = brat_test_sorted_lines (path);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  BylineAnnotation *a;
  JsonObject *extra;

  g_assert_cmpstr (byline_document_get_id (doc), ==, "adversarial");
  /* the relation comes before the T lines it names */
  brat_test_assert_relation (doc, "R1", "said_by", "T1", "T3");
  a = byline_document_lookup_annotation (doc, "T4");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Emoji Family");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  brat_test_assert_fragments (a, "30-35");
  g_assert_true (brat_test_has_warning (warnings, "label “Emoji Family” is not in the schema"));
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T7"), "1-3,9-13");
  /* A span across the CRLF, its line break written as spaces; and one
   * brat split at the line break: both one span over it. */
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T8"), "104-116");
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T9"), "104-116");
  /* an event without a trigger sits on its first argument */
  a = byline_document_lookup_annotation (doc, "E1");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Meeting");
  brat_test_assert_fragments (a, "20-25");
  brat_test_assert_relation (doc, "E1.1", "Participant", "E1", "T3");
  brat_test_assert_relation (doc, "E1.2", "Place", "E1", "T5");
  /* an event as an argument of another; its trigger defined after it */
  a = byline_document_lookup_annotation (doc, "E2");
  brat_test_assert_fragments (a, "129-133");
  g_assert_null (byline_document_lookup_annotation (doc, "T11"));
  brat_test_assert_relation (doc, "E2.2", "Event-Arg", "E2", "E1");
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "Negated")));
  /* an attribute name with a space, an old M modifier */
  a = byline_document_lookup_annotation (doc, "T1");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "Quote Type"), ==, "direct");
  g_assert_cmpstr (byline_annotation_get_note (a), ==, "first note");
  a = byline_document_lookup_annotation (doc, "T3");
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "Uncertain")));
  /* two notes with one id: both kept */
  g_assert_cmpstr (byline_annotation_get_note (a), ==, "duplicated note id");
  brat_test_assert_relation (doc, "*1.1", "Alias", "T3", "T6");
  g_assert_true (brat_test_has_warning (warnings, "unknown line type “X1”: kept as written"));
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T6")), ==, "PERSON");

  /* Written back: the same lines but two. The span whose line break was
   * written as spaces is split at the line break, as brat's own editor
   * does (brat refuses a text field that differs from the text); the
   * second "#1" gets an id of its own (brat refuses duplicate ids). */
  brat_test_write_one (doc, tmp, NULL);
  a_text = brat_test_read_text (orig_txt);
  b_text = brat_test_read_text (out_txt);
  g_assert_cmpstr (a_text, ==, b_text);
  got = brat_test_sorted_lines (out_ann);
  brat_test_replace_line (expected, "T8\tCrossing 104 116\tcrosses  the", "T8\tCrossing 104 111;113 116\tcrosses the");
  brat_test_replace_line (expected, "#1\tAnnotatorNotes T3\tduplicated note id", "#2\tAnnotatorNotes T3\tduplicated note id");
  brat_test_assert_same_lines (expected, got, "adversarial.ann");
  brat_test_assert_texts_match (out_txt, out_ann);

  /* read again: the same document, but for that note's id */
  back = brat_test_read_one (out_ann, NULL);
  extra = brat_test_extra (byline_document_lookup_annotation (back, "T3"));
  g_assert_cmpstr (json_object_get_string_member (extra, "note_id"), ==, "#2");
  json_object_set_string_member (extra, "note_id", "#1");
  {
    BylineAnnotation *x = byline_document_lookup_annotation (doc, "T3");
    BylineAnnotation *y = byline_document_lookup_annotation (back, "T3");

    g_assert_true (byline_annotation_equal (x, y));
  }
  brat_test_assert_docs_equal (doc, back);

  /* the directory: a .txt without .ann, and an empty .ann, are documents
   * without annotations */
  all = brat_test_read (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (byline_document_get_id (all->pdata[0]), ==, "adversarial");
  g_assert_cmpstr (byline_document_get_id (all->pdata[1]), ==, "empty-ann");
  g_assert_cmpuint (byline_document_get_n_annotations (all->pdata[1]), ==, 0);
  g_assert_cmpstr (byline_document_get_id (all->pdata[2]), ==, "no-ann");
  g_assert_cmpuint (byline_document_get_n_annotations (all->pdata[2]), ==, 0);
  g_assert_cmpstr (byline_document_get_text (all->pdata[2]), ==, "A text without annotations.\n");
  brat_test_remove_tree (tmp);
}

/* ---- PolNeAR attribution ------------------------------------------------- */

static void
test_polnear (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "brat", "polnear", "attribution.ann", NULL);
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *out = g_build_filename (tmp, "attribution.ann", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(BylineDocument) doc = brat_test_read_one (path, warnings);
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GPtrArray) expected = brat_test_sorted_lines (path);
  g_autoptr(GPtrArray) got = NULL;
  BylineAnnotation *a;

  /* Content, Source and Cue are the schema's QUOTE, SPEAKER and CUE */
  g_assert_cmpuint (byline_problems_get_n (warnings), ==, 0);
  a = byline_document_lookup_annotation (doc, "T1");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "QUOTE");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "speakers");
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T2")), ==, "SPEAKER");
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T3")), ==, "CUE");
  /* the trigger on the cue's span is no annotation of its own */
  g_assert_null (byline_document_lookup_annotation (doc, "T4"));
  g_assert_null (byline_document_lookup_annotation (doc, "E1"));
  brat_test_assert_relation (doc, "E1.2", "cue", "T1", "T3");
  brat_test_assert_relation (doc, "E1.3", "said_by", "T1", "T2");
  /* the cue as trigger */
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T6")), ==, "CUE");
  brat_test_assert_relation (doc, "E2.1", "said_by", "T7", "T5");
  brat_test_assert_relation (doc, "E2.2", "cue", "T7", "T6");
  /* no trigger, no source */
  brat_test_assert_relation (doc, "E3.1", "cue", "T9", "T8");
  g_assert_null (byline_document_lookup_relation (doc, "E3.2"));
  /* fragments written out of order */
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T10"), "92-107,127-145");
  g_assert_null (byline_document_lookup_annotation (doc, "T13"));
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 11);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 7);

  /* PolNeAR -> Byline -> brat: the same lines */
  brat_test_write_one (doc, tmp, NULL);
  got = brat_test_sorted_lines (out);
  brat_test_assert_same_lines (expected, got, "attribution.ann");

  /* -> Byline: the same annotations */
  back = brat_test_read_one (out, NULL);
  brat_test_assert_docs_equal (doc, back);
  brat_test_remove_tree (tmp);
}

/* A span across a line break, as other tools write it: the line break is
 * a space in the text field (a CRLF one space or two). */
static void
test_line_break_in_text_field (void)
{
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *txt = g_build_filename (tmp, "lb.txt", NULL);
  g_autofree char *ann = g_build_filename (tmp, "lb.ann", NULL);
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *out_ann = g_build_filename (out, "lb.ann", NULL);
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(BylineDocument) back = NULL;
  g_autofree char *written = NULL;

  g_assert_true (g_file_set_contents (txt, "said\r\nSmith and\nJones", -1, NULL));
  /* T4 and T5 hold the line breaks themselves, which breaks their lines
   * (some PolNeAR files are so): the next lines are the rest of the text */
  g_assert_true (g_file_set_contents (ann,
                                      "T1\tX 0 11\tsaid Smith\n"
                                      "T2\tX 0 11\tsaid  Smith\n"
                                      "T3\tX 6 21\tSmith and Jones\n"
                                      "T4\tY 6 21\tSmith and\nJones\n"
                                      "T5\tY 0 11\tsaid\r\nSmith\n"
                                      "T6\tZ 0 4\tsaid\n", -1, NULL));
  doc = brat_test_read_one (ann, NULL);
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T1"), "0-11");
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T2"), "0-11");
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T3"), "6-21");
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T4"), "6-21");
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T5"), "0-11");
  brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T6"), "0-4");
  brat_test_write_one (doc, out, NULL);
  written = brat_test_read_text (out_ann);
  g_assert_cmpstr (written, ==,
                   "T6\tZ 0 4\tsaid\n"
                   "T1\tX 0 4;6 11\tsaid Smith\n"
                   "T2\tX 0 4;6 11\tsaid Smith\n"
                   "T5\tY 0 4;6 11\tsaid Smith\n"
                   "T3\tX 6 15;16 21\tSmith and Jones\n"
                   "T4\tY 6 15;16 21\tSmith and Jones\n");
  back = brat_test_read_one (out_ann, NULL);
  brat_test_assert_docs_equal (doc, back);
  brat_test_remove_tree (tmp);
}

/* ---- A byte order mark ---------------------------------------------------- */

static void
test_bom (void)
{
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  const char *cases[][2] = {
    { "after", "T1\tPERSON 0 5\tSmith\n" },        /* offsets after the BOM */
    { "counted", "T1\tPERSON 1 6\tSmith\n" },      /* as brat counts: the BOM is a character */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *txt_name = g_strconcat (cases[i][0], ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (cases[i][0], ".ann", NULL);
      g_autofree char *txt = g_build_filename (tmp, txt_name, NULL);
      g_autofree char *ann = g_build_filename (tmp, ann_name, NULL);
      g_autofree char *out_txt = g_build_filename (out, txt_name, NULL);
      g_autofree char *out_ann = g_build_filename (out, ann_name, NULL);
      g_autoptr(BylineDocument) doc = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_assert_true (g_file_set_contents (txt, "\xEF\xBB\xBFSmith said.", -1, NULL));
      g_assert_true (g_file_set_contents (ann, cases[i][1], -1, NULL));
      doc = brat_test_read_one (ann, NULL);
      g_assert_cmpstr (byline_document_get_text (doc), ==, "Smith said.");
      brat_test_assert_fragments (byline_document_lookup_annotation (doc, "T1"), "0-5");
      brat_test_write_one (doc, out, NULL);
      a = brat_test_read_text (out_txt);
      g_assert_cmpstr (a, ==, "\xEF\xBB\xBFSmith said.");
      b = brat_test_read_text (out_ann);
      g_assert_cmpstr (b, ==, cases[i][1]);
    }
  brat_test_remove_tree (tmp);
}

/* ---- Bad input ------------------------------------------------------------- */

static void
expect_error (const char *txt,
              const char *ann,
              int         code,
              const char *message)
{
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *txt_path = g_build_filename (tmp, "bad.txt", NULL);
  g_autofree char *ann_path = g_build_filename (tmp, "bad.ann", NULL);
  g_autofree char *expected = g_strconcat (ann_path, message, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  if (txt != NULL)
    g_assert_true (g_file_set_contents (txt_path, txt, -1, NULL));
  g_assert_true (g_file_set_contents (ann_path, ann, -1, NULL));
  docs = brat_test_read (ann_path, NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, BYLINE_ERROR, code);
  if (txt == NULL)
    {
      /* the missing .txt is named */
      g_assert_true (g_str_has_prefix (error->message, txt_path));
      g_free (expected);
      expected = g_strconcat (txt_path, message, NULL);
    }
  if (strcmp (error->message, expected) != 0)
    g_error ("expected “%s”, got “%s”", expected, error->message);
  brat_test_remove_tree (tmp);
}

static void
test_bad_input (void)
{
  const char *text = "\"We will win,\" said Smith.\n";

  expect_error (text, "T1\tPERSON 20 25\tSmith\nT2\tPERSON 0", BYLINE_ERROR_PARSE,
                ":2: T2: cannot read “PERSON 0”: expected TYPE START END, or TYPE START END;START END… for fragments");
  expect_error (text, "T1\tPERSON 20 900\tSmith\n", BYLINE_ERROR_OUT_OF_RANGE,
                ":1: T1: end 900 is past the end of the text (27 characters)");
  expect_error (text, "T1\tPERSON 20 25\tSmyth\n", BYLINE_ERROR_TEXT_MISMATCH,
                ":1: T1: the text “Smyth” does not match the text at 20 25, “Smith”");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nR1\tsaid_by Arg1:T1 Arg2:T99\t\n", BYLINE_ERROR_UNKNOWN_ID,
                ":2: R1: unknown id “T99”");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nA1\tChecked T7\n", BYLINE_ERROR_UNKNOWN_ID,
                ":2: A1: unknown id “T7”");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nT2\tPERSON 15 19\tsa\xff\xfe\n", BYLINE_ERROR_PARSE,
                ": invalid UTF-8 at byte offset 40 (line 2, byte 0xff)");
  expect_error (NULL, "T1\tPERSON 20 25\tSmith\n", BYLINE_ERROR_IO,
                ": no such file: brat keeps the text of bad.ann there");
  expect_error (text, "T1\tPERSON 20 20\t\n", BYLINE_ERROR_OUT_OF_RANGE,
                ":1: T1: the span 20 20 is empty: Byline cannot hold an empty span");
  expect_error (text, "T1\tQUOTE 0 14;10 20\t\"We will win,\" ,\" said\n", BYLINE_ERROR_INVALID,
                ":1: T1: fragments overlap at 10");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nT1\tCUE 15 19\tsaid\n", BYLINE_ERROR_DUPLICATE_ID,
                ":2: T1: the id is used already on line 1");
  expect_error (text, "T1 PERSON 20 25 Smith\n", BYLINE_ERROR_PARSE,
                ":1: T1: expected a TAB after the id");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nR1\tsaid_by Arg1:T1\t\n", BYLINE_ERROR_PARSE,
                ":2: R1: expected TYPE ARG1:ID ARG2:ID");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nE1\tSay:T1 Speaker:R9\n", BYLINE_ERROR_UNKNOWN_ID,
                ":2: E1: unknown id “R9”");
  expect_error ("said\nSmith.\n", "T1\tX 0 10\tsaid\nSmith\nT2\tX 5 10\tSmyth\n", BYLINE_ERROR_TEXT_MISMATCH,
                ":3: T2: the text “Smyth” does not match the text at 5 10, “Smith”");
  expect_error (text, "T1\tPERSON -1 25\tSmith\n", BYLINE_ERROR_PARSE,
                ":1: T1: cannot read “PERSON -1 25”: expected TYPE START END, or TYPE START END;START END… for fragments");
  expect_error (text, "T1\tPERSON 20 99999999999999999999\tSmith\n", BYLINE_ERROR_PARSE,
                ":1: T1: cannot read “PERSON 20 99999999999999999999”: expected TYPE START END, or TYPE START END;START END… for fragments");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brat/news-tutorial", test_news_tutorial);
  g_test_add_func ("/brat/adversarial-brat", test_adversarial_brat);
  g_test_add_func ("/brat/polnear", test_polnear);
  g_test_add_func ("/brat/line-break-in-text-field", test_line_break_in_text_field);
  g_test_add_func ("/brat/bom", test_bom);
  g_test_add_func ("/brat/bad-input", test_bad_input);

  return g_test_run ();
}

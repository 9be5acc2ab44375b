/* test-brat-write.c: writing Byline documents as brat standoff, and
 * reading them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-native.h"

#include "brat-test-util.h"

/* ---- Byline -> brat -> Byline ------------------------------------------- */

/* Byline's aN are written as TN, rN as RN. */
static void
assert_same_annotations (BylineDocument *a,
                         BylineDocument *b)
{
  g_assert_cmpstr (byline_document_get_text (a), ==, byline_document_get_text (b));
  g_assert_cmpuint (byline_document_get_n_annotations (a), ==, byline_document_get_n_annotations (b));
  g_assert_cmpuint (byline_document_get_n_relations (a), ==, byline_document_get_n_relations (b));
  for (guint i = 0; i < byline_document_get_n_annotations (a); i++)
    {
      BylineAnnotation *x = byline_document_get_annotation (a, i);
      g_autofree char *id = g_strconcat ("T", byline_annotation_get_id (x) + 1, NULL);
      BylineAnnotation *y = byline_document_lookup_annotation (b, id);

      if (y == NULL)
        g_error ("%s was not read back as %s", byline_annotation_get_id (x), id);
      g_assert_cmpstr (byline_annotation_get_label (x), ==, byline_annotation_get_label (y));
      g_assert_cmpstr (byline_annotation_get_layer (x), ==, byline_annotation_get_layer (y));
      g_assert_cmpuint (byline_annotation_get_n_fragments (x), ==, byline_annotation_get_n_fragments (y));
      for (guint k = 0; k < byline_annotation_get_n_fragments (x); k++)
        {
          g_assert_cmpuint (byline_annotation_get_fragment (x, k)->start, ==,
                            byline_annotation_get_fragment (y, k)->start);
          g_assert_cmpuint (byline_annotation_get_fragment (x, k)->end, ==,
                            byline_annotation_get_fragment (y, k)->end);
        }
      g_assert_cmpstr (byline_annotation_get_note (x), ==, byline_annotation_get_note (y));
      g_assert_cmpuint (byline_annotation_get_n_attributes (x), ==, byline_annotation_get_n_attributes (y));
      for (guint k = 0; k < byline_annotation_get_n_attributes (x); k++)
        {
          const char *name = byline_annotation_get_attribute_name (x, k);

          g_assert_true (json_node_equal (byline_annotation_get_attribute (x, name),
                                          byline_annotation_get_attribute (y, name)));
        }
    }
  for (guint i = 0; i < byline_document_get_n_relations (a); i++)
    {
      BylineRelation *x = byline_document_get_relation (a, i);
      g_autofree char *id = g_strconcat ("R", byline_relation_get_id (x) + 1, NULL);
      g_autofree char *from = g_strconcat ("T", byline_relation_get_from (x) + 1, NULL);
      g_autofree char *to = g_strconcat ("T", byline_relation_get_to (x) + 1, NULL);
      BylineRelation *y = byline_document_lookup_relation (b, id);
      JsonObject *ax = byline_relation_get_attributes (x);
      JsonObject *ay;

      brat_test_assert_relation (b, id, byline_relation_get_relation_type (x), from, to);
      ay = byline_relation_get_attributes (y);
      g_assert_true ((ax == NULL) == (ay == NULL));
      g_assert_true (ax == NULL || json_object_equal (ax, ay));
    }
}

static void
test_sample_roundtrip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.byline.json", NULL);
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *out2 = g_build_filename (tmp, "out2", NULL);
  g_autofree char *ann = g_build_filename (out, "blinken-china-nbc.ann", NULL);
  g_autofree char *txt = g_build_filename (out, "blinken-china-nbc.txt", NULL);
  g_autofree char *ann2 = g_build_filename (out2, "blinken-china-nbc.ann", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, NULL, &error);
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *listing = NULL;

  g_assert_no_error (error);
  brat_test_write_one (doc, out, losses);
  listing = brat_test_list_dir (out);
  g_assert_cmpstr (listing, ==, "blinken-china-nbc.ann blinken-china-nbc.txt");
  text = brat_test_read_text (txt);
  g_assert_cmpstr (text, ==, byline_document_get_text (doc));
  first = brat_test_read_text (ann);
  g_assert_nonnull (strstr (first, "T10\tQUOTE 1018 1151\t“We are prepared"));
  g_assert_nonnull (strstr (first, "R1\tsaid_by Arg1:T9 Arg2:T6\t\n"));
  g_assert_nonnull (strstr (first, "A1\tquote_type T9 indirect\n"));
  brat_test_assert_texts_match (txt, ann);

  /* what brat cannot hold is counted, not dropped silently */
  g_assert_cmpuint (byline_losses_get_count (losses, "origins", "GPE"), ==, 6);
  g_assert_cmpuint (byline_losses_get_count (losses, "confidences", "GPE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "statuses (suggested or rejected)", "GPE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "document attributes", "done"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "document metadata", "title"), ==, 1);

  back = brat_test_read_one (ann, NULL);
  g_assert_cmpstr (byline_document_get_id (back), ==, "blinken-china-nbc");
  assert_same_annotations (doc, back);

  /* and the same brat again: the mapping of ids is stable */
  brat_test_write_one (back, out2, NULL);
  second = brat_test_read_text (ann2);
  g_assert_cmpstr (first, ==, second);
  brat_test_remove_tree (tmp);
}

/* The hard text, built in Byline, through brat and back. */
static void
test_adversarial_from_byline (void)
{
  static const char text[] =
    "“We will win,” said Smith — 😀 👨‍👩‍👧 cafe\xcc\x81 北京.\r\n"
    "\tTabbed ‘line’.\r\n"
    "A quote that crosses\r\n"
    "the line, said Jones.";
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *ann = g_build_filename (out, "hard.ann", NULL);
  g_autofree char *txt = g_build_filename (out, "hard.txt", NULL);
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_text = NULL;
  struct { const char *layer, *label, *find; guint skip; } spans[] = {
    { "speakers", "QUOTE", "“We will win,”", 0 },
    { "speakers", "SPEAKER", "Smith", 0 },
    { "speakers", "CUE", "said", 0 },
    { "entities", "PRODUCT", "😀", 0 },
    { "entities", "PERSON", "👨‍👩‍👧", 0 },
    { "entities", "PERSON", "cafe\xcc\x81", 0 },
    { "entities", "GPE", "北京", 0 },
    { "speakers", "QUOTE", "A quote that crosses\r\nthe line,", 0 },
    { "entities", "WORK_OF_ART", "\tTabbed ‘line’", 0 },
    { "speakers", "CUE", "said", 1 },
    { "speakers", "SPEAKER", "Jones.", 0 },
  };
  BylineAnnotation *a;
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) no = json_node_init_boolean (json_node_alloc (), FALSE);
  g_autoptr(JsonNode) number = json_node_init_int (json_node_alloc (), 3);

  g_assert_true (byline_document_set_text (doc, text, -1, &error));
  byline_document_set_id (doc, "hard");
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      const char *at = strstr (text, spans[i].find);
      g_autoptr(BylineAnnotation) b = NULL;
      glong start;

      if (spans[i].skip)
        at = strstr (at + 1, spans[i].find);
      start = g_utf8_pointer_to_offset (text, at);
      b = byline_annotation_new (spans[i].layer, spans[i].label, (guint) start,
                                 (guint) (start + g_utf8_strlen (spans[i].find, -1)));
      g_assert_nonnull (byline_document_add_annotation (doc, b, &error));
    }
  /* a12: a quote in two fragments, "We" and "win," */
  {
    g_autoptr(BylineAnnotation) b = byline_annotation_new ("speakers", "QUOTE", 1, 3);

    byline_annotation_add_fragment (b, 9, 13);
    byline_annotation_set_attribute_string (b, "quote_type", "direct");
    byline_annotation_set_attribute (b, "checked", yes);
    byline_annotation_set_attribute (b, "doubtful", no);
    byline_annotation_set_attribute (b, "count", number);
    byline_annotation_set_note (b, "two fragments\nand a line break in the note");
    g_assert_nonnull (byline_document_add_annotation (doc, b, &error));
  }
  {
    g_autoptr(BylineRelation) r1 = byline_relation_new ("said_by", "a1", "a2");
    g_autoptr(BylineRelation) r2 = byline_relation_new ("cue", "a1", "a3");
    g_autoptr(BylineRelation) r3 = byline_relation_new ("said_by", "a8", "a11");
    g_autoptr(BylineRelation) r4 = byline_relation_new ("refers_to", "a2", "a5");

    byline_relation_set_attribute (r4, "certain", yes);
    g_assert_nonnull (byline_document_add_relation (doc, r1, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r2, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r3, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r4, &error));
  }
  a = byline_document_lookup_annotation (doc, "a2");
  {
    g_autoptr(BylineAnnotation) copy = byline_annotation_copy (a);

    byline_annotation_set_note (copy, "check the spelling");
    g_assert_true (byline_document_replace_annotation (doc, "a2", copy, &error));
  }

  brat_test_write_one (doc, out, losses);
  written_text = brat_test_read_text (txt);
  g_assert_cmpstr (written_text, ==, text);
  written = brat_test_read_text (ann);
  /* offsets are code points: 😀 is one, the family five, é two */
  g_assert_nonnull (strstr (written, "T4\tPRODUCT 28 29\t😀\n"));
  g_assert_nonnull (strstr (written, "T5\tPERSON 30 35\t👨‍👩‍👧\n"));
  g_assert_nonnull (strstr (written, "T6\tPERSON 36 41\tcafe\xcc\x81\n"));
  g_assert_nonnull (strstr (written, "T12\tQUOTE 1 3;9 13\tWe win,\n"));
  /* a line cannot hold a line break: the span is split there, as brat does */
  g_assert_nonnull (strstr (written, "T8\tQUOTE 64 84;86 95\tA quote that crosses the line,\n"));
  g_assert_nonnull (strstr (written, "T9\tWORK_OF_ART 47 61\t\tTabbed ‘line’\n"));
  g_assert_nonnull (strstr (written, "#2\tAnnotatorNotes T2\tcheck the spelling\n"));
  g_assert_nonnull (strstr (written, "#1\tAnnotatorNotes T12\ttwo fragments and a line break in the note\n"));
  g_assert_nonnull (strstr (written, "\tchecked T12\n"));
  g_assert_nonnull (strstr (written, "\tquote_type T12 direct\n"));
  g_assert_nonnull (strstr (written, "\tcertain R4\n"));
  g_assert_null (strstr (written, "doubtful"));
  g_assert_null (strstr (written, "count"));
  brat_test_assert_texts_match (txt, ann);
  g_assert_cmpuint (byline_losses_get_count (losses, "attributes that are false (brat has present or absent)",
                                             "doubtful"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "attributes that are not text or true", "count"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "line breaks in notes (replaced by spaces)",
                                             "AnnotatorNotes"), ==, 1);

  back = brat_test_read_one (ann, NULL);
  /* what brat holds comes back: drop what it does not from the original */
  a = byline_document_lookup_annotation (doc, "a12");
  {
    g_autoptr(BylineAnnotation) copy = byline_annotation_copy (a);

    byline_annotation_set_attribute (copy, "doubtful", NULL);
    byline_annotation_set_attribute (copy, "count", NULL);
    byline_annotation_set_note (copy, "two fragments and a line break in the note");
    g_assert_true (byline_document_replace_annotation (doc, "a12", copy, &error));
  }
  assert_same_annotations (doc, back);
  /* the quote across the line break is one span again */
  brat_test_assert_fragments (byline_document_lookup_annotation (back, "T8"), "64-95");
  brat_test_remove_tree (tmp);
}

/* Byline's own attribution: T and R lines, read back the same. */
static void
test_attribution_from_byline (void)
{
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *ann = g_build_filename (tmp, "doc-1.ann", NULL);
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) s = byline_annotation_new ("speakers", "SPEAKER", 20, 25);
  g_autoptr(BylineAnnotation) c = byline_annotation_new ("speakers", "CUE", 15, 19);
  g_autoptr(BylineRelation) r1 = byline_relation_new ("said_by", "a1", "a2");
  g_autoptr(BylineRelation) r2 = byline_relation_new ("cue", "a1", "a3");

  g_assert_true (byline_document_set_text (doc, "\"We will win,\" said Smith.", -1, &error));
  byline_document_set_id (doc, "doc-1");
  g_assert_nonnull (byline_document_add_annotation (doc, q, &error));
  g_assert_nonnull (byline_document_add_annotation (doc, s, &error));
  g_assert_nonnull (byline_document_add_annotation (doc, c, &error));
  g_assert_nonnull (byline_document_add_relation (doc, r1, &error));
  g_assert_nonnull (byline_document_add_relation (doc, r2, &error));
  brat_test_write_one (doc, tmp, NULL);
  written = brat_test_read_text (ann);
  g_assert_cmpstr (written, ==,
                   "T1\tQUOTE 0 14\t\"We will win,\"\n"
                   "T3\tCUE 15 19\tsaid\n"
                   "T2\tSPEAKER 20 25\tSmith\n"
                   "R1\tsaid_by Arg1:T1 Arg2:T2\t\n"
                   "R2\tcue Arg1:T1 Arg2:T3\t\n");
  back = brat_test_read_one (ann, NULL);
  assert_same_annotations (doc, back);
  brat_test_remove_tree (tmp);
}

/* Ids: brat ids are kept, Byline's aN and rN become TN and RN when free,
 * the rest get the next free numbers in text order. */
static void
test_ids (void)
{
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *ann = g_build_filename (tmp, "ids.ann", NULL);
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  const char *ids[] = { "T1", "a1", "a2", "x" };

  g_assert_true (byline_document_set_text (doc, "aaaa bbbb cccc dddd", -1, &error));
  byline_document_set_id (doc, "ids");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", i * 5, i * 5 + 4);

      byline_annotation_set_id (a, ids[i]);
      g_assert_nonnull (byline_document_add_annotation (doc, a, &error));
    }
  {
    g_autoptr(BylineRelation) r1 = byline_relation_new ("rel", "T1", "a1");
    g_autoptr(BylineRelation) r2 = byline_relation_new ("rel", "a2", "x");

    byline_relation_set_id (r1, "r1");
    byline_relation_set_id (r2, "R1");
    g_assert_nonnull (byline_document_add_relation (doc, r1, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r2, &error));
  }
  brat_test_write_one (doc, tmp, NULL);
  written = brat_test_read_text (ann);
  g_assert_cmpstr (written, ==,
                   "T1\tPERSON 0 4\taaaa\n"
                   "T3\tPERSON 5 9\tbbbb\n"
                   "T2\tPERSON 10 14\tcccc\n"
                   "T4\tPERSON 15 19\tdddd\n"
                   "R1\trel Arg1:T2 Arg2:T4\t\n"
                   "R2\trel Arg1:T1 Arg2:T3\t\n");
  brat_test_remove_tree (tmp);
}

/* ---- Writing is atomic ----------------------------------------------------- */

static BylineDocument *
small_document (const char *id)
{
  BylineDocument *doc = byline_document_new ();
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 0, 5);

  g_assert_true (byline_document_set_text (doc, "Smith said.", -1, NULL));
  byline_document_set_id (doc, id);
  g_assert_nonnull (byline_document_add_annotation (doc, a, NULL));
  return doc;
}

static void
test_writer_atomic (void)
{
  g_autofree char *tmp = brat_test_make_dir ();
  g_autofree char *file = g_build_filename (tmp, "file", NULL);
  g_autofree char *existing = g_build_filename (tmp, "existing", NULL);
  g_autofree char *keep = g_build_filename (existing, "keep.txt", NULL);
  g_autofree char *fresh = g_build_filename (tmp, "fresh", NULL);
  g_autofree char *nowhere = g_build_filename (tmp, "no", "such", "dir", NULL);
  g_autoptr(BylineDocument) doc = small_document ("keep");
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  BylineWriter *writer;

  /* the destination is a file: an error, and nothing left behind */
  g_assert_true (g_file_set_contents (file, "not a directory", -1, NULL));
  writer = byline_format_open_writer (brat_test_format (), file, NULL, &error);
  g_assert_null (writer);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a directory"));
  g_clear_error (&error);
  listing = brat_test_list_dir (tmp);
  g_assert_cmpstr (listing, ==, "file");
  g_clear_pointer (&listing, g_free);

  writer = byline_format_open_writer (brat_test_format (), nowhere, NULL, &error);
  g_assert_null (writer);
  g_assert_nonnull (strstr (error->message, "no such directory"));
  g_clear_error (&error);

  /* freed unfinished: an existing directory is left as it was */
  g_assert_cmpint (g_mkdir (existing, 0777), ==, 0);
  g_assert_true (g_file_set_contents (keep, "old text", -1, NULL));
  writer = byline_format_open_writer (brat_test_format (), existing, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_writer_write (writer, doc, &error));
  byline_writer_free (writer);
  listing = brat_test_list_dir (existing);
  g_assert_cmpstr (listing, ==, "keep.txt");
  g_clear_pointer (&listing, g_free);
  kept = brat_test_read_text (keep);
  g_assert_cmpstr (kept, ==, "old text");

  /* and a new one is not made */
  writer = byline_format_open_writer (brat_test_format (), fresh, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_writer_write (writer, doc, &error));
  byline_writer_free (writer);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  listing = brat_test_list_dir (tmp);
  g_assert_cmpstr (listing, ==, "existing file");
  g_clear_pointer (&listing, g_free);

  /* finished: the files replace the old ones; names are safe and unique */
  writer = byline_format_open_writer (brat_test_format (), existing, NULL, &error);
  g_assert_no_error (error);
  {
    const char *ids[] = { "keep", "x", "x", "X", "../up", ".hidden", NULL };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(BylineDocument) d = small_document (ids[i]);

        g_assert_true (byline_writer_write (writer, d, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (byline_writer_finish (writer, &error));
  g_assert_no_error (error);
  byline_writer_free (writer);
  listing = brat_test_list_dir (existing);
  g_assert_cmpstr (listing, ==,
                   "X-3.ann X-3.txt _._up.ann _._up.txt _hidden.ann _hidden.txt doc.ann doc.txt "
                   "keep.ann keep.txt x-2.ann x-2.txt x.ann x.txt");
  g_clear_pointer (&kept, g_free);
  kept = brat_test_read_text (keep);
  g_assert_cmpstr (kept, ==, "Smith said.");
  brat_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brat/sample-roundtrip", test_sample_roundtrip);
  g_test_add_func ("/brat/adversarial-from-byline", test_adversarial_from_byline);
  g_test_add_func ("/brat/attribution-from-byline", test_attribution_from_byline);
  g_test_add_func ("/brat/ids", test_ids);
  g_test_add_func ("/brat/writer-atomic", test_writer_atomic);

  return g_test_run ();
}

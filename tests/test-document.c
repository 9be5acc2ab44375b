/* test-document.c: offsets, edits and change notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "byline-document.h"
#include "byline-error.h"

/* Emoji (astral: 2 UTF-16 units, 4 bytes), a ZWJ family (5 code points),
 * e + combining acute, CJK, curly quotes and an em dash. */
static const char adversarial[] =
  "“We will win 😀,” said Zoë—"
  "e\xcc\x81t\xc3\xa9 👩‍👩‍👧 "
  "in 北京 today.";

static BylineDocument *
new_document (const char *text)
{
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = byline_document_new ();

  byline_document_set_text (doc, text, -1, &error);
  g_assert_no_error (error);
  byline_document_mark_loaded (doc);
  return doc;
}

static void
test_offsets_roundtrip (void)
{
  g_autoptr(BylineDocument) doc = new_document (adversarial);
  const char *text = byline_document_get_text (doc);
  guint n = byline_document_get_n_chars (doc);
  const char *p = text;

  g_assert_cmpuint (n, ==, (guint) g_utf8_strlen (adversarial, -1));
  g_assert_cmpuint (byline_document_get_text_bytes (doc), ==, strlen (adversarial));

  /* Every code point offset maps to the byte GLib computes, and back. */
  for (guint i = 0; i <= n; i++)
    {
      gsize byte = byline_document_offset_to_byte (doc, i);

      g_assert_cmpuint (byte, ==, (gsize) (p - text));
      g_assert_cmpuint (byline_document_byte_to_offset (doc, byte), ==, i);
      if (i < n)
        p = g_utf8_next_char (p);
    }
}

static void
test_offsets_long_text (void)
{
  GString *s = g_string_new (NULL);
  g_autoptr(BylineDocument) doc = NULL;
  g_autofree char *slice = NULL;
  const char *p;
  guint n;

  /* Long enough to use many checkpoints; mixed widths. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (s, i % 7 == 0 ? "é" : i % 11 == 0 ? "😀" : i % 13 == 0 ? "北" : "a");
  doc = new_document (s->str);
  n = byline_document_get_n_chars (doc);
  g_assert_cmpuint (n, ==, 3000);
  p = s->str;
  for (guint i = 0; i <= n; i++)
    {
      g_assert_cmpuint (byline_document_offset_to_byte (doc, i), ==, (gsize) (p - s->str));
      g_assert_cmpuint (byline_document_byte_to_offset (doc, (gsize) (p - s->str)), ==, i);
      if (i < n)
        p = g_utf8_next_char (p);
    }
  slice = byline_document_dup_slice (doc, 2990, 3000);
  g_assert_cmpuint (g_utf8_strlen (slice, -1), ==, 10);
  g_string_free (s, TRUE);
}

static void
test_slices (void)
{
  g_autoptr(BylineDocument) doc = new_document (adversarial);
  g_autofree char *quote = byline_document_dup_slice (doc, 0, 16);
  g_autofree char *name = NULL;
  g_autofree char *family = NULL;
  g_autofree char *cjk = NULL;
  const char *text = byline_document_get_text (doc);
  const char *zoe = strstr (text, "Zoë");
  const char *fam = strstr (text, "👩");
  const char *bj = strstr (text, "北京");
  guint zoe_at = (guint) g_utf8_pointer_to_offset (text, zoe);
  guint fam_at = (guint) g_utf8_pointer_to_offset (text, fam);
  guint bj_at = (guint) g_utf8_pointer_to_offset (text, bj);

  g_assert_cmpstr (quote, ==, "“We will win 😀,”");
  name = byline_document_dup_slice (doc, zoe_at, zoe_at + 3);
  g_assert_cmpstr (name, ==, "Zoë");
  /* The family emoji is five code points: three people, two joiners. */
  family = byline_document_dup_slice (doc, fam_at, fam_at + 5);
  g_assert_cmpstr (family, ==, "👩‍👩‍👧");
  cjk = byline_document_dup_slice (doc, bj_at, bj_at + 2);
  g_assert_cmpstr (cjk, ==, "北京");
}

static void
test_text_rules (void)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 0, 2);

  g_assert_false (byline_document_set_text (doc, "ab\xff" "cd", -1, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "byte offset 2"));
  g_clear_error (&error);

  /* CRLF is kept as two code points. */
  g_assert_true (byline_document_set_text (doc, "a\r\nb", -1, &error));
  g_assert_cmpuint (byline_document_get_n_chars (doc), ==, 4);

  g_assert_nonnull (byline_document_add_annotation (doc, a, &error));
  g_assert_false (byline_document_set_text (doc, "other", -1, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpstr (byline_document_get_text (doc), ==, "a\r\nb");
}

static void
test_add_checks (void)
{
  g_autoptr(BylineDocument) doc = new_document ("\"We will win,\" said Smith.");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) past = byline_annotation_new ("entities", "PERSON", 20, 27);
  g_autoptr(BylineAnnotation) empty = byline_annotation_new ("entities", "PERSON", 5, 5);
  g_autoptr(BylineAnnotation) ok = byline_annotation_new ("entities", "PERSON", 20, 25);
  g_autoptr(BylineAnnotation) dup = byline_annotation_new ("entities", "ORG", 0, 3);
  g_autofree char *text = NULL;

  g_assert_null (byline_document_add_annotation (doc, past, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_null (byline_document_add_annotation (doc, empty, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_true (byline_document_add_annotation (doc, ok, &error) == ok);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_annotation_get_id (ok), ==, "a1");
  g_assert_nonnull (byline_annotation_get_created (ok));
  text = byline_document_dup_annotation_text (doc, ok);
  g_assert_cmpstr (text, ==, "Smith");
  g_assert_true (byline_annotation_get_document (ok) == doc);

  byline_annotation_set_id (dup, "a1");
  g_assert_null (byline_document_add_annotation (doc, dup, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID);
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 1);
}

static void
test_discontinuous_text (void)
{
  g_autoptr(BylineDocument) doc = new_document ("“First part,” he said, “second part.”");
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 13);
  g_autofree char *text = NULL;

  byline_annotation_add_fragment (q, 23, 37);
  g_assert_nonnull (byline_document_add_annotation (doc, q, NULL));
  text = byline_document_dup_annotation_text (doc, q);
  g_assert_cmpstr (text, ==, "“First part,” “second part.”");
}

typedef struct
{
  guint added;
  guint removed;
  guint changed;
  guint old_start;
  guint old_end;
  guint items_removed;
  guint items_added;
  guint items_position;
} Events;

static void
on_added (BylineDocument *doc, BylineAnnotation *a, Events *e)
{
  e->added++;
}

static void
on_removed (BylineDocument *doc, BylineAnnotation *a, Events *e)
{
  /* Still alive and queryable by the handler, but out of the document. */
  g_assert_true (BYLINE_IS_ANNOTATION (a));
  g_assert_null (byline_document_lookup_annotation (doc, byline_annotation_get_id (a)));
  e->removed++;
}

static void
on_changed (BylineDocument *doc, BylineAnnotation *a, guint old_start, guint old_end, Events *e)
{
  e->changed++;
  e->old_start = old_start;
  e->old_end = old_end;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Events *e)
{
  e->items_position = position;
  e->items_removed += removed;
  e->items_added += added;
}

static void
test_signals_and_list_model (void)
{
  g_autoptr(BylineDocument) doc = new_document ("Antony Blinken met Wang Yi in Beijing.");
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 0, 14);
  g_autoptr(BylineAnnotation) b = byline_annotation_new ("entities", "PERSON", 19, 26);
  g_autoptr(BylineAnnotation) edit = NULL;
  g_autoptr(BylineAnnotation) item = NULL;
  g_autoptr(GError) error = NULL;
  Events e = { 0 };

  g_signal_connect (doc, "annotation-added", G_CALLBACK (on_added), &e);
  g_signal_connect (doc, "annotation-removed", G_CALLBACK (on_removed), &e);
  g_signal_connect (doc, "annotation-changed", G_CALLBACK (on_changed), &e);
  g_signal_connect (doc, "items-changed", G_CALLBACK (on_items_changed), &e);

  byline_document_add_annotation (doc, a, NULL);
  byline_document_add_annotation (doc, b, NULL);
  g_assert_cmpuint (e.added, ==, 2);
  g_assert_cmpuint (e.items_added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (doc)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (doc), 1);
  g_assert_true (item == b);

  /* Grow b to "Wang Yi in": the signal gives the old extent to repaint. */
  edit = byline_annotation_copy (b);
  byline_annotation_set_range (edit, 19, 29);
  g_assert_true (byline_document_replace_annotation (doc, "a2", edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (e.changed, ==, 1);
  g_assert_cmpuint (e.old_start, ==, 19);
  g_assert_cmpuint (e.old_end, ==, 26);
  g_assert_cmpuint (byline_annotation_get_end (b), ==, 29);
  g_assert_nonnull (byline_annotation_get_modified (b));

  g_assert_true (byline_document_remove_annotation (doc, "a1"));
  g_assert_cmpuint (e.removed, ==, 1);
  g_assert_cmpuint (e.items_removed, ==, 1);
  g_assert_cmpuint (e.items_position, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (doc)), ==, 1);
  g_assert_null (byline_annotation_get_document (a));
  g_assert_false (byline_document_remove_annotation (doc, "a1"));

  /* A replace that changes nothing is no edit. */
  g_clear_object (&edit);
  edit = byline_annotation_copy (b);
  e.changed = 0;
  g_assert_true (byline_document_replace_annotation (doc, "a2", edit, NULL));
  g_assert_cmpuint (e.changed, ==, 0);
}

static void
test_query (void)
{
  g_autoptr(BylineDocument) doc = new_document ("“We will win,” said Smith of Acme Corp.");
  g_autoptr(BylineAnnotation) quote = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) smith = byline_annotation_new ("entities", "PERSON", 20, 25);
  g_autoptr(BylineAnnotation) speaker = byline_annotation_new ("speakers", "SPEAKER", 20, 25);
  g_autoptr(BylineAnnotation) org = byline_annotation_new ("entities", "ORG", 29, 38);
  g_autoptr(GPtrArray) at = NULL;
  g_autoptr(GPtrArray) range = NULL;

  byline_document_add_annotation (doc, org, NULL);
  byline_document_add_annotation (doc, smith, NULL);
  byline_document_add_annotation (doc, quote, NULL);
  byline_document_add_annotation (doc, speaker, NULL);

  at = byline_document_query_at (doc, 22);
  g_assert_cmpuint (at->len, ==, 2);
  range = byline_document_query (doc, 10, 30);
  g_assert_cmpuint (range->len, ==, 4);
  g_assert_true (range->pdata[0] == quote);
  g_assert_true (range->pdata[3] == org);
}

static void
test_relations (void)
{
  g_autoptr(BylineDocument) doc = new_document ("\"We will win,\" said Smith.");
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) s = byline_annotation_new ("speakers", "SPEAKER", 20, 25);
  g_autoptr(BylineRelation) r = NULL;
  g_autoptr(BylineRelation) bad = byline_relation_new ("said_by", "a1", "a9");
  g_autoptr(GPtrArray) of = NULL;
  g_autoptr(GError) error = NULL;

  byline_document_add_annotation (doc, q, NULL);
  byline_document_add_annotation (doc, s, NULL);
  r = byline_relation_new ("said_by", "a1", "a2");
  g_assert_nonnull (byline_document_add_relation (doc, r, &error));
  g_assert_cmpstr (byline_relation_get_id (r), ==, "r1");
  g_assert_null (byline_document_add_relation (doc, bad, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_ID);

  of = byline_document_get_relations_of (doc, "a2");
  g_assert_cmpuint (of->len, ==, 1);

  /* Deleting an endpoint deletes the relation. */
  byline_document_remove_annotation (doc, "a2");
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 0);
  g_assert_null (byline_relation_get_document (r));
}

/* What get_relations_of() answers, against a scan of all relations: the
 * same relations in the same order, through every kind of change. */
static void
check_relations_of (BylineDocument *doc,
                    const char     *id)
{
  g_autoptr(GPtrArray) of = byline_document_get_relations_of (doc, id);
  g_autoptr(GPtrArray) scan = g_ptr_array_new ();

  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);

      if (g_strcmp0 (byline_relation_get_from (r), id) == 0 ||
          g_strcmp0 (byline_relation_get_to (r), id) == 0)
        g_ptr_array_add (scan, r);
    }
  g_assert_cmpuint (of->len, ==, scan->len);
  for (guint i = 0; i < of->len; i++)
    g_assert_true (of->pdata[i] == scan->pdata[i]);
}

static void
check_all_relations_of (BylineDocument *doc)
{
  static const char *ids[] = { "a1", "a2", "a3", "a4", "a9", "" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    check_relations_of (doc, ids[i]);
}

static void
test_relations_of (void)
{
  g_autoptr(BylineDocument) doc = new_document ("\"We will win,\" said Smith, who he is.");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) of = NULL;
  g_autoptr(BylineRelation) moved = NULL;
  static const guint spans[][2] = { { 0, 14 }, { 15, 19 }, { 20, 25 }, { 31, 33 } };
  static const char *labels[] = { "QUOTE", "CUE", "SPEAKER", "SPEAKER" };
  static const char *rels[][3] = {
    { "said_by", "a1", "a3" }, { "cue", "a1", "a2" }, { "refers_to", "a4", "a3" }, { "refers_to", "a4", "a4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(BylineAnnotation) a = byline_annotation_new ("speakers", labels[i], spans[i][0], spans[i][1]);

      g_assert_nonnull (byline_document_add_annotation (doc, a, &error));
      g_assert_no_error (error);
    }
  check_all_relations_of (doc);
  for (guint i = 0; i < G_N_ELEMENTS (rels); i++)
    {
      g_autoptr(BylineRelation) r = byline_relation_new (rels[i][0], rels[i][1], rels[i][2]);

      g_assert_nonnull (byline_document_add_relation (doc, r, &error));
      g_assert_no_error (error);
      check_all_relations_of (doc);
    }
  /* A relation to itself is listed once. */
  of = byline_document_get_relations_of (doc, "a4");
  g_assert_cmpuint (of->len, ==, 2);
  g_clear_pointer (&of, g_ptr_array_unref);

  /* Its ends changed: a1 -> a3 becomes a2 -> a3, and back by undo. */
  moved = byline_relation_new ("said_by", "a2", "a3");
  g_assert_true (byline_document_replace_relation (doc, "r1", moved, &error));
  g_assert_no_error (error);
  check_all_relations_of (doc);
  of = byline_document_get_relations_of (doc, "a1");
  g_assert_cmpuint (of->len, ==, 1);
  g_clear_pointer (&of, g_ptr_array_unref);
  g_assert_true (byline_document_undo (doc));
  check_all_relations_of (doc);
  g_assert_true (byline_document_redo (doc));
  check_all_relations_of (doc);

  /* An end deleted takes its relations along; undo brings them back. */
  g_assert_true (byline_document_remove_annotation (doc, "a3"));
  check_all_relations_of (doc);
  of = byline_document_get_relations_of (doc, "a3");
  g_assert_cmpuint (of->len, ==, 0);
  g_clear_pointer (&of, g_ptr_array_unref);
  g_assert_true (byline_document_undo (doc));
  check_all_relations_of (doc);
  of = byline_document_get_relations_of (doc, "a3");
  g_assert_cmpuint (of->len, ==, 2);
  g_clear_pointer (&of, g_ptr_array_unref);

  g_assert_true (byline_document_remove_relation (doc, "r2"));
  check_all_relations_of (doc);
  g_assert_true (byline_document_undo (doc));
  check_all_relations_of (doc);
  of = byline_document_get_relations_of (doc, NULL);
  g_assert_cmpuint (of->len, ==, 0);
}

static void
test_meta_and_attributes (void)
{
  g_autoptr(BylineDocument) doc = new_document ("text");
  g_autoptr(JsonNode) done = json_node_new (JSON_NODE_VALUE);

  byline_document_set_meta_string (doc, "title", "Blinken to warn China");
  g_assert_cmpstr (byline_document_get_meta_string (doc, "title"), ==, "Blinken to warn China");
  g_assert_true (byline_document_get_modified (doc));

  json_node_set_boolean (done, TRUE);
  byline_document_set_attribute (doc, "done", done);
  g_assert_true (json_object_get_boolean_member (byline_document_get_attributes (doc), "done"));

  byline_document_set_modified (doc, FALSE);
  g_assert_false (byline_document_get_modified (doc));
  /* Setting the same value is no edit. */
  byline_document_set_meta_string (doc, "title", "Blinken to warn China");
  g_assert_false (byline_document_get_modified (doc));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/offsets-roundtrip", test_offsets_roundtrip);
  g_test_add_func ("/document/offsets-long-text", test_offsets_long_text);
  g_test_add_func ("/document/slices", test_slices);
  g_test_add_func ("/document/text-rules", test_text_rules);
  g_test_add_func ("/document/add-checks", test_add_checks);
  g_test_add_func ("/document/discontinuous-text", test_discontinuous_text);
  g_test_add_func ("/document/signals-and-list-model", test_signals_and_list_model);
  g_test_add_func ("/document/query", test_query);
  g_test_add_func ("/document/relations", test_relations);
  g_test_add_func ("/document/relations-of", test_relations_of);
  g_test_add_func ("/document/meta-and-attributes", test_meta_and_attributes);
  return g_test_run ();
}

/* test-history.c: every edit undoes and redoes to the exact same file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "byline-document.h"
#include "byline-history.h"
#include "byline-native.h"

static const char text[] =
  "“We are prepared to take action,” the official told reporters. "
  "Blinken 😀 will visit Shanghai and Beijing from April 24 to 26. "
  "“Either way,” he added, “this will be a major topic.”";

static BylineDocument *
new_document (void)
{
  BylineDocument *doc = byline_document_new ();

  byline_document_set_text (doc, text, -1, NULL);
  byline_document_set_id (doc, "doc-1");
  byline_document_mark_loaded (doc);
  return doc;
}

static char *
snapshot (BylineDocument *doc)
{
  return byline_native_to_string (doc, NULL);
}

/* One random edit of any kind, as a user could make it. */
static void
random_edit (BylineDocument *doc,
             GRand          *rand)
{
  guint n_chars = byline_document_get_n_chars (doc);
  guint n = byline_document_get_n_annotations (doc);
  int kind = g_rand_int_range (rand, 0, 8);

  if (n == 0 || kind <= 2)
    {
      guint start = (guint) g_rand_int_range (rand, 0, (gint32) n_chars - 10);
      g_autoptr(BylineAnnotation) a =
        byline_annotation_new ("entities", kind == 1 ? "GPE" : "PERSON", start,
                               start + (guint) g_rand_int_range (rand, 1, 10));

      if (kind == 2)
        byline_annotation_add_fragment (a, MIN (start + 12, n_chars - 2), MIN (start + 15, n_chars));
      g_assert_nonnull (byline_document_add_annotation (doc, a, NULL));
    }
  else if (kind == 3)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, (guint) g_rand_int_range (rand, 0, (gint32) n));
      g_autofree char *id = g_strdup (byline_annotation_get_id (a));

      g_assert_true (byline_document_remove_annotation (doc, id));
    }
  else if (kind == 4)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, (guint) g_rand_int_range (rand, 0, (gint32) n));
      g_autoptr(BylineAnnotation) edit = byline_annotation_copy (a);

      byline_annotation_set_label (edit, "ORG");
      byline_annotation_set_attribute_string (edit, "note", "changed");
      byline_annotation_set_status (edit, BYLINE_STATUS_ACCEPTED);
      g_assert_true (byline_document_replace_annotation (doc, byline_annotation_get_id (a), edit, NULL));
    }
  else if (kind == 5 && n >= 2)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, 0);
      BylineAnnotation *b = byline_document_get_annotation (doc, n - 1);
      g_autoptr(BylineRelation) r = byline_relation_new ("refers_to", byline_annotation_get_id (a),
                                                         byline_annotation_get_id (b));

      g_assert_nonnull (byline_document_add_relation (doc, r, NULL));
    }
  else if (kind == 6)
    {
      g_autofree char *title = g_strdup_printf ("Title %d", g_rand_int_range (rand, 0, 1000));

      byline_document_set_meta_string (doc, "title", title);
    }
  else
    {
      /* A grouped edit: two annotations and a relation, one undo step. */
      g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 33);
      g_autoptr(BylineAnnotation) s = byline_annotation_new ("speakers", "SPEAKER", 34, 46);
      g_autoptr(BylineRelation) r = NULL;

      byline_document_begin_group (doc, "Add quote");
      g_assert_nonnull (byline_document_add_annotation (doc, q, NULL));
      g_assert_nonnull (byline_document_add_annotation (doc, s, NULL));
      r = byline_relation_new ("said_by", byline_annotation_get_id (q), byline_annotation_get_id (s));
      g_assert_nonnull (byline_document_add_relation (doc, r, NULL));
      byline_document_end_group (doc);
    }
}

static void
test_random_roundtrip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(BylineDocument) doc = new_document ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  BylineHistory *history = byline_document_get_history (doc);
  guint steps;

  g_ptr_array_add (states, snapshot (doc));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *now = NULL;
      guint before = byline_history_get_n_steps (history);

      random_edit (doc, rand);
      now = snapshot (doc);
      /* An edit that changes nothing (the same label again) is no step,
       * and a step always changes the file. */
      if (byline_history_get_n_steps (history) == before)
        g_assert_cmpstr (now, ==, states->pdata[states->len - 1]);
      else
        {
          g_assert_cmpstr (now, !=, states->pdata[states->len - 1]);
          g_ptr_array_add (states, g_steal_pointer (&now));
        }
    }
  steps = states->len - 1;
  g_assert_cmpuint (steps, >, 150);
  g_assert_cmpuint (byline_history_get_n_steps (history), ==, steps);

  /* Undo all the way: every intermediate file comes back byte for byte. */
  for (guint i = steps; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (byline_document_undo (doc));
      now = snapshot (doc);
      g_assert_cmpstr (now, ==, states->pdata[i - 1]);
    }
  g_assert_false (byline_document_undo (doc));
  g_assert_false (byline_document_get_modified (doc));

  for (guint i = 1; i <= steps; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (byline_document_redo (doc));
      now = snapshot (doc);
      g_assert_cmpstr (now, ==, states->pdata[i]);
    }
  g_assert_false (byline_document_redo (doc));
}

static void
test_delete_restores_relations (void)
{
  g_autoptr(BylineDocument) doc = new_document ();
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 33);
  g_autoptr(BylineAnnotation) s = byline_annotation_new ("speakers", "SPEAKER", 34, 46);
  g_autoptr(BylineRelation) r = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BylineHistory *history = byline_document_get_history (doc);

  byline_document_add_annotation (doc, q, NULL);
  byline_document_add_annotation (doc, s, NULL);
  r = byline_relation_new ("said_by", "a1", "a2");
  byline_document_add_relation (doc, r, NULL);
  before = snapshot (doc);

  g_assert_true (byline_document_remove_annotation (doc, "a2"));
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 0);
  g_assert_cmpstr (byline_history_get_undo_description (history), ==, "Delete SPEAKER");

  /* One undo brings the annotation and its relation back. */
  g_assert_true (byline_document_undo (doc));
  after = snapshot (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 1);
  g_assert_nonnull (byline_document_lookup_annotation (doc, "a2"));
  g_assert_nonnull (byline_document_query_at (doc, 40)->pdata);
}

static void
test_group_is_one_step (void)
{
  g_autoptr(BylineDocument) doc = new_document ();
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "GPE", 100, 108);
  g_autoptr(BylineAnnotation) b = byline_annotation_new ("entities", "GPE", 113, 120);

  byline_document_begin_group (doc, "Label all");
  byline_document_begin_group (doc, NULL);
  byline_document_add_annotation (doc, a, NULL);
  byline_document_end_group (doc);
  byline_document_add_annotation (doc, b, NULL);
  byline_document_end_group (doc);

  g_assert_cmpuint (byline_history_get_n_steps (byline_document_get_history (doc)), ==, 1);
  g_assert_true (byline_document_undo (doc));
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 0);
  g_assert_true (byline_document_redo (doc));
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 2);

  /* An empty group leaves no step. */
  byline_document_begin_group (doc, "Nothing");
  byline_document_end_group (doc);
  g_assert_cmpuint (byline_history_get_n_steps (byline_document_get_history (doc)), ==, 1);
}

static void
on_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_modified_and_properties (void)
{
  g_autoptr(BylineDocument) doc = new_document ();
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 0, 5);
  g_autoptr(BylineAnnotation) b = byline_annotation_new ("entities", "PERSON", 6, 9);
  BylineHistory *history = byline_document_get_history (doc);
  guint modified_notifies = 0;
  guint undo_notifies = 0;

  g_signal_connect (doc, "notify::modified", G_CALLBACK (on_notify), &modified_notifies);
  g_signal_connect (history, "notify::can-undo", G_CALLBACK (on_notify), &undo_notifies);

  g_assert_false (byline_document_get_modified (doc));
  byline_document_add_annotation (doc, a, NULL);
  g_assert_true (byline_document_get_modified (doc));
  g_assert_true (byline_document_can_undo (doc));
  g_assert_cmpuint (modified_notifies, ==, 1);
  g_assert_cmpuint (undo_notifies, ==, 1);

  /* Saved here; one more edit, then undo it: back to the saved state. */
  byline_document_set_modified (doc, FALSE);
  byline_document_add_annotation (doc, b, NULL);
  g_assert_true (byline_document_get_modified (doc));
  byline_document_undo (doc);
  g_assert_false (byline_document_get_modified (doc));
  byline_document_undo (doc);
  g_assert_true (byline_document_get_modified (doc));
  g_assert_false (byline_document_can_undo (doc));
  g_assert_true (byline_document_can_redo (doc));

  /* A new edit drops the redo steps, and the saved state with them. */
  byline_document_redo (doc);
  g_assert_false (byline_document_get_modified (doc));
  byline_document_undo (doc);
  {
    g_autoptr(BylineAnnotation) c = byline_annotation_new ("entities", "ORG", 10, 12);
    byline_document_add_annotation (doc, c, NULL);
  }
  g_assert_false (byline_document_can_redo (doc));
  g_assert_true (byline_document_get_modified (doc));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/random-roundtrip", test_random_roundtrip);
  g_test_add_func ("/history/delete-restores-relations", test_delete_restores_relations);
  g_test_add_func ("/history/group-is-one-step", test_group_is_one_step);
  g_test_add_func ("/history/modified-and-properties", test_modified_and_properties);
  return g_test_run ();
}

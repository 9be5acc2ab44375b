/* test-span-index.c: the interval index against a brute-force scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "byline-span-index.h"

static GPtrArray *
brute_force (GPtrArray *all,
             guint      start,
             guint      end)
{
  GPtrArray *result = g_ptr_array_new ();

  if (end <= start)
    end = start + 1;
  for (guint i = 0; i < all->len; i++)
    {
      if (byline_annotation_overlaps (all->pdata[i], start, end))
        g_ptr_array_add (result, all->pdata[i]);
    }
  return result;
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  return byline_annotation_compare (*(BylineAnnotation **) a, *(BylineAnnotation **) b);
}

static void
assert_same (GPtrArray *expected,
             GPtrArray *actual)
{
  g_ptr_array_sort (expected, compare);
  g_assert_cmpuint (expected->len, ==, actual->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (expected->pdata[i] == actual->pdata[i]);
}

static BylineAnnotation *
random_annotation (GRand *rand,
                   guint  n,
                   guint  length)
{
  guint start = (guint) g_rand_int_range (rand, 0, (gint32) length - 1);
  guint len = g_rand_boolean (rand) ? (guint) g_rand_int_range (rand, 1, 12)
                                    : (guint) g_rand_int_range (rand, 1, 400);
  g_autofree char *id = g_strdup_printf ("a%u", n);
  BylineAnnotation *a = byline_annotation_new ("entities", "PERSON", start, MIN (start + len, length));

  byline_annotation_set_id (a, id);
  /* Some discontinuous ones: several fragments of one annotation. */
  if (g_rand_int_range (rand, 0, 10) == 0 && start + len + 50 < length)
    byline_annotation_add_fragment (a, start + len + 20, start + len + 50);
  return a;
}

static void
check_queries (BylineSpanIndex *index,
               GPtrArray       *all,
               GRand           *rand,
               guint            length)
{
  for (guint q = 0; q < 300; q++)
    {
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) actual = g_ptr_array_new ();
      guint start = (guint) g_rand_int_range (rand, 0, (gint32) length);
      guint end = start + (guint) g_rand_int_range (rand, 0, 300);

      expected = brute_force (all, start, end);
      byline_span_index_query (index, start, end, actual);
      assert_same (expected, actual);
    }
}

static void
test_random_against_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(BylineSpanIndex) index = byline_span_index_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  const guint length = 20000;

  /* Sizes around powers of two exercise the implicit tree's edges. */
  for (guint n = 0; n < 2100; n++)
    {
      BylineAnnotation *a = random_annotation (rand, n, length);

      g_ptr_array_add (all, a);
      if (n % 2)
        byline_span_index_add (index, a);
      else
        byline_span_index_add_unsorted (index, a);
      if (n < 70 || n == 127 || n == 128 || n == 129 || n == 1023 || n == 1024 || n == 2047)
        check_queries (index, all, rand, length);
    }
  check_queries (index, all, rand, length);

  /* Remove a third of them at random and check again. */
  for (guint i = 0; i < 700; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, (gint32) all->len);

      g_assert_true (byline_span_index_remove (index, all->pdata[k]));
      g_ptr_array_remove_index_fast (all, k);
    }
  check_queries (index, all, rand, length);
  g_assert_cmpuint (byline_span_index_get_size (index), >=, all->len);
}

static void
test_point_and_edges (void)
{
  g_autoptr(BylineSpanIndex) index = byline_span_index_new ();
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 5, 10);
  g_autoptr(BylineAnnotation) b = byline_annotation_new ("speakers", "QUOTE", 0, 20);
  g_autoptr(GPtrArray) r = g_ptr_array_new ();

  byline_annotation_set_id (a, "a1");
  byline_annotation_set_id (b, "a2");

  byline_span_index_query_at (index, 3, r);
  g_assert_cmpuint (r->len, ==, 0);

  byline_span_index_add (index, a);
  byline_span_index_add (index, b);

  /* End-exclusive: offset 10 is outside a, inside b. */
  byline_span_index_query_at (index, 10, r);
  g_assert_cmpuint (r->len, ==, 1);
  g_assert_true (r->pdata[0] == b);
  g_ptr_array_set_size (r, 0);

  byline_span_index_query_at (index, 5, r);
  g_assert_cmpuint (r->len, ==, 2);
  /* Sorted by start: the quote (0) before the person (5). */
  g_assert_true (r->pdata[0] == b);
  g_assert_true (r->pdata[1] == a);
  g_ptr_array_set_size (r, 0);

  byline_span_index_query (index, 20, 30, r);
  g_assert_cmpuint (r->len, ==, 0);

  g_assert_true (byline_span_index_remove (index, a));
  g_assert_false (byline_span_index_remove (index, a));
  byline_span_index_query_at (index, 5, r);
  g_assert_cmpuint (r->len, ==, 1);
}

static void
test_fragments_reported_once (void)
{
  g_autoptr(BylineSpanIndex) index = byline_span_index_new ();
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 10);
  g_autoptr(GPtrArray) r = g_ptr_array_new ();

  byline_annotation_set_id (q, "a1");
  byline_annotation_add_fragment (q, 20, 30);
  byline_span_index_add (index, q);
  g_assert_cmpuint (byline_span_index_get_size (index), ==, 2);

  byline_span_index_query (index, 0, 40, r);
  g_assert_cmpuint (r->len, ==, 1);
  g_ptr_array_set_size (r, 0);
  /* The gap between fragments is not covered. */
  byline_span_index_query (index, 12, 18, r);
  g_assert_cmpuint (r->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/span-index/random-vs-brute-force", test_random_against_brute_force);
  g_test_add_func ("/span-index/point-and-edges", test_point_and_edges);
  g_test_add_func ("/span-index/fragments-reported-once", test_fragments_reported_once);
  return g_test_run ();
}

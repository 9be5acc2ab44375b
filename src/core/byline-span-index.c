/* byline-span-index.c: an implicit augmented interval tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entries (one per fragment) live in one array sorted by (start, end).
 * Read as a binary tree whose root is the middle element and
 * whose levels are given by the trailing one-bits of the index, as in Heng
 * Li's cgranges, each entry also stores the largest end in its subtree. A
 * query then walks only the subtrees that can overlap: O(log n + k).
 *
 * Why not a balanced tree of nodes: the array is one allocation, twelve
 * bytes an entry plus the pointer, and scanning it is cache friendly. An
 * edit is a binary search and one memmove (tens of microseconds for 50,000
 * entries); the subtree maxima are recomputed lazily, in one linear pass,
 * before the next query.
 */
#include "config.h"

#include <stdlib.h>

#include "byline-span-index.h"

typedef struct
{
  guint             start;
  guint             end;
  guint             max_end;
  BylineAnnotation *annotation;
} Entry;

struct _BylineSpanIndex
{
  GArray *entries;
  int     root_level;
  guint   sorted : 1;
  guint   augmented : 1;
};

BylineSpanIndex *
byline_span_index_new (void)
{
  BylineSpanIndex *self = g_new0 (BylineSpanIndex, 1);

  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->sorted = TRUE;
  self->root_level = -1;
  return self;
}

void
byline_span_index_free (BylineSpanIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

/* The order is (start, end) only: entries with equal ranges may stand in
 * any order. So a file read in its own order, which is (start, end, id),
 * is already sorted and needs no sort at all. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->start != eb->start)
    return ea->start < eb->start ? -1 : 1;
  if (ea->end != eb->end)
    return ea->end < eb->end ? -1 : 1;
  return 0;
}

static void
ensure_sorted (BylineSpanIndex *self)
{
  if (self->sorted)
    return;
  g_array_sort (self->entries, compare_entries);
  self->sorted = TRUE;
  self->augmented = FALSE;
}

/* Returns the first position whose range is not below @key's. */
static guint
lower_bound (BylineSpanIndex *self,
             const Entry     *key)
{
  const Entry *a = (const Entry *) (gpointer) self->entries->data;
  guint lo = 0;
  guint hi = self->entries->len;

  g_assert (self->sorted);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_entries (&a[mid], key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Finds @key's own entry (same range and annotation). */
static gboolean
find_entry (BylineSpanIndex *self,
            const Entry     *key,
            guint           *pos)
{
  const Entry *a = (const Entry *) (gpointer) self->entries->data;

  for (guint i = lower_bound (self, key);
       i < self->entries->len && compare_entries (&a[i], key) == 0;
       i++)
    {
      if (a[i].annotation == key->annotation)
        {
          *pos = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Computes the subtree maxima bottom-up; returns the root's level. */
static void
ensure_augmented (BylineSpanIndex *self)
{
  Entry *a;
  gsize n;
  gsize i, last_i = 0;
  guint last = 0;
  int k;

  ensure_sorted (self);
  if (self->augmented)
    return;
  self->augmented = TRUE;

  a = (Entry *) (gpointer) self->entries->data;
  n = self->entries->len;
  if (n == 0)
    {
      self->root_level = -1;
      return;
    }

  for (i = 0; i < n; i += 2)
    {
      last_i = i;
      last = a[i].max_end = a[i].end;
    }
  for (k = 1; ((gsize) 1 << k) <= n; k++)
    {
      gsize x = (gsize) 1 << (k - 1);
      gsize i0 = (x << 1) - 1;
      gsize step = x << 2;

      for (i = i0; i < n; i += step)
        {
          guint el = a[i - x].max_end;
          guint er = i + x < n ? a[i + x].max_end : last;
          guint e = a[i].end;

          e = MAX (e, el);
          e = MAX (e, er);
          a[i].max_end = e;
        }
      last_i = (last_i >> k & 1) ? last_i - x : last_i + x;
      if (last_i < n && a[last_i].max_end > last)
        last = a[last_i].max_end;
    }
  self->root_level = k - 1;
}

static void
insert_entry (BylineSpanIndex *self,
              const Entry     *entry,
              gboolean         keep_sorted)
{
  Entry *a = (Entry *) (gpointer) self->entries->data;
  guint n = self->entries->len;

  self->augmented = FALSE;
  if (self->sorted && n > 0 && compare_entries (&a[n - 1], entry) > 0)
    {
      if (keep_sorted)
        {
          g_array_insert_val (self->entries, lower_bound (self, entry), *entry);
          return;
        }
      self->sorted = FALSE;
    }
  g_array_append_val (self->entries, *entry);
}

static void
add (BylineSpanIndex  *self,
     BylineAnnotation *annotation,
     gboolean          keep_sorted)
{
  guint n = byline_annotation_get_n_fragments (annotation);

  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);
      Entry e = { f->start, f->end, f->end, annotation };

      insert_entry (self, &e, keep_sorted);
    }
}

/**
 * byline_span_index_add:
 * @annotation: (transfer none): an annotation; the index does not hold a
 *   reference, and the caller removes it before it changes or dies
 *
 * Adds every fragment of @annotation, keeping the index sorted.
 */
void
byline_span_index_add (BylineSpanIndex  *self,
                       BylineAnnotation *annotation)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (BYLINE_IS_ANNOTATION (annotation));

  ensure_sorted (self);
  add (self, annotation, TRUE);
}

/**
 * byline_span_index_add_unsorted:
 *
 * Like byline_span_index_add(), but for loading many annotations in any
 * order: sorting is done once, before the next query.
 */
void
byline_span_index_add_unsorted (BylineSpanIndex  *self,
                                BylineAnnotation *annotation)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (BYLINE_IS_ANNOTATION (annotation));

  add (self, annotation, FALSE);
}

/**
 * byline_span_index_remove:
 *
 * Removes @annotation, which must still have the fragments it had when it
 * was added.
 *
 * Returns: %TRUE when it was there
 */
gboolean
byline_span_index_remove (BylineSpanIndex  *self,
                          BylineAnnotation *annotation)
{
  guint n;
  gboolean removed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (annotation), FALSE);

  ensure_sorted (self);
  n = byline_annotation_get_n_fragments (annotation);
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);
      Entry key = { f->start, f->end, 0, annotation };
      guint pos;

      if (find_entry (self, &key, &pos))
        {
          g_array_remove_index (self->entries, pos);
          removed = TRUE;
        }
    }
  if (removed)
    self->augmented = FALSE;
  return removed;
}

void
byline_span_index_clear (BylineSpanIndex *self)
{
  g_return_if_fail (self != NULL);
  g_array_set_size (self->entries, 0);
  self->sorted = TRUE;
  self->augmented = FALSE;
}

/**
 * byline_span_index_get_size:
 *
 * Returns: the number of fragments indexed
 */
guint
byline_span_index_get_size (BylineSpanIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

typedef struct
{
  gsize x;
  int   k;
  int   w;
} Frame;

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  BylineAnnotation *aa = *(BylineAnnotation **) a;
  BylineAnnotation *ab = *(BylineAnnotation **) b;

  return byline_annotation_compare (aa, ab);
}

/**
 * byline_span_index_query:
 * @start: first code point of the range
 * @end: end of the range (exclusive); @start == @end asks for the
 *   annotations that contain that one offset
 * @result: (element-type BylineAnnotation): appended to: each annotation
 *   with a fragment that overlaps [@start, @end), once, sorted by (start,
 *   end, id); no references are added
 */
void
byline_span_index_query (BylineSpanIndex *self,
                         guint            start,
                         guint            end,
                         GPtrArray       *result)
{
  Frame stack[64];
  const Entry *a;
  gsize n;
  guint first_new;
  int t = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (result != NULL);

  ensure_augmented (self);
  n = self->entries->len;
  if (n == 0)
    return;
  /* A point query is the one-code-point range at it. */
  if (end <= start)
    end = start + 1;

  a = (const Entry *) (gpointer) self->entries->data;
  first_new = result->len;
  stack[t].k = self->root_level;
  stack[t].x = ((gsize) 1 << self->root_level) - 1;
  stack[t++].w = 0;

  while (t > 0)
    {
      Frame z = stack[--t];

      if (z.k <= 3)
        {
          /* A small subtree: scan it. */
          gsize i0 = z.x >> z.k << z.k;
          gsize i1 = i0 + ((gsize) 1 << (z.k + 1)) - 1;

          if (i1 >= n)
            i1 = n;
          for (gsize i = i0; i < i1 && a[i].start < end; i++)
            {
              if (start < a[i].end)
                g_ptr_array_add (result, a[i].annotation);
            }
        }
      else if (z.w == 0)
        {
          gsize y = z.x - ((gsize) 1 << (z.k - 1));

          stack[t].k = z.k;
          stack[t].x = z.x;
          stack[t++].w = 1;
          if (y >= n || a[y].max_end > start)
            {
              stack[t].k = z.k - 1;
              stack[t].x = y;
              stack[t++].w = 0;
            }
        }
      else if (z.x < n && a[z.x].start < end)
        {
          if (start < a[z.x].end)
            g_ptr_array_add (result, a[z.x].annotation);
          stack[t].k = z.k - 1;
          stack[t].x = z.x + ((gsize) 1 << (z.k - 1));
          stack[t++].w = 0;
        }
    }

  /* Order for callers, and one entry per annotation: the fragments of one
   * annotation sort next to each other. */
  if (result->len - first_new > 1)
    {
      guint out = first_new + 1;

      qsort (result->pdata + first_new, result->len - first_new,
             sizeof (gpointer), compare_annotations);
      for (guint i = first_new + 1; i < result->len; i++)
        {
          if (result->pdata[i] != result->pdata[out - 1])
            result->pdata[out++] = result->pdata[i];
        }
      g_ptr_array_set_size (result, out);
    }
}

/**
 * byline_span_index_query_at:
 * @result: (element-type BylineAnnotation): appended to: the annotations
 *   with a fragment containing @offset
 */
void
byline_span_index_query_at (BylineSpanIndex *self,
                            guint            offset,
                            GPtrArray       *result)
{
  byline_span_index_query (self, offset, offset + 1, result);
}

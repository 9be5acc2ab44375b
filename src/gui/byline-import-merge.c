/* byline-import-merge.c: an imported document's annotations, added to the
 * article shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Document logic only, for a document of the file that has exactly the
 * text of the article: no widget here.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-import-dialog.h"

static gboolean
same_fragments (BylineAnnotation *a,
                BylineAnnotation *b)
{
  guint n = byline_annotation_get_n_fragments (a);

  if (n != byline_annotation_get_n_fragments (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *fa = byline_annotation_get_fragment (a, i);
      const BylineFragment *fb = byline_annotation_get_fragment (b, i);

      if (fa->start != fb->start || fa->end != fb->end)
        return FALSE;
    }
  return TRUE;
}

/* The annotation of @target that says what @a says, if any. */
static BylineAnnotation *
find_same_annotation (BylineDocument   *target,
                      BylineAnnotation *a)
{
  g_autoptr(GPtrArray) near = byline_document_query (target,
                                                     byline_annotation_get_start (a),
                                                     MAX (byline_annotation_get_end (a),
                                                          byline_annotation_get_start (a) + 1));

  for (guint i = 0; i < near->len; i++)
    {
      BylineAnnotation *b = near->pdata[i];

      if (g_strcmp0 (byline_annotation_get_layer (a), byline_annotation_get_layer (b)) == 0 &&
          g_strcmp0 (byline_annotation_get_label (a), byline_annotation_get_label (b)) == 0 &&
          same_fragments (a, b))
        return b;
    }
  return NULL;
}

static gboolean
has_relation (BylineDocument *target,
              const char     *type,
              const char     *from,
              const char     *to)
{
  g_autoptr(GPtrArray) relations = byline_document_get_relations_of (target, from);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_strcmp0 (byline_relation_get_relation_type (r), type) == 0 &&
          g_strcmp0 (byline_relation_get_from (r), from) == 0 &&
          g_strcmp0 (byline_relation_get_to (r), to) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * byline_import_merge:
 * @target: the window's document
 * @source: a document with the same text
 * @n_annotations: (out) (optional): how many annotations were added
 * @n_relations: (out) (optional): how many relations were added
 * @n_present: (out) (optional): annotations @target had already
 *
 * Adds the annotations and relations of @source to @target as one undo
 * step. An id @target uses already gets a new one, and the relations
 * follow their annotations to their new ids. On failure nothing is added.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_import_merge (BylineDocument  *target,
                     BylineDocument  *source,
                     guint           *n_annotations,
                     guint           *n_relations,
                     guint           *n_present,
                     GError         **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint added = 0, linked = 0, present = 0;
  guint n;
  gboolean ok = TRUE;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (target), FALSE);
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (source), FALSE);

  byline_document_begin_group (target, _("Import"));

  n = byline_document_get_n_annotations (source);
  for (guint i = 0; ok && i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (source, i);
      BylineAnnotation *same = find_same_annotation (target, a);
      g_autoptr(BylineAnnotation) copy = NULL;
      BylineAnnotation *in;

      if (same != NULL)
        {
          g_hash_table_insert (ids, g_strdup (byline_annotation_get_id (a)),
                               g_strdup (byline_annotation_get_id (same)));
          present++;
          continue;
        }
      copy = byline_annotation_copy (a);
      if (byline_document_lookup_annotation (target, byline_annotation_get_id (a)) != NULL)
        byline_annotation_set_id (copy, NULL);
      in = byline_document_add_annotation (target, copy, error);
      if (in == NULL)
        {
          ok = FALSE;
          break;
        }
      g_hash_table_insert (ids, g_strdup (byline_annotation_get_id (a)),
                           g_strdup (byline_annotation_get_id (in)));
      added++;
    }

  n = byline_document_get_n_relations (source);
  for (guint i = 0; ok && i < n; i++)
    {
      BylineRelation *r = byline_document_get_relation (source, i);
      const char *from = g_hash_table_lookup (ids, byline_relation_get_from (r));
      const char *to = g_hash_table_lookup (ids, byline_relation_get_to (r));
      g_autoptr(BylineRelation) copy = NULL;

      if (from == NULL || to == NULL ||
          has_relation (target, byline_relation_get_relation_type (r), from, to))
        continue;
      copy = byline_relation_copy (r);
      byline_relation_set_from (copy, from);
      byline_relation_set_to (copy, to);
      if (byline_document_lookup_relation (target, byline_relation_get_id (r)) != NULL)
        byline_relation_set_id (copy, NULL);
      if (byline_document_add_relation (target, copy, error) == NULL)
        {
          ok = FALSE;
          break;
        }
      linked++;
    }

  byline_document_end_group (target);

  /* All or nothing: the step just recorded goes again. */
  if (!ok && added + linked > 0)
    byline_document_undo (target);

  if (n_annotations != NULL)
    *n_annotations = ok ? added : 0;
  if (n_relations != NULL)
    *n_relations = ok ? linked : 0;
  if (n_present != NULL)
    *n_present = present;
  return ok;
}

/* byline-suggest.c: extractors that suggest annotations, and their results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run of extractors fills a BylineSuggestions from the text alone, in a
 * worker thread if need be; applying it to the document is one undoable
 * step on the main thread. Suggestions already in the document, under any
 * status, are not suggested again: a span a reviewer rejected stays
 * rejected, and running Suggest twice adds nothing the second time.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-relation.h"
#include "byline-suggest.h"

struct _BylineSuggestions
{
  GPtrArray  *annotations;  /* BylineAnnotation, ids "suggestion:N" */
  GPtrArray  *relations;    /* BylineRelation, between those ids or context ids */
  GPtrArray  *context;      /* copies of the document's annotations */
  GHashTable *by_id;        /* id -> annotation, suggestions and context */
  GHashTable *by_span;      /* "label\x1fstart\x1fend" -> suggestion */
  GHashTable *relation_keys; /* "type\x1ffrom\x1fto" of every relation */
  char       *origin;
  guint       next_id;
};

static const BylineExtractor * const extractors[] = {
  &byline_extractor_entities,
  &byline_extractor_quotes,
  &byline_extractor_claims,
  NULL
};

/**
 * byline_extractors_list:
 *
 * Returns: (transfer none) (array zero-terminated=1): the built-in
 *   extractors, in the order a run calls them
 */
const BylineExtractor * const *
byline_extractors_list (void)
{
  return extractors;
}

const BylineExtractor *
byline_extractor_lookup (const char *name)
{
  for (guint i = 0; name != NULL && extractors[i] != NULL; i++)
    {
      if (g_str_equal (extractors[i]->name, name))
        return extractors[i];
    }
  return NULL;
}

BylineSuggestions *
byline_suggestions_new (void)
{
  BylineSuggestions *self = g_new0 (BylineSuggestions, 1);

  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->relations = g_ptr_array_new_with_free_func (g_object_unref);
  self->context = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_span = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->relation_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->origin = g_strdup ("rules");
  return self;
}

/**
 * byline_suggestions_new_for_document:
 *
 * Suggestions for @document: its annotations are copied in as context,
 * so that extractors running in another thread can see them.
 *
 * Returns: (transfer full): the suggestions, empty
 */
BylineSuggestions *
byline_suggestions_new_for_document (BylineDocument *document)
{
  BylineSuggestions *self = byline_suggestions_new ();
  guint n = byline_document_get_n_annotations (document);

  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *copy = byline_annotation_copy (byline_document_get_annotation (document, i));

      g_ptr_array_add (self->context, copy);
      if (byline_annotation_get_id (copy) != NULL)
        g_hash_table_insert (self->by_id, (gpointer) byline_annotation_get_id (copy), copy);
    }
  return self;
}

void
byline_suggestions_free (BylineSuggestions *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->by_span);
  g_hash_table_unref (self->relation_keys);
  g_ptr_array_unref (self->annotations);
  g_ptr_array_unref (self->relations);
  g_ptr_array_unref (self->context);
  g_free (self->origin);
  g_free (self);
}

/* The origin that the suggestions added next carry ("rules:quotes"). */
void
byline_suggestions_set_origin (BylineSuggestions *self,
                               const char        *origin)
{
  g_free (self->origin);
  self->origin = g_strdup (origin);
}

static char *
span_key (const char *label,
          guint       start,
          guint       end)
{
  return g_strdup_printf ("%s\x1f%u\x1f%u", label, start, end);
}

/**
 * byline_suggestions_add_span:
 * @confidence: from 0 to 1, or a negative number when unknown
 *
 * Suggests @label over [@start, @end). The same label over the same span
 * twice is one suggestion (the higher confidence wins).
 *
 * Returns: (transfer none) (nullable): the suggestion's id, for relations;
 *   %NULL for an empty span
 */
const char *
byline_suggestions_add_span (BylineSuggestions *self,
                             const char        *layer,
                             const char        *label,
                             guint              start,
                             guint              end,
                             double             confidence)
{
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  BylineAnnotation *annotation;
  double old;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (layer != NULL && label != NULL, NULL);

  if (start >= end)
    return NULL;
  key = span_key (label, start, end);
  annotation = g_hash_table_lookup (self->by_span, key);
  if (annotation != NULL)
    {
      if (confidence >= 0 &&
          (!byline_annotation_get_confidence (annotation, &old) || confidence > old))
        byline_annotation_set_confidence (annotation, MIN (confidence, 1.0));
      return byline_annotation_get_id (annotation);
    }

  annotation = byline_annotation_new (layer, label, start, end);
  id = g_strdup_printf ("suggestion:%u", ++self->next_id);
  byline_annotation_set_id (annotation, id);
  byline_annotation_set_status (annotation, BYLINE_STATUS_SUGGESTED);
  byline_annotation_set_origin (annotation, self->origin);
  if (confidence >= 0)
    byline_annotation_set_confidence (annotation, MIN (confidence, 1.0));
  g_ptr_array_add (self->annotations, annotation);
  g_hash_table_insert (self->by_id, (gpointer) byline_annotation_get_id (annotation), annotation);
  g_hash_table_insert (self->by_span, g_steal_pointer (&key), annotation);
  return byline_annotation_get_id (annotation);
}

/**
 * byline_suggestions_lookup:
 *
 * Returns: (transfer none) (nullable): the suggestion or the context
 *   annotation with @id
 */
BylineAnnotation *
byline_suggestions_lookup (BylineSuggestions *self,
                           const char        *id)
{
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * byline_suggestions_add_relation:
 * @from: a suggestion's id, or a context annotation's
 * @to: the same
 *
 * Returns: %TRUE when both ends are known
 */
gboolean
byline_suggestions_add_relation (BylineSuggestions *self,
                                 const char        *type,
                                 const char        *from,
                                 const char        *to)
{
  g_autofree char *key = NULL;
  BylineRelation *relation;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (type != NULL, FALSE);

  if (byline_suggestions_lookup (self, from) == NULL || byline_suggestions_lookup (self, to) == NULL)
    return FALSE;
  /* A hash, not a scan: an article of 33,000 quotes by one speaker made
   * the scan quadratic (40 s). */
  key = g_strconcat (type, "\x1f", from, "\x1f", to, NULL);
  if (!g_hash_table_add (self->relation_keys, g_steal_pointer (&key)))
    return TRUE;
  relation = byline_relation_new (type, from, to);
  byline_relation_set_status (relation, BYLINE_STATUS_SUGGESTED);
  byline_relation_set_origin (relation, self->origin);
  g_ptr_array_add (self->relations, relation);
  return TRUE;
}

/**
 * byline_suggestions_get_annotations:
 *
 * Returns: (transfer none) (element-type BylineAnnotation): the suggested
 *   annotations, in the order they were found
 */
GPtrArray *
byline_suggestions_get_annotations (BylineSuggestions *self)
{
  return self->annotations;
}

/**
 * byline_suggestions_get_relations:
 *
 * Returns: (transfer none) (element-type BylineRelation): the suggested
 *   relations
 */
GPtrArray *
byline_suggestions_get_relations (BylineSuggestions *self)
{
  return self->relations;
}

/**
 * byline_suggestions_get_context:
 *
 * Returns: (transfer none) (element-type BylineAnnotation): copies of the
 *   document's annotations when the run began
 */
GPtrArray *
byline_suggestions_get_context (BylineSuggestions *self)
{
  return self->context;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  return byline_annotation_compare (*(BylineAnnotation **) a, *(BylineAnnotation **) b);
}

/**
 * byline_suggestions_find:
 * @label: (nullable): a label, or %NULL for all
 * @with_context: whether the document's own annotations (not rejected
 *   ones) count too
 *
 * Returns: (transfer container) (element-type BylineAnnotation): the
 *   annotations with @label, sorted by their start
 */
GPtrArray *
byline_suggestions_find (BylineSuggestions *self,
                         const char        *label,
                         gboolean           with_context)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < self->annotations->len; i++)
    {
      BylineAnnotation *a = self->annotations->pdata[i];

      if (label == NULL || g_str_equal (byline_annotation_get_label (a), label))
        g_ptr_array_add (found, a);
    }
  for (guint i = 0; with_context && i < self->context->len; i++)
    {
      BylineAnnotation *a = self->context->pdata[i];

      if ((label == NULL || g_str_equal (byline_annotation_get_label (a), label)) &&
          byline_annotation_get_status (a) != BYLINE_STATUS_REJECTED)
        g_ptr_array_add (found, a);
    }
  g_ptr_array_sort (found, compare_by_start);
  return found;
}

/**
 * byline_suggestions_run:
 * @names: (nullable) (array zero-terminated=1): the extractors to run;
 *   %NULL for all
 *
 * Runs the extractors, in the registry's order, on @text.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_suggestions_run (BylineSuggestions   *self,
                        const char          *text,
                        const char * const  *names,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (byline_extractor_lookup (names[i]) == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; extractors[j] != NULL; j++)
            g_string_append_printf (known, "%s%s", j ? ", " : "", extractors[j]->name);
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("No extractor is called “%s” (there are: %s)"), names[i], known->str);
          return FALSE;
        }
    }
  for (guint i = 0; extractors[i] != NULL; i++)
    {
      const BylineExtractor *e = extractors[i];

      if (names != NULL && !g_strv_contains (names, e->name))
        continue;
      if (e->run == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("The %s extractor is not available in this build"), e->name);
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      byline_suggestions_set_origin (self, e->origin);
      if (!e->run (text, self, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_relation (BylineDocument *document,
              const char     *type,
              const char     *from,
              const char     *to)
{
  g_autoptr(GPtrArray) relations = byline_document_get_relations_of (document, from);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_str_equal (byline_relation_get_relation_type (r), type) &&
          g_str_equal (byline_relation_get_from (r), from) &&
          g_str_equal (byline_relation_get_to (r), to))
        return TRUE;
    }
  return FALSE;
}

/* The document's annotation with @label over exactly @a's span, any
 * status, or NULL. */
static BylineAnnotation *
find_same (BylineDocument   *document,
           BylineAnnotation *a)
{
  g_autoptr(GPtrArray) there = byline_document_query (document, byline_annotation_get_start (a),
                                                      byline_annotation_get_end (a));

  for (guint i = 0; i < there->len; i++)
    {
      BylineAnnotation *b = there->pdata[i];

      if (byline_annotation_get_start (b) == byline_annotation_get_start (a) &&
          byline_annotation_get_end (b) == byline_annotation_get_end (a) &&
          g_str_equal (byline_annotation_get_label (b), byline_annotation_get_label (a)))
        return b;
    }
  return NULL;
}

/**
 * byline_suggestions_apply:
 * @n_relations: (out) (optional): how many relations were added
 *
 * Adds the suggestions to @document as one undoable step. A suggestion
 * the document already has (the same label over the same span, under any
 * status: a rejected one stays rejected) is not added again; relations to
 * it go to the one already there, unless that one was rejected.
 *
 * Returns: how many annotations were added
 */
guint
byline_suggestions_apply (BylineSuggestions *self,
                          BylineDocument    *document,
                          guint             *n_relations)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint n_chars = byline_document_get_n_chars (document);
  guint added = 0, linked = 0;

  byline_document_begin_group (document, _("Suggest"));
  for (guint i = 0; i < self->annotations->len; i++)
    {
      BylineAnnotation *a = self->annotations->pdata[i];
      BylineAnnotation *there = find_same (document, a);
      g_autoptr(BylineAnnotation) copy = NULL;

      if (byline_annotation_get_end (a) > n_chars)
        continue;
      if (there == NULL)
        {
          copy = byline_annotation_copy (a);
          byline_annotation_set_id (copy, NULL);
          there = byline_document_add_annotation (document, copy, NULL);
          if (there == NULL)
            continue;
          added++;
        }
      /* A span the reviewer rejected takes no relations either. */
      if (byline_annotation_get_status (there) != BYLINE_STATUS_REJECTED)
        g_hash_table_insert (ids, (gpointer) byline_annotation_get_id (a),
                             g_strdup (byline_annotation_get_id (there)));
    }
  for (guint i = 0; i < self->relations->len; i++)
    {
      BylineRelation *r = self->relations->pdata[i];
      const char *from = g_hash_table_lookup (ids, byline_relation_get_from (r));
      const char *to = g_hash_table_lookup (ids, byline_relation_get_to (r));
      g_autoptr(BylineRelation) copy = NULL;

      /* An end in the context keeps its own id. */
      if (from == NULL && byline_document_lookup_annotation (document, byline_relation_get_from (r)))
        from = byline_relation_get_from (r);
      if (to == NULL && byline_document_lookup_annotation (document, byline_relation_get_to (r)))
        to = byline_relation_get_to (r);
      if (from == NULL || to == NULL ||
          has_relation (document, byline_relation_get_relation_type (r), from, to))
        continue;
      copy = byline_relation_new (byline_relation_get_relation_type (r), from, to);
      byline_relation_set_status (copy, BYLINE_STATUS_SUGGESTED);
      byline_relation_set_origin (copy, byline_relation_get_origin (r));
      if (byline_document_add_relation (document, copy, NULL) != NULL)
        linked++;
    }
  byline_document_end_group (document);
  if (n_relations != NULL)
    *n_relations = linked;
  return added;
}

/* byline-brat-read.c: brat standoff: building documents from .ann lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events and attribution, annotations, relations, attributes and notes
 * from the lines byline-brat-parse.c read; the files and directories.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-brat-private.h"
#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-import.h"

/* ---- Reading: events and attribution ----------------------------------- */

static const char * const attribution_labels[N_ROLES] = { "QUOTE", "SPEAKER", "CUE" };

static gboolean
same_fragments (BratLine *a,
                BratLine *b)
{
  if (a->frags->len != b->frags->len)
    return FALSE;
  return memcmp (a->frags->data, b->frags->data, sizeof (BylineFragment) * a->frags->len) == 0;
}

static int
compare_lines_by_id (gconstpointer a,
                     gconstpointer b)
{
  const BratLine *la = *(const BratLine * const *) a;
  const BratLine *lb = *(const BratLine * const *) b;

  return _byline_brat_compare_ids (la->id, lb->id);
}

static GPtrArray *
hash_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

static int
compare_id_ptrs (gconstpointer a,
                 gconstpointer b)
{
  return _byline_brat_compare_ids (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
lines_of_kind (Reader *r,
               Kind    kind)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < r->lines->len; i++)
    {
      BratLine *b = r->lines->pdata[i];

      if (b->kind == kind)
        g_ptr_array_add (found, b);
    }
  if (kind != KIND_EQUIV && kind != KIND_OTHER)
    g_ptr_array_sort (found, compare_lines_by_id);
  return found;
}

/* PolNeAR's attribution: an event typed Attribution… whose arguments are
 * one Content, at most one Source and at most one Cue, all text-bound,
 * and which nothing else refers to. */
static void
try_attribution (Reader   *r,
                 BratLine *e)
{
  BratLine *by_role[N_ROLES] = { NULL, NULL, NULL };
  BratLine *trigger;

  if (g_ascii_strncasecmp (e->type, "Attribution", 11) != 0 || e->refs > 0 || e->args->len == 0)
    return;
  for (guint i = 0; i < e->args->len; i++)
    {
      int role = _byline_brat_attribution_role (e->roles->pdata[i]);
      BratLine *t = _byline_brat_lookup_line (r, e->args->pdata[i]);

      if (role < 0 || by_role[role] != NULL || t->kind != KIND_T ||
          (t->mapped != NULL && t->mapped != attribution_labels[role]))
        return;
      by_role[role] = t;
    }
  if (by_role[ROLE_CONTENT] == NULL || by_role[ROLE_CONTENT]->anchor != NULL)
    return;
  for (int i = 0; i < N_ROLES; i++)
    {
      if (by_role[i] != NULL && by_role[i] == by_role[(i + 1) % N_ROLES])
        return;
    }

  e->is_attribution = TRUE;
  e->anchor = by_role[ROLE_CONTENT];
  by_role[ROLE_CONTENT]->anchor = e;
  for (int i = 0; i < N_ROLES; i++)
    {
      if (by_role[i] != NULL)
        by_role[i]->mapped = attribution_labels[i];
    }
  trigger = e->trigger != NULL ? _byline_brat_lookup_line (r, e->trigger) : NULL;
  if (trigger != NULL && by_role[ROLE_CUE] != NULL && trigger != by_role[ROLE_CUE] &&
      trigger->refs == 1 && trigger->marks == 0 && trigger->mapped == NULL &&
      trigger->anchor == NULL && same_fragments (trigger, by_role[ROLE_CUE]) &&
      (trigger->text == NULL) == (by_role[ROLE_CUE]->text == NULL))
    trigger->fold = TRUE;
}

static gboolean
decide_events (Reader  *r,
               GError **error)
{
  g_autoptr(GPtrArray) events = lines_of_kind (r, KIND_E);

  for (guint i = 0; i < events->len; i++)
    try_attribution (r, events->pdata[i]);
  for (guint i = 0; i < events->len; i++)
    {
      BratLine *e = events->pdata[i];
      BratLine *trigger;

      if (e->is_attribution)
        continue;
      trigger = e->trigger != NULL ? _byline_brat_lookup_line (r, e->trigger) : NULL;
      if (trigger != NULL)
        {
          if (trigger->refs == 1 && trigger->marks == 0 && trigger->mapped == NULL &&
              trigger->anchor == NULL && !trigger->fold)
            trigger->fold = TRUE;
          continue;
        }
      for (guint k = 0; k < e->args->len && trigger == NULL; k++)
        {
          BratLine *t = _byline_brat_lookup_line (r, e->args->pdata[k]);

          if (t->kind == KIND_T)
            trigger = t;
        }
      if (trigger == NULL)
        {
          _byline_brat_reader_error (r, error, BYLINE_ERROR_INVALID, e->lineno,
                                     _("%s: an event without a trigger needs a text-bound argument to be placed on"),
                                     e->id);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Reading: building the document ------------------------------------ */

static JsonObject *
extra_for (Reader     *r,
           const char *id)
{
  JsonObject *extra = g_hash_table_lookup (r->extras, id);

  if (extra == NULL)
    {
      extra = json_object_new ();
      g_hash_table_insert (r->extras, g_strdup (id), extra);
    }
  return extra;
}

static gboolean
line_break_gap (BylineDocument *doc,
                guint           start,
                guint           end)
{
  const char *text = byline_document_get_text (doc);
  const char *p = text + byline_document_offset_to_byte (doc, start);
  const char *stop = text + byline_document_offset_to_byte (doc, end);

  if (start == 0 || start >= end || end >= byline_document_get_n_chars (doc))
    return FALSE;
  if (_byline_brat_is_line_break (g_utf8_get_char (g_utf8_prev_char (p))) || _byline_brat_is_line_break (g_utf8_get_char (stop)))
    return FALSE;
  for (; p < stop; p = g_utf8_next_char (p))
    {
      if (!_byline_brat_is_line_break (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static int
compare_fragment_starts (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const BylineFragment *frags = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (frags[ia].start != frags[ib].start)
    return frags[ia].start < frags[ib].start ? -1 : 1;
  return 0;
}

/* The annotation of T line @t (or of the event it triggers): its
 * fragments in document offsets. Fragments written out of order keep
 * their order in @extra; in order, fragments that only a line break
 * separates are one span (see the top of byline-brat.c). */
static BylineAnnotation *
annotation_from_t (Reader     *r,
                   BratLine   *t,
                   const char *id,
                   const char *label,
                   JsonObject *extra)
{
  guint n = t->frags->len;
  g_autofree BylineFragment *frags = g_new (BylineFragment, n);
  gboolean in_order = TRUE;
  BylineAnnotation *a;

  for (guint i = 0; i < n; i++)
    {
      BylineFragment f = g_array_index (t->frags, BylineFragment, i);

      frags[i].start = f.start - r->shift;
      frags[i].end = f.end - r->shift;
      if (i > 0 && frags[i].start < frags[i - 1].start)
        in_order = FALSE;
    }
  if (!in_order)
    {
      g_autofree guint *idx = g_new (guint, n);
      JsonArray *order = json_array_sized_new (n);
      g_autofree guint *rank = g_new (guint, n);

      for (guint i = 0; i < n; i++)
        idx[i] = i;
      g_qsort_with_data (idx, (gint) n, sizeof (guint), compare_fragment_starts, frags);
      for (guint j = 0; j < n; j++)
        rank[idx[j]] = j;
      for (guint i = 0; i < n; i++)
        json_array_add_int_element (order, rank[i]);
      if (extra != NULL)
        json_object_set_array_member (extra, "order", order);
      else
        json_array_unref (order);
    }
  else
    {
      guint out = 0;

      for (guint i = 1; i < n; i++)
        {
          if (line_break_gap (r->doc, frags[out].end, frags[i].start))
            frags[out].end = frags[i].end;
          else
            frags[++out] = frags[i];
        }
      n = out + 1;
    }
  if (t->text == NULL && extra != NULL)
    json_object_set_boolean_member (extra, "notext", TRUE);

  a = byline_annotation_new (byline_format_layer_or_warn (&r->schema_warnings, label, "%s", r->ann_name),
                             label, frags[0].start, frags[0].end);
  if (n > 1)
    byline_annotation_set_fragments (a, frags, n);
  byline_annotation_set_id (a, id);
  return a;
}

static void
add_relation (Reader     *r,
              const char *id,
              const char *type,
              const char *from,
              const char *to)
{
  BylineRelation *rel = byline_relation_new (type, from, to);

  byline_relation_set_id (rel, id);
  g_hash_table_insert (r->rels, g_strdup (id), rel);
}

static void
build_spans (Reader    *r,
             GPtrArray *order)
{
  g_autoptr(GPtrArray) texts = lines_of_kind (r, KIND_T);
  g_autoptr(GPtrArray) events = lines_of_kind (r, KIND_E);

  for (guint i = 0; i < texts->len; i++)
    {
      BratLine *t = texts->pdata[i];
      JsonObject *extra;
      const char *label;

      if (t->fold)
        continue;
      extra = extra_for (r, t->id);
      label = t->mapped != NULL ? t->mapped : t->type;
      if (t->mapped != NULL && strcmp (t->mapped, t->type) != 0)
        {
          json_object_set_string_member (extra, "type", t->type);
          json_object_set_string_member (extra, "as", t->mapped);
        }
      g_hash_table_insert (r->anns, g_strdup (t->id), annotation_from_t (r, t, t->id, label, extra));
      g_ptr_array_add (order, t);
    }

  for (guint i = 0; i < events->len; i++)
    {
      BratLine *e = events->pdata[i];
      BratLine *trigger = e->trigger != NULL ? _byline_brat_lookup_line (r, e->trigger) : NULL;
      JsonObject *event = json_object_new ();

      if (trigger != NULL)
        json_object_set_string_member (event, "trigger", e->trigger);
      else
        json_object_set_null_member (event, "trigger");
      if (*e->tail != '\0')
        json_object_set_string_member (event, "tail", e->tail);
      if (trigger != NULL && trigger->fold)
        {
          json_object_set_boolean_member (event, "fold", TRUE);
          if (strcmp (trigger->type, e->type) != 0)
            json_object_set_string_member (event, "trigger_type", trigger->type);
        }

      if (e->is_attribution)
        {
          JsonArray *roles = json_array_new ();

          json_object_set_string_member (event, "id", e->id);
          json_object_set_string_member (event, "type", e->type);
          for (guint k = 0; k < e->args->len; k++)
            {
              int role = _byline_brat_attribution_role (e->roles->pdata[k]);
              g_autofree char *rel_id = g_strdup_printf ("%s.%u", e->id, k + 1);

              json_array_add_string_element (roles, e->roles->pdata[k]);
              if (role == ROLE_CONTENT)
                continue;
              add_relation (r, rel_id, _byline_brat_attribution_relations[role], e->anchor->id, e->args->pdata[k]);
              json_object_set_int_member (extra_for (r, rel_id), "arg", k + 1);
            }
          json_object_set_array_member (event, "roles", roles);
          json_object_set_object_member (extra_for (r, e->anchor->id), "attribution", event);
          continue;
        }

      {
        BratLine *span = trigger;
        JsonObject *extra = extra_for (r, e->id);
        BylineAnnotation *a;
        JsonObjectIter iter;
        const char *key;
        JsonNode *value;

        for (guint k = 0; span == NULL && k < e->args->len; k++)
          {
            BratLine *t = _byline_brat_lookup_line (r, e->args->pdata[k]);

            if (t->kind == KIND_T)
              span = t;
          }
        g_assert (span != NULL);
        json_object_set_boolean_member (extra, "event", TRUE);
        a = annotation_from_t (r, span, e->id, e->type, trigger != NULL && trigger->fold ? extra : NULL);
        json_object_iter_init (&iter, event);
        while (json_object_iter_next (&iter, &key, &value))
          json_object_set_member (extra, key, json_node_copy (value));
        json_object_unref (event);
        g_hash_table_insert (r->anns, g_strdup (e->id), a);
        g_ptr_array_add (order, e);
        for (guint k = 0; k < e->args->len; k++)
          {
            g_autofree char *rel_id = g_strdup_printf ("%s.%u", e->id, k + 1);

            add_relation (r, rel_id, e->roles->pdata[k], e->id, e->args->pdata[k]);
            json_object_set_int_member (extra_for (r, rel_id), "arg", k + 1);
          }
      }
    }
}

static void
build_relations (Reader *r)
{
  g_autoptr(GPtrArray) relations = lines_of_kind (r, KIND_R);
  g_autoptr(GPtrArray) equivs = lines_of_kind (r, KIND_EQUIV);

  for (guint i = 0; i < relations->len; i++)
    {
      BratLine *b = relations->pdata[i];

      add_relation (r, b->id, b->type, b->args->pdata[0], b->args->pdata[1]);
      if (strcmp (b->roles->pdata[0], "Arg1") != 0 || strcmp (b->roles->pdata[1], "Arg2") != 0)
        {
          JsonArray *roles = json_array_new ();

          json_array_add_string_element (roles, b->roles->pdata[0]);
          json_array_add_string_element (roles, b->roles->pdata[1]);
          json_object_set_array_member (extra_for (r, b->id), "roles", roles);
        }
      if (strcmp (b->tail, "\t") != 0)
        json_object_set_string_member (extra_for (r, b->id), "tail", b->tail);
    }
  for (guint i = 0; i < equivs->len; i++)
    {
      BratLine *b = equivs->pdata[i];

      for (guint k = 1; k < b->args->len; k++)
        {
          g_autofree char *rel_id = g_strdup_printf ("*%u.%u", i + 1, k);

          add_relation (r, rel_id, b->type, b->args->pdata[k - 1], b->args->pdata[k]);
          json_object_set_int_member (extra_for (r, rel_id), "equiv", i + 1);
        }
    }
}

/* Where an A, N or # line's data goes: the extra keys of an annotation or
 * relation, or of the attribution event its Content holds. */
static JsonObject *
mark_target (Reader            *r,
             BratLine          *b,
             BylineAnnotation **annotation,
             BylineRelation   **relation)
{
  BratLine *t = _byline_brat_lookup_line (r, b->target);

  *annotation = NULL;
  *relation = NULL;
  if (t->kind == KIND_E && t->is_attribution)
    return _byline_brat_object_member (extra_for (r, t->anchor->id), "attribution");
  if (t->kind == KIND_R)
    *relation = g_hash_table_lookup (r->rels, t->id);
  else
    *annotation = g_hash_table_lookup (r->anns, t->id);
  g_assert (*annotation != NULL || *relation != NULL);
  return extra_for (r, t->id);
}

static JsonObject *
ensure_object (JsonObject *parent,
               const char *key)
{
  JsonObject *child = _byline_brat_object_member (parent, key);

  if (child == NULL)
    {
      child = json_object_new ();
      json_object_set_object_member (parent, key, child);
    }
  return child;
}

static JsonArray *
ensure_array (JsonObject *parent,
              const char *key)
{
  JsonArray *child = _byline_brat_array_member (parent, key);

  if (child == NULL)
    {
      child = json_array_new ();
      json_object_set_array_member (parent, key, child);
    }
  return child;
}

static void
build_marks (Reader *r)
{
  g_autoptr(GPtrArray) attributes = lines_of_kind (r, KIND_A);
  g_autoptr(GPtrArray) norms = lines_of_kind (r, KIND_N);
  g_autoptr(GPtrArray) notes = lines_of_kind (r, KIND_NOTE);

  for (guint i = 0; i < attributes->len; i++)
    {
      BratLine *b = attributes->pdata[i];
      BylineAnnotation *a;
      BylineRelation *rel;
      JsonObject *extra = mark_target (r, b, &a, &rel);
      JsonObject *ids = ensure_object (extra, "attr_ids");
      g_autoptr(JsonNode) value = b->value != NULL ? json_node_init_string (json_node_alloc (), b->value)
                                                   : json_node_init_boolean (json_node_alloc (), TRUE);

      if (json_object_has_member (ids, b->type))
        {
          g_autofree char *where = g_strdup_printf ("%s:%u", r->ann_name, b->lineno);

          json_array_add_string_element (r->kept, b->raw);
          if (r->warnings != NULL)
            byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_DUPLICATE_ID, where,
                                 _("%s: %s has the attribute “%s” already: kept as written"),
                                 b->id, b->target, b->type);
          continue;
        }
      json_object_set_string_member (ids, b->type, b->id);
      if (a != NULL)
        byline_annotation_set_attribute (a, b->type, value);
      else if (rel != NULL)
        byline_relation_set_attribute (rel, b->type, value);
      else
        json_object_set_member (ensure_object (extra, "attributes"), b->type, json_node_ref (value));
    }

  for (guint i = 0; i < norms->len; i++)
    {
      BratLine *b = norms->pdata[i];
      BylineAnnotation *a;
      BylineRelation *rel;
      JsonObject *extra = mark_target (r, b, &a, &rel);
      JsonObject *norm = json_object_new ();

      json_object_set_string_member (norm, "id", b->id);
      json_object_set_string_member (norm, "type", b->type);
      json_object_set_string_member (norm, "ref", b->value);
      if (b->text != NULL)
        json_object_set_string_member (norm, "text", b->text);
      json_array_add_object_element (ensure_array (extra, "norms"), norm);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      BratLine *b = notes->pdata[i];
      BylineAnnotation *a;
      BylineRelation *rel;
      JsonObject *extra = mark_target (r, b, &a, &rel);
      JsonObject *note;

      if (a != NULL && byline_annotation_get_note (a) == NULL && *b->text != '\0')
        {
          byline_annotation_set_note (a, b->text);
          json_object_set_string_member (extra, "note_id", b->id);
          if (strcmp (b->type, "AnnotatorNotes") != 0)
            json_object_set_string_member (extra, "note_type", b->type);
          continue;
        }
      note = json_object_new ();
      json_object_set_string_member (note, "id", b->id);
      json_object_set_string_member (note, "type", b->type);
      json_object_set_string_member (note, "text", b->text);
      json_array_add_object_element (ensure_array (extra, "notes"), note);
    }
}

static JsonObject *
wrap_extra (Reader     *r,
            const char *id)
{
  JsonObject *extra = g_hash_table_lookup (r->extras, id);
  JsonObject *wrapped;

  if (extra == NULL || json_object_get_size (extra) == 0)
    return NULL;
  wrapped = json_object_new ();
  json_object_set_object_member (wrapped, BRAT_KEY, json_object_ref (extra));
  return wrapped;
}

static gboolean
build_document (Reader  *r,
                GError **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autoptr(GPtrArray) rel_ids = NULL;
  JsonObject *doc_extra;

  if (!_byline_brat_check_references (r, error))
    return FALSE;
  if (!_byline_brat_check_spans (r, 0, error))
    {
      g_autoptr(GError) counted = NULL;

      /* brat itself reads a BOM as a character: its offsets count it */
      if (!r->has_bom || !_byline_brat_check_spans (r, 1, &counted))
        return FALSE;
      g_clear_error (error);
      r->shift = 1;
    }
  if (!decide_events (r, error))
    return FALSE;
  build_spans (r, order);
  build_relations (r);
  build_marks (r);

  for (guint i = 0; i < order->len; i++)
    {
      BratLine *b = order->pdata[i];
      BylineAnnotation *a = g_hash_table_lookup (r->anns, b->id);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) extra = wrap_extra (r, b->id);

      if (extra != NULL)
        byline_annotation_set_extra (a, extra);
      if (!_byline_document_load_annotation (r->doc, g_object_ref (a), &local_error))
        {
          _byline_brat_reader_error (r, error, local_error->code, b->lineno, "%s: %s", b->id, local_error->message);
          return FALSE;
        }
    }

  rel_ids = hash_keys (r->rels);
  g_ptr_array_sort (rel_ids, compare_id_ptrs);
  for (guint i = 0; i < rel_ids->len; i++)
    {
      const char *id = rel_ids->pdata[i];
      BylineRelation *rel = g_hash_table_lookup (r->rels, id);
      g_autoptr(JsonObject) extra = wrap_extra (r, id);

      if (extra != NULL)
        byline_relation_set_extra (rel, extra);
      g_object_ref (rel);
      _byline_document_load_relation (r->doc, rel, problems, id);
    }
  g_assert (byline_problems_get_n (problems) == 0);

  doc_extra = json_object_new ();
  if (r->has_bom)
    json_object_set_boolean_member (doc_extra, "bom", TRUE);
  if (r->shift > 0)
    json_object_set_boolean_member (doc_extra, "bom_counted", TRUE);
  if (json_array_get_length (r->kept) > 0)
    json_object_set_array_member (doc_extra, "lines", json_array_ref (r->kept));
  if (json_object_get_size (doc_extra) > 0)
    {
      g_autoptr(JsonObject) wrapped = json_object_new ();

      json_object_set_object_member (wrapped, BRAT_KEY, doc_extra);
      _byline_document_set_extra (r->doc, wrapped);
    }
  else
    json_object_unref (doc_extra);
  return TRUE;
}

/* ---- Reading: files and directories ------------------------------------ */

static void
reader_clear (Reader *r)
{
  g_clear_object (&r->doc);
  g_clear_pointer (&r->ann_name, g_free);
  g_clear_pointer (&r->lines, g_ptr_array_unref);
  g_clear_pointer (&r->by_id, g_hash_table_unref);
  g_clear_pointer (&r->schema_warnings.warned, g_hash_table_unref);
  g_clear_pointer (&r->anns, g_hash_table_unref);
  g_clear_pointer (&r->rels, g_hash_table_unref);
  g_clear_pointer (&r->extras, g_hash_table_unref);
  g_clear_pointer (&r->kept, json_array_unref);
}

static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *len,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, contents, len, &local_error))
    {
      g_autofree char *why = byline_describe_io_error (local_error);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, why);
      return FALSE;
    }
  return TRUE;
}

/* One document: @txt_path and, when it exists, @ann_path. */
static gboolean
read_document (const BylineFormatOptions *options,
               const char                *txt_path,
               const char                *ann_path,
               const char                *id,
               BylineProblems            *warnings,
               BylineDocumentFunc         func,
               gpointer                   user_data,
               GError                   **error)
{
  Reader r = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *ann = NULL;
  gsize text_len = 0;
  gsize ann_len = 0;
  gsize bom;
  gboolean ok = FALSE;

  if (!read_file (txt_path, &text, &text_len, error))
    return FALSE;
  if (g_file_test (ann_path, G_FILE_TEST_EXISTS) && !read_file (ann_path, &ann, &ann_len, error))
    return FALSE;
  bom = byline_import_skip_bom (text, text_len);
  if (!byline_import_check_utf8 (text + bom, text_len - bom, txt_path, error))
    return FALSE;

  r.ann_path = ann_path;
  r.ann_name = g_path_get_basename (ann_path);
  r.warnings = warnings;
  r.schema_warnings.options = options;
  r.schema_warnings.warnings = warnings;
  r.schema_warnings.style = BYLINE_SCHEMA_WARNING_BRAT;
  r.has_bom = bom > 0;
  r.doc = byline_document_new ();
  r.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_brat_line_free);
  r.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  r.schema_warnings.warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.anns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  r.rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  r.extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  r.kept = json_array_new ();

  if (!byline_document_set_text (r.doc, text + bom, (gssize) (text_len - bom), error))
    goto out;
  byline_document_set_id (r.doc, id);
  if (ann != NULL && !_byline_brat_parse_ann (&r, ann, ann_len, error))
    goto out;
  if (!build_document (&r, error))
    goto out;
  byline_document_mark_loaded (r.doc);
  ok = func (r.doc, user_data, error);

out:
  reader_clear (&r);
  return ok;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_directory (const BylineFormatOptions *options,
                const char                *path,
                BylineProblems            *warnings,
                BylineDocumentFunc         func,
                gpointer                   user_data,
                GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = NULL;
  GDir *dir = g_dir_open (path, 0, &local_error);
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* hidden files, and a writer's staging directory */
      if (name[0] == '.')
        continue;
      if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".ann"))
        g_hash_table_add (seen, g_strndup (name, strlen (name) - 4));
    }
  g_dir_close (dir);

  ids = hash_keys (seen);
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *base = g_build_filename (path, ids->pdata[i], NULL);
      g_autofree char *txt = g_strconcat (base, ".txt", NULL);
      g_autofree char *ann = g_strconcat (base, ".ann", NULL);

      if (!g_file_test (txt, G_FILE_TEST_EXISTS))
        {
          g_autofree char *ann_name = g_path_get_basename (ann);

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                       _("%s: no such file: brat keeps the text of %s there"), txt, ann_name);
          return FALSE;
        }
      if (!read_document (options, txt, ann, ids->pdata[i], warnings, func, user_data, error))
        return FALSE;
    }
  return TRUE;
}

/* @path: a directory, ID.txt (ID.ann beside it is optional) or ID.ann
 * (ID.txt beside it is needed). */
gboolean
_byline_brat_read (const BylineFormat        *format,
                   const char                *path,
                   const BylineFormatOptions *options,
                   BylineProblems            *warnings,
                   BylineDocumentFunc         func,
                   gpointer                   user_data,
                   GError                   **error)
{
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;
  const char *slash;
  const char *dot;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return read_directory (options, path, warnings, func, user_data, error);

  slash = strrchr (path, G_DIR_SEPARATOR);
  dot = strrchr (slash != NULL ? slash + 1 : path, '.');
  base = dot != NULL && dot != (slash != NULL ? slash + 1 : path)
         ? g_strndup (path, (gsize) (dot - path)) : g_strdup (path);
  id = g_path_get_basename (base);
  txt = g_strconcat (base, ".txt", NULL);
  if (g_str_has_suffix (path, ".txt"))
    {
      ann = g_strconcat (base, ".ann", NULL);
      return read_document (options, path, ann, id, warnings, func, user_data, error);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: no such file"), path);
      return FALSE;
    }
  if (!g_file_test (txt, G_FILE_TEST_EXISTS))
    {
      g_autofree char *ann_name = g_path_get_basename (path);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                   _("%s: no such file: brat keeps the text of %s there"), txt, ann_name);
      return FALSE;
    }
  return read_document (options, txt, path, id, warnings, func, user_data, error);
}


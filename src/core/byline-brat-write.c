/* byline-brat-write.c: brat standoff: writing documents and the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Losses, events, attributions, equivalences and relations: the .ann
 * text of a document; then ID.txt and ID.ann into a directory.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-brat-private.h"
#include "byline-error.h"

/* Whether @id is a brat id of kind @prefix: "T12", "T12a"; not "T", "Tx1" */
static gboolean
is_brat_id (const char *id,
            char        prefix)
{
  const char *p;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]))
    return FALSE;
  for (p = id + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

static gint64
int_member (JsonObject *object,
            const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (node);
}

/* ---- Writing: one document ---------------------------------------------- */

static void
count_annotation_losses (Out              *o,
                         BylineAnnotation *a)
{
  const char *label = byline_annotation_get_label (a);
  JsonObject *extra = byline_annotation_get_extra (a);
  BylineStatus status = byline_annotation_get_status (a);

  if (status == BYLINE_STATUS_SUGGESTED || status == BYLINE_STATUS_REJECTED)
    _byline_brat_lose (o, N_("statuses (suggested or rejected)"), label);
  if (byline_annotation_get_origin (a) != NULL)
    _byline_brat_lose (o, N_("origins"), label);
  if (byline_annotation_get_confidence (a, NULL))
    _byline_brat_lose (o, N_("confidences"), label);
  if (byline_annotation_get_created (a) != NULL || byline_annotation_get_modified (a) != NULL)
    _byline_brat_lose (o, N_("timestamps"), label);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, BRAT_KEY) != 0)
            _byline_brat_lose (o, N_("keys Byline does not know"), key);
        }
    }
}

static void
count_relation_losses (Out            *o,
                       BylineRelation *r,
                       gboolean        consumed)
{
  const char *type = byline_relation_get_relation_type (r);
  JsonObject *extra = byline_relation_get_extra (r);
  BylineStatus status = byline_relation_get_status (r);
  JsonObject *attributes = byline_relation_get_attributes (r);

  if (status == BYLINE_STATUS_SUGGESTED || status == BYLINE_STATUS_REJECTED)
    _byline_brat_lose (o, N_("statuses (suggested or rejected)"), type);
  if (byline_relation_get_origin (r) != NULL)
    _byline_brat_lose (o, N_("origins"), type);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, BRAT_KEY) != 0)
            _byline_brat_lose (o, N_("keys Byline does not know"), key);
        }
    }
  if (consumed && attributes != NULL && json_object_get_size (attributes) > 0)
    _byline_brat_lose (o, N_("attributes of event arguments"), type);
}

static int
compare_relations_by_id (gconstpointer a,
                         gconstpointer b)
{
  BylineRelation *ra = *(BylineRelation * const *) a;
  BylineRelation *rb = *(BylineRelation * const *) b;

  return _byline_brat_compare_ids (byline_relation_get_id (ra), byline_relation_get_id (rb));
}

/* The relations from @a_id that a brat line of its own holds: an event's
 * arguments, in their order. */
static GPtrArray *
event_arguments (Out        *o,
                 const char *a_id)
{
  GPtrArray *from = g_hash_table_lookup (o->rels_from, a_id);
  GPtrArray *args = g_ptr_array_new ();

  for (guint i = 0; from != NULL && i < from->len; i++)
    {
      BylineRelation *r = from->pdata[i];

      if (int_member (_byline_brat_of_relation (r), "arg") > 0 &&
          !g_hash_table_contains (o->consumed, byline_relation_get_id (r)))
        g_ptr_array_add (args, r);
    }
  /* stable: by argument number, then id */
  for (guint i = 1; i < args->len; i++)
    {
      gpointer cur = args->pdata[i];
      gint64 k = int_member (_byline_brat_of_relation (cur), "arg");
      guint j = i;

      while (j > 0 && int_member (_byline_brat_of_relation (args->pdata[j - 1]), "arg") > k)
        {
          args->pdata[j] = args->pdata[j - 1];
          j--;
        }
      args->pdata[j] = cur;
    }
  return args;
}

/* A cue or said_by relation from an attribution's Content: the one the
 * event had, else any other. */
static BylineRelation *
attribution_relation (Out        *o,
                      const char *a_id,
                      const char *type)
{
  GPtrArray *from = g_hash_table_lookup (o->rels_from, a_id);
  BylineRelation *any = NULL;

  for (guint i = 0; from != NULL && i < from->len; i++)
    {
      BylineRelation *r = from->pdata[i];

      if (strcmp (byline_relation_get_relation_type (r), type) != 0 ||
          g_hash_table_contains (o->consumed, byline_relation_get_id (r)))
        continue;
      if (int_member (_byline_brat_of_relation (r), "arg") > 0)
        return r;
      if (any == NULL)
        any = r;
    }
  return any;
}

/* The T id of a trigger written from the event's own span, or NULL when
 * it is an annotation of its own (then out_ids has it). */
static const char *
folded_trigger (Out              *o,
                BylineAnnotation *a,
                JsonObject       *event)
{
  const char *trigger = _byline_brat_string_member (event, "trigger");
  BylineAnnotation *other;

  if (trigger == NULL)
    return NULL;
  other = byline_document_lookup_annotation (o->doc, trigger);
  if (_byline_brat_bool_member (event, "fold") || other == NULL || other == a)
    return trigger;
  return NULL;
}

static void
assign_ids (Out       *o,
            GPtrArray *sorted)
{
  /* brat ids as they were read */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *id = byline_annotation_get_id (a);

      if (is_brat_id (id, _byline_brat_is_event (a) ? 'E' : 'T') && _byline_brat_ids_claim (&o->ids, id))
        g_hash_table_insert (o->out_ids, g_strdup (id), g_strdup (id));
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      JsonObject *brat = _byline_brat_of_annotation (a);
      JsonObject *attribution = _byline_brat_is_event (a) ? NULL : _byline_brat_object_member (brat, "attribution");
      JsonObject *event = _byline_brat_is_event (a) ? brat : attribution;
      const char *trigger = event != NULL ? folded_trigger (o, a, event) : NULL;
      const char *event_id = _byline_brat_string_member (attribution, "id");

      if (is_brat_id (trigger, 'T') && _byline_brat_ids_claim (&o->ids, trigger))
        g_hash_table_insert (o->trigger_ids, g_strdup (byline_annotation_get_id (a)), g_strdup (trigger));
      if (is_brat_id (event_id, 'E') && _byline_brat_ids_claim (&o->ids, event_id))
        g_hash_table_insert (o->event_ids, g_strdup (byline_annotation_get_id (a)), g_strdup (event_id));
    }
  /* Byline's own ids: a7 is T7 when that is free */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *id = byline_annotation_get_id (a);
      g_autofree char *t = NULL;

      if (_byline_brat_is_event (a) || g_hash_table_contains (o->out_ids, id) || !is_brat_id (id, 'a'))
        continue;
      t = g_strconcat ("T", id + 1, NULL);
      if (_byline_brat_ids_claim (&o->ids, t))
        g_hash_table_insert (o->out_ids, g_strdup (id), g_steal_pointer (&t));
    }
  /* the rest: the next free numbers, in text order */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *id = byline_annotation_get_id (a);
      JsonObject *brat = _byline_brat_of_annotation (a);
      JsonObject *attribution = _byline_brat_is_event (a) ? NULL : _byline_brat_object_member (brat, "attribution");
      JsonObject *event = _byline_brat_is_event (a) ? brat : attribution;

      if (!g_hash_table_contains (o->out_ids, id))
        g_hash_table_insert (o->out_ids, g_strdup (id), _byline_brat_ids_new (&o->ids, _byline_brat_is_event (a) ? 'E' : 'T'));
      if (event != NULL && folded_trigger (o, a, event) != NULL &&
          !g_hash_table_contains (o->trigger_ids, id))
        g_hash_table_insert (o->trigger_ids, g_strdup (id), _byline_brat_ids_new (&o->ids, 'T'));
      if (attribution != NULL && !g_hash_table_contains (o->event_ids, id))
        g_hash_table_insert (o->event_ids, g_strdup (id), _byline_brat_ids_new (&o->ids, 'E'));
    }
}

static const char *
annotation_type (BylineAnnotation *a)
{
  JsonObject *brat = _byline_brat_of_annotation (a);
  const char *type = _byline_brat_string_member (brat, "type");
  const char *as = _byline_brat_string_member (brat, "as");
  const char *label = byline_annotation_get_label (a);

  if (type != NULL && as != NULL && strcmp (as, label) == 0)
    return type;
  return label;
}

/* What followed an E line's arguments when it was read (a TAB…). */
static void
append_tail (GString    *body,
             JsonObject *event)
{
  const char *tail = _byline_brat_string_member (event, "tail");

  if (tail != NULL && tail[0] == '\t' && !_byline_brat_has_line_break (tail))
    g_string_append (body, tail);
}

/* "TYPE[:TRIGGER]" then the arguments, for an event or an attribution */
static GString *
event_head (Out              *o,
            const char       *type,
            BylineAnnotation *a,
            JsonObject       *event)
{
  const char *folded = folded_trigger (o, a, event);
  const char *trigger = _byline_brat_string_member (event, "trigger");
  g_autofree char *name = _byline_brat_name (o, type, folded != NULL || trigger != NULL ? NAME_WORD : NAME_WORD_NO_COLON);
  GString *body = g_string_new (name);

  if (folded != NULL)
    g_string_append_printf (body, ":%s",
                            (const char *) g_hash_table_lookup (o->trigger_ids, byline_annotation_get_id (a)));
  else if (trigger != NULL)
    g_string_append_printf (body, ":%s", _byline_brat_out_id (o, trigger));
  return body;
}

static void
write_event (Out              *o,
             BylineAnnotation *a)
{
  JsonObject *brat = _byline_brat_of_annotation (a);
  const char *label = byline_annotation_get_label (a);
  const char *id = byline_annotation_get_id (a);
  g_autoptr(GPtrArray) args = event_arguments (o, id);
  GString *body;

  if (folded_trigger (o, a, brat) != NULL)
    {
      const char *trigger_type = _byline_brat_string_member (brat, "trigger_type");

      _byline_brat_add_t_line (o, a, g_hash_table_lookup (o->trigger_ids, id),
                               trigger_type != NULL ? trigger_type : label, _byline_brat_bool_member (brat, "notext"));
    }
  body = event_head (o, label, a, brat);
  /* brat writes "TYPE:TRIGGER " and the arguments, even when none */
  g_string_append_c (body, ' ');
  for (guint i = 0; i < args->len; i++)
    {
      BylineRelation *r = args->pdata[i];
      g_autofree char *role = _byline_brat_name (o, byline_relation_get_relation_type (r), NAME_WORD);

      g_hash_table_add (o->consumed, g_strdup (byline_relation_get_id (r)));
      g_string_append_printf (body, "%s%s:%s", i > 0 ? " " : "", role, _byline_brat_out_id (o, byline_relation_get_to (r)));
    }
  append_tail (body, brat);
  _byline_brat_add_line (o, 'E', _byline_brat_out_id (o, id), g_string_free (body, FALSE));
}

static void
write_attribution (Out              *o,
                   BylineAnnotation *a,
                   JsonObject       *attribution)
{
  const char *id = byline_annotation_get_id (a);
  const char *type = _byline_brat_string_member (attribution, "type");
  JsonArray *roles = _byline_brat_array_member (attribution, "roles");
  BylineRelation *found[N_ROLES] = { NULL, NULL, NULL };
  gboolean written[N_ROLES] = { FALSE, FALSE, FALSE };
  const char *event_id = g_hash_table_lookup (o->event_ids, id);
  GString *body;
  guint n = 0;

  if (type == NULL)
    type = "Attribution";
  for (int k = ROLE_SOURCE; k < N_ROLES; k++)
    {
      found[k] = attribution_relation (o, id, _byline_brat_attribution_relations[k]);
      if (found[k] != NULL)
        g_hash_table_add (o->consumed, g_strdup (byline_relation_get_id (found[k])));
    }
  if (folded_trigger (o, a, attribution) != NULL)
    {
      const char *trigger_type = _byline_brat_string_member (attribution, "trigger_type");
      BylineAnnotation *cue = found[ROLE_CUE] != NULL
        ? byline_document_lookup_annotation (o->doc, byline_relation_get_to (found[ROLE_CUE])) : a;

      _byline_brat_add_t_line (o, cue, g_hash_table_lookup (o->trigger_ids, id),
                               trigger_type != NULL ? trigger_type : type, FALSE);
    }

  body = event_head (o, type, a, attribution);
  g_string_append_c (body, ' ');
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles) + N_ROLES; i++)
    {
      const char *role;
      int k;
      const char *target;

      if (i < json_array_get_length (roles))
        {
          JsonNode *node = json_array_get_element (roles, i);

          role = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
          k = _byline_brat_attribution_role (role);
        }
      else
        {
          /* roles the event did not have: relations added in Byline */
          static const char * const names[N_ROLES] = { "Content", "Source", "Cue" };

          k = (int) (i - json_array_get_length (roles));
          role = names[k];
        }
      if (k < 0 || written[k])
        continue;
      if (k == ROLE_CONTENT)
        target = _byline_brat_out_id (o, id);
      else if (found[k] != NULL)
        target = _byline_brat_out_id (o, byline_relation_get_to (found[k]));
      else
        continue;
      written[k] = TRUE;
      g_string_append_printf (body, "%s%s:%s", n++ > 0 ? " " : "", role, target);
    }
  append_tail (body, attribution);
  _byline_brat_add_line (o, 'E', event_id, g_string_free (body, FALSE));

  /* what the event itself had */
  {
    JsonObject *attributes = _byline_brat_object_member (attribution, "attributes");
    JsonObject *attr_ids = _byline_brat_object_member (attribution, "attr_ids");
    JsonObjectIter iter;
    const char *key;
    JsonNode *value;

    if (attributes != NULL)
      {
        json_object_iter_init (&iter, attributes);
        while (json_object_iter_next (&iter, &key, &value))
          _byline_brat_add_attribute (o, event_id, key, value, attr_ids);
      }
    _byline_brat_add_kept_marks (o, event_id, attribution);
  }
}

/* Equivalence chains: the relations of one "*" line, members in order. */
static void
write_equivalences (Out       *o,
                    GPtrArray *relations)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      gint64 group = int_member (_byline_brat_of_relation (r), "equiv");
      const char *type = byline_relation_get_relation_type (r);
      g_autoptr(GPtrArray) members = NULL;
      g_autoptr(GString) body = NULL;
      g_autofree char *name = NULL;
      OutLine *line;

      if (group <= 0 || g_hash_table_contains (o->consumed, byline_relation_get_id (r)) ||
          g_hash_table_contains (done, byline_relation_get_id (r)))
        continue;
      members = g_ptr_array_new ();
      for (guint k = i; k < relations->len; k++)
        {
          BylineRelation *other = relations->pdata[k];
          const char *ends[2] = { byline_relation_get_from (other), byline_relation_get_to (other) };

          if (int_member (_byline_brat_of_relation (other), "equiv") != group ||
              strcmp (byline_relation_get_relation_type (other), type) != 0 ||
              g_hash_table_contains (o->consumed, byline_relation_get_id (other)))
            continue;
          g_hash_table_add (done, (gpointer) byline_relation_get_id (other));
          /* a chain A→B, B→C is "A B C" */
          if (members->len == 0 || strcmp (members->pdata[members->len - 1], ends[0]) != 0)
            g_ptr_array_add (members, (gpointer) ends[0]);
          g_ptr_array_add (members, (gpointer) ends[1]);
        }
      for (guint k = i; k < relations->len; k++)
        {
          BylineRelation *other = relations->pdata[k];

          if (g_hash_table_contains (done, byline_relation_get_id (other)))
            g_hash_table_add (o->consumed, g_strdup (byline_relation_get_id (other)));
        }
      name = _byline_brat_name (o, type, NAME_WORD);
      body = g_string_new (name);
      for (guint k = 0; k < members->len; k++)
        g_string_append_printf (body, " %s", _byline_brat_out_id (o, members->pdata[k]));
      _byline_brat_add_line (o, '*', NULL, g_strdup (body->str));
      line = o->lines->pdata[o->lines->len - 1];
      line->n = (guint) MIN (group, G_MAXUINT);
    }
}

static int
compare_out_lines (gconstpointer a,
                   gconstpointer b)
{
  static const char sections[] = "TREAN#*";
  const OutLine *la = *(const OutLine * const *) a;
  const OutLine *lb = *(const OutLine * const *) b;
  const char *sa = strchr (sections, la->section);
  const char *sb = strchr (sections, lb->section);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (la->section == 'T')
    {
      if (la->start != lb->start)
        return la->start < lb->start ? -1 : 1;
      if (la->end != lb->end)
        return la->end < lb->end ? -1 : 1;
    }
  if (la->section == '*')
    {
      if (la->n != lb->n)
        return la->n < lb->n ? -1 : 1;
      return strcmp (la->body, lb->body);
    }
  return _byline_brat_compare_ids (la->id, lb->id);
}

static void
count_document_losses (Out *o)
{
  BylineDocument *doc = o->doc;
  JsonObject *meta = byline_document_get_meta (doc);
  JsonObject *attributes = byline_document_get_attributes (doc);
  JsonObject *extra = byline_document_get_extra (doc);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (meta != NULL)
    {
      json_object_iter_init (&iter, meta);
      while (json_object_iter_next (&iter, &key, &value))
        _byline_brat_lose (o, N_("document metadata"), key);
    }
  if (attributes != NULL)
    {
      json_object_iter_init (&iter, attributes);
      while (json_object_iter_next (&iter, &key, &value))
        _byline_brat_lose (o, N_("document attributes"), key);
    }
  if (extra != NULL)
    {
      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, BRAT_KEY) != 0)
            _byline_brat_lose (o, N_("keys Byline does not know"), key);
        }
    }
}

/* The .ann text of @doc. */
static char *
format_ann (BylineWriter   *writer,
            BylineDocument *doc)
{
  Out o = { 0 };
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();
  g_autoptr(GPtrArray) plain = g_ptr_array_new ();
  JsonObject *doc_brat = _byline_brat_object_member (byline_document_get_extra (doc), BRAT_KEY);
  JsonArray *kept = _byline_brat_array_member (doc_brat, "lines");
  GString *out = g_string_new (NULL);

  o.writer = writer;
  o.doc = doc;
  o.ids.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.shift = _byline_brat_bool_member (doc_brat, "bom") && _byline_brat_bool_member (doc_brat, "bom_counted") ? 1 : 0;
  o.out_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.trigger_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.rels_from = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  o.consumed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.rel_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  o.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) _byline_brat_out_line_free);

  count_document_losses (&o);
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    g_ptr_array_add (relations, byline_document_get_relation (doc, i));
  g_ptr_array_sort (relations, compare_relations_by_id);
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      GPtrArray *from = g_hash_table_lookup (o.rels_from, byline_relation_get_from (r));

      if (from == NULL)
        {
          from = g_ptr_array_new ();
          g_hash_table_insert (o.rels_from, (gpointer) byline_relation_get_from (r), from);
        }
      g_ptr_array_add (from, r);
    }

  assign_ids (&o, sorted);

  /* spans, events and attributions, and what they carry */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      JsonObject *brat = _byline_brat_of_annotation (a);
      const char *target = _byline_brat_out_id (&o, byline_annotation_get_id (a));
      JsonObject *attr_ids = _byline_brat_object_member (brat, "attr_ids");
      JsonObject *attribution = NULL;

      count_annotation_losses (&o, a);
      if (_byline_brat_is_event (a))
        write_event (&o, a);
      else
        {
          _byline_brat_add_t_line (&o, a, target, annotation_type (a), _byline_brat_bool_member (brat, "notext"));
          attribution = _byline_brat_object_member (brat, "attribution");
        }
      for (guint k = 0; k < byline_annotation_get_n_attributes (a); k++)
        {
          const char *name = byline_annotation_get_attribute_name (a, k);

          _byline_brat_add_attribute (&o, target, name, byline_annotation_get_attribute (a, name), attr_ids);
        }
      if (byline_annotation_get_note (a) != NULL)
        _byline_brat_add_note (&o, target, _byline_brat_string_member (brat, "note_id"), _byline_brat_string_member (brat, "note_type"),
                               byline_annotation_get_note (a));
      _byline_brat_add_kept_marks (&o, target, brat);
      if (attribution != NULL)
        write_attribution (&o, a, attribution);
    }

  /* relations: equivalence chains, then R lines for the rest */
  write_equivalences (&o, relations);
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      const char *id = byline_relation_get_id (r);

      count_relation_losses (&o, r, g_hash_table_contains (o.consumed, id));
      if (g_hash_table_contains (o.consumed, id))
        continue;
      g_ptr_array_add (plain, r);
      if (is_brat_id (id, 'R') && _byline_brat_ids_claim (&o.ids, id))
        g_hash_table_insert (o.rel_ids, (gpointer) id, g_strdup (id));
    }
  for (guint i = 0; i < plain->len; i++)
    {
      const char *id = byline_relation_get_id (plain->pdata[i]);
      g_autofree char *r = NULL;

      if (g_hash_table_contains (o.rel_ids, id) || !is_brat_id (id, 'r'))
        continue;
      r = g_strconcat ("R", id + 1, NULL);
      if (_byline_brat_ids_claim (&o.ids, r))
        g_hash_table_insert (o.rel_ids, (gpointer) id, g_steal_pointer (&r));
    }
  for (guint i = 0; i < plain->len; i++)
    {
      BylineRelation *r = plain->pdata[i];
      const char *id = byline_relation_get_id (r);
      JsonObject *brat = _byline_brat_of_relation (r);
      JsonArray *roles = _byline_brat_array_member (brat, "roles");
      const char *tail = _byline_brat_string_member (brat, "tail");
      JsonObject *attr_ids = _byline_brat_object_member (brat, "attr_ids");
      JsonObject *attributes = byline_relation_get_attributes (r);
      g_autofree char *type = _byline_brat_name (&o, byline_relation_get_relation_type (r), NAME_SPACED);
      g_autofree char *role1 = NULL;
      g_autofree char *role2 = NULL;
      const char *rid;

      if (!g_hash_table_contains (o.rel_ids, id))
        g_hash_table_insert (o.rel_ids, (gpointer) id, _byline_brat_ids_new (&o.ids, 'R'));
      rid = g_hash_table_lookup (o.rel_ids, id);
      if (roles != NULL && json_array_get_length (roles) == 2 &&
          json_node_get_value_type (json_array_get_element (roles, 0)) == G_TYPE_STRING &&
          json_node_get_value_type (json_array_get_element (roles, 1)) == G_TYPE_STRING)
        {
          role1 = _byline_brat_name (&o, json_array_get_string_element (roles, 0), NAME_WORD);
          role2 = _byline_brat_name (&o, json_array_get_string_element (roles, 1), NAME_WORD);
        }
      if (tail == NULL || _byline_brat_has_line_break (tail))
        tail = "\t";
      _byline_brat_add_line (&o, 'R', rid,
                             g_strdup_printf ("%s %s:%s %s:%s%s", type, role1 != NULL ? role1 : "Arg1",
                                              _byline_brat_out_id (&o, byline_relation_get_from (r)),
                                              role2 != NULL ? role2 : "Arg2",
                                              _byline_brat_out_id (&o, byline_relation_get_to (r)), tail));
      if (attributes != NULL)
        {
          JsonObjectIter iter;
          const char *key;
          JsonNode *value;

          json_object_iter_init (&iter, attributes);
          while (json_object_iter_next (&iter, &key, &value))
            _byline_brat_add_attribute (&o, rid, key, value, attr_ids);
        }
      _byline_brat_add_kept_marks (&o, rid, brat);
    }

  /* A, N and # ids: the ones read from brat, then new ones */
  for (guint i = 0; i < o.lines->len; i++)
    {
      OutLine *line = o.lines->pdata[i];

      if (strchr ("AN#", line->section) != NULL && line->id != NULL && !_byline_brat_ids_claim (&o.ids, line->id))
        g_clear_pointer (&line->id, g_free);
    }
  for (guint i = 0; i < o.lines->len; i++)
    {
      OutLine *line = o.lines->pdata[i];

      if (line->id == NULL && line->section != '*')
        line->id = _byline_brat_ids_new (&o.ids, line->section);
    }

  g_ptr_array_sort (o.lines, compare_out_lines);
  for (guint i = 0; i < o.lines->len; i++)
    {
      OutLine *line = o.lines->pdata[i];

      if (line->section == '*')
        g_string_append_printf (out, "*\t%s\n", line->body);
      else
        g_string_append_printf (out, "%s\t%s\n", line->id, line->body);
    }
  for (guint i = 0; kept != NULL && i < json_array_get_length (kept); i++)
    {
      JsonNode *node = json_array_get_element (kept, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (_byline_brat_has_line_break (json_node_get_string (node)))
        {
          _byline_brat_lose (&o, N_("lines of unknown types that brat cannot read"), "");
          continue;
        }
      g_string_append_printf (out, "%s\n", json_node_get_string (node));
    }

  g_hash_table_unref (o.ids.used);
  g_hash_table_unref (o.out_ids);
  g_hash_table_unref (o.trigger_ids);
  g_hash_table_unref (o.event_ids);
  g_hash_table_unref (o.rels_from);
  g_hash_table_unref (o.consumed);
  g_hash_table_unref (o.rel_ids);
  g_ptr_array_unref (o.lines);
  return g_string_free (out, FALSE);
}

/* ---- Writing: the directory --------------------------------------------- */

/* Files are written into a staging directory beside or inside the target
 * and moved into it when the writer finishes; a writer freed unfinished
 * removes the staging directory, leaving the target as it was. */
typedef struct
{
  char       *dir;
  char       *staging;
  gboolean    whole;      /* the staging directory becomes @dir */
  /* 64-bit hashes of the case-folded base names given out, for unique
   * names: a corpus of any size keeps memory flat (eight bytes a
   * document, not its name); two names of one hash, one in 10^11 at
   * 10,000 documents, would only make the second one ID-2. */
  GHashTable *taken;
} BratWriter;

static void
remove_staging (BratWriter *w)
{
  GDir *dir;
  const char *name;

  if (w->staging == NULL)
    return;
  dir = g_dir_open (w->staging, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (w->staging, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (w->staging);
  g_clear_pointer (&w->staging, g_free);
}

static void
brat_writer_destroy (gpointer data)
{
  BratWriter *w = data;

  remove_staging (w);
  g_free (w->dir);
  g_hash_table_unref (w->taken);
  g_free (w);
}

/* FNV-1a, 64 bits. */
static guint64
name_hash (const char *name)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

/* A file name from a document id: no directory separators, no leading
 * dot, not too long, unique (also where case does not count). */
static char *
file_base_name (BratWriter *w,
                const char *id)
{
  GString *base = g_string_new (NULL);
  char *name = NULL;

  for (const char *p = id != NULL ? id : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (base->len > 200)
        break;
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || _byline_brat_is_line_break (c))
        g_string_append_c (base, '_');
      else
        g_string_append_unichar (base, c);
    }
  if (base->len == 0)
    g_string_append (base, "doc");
  if (base->str[0] == '.')
    base->str[0] = '_';
  for (guint n = 1; name == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%u", base->str, n);
      g_autofree char *folded = g_utf8_casefold (candidate, -1);
      gint64 *key = g_new (gint64, 1);

      *key = (gint64) name_hash (folded);
      if (!g_hash_table_add (w->taken, key))
        continue;
      name = g_steal_pointer (&candidate);
    }
  g_string_free (base, TRUE);
  return name;
}

static gboolean
write_staged (BratWriter  *w,
              const char  *name,
              const char  *data,
              gsize        len,
              GError     **error)
{
  g_autofree char *path = g_build_filename (w->staging, name, NULL);
  g_autoptr(GError) local_error = NULL;

  /* No fsync for each file (four a document, which left brat's export
   * at the disk's pace: 170 s for 10,000 documents): the staging
   * directory is what makes the output appear whole or not at all. */
  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_NONE, 0666,
                                 &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", w->dir, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
brat_writer_write (BylineWriter    *writer,
                   BylineDocument  *doc,
                   GError         **error)
{
  BratWriter *w = byline_writer_get_data (writer);
  JsonObject *doc_brat = _byline_brat_object_member (byline_document_get_extra (doc), BRAT_KEY);
  g_autofree char *base = file_base_name (w, byline_document_get_id (doc));
  g_autofree char *txt_name = g_strconcat (base, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);
  g_autofree char *ann = format_ann (writer, doc);
  GString *txt = g_string_sized_new (byline_document_get_text_bytes (doc) + 3);
  gboolean ok;

  if (_byline_brat_bool_member (doc_brat, "bom"))
    g_string_append (txt, "\xEF\xBB\xBF");
  g_string_append_len (txt, byline_document_get_text (doc), (gssize) byline_document_get_text_bytes (doc));
  ok = write_staged (w, txt_name, txt->str, txt->len, error) &&
       write_staged (w, ann_name, ann, strlen (ann), error);
  g_string_free (txt, TRUE);
  return ok;
}

static gboolean
brat_writer_finish (BylineWriter  *writer,
                    GError       **error)
{
  BratWriter *w = byline_writer_get_data (writer);

  if (w->staging == NULL)
    return TRUE;
  if (w->whole && !g_file_test (w->dir, G_FILE_TEST_EXISTS) && g_rename (w->staging, w->dir) == 0)
    {
      g_clear_pointer (&w->staging, g_free);
      return TRUE;
    }
  if (!g_file_test (w->dir, G_FILE_TEST_IS_DIR) && g_mkdir (w->dir, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", w->dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Every file in the staging directory is one this writer wrote. */
  {
    g_autoptr(GDir) staged = g_dir_open (w->staging, 0, error);
    const char *name;

    if (staged == NULL)
      return FALSE;
    while ((name = g_dir_read_name (staged)) != NULL)
      {
        g_autofree char *from = g_build_filename (w->staging, name, NULL);
        g_autofree char *to = g_build_filename (w->dir, name, NULL);

        if (g_rename (from, to) != 0)
          {
            int saved_errno = errno;

            g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", to, g_strerror (saved_errno));
            return FALSE;
          }
      }
  }
  remove_staging (w);
  return TRUE;
}

static const BylineWriterClass brat_writer_class = {
  brat_writer_write, brat_writer_finish, brat_writer_destroy
};

BylineWriter *
_byline_brat_open (const BylineFormat        *format,
                   const char                *path,
                   const BylineFormatOptions *options,
                   GError                   **error)
{
  g_autofree char *dir = g_strdup (path);
  g_autofree char *staging = NULL;
  BratWriter *w;
  gsize len = strlen (dir);
  gboolean whole;

  while (len > 1 && G_IS_DIR_SEPARATOR (dir[len - 1]))
    dir[--len] = '\0';
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      staging = g_build_filename (dir, ".byline-XXXXXX", NULL);
      whole = FALSE;
    }
  else if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                   _("%s: not a directory: brat is written as a directory of ID.txt and ID.ann files"),
                   dir);
      return NULL;
    }
  else
    {
      g_autofree char *parent = g_path_get_dirname (dir);
      g_autofree char *base = g_path_get_basename (dir);
      g_autofree char *hidden = g_strdup_printf (".%s.byline-XXXXXX", base);

      if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: no such directory"), parent);
          return NULL;
        }
      staging = g_build_filename (parent, hidden, NULL);
      whole = TRUE;
    }
  if (g_mkdtemp_full (staging, 0777) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }
  w = g_new0 (BratWriter, 1);
  w->dir = g_steal_pointer (&dir);
  w->staging = g_steal_pointer (&staging);
  w->whole = whole;
  w->taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return byline_writer_new_custom (format, path, options, &brat_writer_class, w);
}


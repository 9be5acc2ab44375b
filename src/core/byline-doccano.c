/* byline-doccano.c: doccano JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * doccano writes one document a line. A sequence-labeling project exports
 * `{"id": 1, "text": "…", "label": [[0, 14, "QUOTE"], …]}`, a project with
 * relations `{"id": 1, "text": "…", "entities": [{"id": 11, "start_offset":
 * 0, "end_offset": 14, "label": "QUOTE"}, …], "relations": [{"id": 3,
 * "from_id": 11, "to_id": 12, "type": "said_by"}]}`, a text-classification
 * project `{"text": "…", "label": ["positive"]}`. Every other key is the
 * document's metadata (doccano flattens an example's meta into the line).
 * Offsets are code points, end-exclusive.
 *
 * Reading accepts all of these, plus doccano's older "data"/"labels" keys
 * and "meta" object, a JSON array of such objects (doccano's JSON import
 * format) and objects spread over several lines (its documentation's
 * examples are pretty-printed).
 *
 * Writing always uses the entities/relations shape: doccano exports it for
 * projects with relations and imports it with the "JSONL(Relation)" option,
 * so one file never mixes shapes and no relation is lost.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-import.h"
#include "byline-json-stream.h"
#include "byline-json-writer.h"

/* ---- Reading ---------------------------------------------------------- */

typedef struct
{
  const char                *path;
  const BylineFormatOptions *options;
  BylineProblems            *warnings;
  GHashTable                *warned;    /* what was warned about once */
  char                      *base_id;
  const char                *where;     /* "FILE:LINE" of the document */
  guint                      line;
  BylineSchemaWarnings       schema_warnings;  /* with the same warned set */
} Reader;

static const char *
json_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

/* A warning given once a file for each @key ("label:ORG"). */
static void G_GNUC_PRINTF (3, 4)
warn_once (Reader     *r,
           const char *key,
           const char *format,
           ...)
{
  g_autofree char *location = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (r->warnings == NULL || g_hash_table_contains (r->warned, key))
    return;
  g_hash_table_add (r->warned, g_strdup (key));
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  location = g_strdup_printf (_("line %u"), r->line);
  byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID,
                       location, "%s", message);
}

/* An offset: a whole number from 0 to G_MAXUINT. */
static gboolean
read_offset (Reader      *r,
             JsonNode    *node,
             const char  *what,
             const char  *name,
             guint       *out,
             GError     **error)
{
  gint64 v;

  if (!is_integer (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s: %s is %s, not a whole number"), r->where, what, name,
                   json_type_name (node));
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXUINT)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s: %s %lld is out of range"), r->where, what, name, (long long) v);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

typedef struct
{
  guint       start;
  guint       end;
  const char *label;
  JsonNode   *id;       /* nullable */
} Span;

/* One span: [start, end, label] or {"start_offset", "end_offset",
 * "label"}, as doccano's importer takes them. */
static gboolean
read_span (Reader      *r,
           JsonNode    *node,
           const char  *what,
           BylineDocument *doc,
           Span        *span,
           GError     **error)
{
  JsonNode *start, *end, *label;

  span->id = NULL;
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) >= 3)
    {
      JsonArray *a = json_node_get_array (node);

      start = json_array_get_element (a, 0);
      end = json_array_get_element (a, 1);
      label = json_array_get_element (a, 2);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);

      start = json_object_get_member (o, "start_offset");
      end = json_object_get_member (o, "end_offset");
      label = json_object_get_member (o, "label");
      span->id = json_object_get_member (o, "id");
      if (start == NULL || end == NULL || label == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: needs “start_offset”, “end_offset” and “label”"), r->where, what);
          return FALSE;
        }
    }
  else
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s: expected [start, end, label] or an object with start_offset, end_offset and label, not %s"),
                   r->where, what, json_type_name (node));
      return FALSE;
    }
  if (!read_offset (r, start, what, "start", &span->start, error) ||
      !read_offset (r, end, what, "end", &span->end, error))
    return FALSE;
  if (!is_string (label) || *json_node_get_string (label) == '\0')
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s: the label is %s, not a non-empty string"), r->where, what,
                   is_string (label) ? _("empty") : json_type_name (label));
      return FALSE;
    }
  span->label = json_node_get_string (label);
  if (span->start >= span->end)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s: start %u is not before end %u"), r->where, what, span->start, span->end);
      return FALSE;
    }
  if (span->end > byline_document_get_n_chars (doc))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s: end %u is past the end of the text (%u characters)"),
                   r->where, what, span->end, byline_document_get_n_chars (doc));
      return FALSE;
    }
  return TRUE;
}

/* The key under which relations find an entity: its id as written. */
static char *
id_key (JsonNode *id)
{
  if (is_integer (id))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));
  if (is_string (id))
    return g_strdup (json_node_get_string (id));
  return NULL;
}

/* doccano's numeric ids become Byline's "a12"/"r3", which the writer turns
 * back into numbers; other ids are kept as written. */
static char *
byline_id (JsonNode *id,
           char      prefix)
{
  if (is_integer (id))
    return g_strdup_printf ("%c%" G_GINT64_FORMAT, prefix, json_node_get_int (id));
  return g_strdup (json_node_get_string (id));
}

static char *
span_key (guint       start,
          guint       end,
          const char *label)
{
  return g_strdup_printf ("%u %u %s", start, end, label);
}

/* Adds the spans of a "label" or "entities" list. @ids maps entity ids
 * to Byline ids for the relations. */
static gboolean
read_spans (Reader          *r,
            BylineDocument  *doc,
            const char      *key,
            JsonArray       *list,
            GHashTable      *seen,
            GHashTable      *ids,
            GError         **error)
{
  gboolean entities = g_str_equal (key, "entities");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *what = NULL;
      g_autofree char *skey = NULL;
      g_autofree char *ikey = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *existing;
      BylineAnnotation *a;
      Span span;

      if (entities && JSON_NODE_HOLDS_OBJECT (node) &&
          (ikey = id_key (json_object_get_member (json_node_get_object (node), "id"))) != NULL)
        what = g_strdup_printf (_("entity %u (id %s)"), i + 1, ikey);
      else
        what = g_strdup_printf (entities ? _("entity %u") : _("span %u"), i + 1);
      if (!read_span (r, node, what, doc, &span, error))
        return FALSE;
      if (span.id != NULL && ikey == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: “id” is %s, not a number or a string"), r->where, what,
                       json_type_name (span.id));
          return FALSE;
        }
      if (ikey != NULL && g_hash_table_contains (ids, ikey))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                       _("%s: %s: another entity has this id"), r->where, what);
          return FALSE;
        }

      /* doccano can hold the same span twice (its own tests do): one is
       * enough, and relations to either go to it. */
      skey = span_key (span.start, span.end, span.label);
      existing = g_hash_table_lookup (seen, skey);
      if (existing != NULL)
        {
          if (r->warnings != NULL)
            {
              g_autofree char *location = g_strdup_printf (_("line %u"), r->line);

              byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, location,
                                   _("%s repeats %u–%u %s: kept once"), what,
                                   span.start, span.end, span.label);
            }
          if (ikey != NULL)
            g_hash_table_insert (ids, g_steal_pointer (&ikey), g_strdup (existing));
          continue;
        }

      a = byline_annotation_new (byline_format_layer_or_warn (&r->schema_warnings, span.label, _("line %u"), r->line),
                                 span.label, span.start, span.end);
      if (span.id != NULL)
        {
          g_autofree char *bid = byline_id (span.id, 'a');

          if (byline_document_lookup_annotation (doc, bid) != NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                           _("%s: %s: another entity has this id"), r->where, what);
              g_object_unref (a);
              return FALSE;
            }
          byline_annotation_set_id (a, bid);
        }
      if (!_byline_document_load_annotation (doc, a, &local_error))
        {
          g_set_error (error, BYLINE_ERROR, local_error->code, "%s: %s: %s", r->where, what,
                       local_error->message);
          return FALSE;
        }
      g_hash_table_insert (seen, g_steal_pointer (&skey), g_strdup (byline_annotation_get_id (a)));
      if (ikey != NULL)
        g_hash_table_insert (ids, g_steal_pointer (&ikey), g_strdup (byline_annotation_get_id (a)));
    }
  return TRUE;
}

/* A text-classification "label" (or intent detection's "cats"): category
 * names, kept as the document attribute "categories". */
static gboolean
read_categories (Reader          *r,
                 BylineDocument  *doc,
                 const char      *key,
                 JsonArray       *list,
                 GError         **error)
{
  JsonObject *attrs = byline_document_get_attributes (doc);
  JsonArray *cats;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (!is_string (node))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: “%s” mixes category names and %s (item %u)"), r->where, key,
                       json_type_name (node), i + 1);
          return FALSE;
        }
    }
  warn_once (r, "categories",
             _("“%s” holds category names (a text classification project): kept as the document attribute “categories”"),
             key);
  if (!json_object_has_member (attrs, "categories"))
    json_object_set_array_member (attrs, "categories", json_array_new ());
  cats = json_object_get_array_member (attrs, "categories");
  for (guint i = 0; i < json_array_get_length (list); i++)
    json_array_add_string_element (cats, json_array_get_string_element (list, i));
  return TRUE;
}

static gboolean
read_label_list (Reader          *r,
                 BylineDocument  *doc,
                 const char      *key,
                 JsonNode        *node,
                 GHashTable      *seen,
                 GHashTable      *ids,
                 GError         **error)
{
  JsonArray *list;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “%s” is %s, not a list of [start, end, label] spans or of category names"),
                   r->where, key, json_type_name (node));
      return FALSE;
    }
  list = json_node_get_array (node);
  if (json_array_get_length (list) == 0)
    return TRUE;
  if (is_string (json_array_get_element (list, 0)))
    return read_categories (r, doc, key, list, error);
  return read_spans (r, doc, key, list, seen, ids, error);
}

static gboolean
read_relations (Reader          *r,
                BylineDocument  *doc,
                JsonNode        *node,
                GHashTable      *ids,
                GError         **error)
{
  JsonArray *list;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “relations” is %s, not a list"), r->where, json_type_name (node));
      return FALSE;
    }
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *o;
      JsonNode *ends[2], *type, *id;
      const char *names[2] = { "from_id", "to_id" };
      const char *targets[2];
      BylineRelation *rel;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: relation %u is %s, not an object with from_id, to_id and type"),
                       r->where, i + 1, json_type_name (item));
          return FALSE;
        }
      o = json_node_get_object (item);
      ends[0] = json_object_get_member (o, "from_id");
      ends[1] = json_object_get_member (o, "to_id");
      type = json_object_get_member (o, "type");
      id = json_object_get_member (o, "id");
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *key = id_key (ends[k]);

          if (key == NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("%s: relation %u: “%s” is %s, not an entity id"),
                           r->where, i + 1, names[k], ends[k] ? json_type_name (ends[k]) : _("missing"));
              return FALSE;
            }
          targets[k] = g_hash_table_lookup (ids, key);
          if (targets[k] == NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_ID,
                           _("%s: relation %u: unknown %s %s (no entity has that id)"),
                           r->where, i + 1, names[k], key);
              return FALSE;
            }
        }
      if (!is_string (type) || *json_node_get_string (type) == '\0')
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: relation %u: “type” is %s, not a non-empty string"),
                       r->where, i + 1, type ? json_type_name (type) : _("missing"));
          return FALSE;
        }
      byline_format_check_relation_type (&r->schema_warnings, json_node_get_string (type), _("line %u"), r->line);
      rel = byline_relation_new (json_node_get_string (type), targets[0], targets[1]);
      if (id != NULL && !JSON_NODE_HOLDS_NULL (id))
        {
          g_autofree char *bid = NULL;

          if (!is_integer (id) && !is_string (id))
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("%s: relation %u: “id” is %s, not a number or a string"),
                           r->where, i + 1, json_type_name (id));
              g_object_unref (rel);
              return FALSE;
            }
          bid = byline_id (id, 'r');
          if (byline_document_lookup_relation (doc, bid) != NULL)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_DUPLICATE_ID,
                           _("%s: relation %u: another relation has the id %s"),
                           r->where, i + 1, bid);
              g_object_unref (rel);
              return FALSE;
            }
          byline_relation_set_id (rel, bid);
        }
      _byline_document_load_relation (doc, rel, NULL, NULL);
    }
  return TRUE;
}

static JsonNode *
first_member (JsonObject          *obj,
              const char * const  *names,
              const char         **found)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (obj, names[i]);

      if (node != NULL)
        {
          *found = names[i];
          return node;
        }
    }
  *found = NULL;
  return NULL;
}

/* Text keys: doccano's own ("text"), its older exports' ("data") and the
 * names its upload form's example uses ("column_data"). */
static const char * const text_keys[] = { "text", "data", "column_data", NULL };
static const char * const label_keys[] = { "label", "labels", "column_label", NULL };

static gboolean
is_handled_key (const char *key,
                const char *text_key,
                const char *label_key)
{
  return (text_key != NULL && g_str_equal (key, text_key)) ||
         (label_key != NULL && g_str_equal (key, label_key)) ||
         g_str_equal (key, "id") || g_str_equal (key, "entities") ||
         g_str_equal (key, "relations") || g_str_equal (key, "cats");
}

static char *
list_keys (JsonObject *obj)
{
  g_autoptr(GList) members = json_object_get_members (obj);
  GString *out = g_string_new (NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, l->data);
    }
  if (out->len == 0)
    g_string_append (out, _("none"));
  return g_string_free (out, FALSE);
}

static BylineDocument *
read_document (Reader      *r,
               JsonObject  *obj,
               GError     **error)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  const char *text_key, *label_key;
  JsonNode *text, *labels, *node, *value;
  JsonObjectIter iter;
  const char *key;

  text = first_member (obj, text_keys, &text_key);
  if (text == NULL)
    {
      g_autofree char *keys = list_keys (obj);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: no “text”: a doccano document needs its text (keys here: %s)"),
                   r->where, keys);
      return NULL;
    }
  if (!is_string (text))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “%s” is %s, not a string"), r->where, text_key, json_type_name (text));
      return NULL;
    }
  if (!byline_document_set_text (doc, json_node_get_string (text), -1, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, local_error->code, "%s: %s: %s", r->where, text_key,
                   local_error->message);
      return NULL;
    }

  node = json_object_get_member (obj, "id");
  if (is_integer (node) || is_string (node))
    {
      g_autofree char *id = id_key (node);
      byline_document_set_id (doc, id);
    }
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “id” is %s, not a number or a string"), r->where, json_type_name (node));
      return NULL;
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", r->base_id, r->line);
      byline_document_set_id (doc, id);
    }

  node = json_object_get_member (obj, "entities");
  if (node != NULL && !read_label_list (r, doc, "entities", node, seen, ids, error))
    return NULL;
  labels = first_member (obj, label_keys, &label_key);
  if (labels != NULL && !read_label_list (r, doc, label_key, labels, seen, ids, error))
    return NULL;
  node = json_object_get_member (obj, "cats");
  if (node != NULL && !read_label_list (r, doc, "cats", node, seen, ids, error))
    return NULL;
  node = json_object_get_member (obj, "relations");
  if (node != NULL && !read_relations (r, doc, node, ids, error))
    return NULL;

  /* The rest is metadata: doccano flattens an example's meta into the
   * line; its older exports kept it in "meta". Byline's own writer puts
   * document attributes under "attributes". */
  json_object_iter_init (&iter, obj);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (is_handled_key (key, text_key, label_key))
        continue;
      if ((g_str_equal (key, "meta") || g_str_equal (key, "attributes")) &&
          JSON_NODE_HOLDS_OBJECT (value))
        {
          JsonObjectIter mi;
          const char *mkey;
          JsonNode *mvalue;

          json_object_iter_init (&mi, json_node_get_object (value));
          while (json_object_iter_next (&mi, &mkey, &mvalue))
            {
              if (g_str_equal (key, "meta"))
                byline_document_set_meta (doc, mkey, json_node_copy (mvalue));
              else
                byline_document_set_attribute (doc, mkey, json_node_copy (mvalue));
            }
          continue;
        }
      byline_document_set_meta (doc, key, json_node_copy (value));
    }

  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

static gboolean
read_doccano (const BylineFormat         *format,
              const char                 *path,
              const BylineFormatOptions  *options,
              BylineProblems             *warnings,
              BylineDocumentFunc          func,
              gpointer                    user_data,
              GError                    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *base_id = byline_import_document_id (path);
  BylineJsonStream *stream;
  Reader r = { path, options, warnings, warned, base_id, NULL, 0,
               { options, warnings, warned, BYLINE_SCHEMA_WARNING_COLON } };
  GError *local_error = NULL;
  const char *data;
  gsize len;
  guint line;
  gboolean ok = TRUE;

  stream = _byline_json_stream_open (path, error);
  if (stream == NULL)
    return FALSE;
  while (ok && _byline_json_stream_next (stream, &data, &len, &line, &local_error))
    {
      g_autoptr(BylineDocument) doc = NULL;
      g_autofree char *where = g_strdup_printf ("%s:%u", path, line);
      JsonNode *root;

      r.where = where;
      r.line = line;
      if (!_byline_json_stream_parse (parser, path, NULL, data, len, line, error))
        {
          ok = FALSE;
          break;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: expected a JSON object (one document a line), found %s"),
                       where, json_type_name (root));
          ok = FALSE;
          break;
        }
      doc = read_document (&r, json_node_get_object (root), error);
      if (doc == NULL)
        {
          ok = FALSE;
          break;
        }
      ok = func (doc, user_data, error);
    }
  if (ok && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }
  g_clear_error (&local_error);
  _byline_json_stream_free (stream);
  return ok;
}

/* ---- Writing ---------------------------------------------------------- */

/* Keys the writer itself writes; metadata under these names is lost. */
static const char * const reserved_keys[] = {
  "id", "text", "data", "label", "labels", "entities", "relations", "cats", "meta", "attributes", NULL
};

/* The number in a Byline id written by this reader ("a12" -> 12). */
static gboolean
numeric_id (const char *id,
            char        prefix,
            gint64     *out)
{
  char *end = NULL;
  guint64 n;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]) ||
      (id[1] == '0' && id[2] != '\0'))
    return FALSE;
  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end != '\0' || n > (G_GUINT64_CONSTANT (1) << 53))
    return FALSE;
  *out = (gint64) n;
  return TRUE;
}

/* A document id of digits is written as a number, as doccano writes it. */
static void
append_document_id (GString    *out,
                    const char *id)
{
  gboolean digits = id[0] != '\0' && (id[0] != '0' || id[1] == '\0') && strlen (id) <= 15;

  for (const char *p = id; digits && *p != '\0'; p++)
    digits = g_ascii_isdigit (*p);
  if (digits)
    g_string_append (out, id);
  else
    byline_json_append_string (out, id);
}

typedef struct
{
  BylineAnnotation *annotation;
  gint64            number;     /* of its first (or only) fragment */
} Entity;

static void
lose_annotation_details (BylineWriter     *writer,
                         BylineAnnotation *a)
{
  const char *label = byline_annotation_get_label (a);
  double confidence;

  if (byline_annotation_get_status (a) == BYLINE_STATUS_SUGGESTED)
    byline_writer_lose (writer, N_("suggestion status (suggestions written as plain spans)"), label, 1);
  else if (byline_annotation_get_status (a) == BYLINE_STATUS_ACCEPTED)
    byline_writer_lose (writer, N_("accepted status (written as plain spans)"), label, 1);
  if (byline_annotation_get_confidence (a, &confidence))
    byline_writer_lose (writer, N_("confidence scores"), label, 1);
  if (byline_annotation_get_note (a) != NULL)
    byline_writer_lose (writer, N_("notes"), label, 1);
  if (byline_annotation_get_origin (a) != NULL)
    byline_writer_lose (writer, N_("annotation origins"), byline_annotation_get_origin (a), 1);
  for (guint i = 0; i < byline_annotation_get_n_attributes (a); i++)
    byline_writer_lose (writer, N_("annotation attributes"), byline_annotation_get_attribute_name (a, i), 1);
  if (byline_annotation_get_n_fragments (a) > 1)
    byline_writer_lose (writer, N_("discontinuous annotations (each fragment written as its own span)"),
                        label, 1);
}

static void
append_entity (GString    *out,
               gboolean   *first,
               gint64      number,
               guint       start,
               guint       end,
               const char *label)
{
  g_string_append (out, *first ? "" : ", ");
  *first = FALSE;
  g_string_append_printf (out, "{\"id\": %" G_GINT64_FORMAT ", \"start_offset\": %u, \"end_offset\": %u, \"label\": ",
                          number, start, end);
  byline_json_append_string (out, label);
  g_string_append_c (out, '}');
}

static gboolean
write_doccano (BylineWriter    *writer,
               BylineDocument  *doc,
               GError         **error)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) entities = g_array_new (FALSE, FALSE, sizeof (Entity));
  g_autoptr(JsonObject) meta = NULL;
  JsonObject *attributes = byline_document_get_attributes (doc);
  GString *out;
  gint64 next = 0, n;
  gboolean first = TRUE;
  guint n_relations = byline_document_get_n_relations (doc);
  gboolean ok;

  /* Entity numbers: Byline's "a12" keeps 12, other ids get numbers after
   * the largest, so that reading the file back gives the same ids. */
  for (guint i = 0; i < sorted->len; i++)
    {
      if (numeric_id (byline_annotation_get_id (sorted->pdata[i]), 'a', &n) && n >= next)
        next = n + 1;
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      Entity e = { a, 0 };

      if (byline_annotation_get_status (a) == BYLINE_STATUS_REJECTED)
        {
          byline_writer_lose (writer, N_("rejected annotations"), byline_annotation_get_label (a), 1);
          continue;
        }
      if (!numeric_id (byline_annotation_get_id (a), 'a', &e.number))
        e.number = next++;
      g_array_append_val (entities, e);
    }
  /* The array no longer grows: pointers into it stay valid. */
  for (guint i = 0; i < entities->len; i++)
    {
      Entity *e = &g_array_index (entities, Entity, i);
      g_hash_table_insert (numbers, (gpointer) byline_annotation_get_id (e->annotation), &e->number);
    }

  out = g_string_sized_new (byline_document_get_text_bytes (doc) + 256 + 96 * sorted->len);
  g_string_append_c (out, '{');
  if (byline_document_get_id (doc) != NULL)
    {
      g_string_append (out, "\"id\": ");
      append_document_id (out, byline_document_get_id (doc));
      g_string_append (out, ", ");
    }
  g_string_append (out, "\"text\": ");
  byline_json_append_string (out, byline_document_get_text (doc));

  meta = byline_json_object_copy (byline_document_get_meta (doc));
  for (guint i = 0; reserved_keys[i] != NULL; i++)
    {
      if (json_object_has_member (meta, reserved_keys[i]))
        {
          byline_writer_lose (writer, N_("metadata under a name doccano reserves"), reserved_keys[i], 1);
          json_object_remove_member (meta, reserved_keys[i]);
        }
    }
  byline_json_append_members (out, meta);
  if (json_object_get_size (attributes) > 0)
    {
      g_string_append (out, ", \"attributes\": ");
      byline_json_append_object (out, attributes, NULL);
    }

  g_string_append (out, ", \"entities\": [");
  for (guint i = 0; i < entities->len; i++)
    {
      Entity *e = &g_array_index (entities, Entity, i);
      BylineAnnotation *a = e->annotation;
      const char *label = byline_annotation_get_label (a);

      lose_annotation_details (writer, a);
      for (guint f = 0; f < byline_annotation_get_n_fragments (a); f++)
        {
          const BylineFragment *frag = byline_annotation_get_fragment (a, f);

          append_entity (out, &first, f == 0 ? e->number : next++, frag->start, frag->end, label);
        }
    }
  g_string_append (out, "], \"relations\": [");

  /* Relations in the document's order; their numbers like the entities'. */
  next = 0;
  for (guint i = 0; i < n_relations; i++)
    {
      if (numeric_id (byline_relation_get_id (byline_document_get_relation (doc, i)), 'r', &n) && n >= next)
        next = n + 1;
    }
  first = TRUE;
  for (guint i = 0; i < n_relations; i++)
    {
      BylineRelation *rel = byline_document_get_relation (doc, i);
      const char *type = byline_relation_get_relation_type (rel);
      gint64 *from = g_hash_table_lookup (numbers, byline_relation_get_from (rel));
      gint64 *to = g_hash_table_lookup (numbers, byline_relation_get_to (rel));
      JsonObject *rattrs = byline_relation_get_attributes (rel);

      if (byline_relation_get_status (rel) == BYLINE_STATUS_REJECTED)
        {
          byline_writer_lose (writer, N_("rejected relations"), type, 1);
          continue;
        }
      if (from == NULL || to == NULL)
        {
          byline_writer_lose (writer, N_("relations to rejected annotations"), type, 1);
          continue;
        }
      if (byline_relation_get_status (rel) == BYLINE_STATUS_SUGGESTED)
        byline_writer_lose (writer, N_("suggestion status of relations"), type, 1);
      if (rattrs != NULL && json_object_get_size (rattrs) > 0)
        byline_writer_lose (writer, N_("relation attributes"), type, json_object_get_size (rattrs));
      if (!numeric_id (byline_relation_get_id (rel), 'r', &n))
        n = next++;
      g_string_append (out, first ? "" : ", ");
      first = FALSE;
      g_string_append_printf (out, "{\"id\": %" G_GINT64_FORMAT ", \"from_id\": %" G_GINT64_FORMAT
                              ", \"to_id\": %" G_GINT64_FORMAT ", \"type\": ", n, *from, *to);
      byline_json_append_string (out, type);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");

  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

static const BylineWriterClass doccano_class = { write_doccano, NULL, NULL };

static BylineWriter *
open_doccano (const BylineFormat        *format,
              const char                *path,
              const BylineFormatOptions *options,
              GError                   **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &doccano_class, NULL, error);
}

static const char * const doccano_ext[] = { ".doccano.jsonl", NULL };

const BylineFormat byline_format_doccano = {
  "doccano", N_("doccano JSONL, label or entities and relations (.doccano.jsonl)"), doccano_ext, TRUE, FALSE,
  read_doccano, open_doccano
};

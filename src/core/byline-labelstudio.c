/* byline-labelstudio.c: Label Studio JSON tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Label Studio export is one JSON array of tasks:
 *
 *   {"id": 17, "data": {"text": "…", "title": "…"},
 *    "annotations": [{"completed_by": 1, "result": [
 *      {"id": "q1", "from_name": "label", "to_name": "text", "type": "labels",
 *       "value": {"start": 0, "end": 14, "text": "…", "labels": ["QUOTE"]}},
 *      {"id": "q1", "from_name": "quote_type", "to_name": "text", "type": "choices",
 *       "value": {"start": 0, "end": 14, "choices": ["direct"]}},
 *      {"type": "relation", "from_id": "q1", "to_id": "s1", "direction": "right",
 *       "labels": ["said_by"]}]}],
 *    "predictions": [{"model_version": "ner-v1", "score": 0.82, "result": […]}]}
 *
 * Offsets are code points, end-exclusive. Reading: annotations are manual
 * work (origin "labelstudio:user:N" from completed_by), predictions are
 * suggestions (origin "labelstudio:MODEL_VERSION", confidence the region's
 * score, else the prediction's). A region with several labels becomes one
 * annotation per label. Per-region choices, text areas, ratings and
 * numbers become the region's attributes (named by from_name), the
 * region's meta text its note; the same results without a region are
 * document attributes. Data keys other than the text are the metadata.
 *
 * The file is read one task at a time (byline-doccano.c's scanner finds
 * each element of the array), so memory stays constant for any corpus; a
 * single task object and JSONL of tasks are read too.
 *
 * Writing is in byline-labelstudio-write.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-import.h"
#include "byline-json-stream.h"
#include "byline-labelstudio-private.h"

#define USER_PREFIX   "labelstudio:user:"

/* ---- Reading ---------------------------------------------------------- */

typedef struct
{
  const char                *path;
  const BylineFormatOptions *options;
  BylineProblems            *warnings;
  GHashTable                *warned;
  char                      *base_id;
  guint                      index;     /* of the task, from 1 */
  guint                      line;
  char                      *where;     /* "FILE:LINE: task N (id X)" */
  BylineSchemaWarnings       schema_warnings;  /* with the same warned set */
} Reader;

/* One result list: an annotation's or a prediction's. */
typedef struct
{
  const char   *what;        /* "annotation 1", "prediction 2" */
  BylineStatus  status;
  const char   *origin;
  gboolean      has_score;
  double        score;
  const char   *created;
  const char   *modified;
  GHashTable   *regions;     /* region id -> GPtrArray of BylineAnnotation */
  GPtrArray    *annotations; /* in the order made, owned */
  GHashTable   *pending;     /* Byline ids given out in this list */
} Results;

static const char *
json_type_name (JsonNode *node)
{
  if (node == NULL)
    return _("missing");
  if (JSON_NODE_HOLDS_NULL (node))
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
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* An id as Label Studio writes it: a string, or a number. */
static char *
dup_id (JsonNode *node)
{
  if (_byline_labelstudio_is_string (node))
    return g_strdup (json_node_get_string (node));
  if (is_integer (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

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
  location = g_strdup_printf (_("line %u: task %u"), r->line, r->index);
  byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID,
                       location, "%s", message);
}

/* A Byline id for a region: its own when free, else ID-2, ID-3… (two
 * annotators' regions, or the labels of one region, may share it). */
static char *
unique_id (BylineDocument *doc,
           GHashTable     *pending,
           const char     *base)
{
  if (byline_document_lookup_annotation (doc, base) == NULL && !g_hash_table_contains (pending, base))
    return g_strdup (base);
  for (guint n = 2;; n++)
    {
      char *id = g_strdup_printf ("%s-%u", base, n);

      if (byline_document_lookup_annotation (doc, id) == NULL && !g_hash_table_contains (pending, id))
        return id;
      g_free (id);
    }
}

static gboolean
read_offset (Reader      *r,
             Results     *res,
             const char  *rid,
             JsonNode    *node,
             const char  *name,
             guint       *out,
             GError     **error)
{
  gint64 v;

  if (!is_integer (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s, result “%s”: “%s” is %s, not a whole number"),
                   r->where, res->what, rid, name, json_type_name (node));
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXUINT)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s, result “%s”: %s %lld is out of range"),
                   r->where, res->what, rid, name, (long long) v);
      return FALSE;
    }
  *out = (guint) v;
  return TRUE;
}

/* A "labels" result: one annotation per label. */
static gboolean
read_region (Reader          *r,
             BylineDocument  *doc,
             Results         *res,
             JsonObject      *item,
             const char      *rid,
             GError         **error)
{
  JsonNode *value_node = json_object_get_member (item, "value");
  JsonObject *value;
  JsonNode *labels_node, *text, *score, *meta;
  JsonArray *labels;
  GPtrArray *made;
  g_autofree char *note = NULL;
  guint start, end, n_chars = byline_document_get_n_chars (doc);
  double confidence = res->score;
  gboolean has_confidence = res->has_score;

  if (value_node == NULL || !JSON_NODE_HOLDS_OBJECT (value_node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s, result “%s”: “value” is %s, not an object"),
                   r->where, res->what, rid, json_type_name (value_node));
      return FALSE;
    }
  value = json_node_get_object (value_node);
  if (_byline_labelstudio_is_string (json_object_get_member (value, "start")))
    {
      /* HyperText regions: XPath positions, not offsets in a text. */
      warn_once (r, "xpath", _("%s, result “%s”: a region given by XPath (HyperText) is not a span of the text: skipped"),
                 res->what, rid);
      return TRUE;
    }
  if (!read_offset (r, res, rid, json_object_get_member (value, "start"), "start", &start, error) ||
      !read_offset (r, res, rid, json_object_get_member (value, "end"), "end", &end, error))
    return FALSE;
  if (start >= end)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s, result “%s”: start %u is not before end %u"),
                   r->where, res->what, rid, start, end);
      return FALSE;
    }
  if (end > n_chars)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s, result “%s”: end %u is past the end of the text (%u characters)"),
                   r->where, res->what, rid, end, n_chars);
      return FALSE;
    }
  text = json_object_get_member (value, "text");
  if (text != NULL && !JSON_NODE_HOLDS_NULL (text))
    {
      g_autofree char *slice = byline_document_dup_slice (doc, start, end);

      if (!_byline_labelstudio_is_string (text) || strcmp (json_node_get_string (text), slice) != 0)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TEXT_MISMATCH,
                       _("%s: %s, result “%s”: its text “%s” is not the text at %u–%u, “%s”"),
                       r->where, res->what, rid, _byline_labelstudio_is_string (text) ? json_node_get_string (text) : "",
                       start, end, slice);
          return FALSE;
        }
    }
  labels_node = json_object_get_member (value, "labels");
  if (labels_node == NULL || !JSON_NODE_HOLDS_ARRAY (labels_node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s, result “%s”: “labels” is %s, not a list of labels"),
                   r->where, res->what, rid, json_type_name (labels_node));
      return FALSE;
    }
  labels = json_node_get_array (labels_node);
  if (json_array_get_length (labels) == 0)
    {
      warn_once (r, "no-label", _("%s, result “%s”: a region without a label: skipped"), res->what, rid);
      return TRUE;
    }

  score = json_object_get_member (item, "score");
  if (res->status == BYLINE_STATUS_SUGGESTED && _byline_labelstudio_is_number (score))
    {
      confidence = json_node_get_double (score);
      has_confidence = TRUE;
    }
  meta = json_object_get_member (item, "meta");
  if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
    {
      JsonNode *lines = json_object_get_member (json_node_get_object (meta), "text");

      if (_byline_labelstudio_is_string (lines))
        note = g_strdup (json_node_get_string (lines));
      else if (lines != NULL && JSON_NODE_HOLDS_ARRAY (lines))
        {
          GString *s = g_string_new (NULL);
          JsonArray *a = json_node_get_array (lines);

          for (guint i = 0; i < json_array_get_length (a); i++)
            {
              if (!_byline_labelstudio_is_string (json_array_get_element (a, i)))
                continue;
              if (s->len > 0)
                g_string_append_c (s, '\n');
              g_string_append (s, json_array_get_string_element (a, i));
            }
          note = g_string_free (s, s->len == 0);
        }
    }

  made = g_hash_table_lookup (res->regions, rid);
  if (made == NULL)
    {
      made = g_ptr_array_new ();
      g_hash_table_insert (res->regions, g_strdup (rid), made);
    }
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonNode *label = json_array_get_element (labels, i);
      BylineAnnotation *a;
      g_autofree char *id = NULL;

      if (!_byline_labelstudio_is_string (label) || *json_node_get_string (label) == '\0')
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s, result “%s”: label %u is %s, not a non-empty string"),
                       r->where, res->what, rid, i + 1,
                       _byline_labelstudio_is_string (label) ? _("empty") : json_type_name (label));
          return FALSE;
        }
      a = byline_annotation_new (byline_format_layer_or_warn (&r->schema_warnings, json_node_get_string (label),
                                                              _("line %u: task %u"), r->line, r->index),
                                 json_node_get_string (label), start, end);
      id = unique_id (doc, res->pending, rid);
      byline_annotation_set_id (a, id);
      g_hash_table_add (res->pending, g_steal_pointer (&id));
      byline_annotation_set_status (a, res->status);
      if (res->origin != NULL)
        byline_annotation_set_origin (a, res->origin);
      if (has_confidence)
        byline_annotation_set_confidence (a, confidence);
      if (note != NULL)
        byline_annotation_set_note (a, note);
      if (res->created != NULL)
        byline_annotation_set_created (a, res->created);
      if (res->modified != NULL)
        byline_annotation_set_modified (a, res->modified);
      g_ptr_array_add (res->annotations, a);
      g_ptr_array_add (made, a);
    }
  return TRUE;
}

/* A choices/textarea/rating/number… result: its value, the member named
 * after its type; one choice or one line is a plain string. */
static JsonNode *
attribute_value (JsonObject *item,
                 const char *type)
{
  JsonNode *value = json_object_get_member (item, "value");
  JsonNode *v;
  const char *key = type;

  if (value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
    return NULL;
  if (g_str_equal (type, "textarea"))
    key = "text";
  v = json_object_get_member (json_node_get_object (value), key);
  if (v == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (v) && json_array_get_length (json_node_get_array (v)) == 1 &&
      _byline_labelstudio_is_string (json_array_get_element (json_node_get_array (v), 0)))
    return json_node_copy (json_array_get_element (json_node_get_array (v), 0));
  return json_node_copy (v);
}

static gboolean
read_relation (Reader          *r,
               BylineDocument  *doc,
               Results         *res,
               JsonObject      *item,
               guint            index,
               GPtrArray       *relations,
               GError         **error)
{
  const char *names[2] = { "from_id", "to_id" };
  const char *ends[2];
  JsonNode *labels = json_object_get_member (item, "labels");
  JsonNode *direction = json_object_get_member (item, "direction");
  const char *dir = _byline_labelstudio_is_string (direction) ? json_node_get_string (direction) : "right";
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *id = dup_id (json_object_get_member (item, names[k]));
      GPtrArray *made;

      if (id == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s, relation %u: “%s” is %s, not a region id"),
                       r->where, res->what, index, names[k],
                       json_type_name (json_object_get_member (item, names[k])));
          return FALSE;
        }
      made = g_hash_table_lookup (res->regions, id);
      if (made == NULL || made->len == 0)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_ID,
                       _("%s: %s, relation %u: unknown %s “%s” (no region of this %s has that id)"),
                       r->where, res->what, index, names[k], id,
                       res->status == BYLINE_STATUS_SUGGESTED ? _("prediction") : _("annotation"));
          return FALSE;
        }
      /* A region with several labels: the relation starts or ends at the
       * annotation of its first label. */
      ends[k] = byline_annotation_get_id (made->pdata[0]);
    }
  if (!g_str_equal (dir, "right") && !g_str_equal (dir, "left") && !g_str_equal (dir, "bi"))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s, relation %u: direction “%s” is not right, left or bi"),
                   r->where, res->what, index, dir);
      return FALSE;
    }
  if (labels != NULL && JSON_NODE_HOLDS_ARRAY (labels))
    {
      JsonArray *a = json_node_get_array (labels);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          if (!_byline_labelstudio_is_string (json_array_get_element (a, i)) ||
              *json_array_get_string_element (a, i) == '\0')
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("%s: %s, relation %u: label %u is not a non-empty string"),
                           r->where, res->what, index, i + 1);
              return FALSE;
            }
          g_ptr_array_add (types, (gpointer) json_array_get_string_element (a, i));
        }
    }
  else if (labels != NULL && !JSON_NODE_HOLDS_NULL (labels))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s, relation %u: “labels” is %s, not a list"),
                   r->where, res->what, index, json_type_name (labels));
      return FALSE;
    }
  if (types->len == 0)
    {
      warn_once (r, "relation-no-label",
                 _("%s, relation %u: a relation without a label: kept with the type “relation”"),
                 res->what, index);
      g_ptr_array_add (types, (gpointer) "relation");
    }

  for (guint i = 0; i < types->len; i++)
    {
      gboolean left = g_str_equal (dir, "left");
      BylineRelation *rel = byline_relation_new (types->pdata[i], ends[left ? 1 : 0], ends[left ? 0 : 1]);

      byline_format_check_relation_type (&r->schema_warnings, types->pdata[i],
                                         _("line %u: task %u"), r->line, r->index);
      byline_relation_set_status (rel, res->status);
      if (res->origin != NULL)
        byline_relation_set_origin (rel, res->origin);
      if (g_str_equal (dir, "bi"))
        {
          /* Byline's relations have one direction: keep Label Studio's
           * so that writing gives it back. */
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_string_member (extra, "direction", "bi");
          byline_relation_set_extra (rel, extra);
        }
      g_ptr_array_add (relations, rel);
    }
  return TRUE;
}

static gboolean
read_results (Reader          *r,
              BylineDocument  *doc,
              Results         *res,
              JsonNode        *node,
              GError         **error)
{
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *list;
  guint n_relations = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s: “result” is %s, not a list"), r->where, res->what, json_type_name (node));
      return FALSE;
    }
  list = json_node_get_array (node);

  /* First the regions, so that per-region results and relations can find
   * them whatever the order. */
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item_node = json_array_get_element (list, i);
      JsonObject *item;
      JsonNode *type;
      g_autofree char *rid = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item_node))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: result %u is %s, not an object"),
                       r->where, res->what, i + 1, json_type_name (item_node));
          return FALSE;
        }
      item = json_node_get_object (item_node);
      type = json_object_get_member (item, "type");
      if (!_byline_labelstudio_is_string (type))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: result %u: “type” is %s, not a string"),
                       r->where, res->what, i + 1, json_type_name (type));
          return FALSE;
        }
      if (!g_str_equal (json_node_get_string (type), "labels"))
        continue;
      rid = dup_id (json_object_get_member (item, "id"));
      if (rid == NULL)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: result %u: a region needs an “id”"), r->where, res->what, i + 1);
          return FALSE;
        }
      if (!read_region (r, doc, res, item, rid, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      const char *type = json_object_get_string_member (item, "type");
      JsonNode *from_name = json_object_get_member (item, "from_name");
      g_autofree char *rid = dup_id (json_object_get_member (item, "id"));
      g_autoptr(JsonNode) value = NULL;
      GPtrArray *made;

      if (g_str_equal (type, "labels"))
        continue;
      if (g_str_equal (type, "relation"))
        {
          if (!read_relation (r, doc, res, item, ++n_relations, relations, error))
            return FALSE;
          continue;
        }
      value = attribute_value (item, type);
      if (value == NULL || !_byline_labelstudio_is_string (from_name))
        {
          g_autofree char *key = g_strconcat ("type:", type, NULL);

          warn_once (r, key, _("%s, result %u: results of type “%s” are not spans of the text nor attributes: skipped"),
                     res->what, i + 1, type);
          continue;
        }
      made = rid != NULL ? g_hash_table_lookup (res->regions, rid) : NULL;
      if (made != NULL)
        {
          for (guint k = 0; k < made->len; k++)
            byline_annotation_set_attribute (made->pdata[k], json_node_get_string (from_name),
                                             json_node_copy (value));
        }
      else if (res->status == BYLINE_STATUS_SUGGESTED)
        warn_once (r, "prediction-document",
                   _("%s: document-level results of predictions (“%s”) are not imported"),
                   res->what, json_node_get_string (from_name));
      else
        byline_document_set_attribute (doc, json_node_get_string (from_name), g_steal_pointer (&value));
    }

  for (guint i = 0; i < res->annotations->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      BylineAnnotation *a = g_object_ref (res->annotations->pdata[i]);

      if (!_byline_document_load_annotation (doc, a, &local_error))
        {
          g_set_error (error, BYLINE_ERROR, local_error->code, _("%s: %s, result “%s”: %s"),
                       r->where, res->what, byline_annotation_get_id (res->annotations->pdata[i]),
                       local_error->message);
          return FALSE;
        }
    }
  for (guint i = 0; i < relations->len; i++)
    _byline_document_load_relation (doc, g_object_ref (relations->pdata[i]), NULL, NULL);
  return TRUE;
}

static void
results_init (Results    *res,
              const char *what)
{
  memset (res, 0, sizeof *res);
  res->what = what;
  res->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  res->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  res->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
results_clear (Results *res)
{
  g_hash_table_unref (res->regions);
  g_ptr_array_unref (res->annotations);
  g_hash_table_unref (res->pending);
}

/* Who made an annotation: completed_by is a user id, or (in some exports)
 * the user object. */
static char *
annotation_origin (JsonObject *annotation)
{
  JsonNode *by = json_object_get_member (annotation, "completed_by");

  if (is_integer (by))
    return g_strdup_printf (USER_PREFIX "%" G_GINT64_FORMAT, json_node_get_int (by));
  if (_byline_labelstudio_is_string (by) && *json_node_get_string (by) != '\0')
    return g_strdup (json_node_get_string (by));
  if (by != NULL && JSON_NODE_HOLDS_OBJECT (by))
    {
      JsonObject *user = json_node_get_object (by);
      JsonNode *email = json_object_get_member (user, "email");
      JsonNode *id = json_object_get_member (user, "id");

      if (_byline_labelstudio_is_string (email) && *json_node_get_string (email) != '\0')
        return g_strdup (json_node_get_string (email));
      if (is_integer (id))
        return g_strdup_printf (USER_PREFIX "%" G_GINT64_FORMAT, json_node_get_int (id));
    }
  return NULL;
}

static const char *
optional_string (JsonObject *obj,
                 const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);

  return _byline_labelstudio_is_string (node) ? json_node_get_string (node) : NULL;
}

static gboolean
read_annotations (Reader          *r,
                  BylineDocument  *doc,
                  JsonNode        *node,
                  const char      *key,
                  gboolean         predictions,
                  GError         **error)
{
  JsonArray *list;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “%s” is %s, not a list"), r->where, key, json_type_name (node));
      return FALSE;
    }
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      g_autofree char *what = g_strdup_printf (predictions ? _("prediction %u") : _("annotation %u"), i + 1);
      g_autofree char *origin = NULL;
      JsonObject *obj;
      Results res;
      gboolean ok;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s is %s, not an object"), r->where, what, json_type_name (item));
          return FALSE;
        }
      obj = json_node_get_object (item);
      if (!predictions && is_true (json_object_get_member (obj, "was_cancelled")))
        {
          warn_once (r, "cancelled", _("%s was cancelled (skipped) in Label Studio: not imported"), what);
          continue;
        }
      results_init (&res, what);
      if (predictions)
        {
          JsonNode *version = json_object_get_member (obj, "model_version");
          JsonNode *score = json_object_get_member (obj, "score");
          g_autofree char *v = dup_id (version);

          if (v == NULL && _byline_labelstudio_is_number (version))
            v = g_strdup_printf ("%g", json_node_get_double (version));
          origin = v != NULL && *v != '\0' ? g_strconcat (ORIGIN_PREFIX ":", v, NULL) : g_strdup (ORIGIN_PREFIX);
          res.status = BYLINE_STATUS_SUGGESTED;
          if (_byline_labelstudio_is_number (score))
            {
              res.has_score = TRUE;
              res.score = json_node_get_double (score);
            }
        }
      else
        {
          origin = annotation_origin (obj);
          res.status = BYLINE_STATUS_MANUAL;
          res.created = optional_string (obj, "created_at");
          res.modified = optional_string (obj, "updated_at");
        }
      res.origin = origin;
      ok = read_results (r, doc, &res, json_object_get_member (obj, "result"), error);
      results_clear (&res);
      if (!ok)
        return FALSE;
    }
  return TRUE;
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

/* The data key that holds the text: "text", else the one string. */
static const char *
find_text_key (Reader     *r,
               JsonObject *data)
{
  g_autoptr(GList) members = NULL;
  const char *found = NULL;

  if (json_object_has_member (data, "text"))
    return "text";
  members = json_object_get_members (data);
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!_byline_labelstudio_is_string (json_object_get_member (data, l->data)))
        continue;
      if (found != NULL)
        return NULL;
      found = l->data;
    }
  if (found != NULL)
    {
      g_autofree char *key = g_strconcat ("text-key:", found, NULL);

      warn_once (r, key, _("no “text” in the task's data: the text is its only string, “%s”"), found);
    }
  return found;
}

static BylineDocument *
read_task (Reader      *r,
           JsonObject  *task,
           GError     **error)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *task_id = dup_id (json_object_get_member (task, "id"));
  JsonNode *data_node = json_object_get_member (task, "data");
  JsonObject *data;
  JsonNode *text, *value;
  JsonObjectIter iter;
  const char *text_key, *key;
  gboolean wrapped = FALSE;

  g_free (r->where);
  if (task_id != NULL)
    r->where = g_strdup_printf (_("%s:%u: task %u (id %s)"), r->path, r->line, r->index, task_id);
  else
    r->where = g_strdup_printf (_("%s:%u: task %u"), r->path, r->line, r->index);

  /* Label Studio imports a task without "data" as its data. */
  if (data_node == NULL)
    {
      data = task;
      wrapped = TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (data_node))
    data = json_node_get_object (data_node);
  else
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “data” is %s, not an object"), r->where, json_type_name (data_node));
      return NULL;
    }

  text_key = find_text_key (r, data);
  text = text_key != NULL ? json_object_get_member (data, text_key) : NULL;
  if (text == NULL)
    {
      g_autofree char *keys = list_keys (data);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: no “text” in the task's data (keys: %s)"), r->where, keys);
      return NULL;
    }
  if (!_byline_labelstudio_is_string (text))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: data “%s” is %s, not a string"), r->where, text_key, json_type_name (text));
      return NULL;
    }
  if (!byline_document_set_text (doc, json_node_get_string (text), -1, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, local_error->code, "%s: %s", r->where, local_error->message);
      return NULL;
    }

  /* The id: Byline writes a non-numeric one into the data, a numeric one
   * is the task's. */
  {
    g_autofree char *data_id = wrapped ? NULL : dup_id (json_object_get_member (data, "id"));

    if (data_id != NULL)
      byline_document_set_id (doc, data_id);
    else if (task_id != NULL)
      byline_document_set_id (doc, task_id);
    else
      {
        g_autofree char *id = g_strdup_printf ("%s-%u", r->base_id, r->index);
        byline_document_set_id (doc, id);
      }
  }

  json_object_iter_init (&iter, data);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, text_key) || (g_str_equal (key, "id") && (wrapped || _byline_labelstudio_is_string (value) || is_integer (value))))
        continue;
      if (wrapped && (g_str_equal (key, "annotations") || g_str_equal (key, "predictions") ||
                      g_str_equal (key, "completions")))
        continue;
      byline_document_set_meta (doc, key, json_node_copy (value));
    }

  if (!read_annotations (r, doc, json_object_get_member (task, "annotations"), "annotations", FALSE, error) ||
      !read_annotations (r, doc, json_object_get_member (task, "completions"), "completions", FALSE, error) ||
      !read_annotations (r, doc, json_object_get_member (task, "predictions"), "predictions", TRUE, error))
    return NULL;

  /* Label Studio's own bookkeeping (created_at, inner_id, meta…) is kept
   * out of sight; the writer gives back "meta", which it imports. */
  if (!wrapped)
    {
      json_object_iter_init (&iter, task);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (g_str_equal (key, "id") || g_str_equal (key, "data") || g_str_equal (key, "annotations") ||
              g_str_equal (key, "completions") || g_str_equal (key, "predictions"))
            continue;
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, key, json_node_copy (value));
        }
      _byline_document_set_extra (doc, extra);
    }

  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

static gboolean
read_labelstudio (const BylineFormat         *format,
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
  Reader r = { path, options, warnings, warned, base_id, 0, 0, NULL,
               { options, warnings, warned, BYLINE_SCHEMA_WARNING_COLON } };
  GError *local_error = NULL;
  const char *data;
  gsize len;
  gboolean ok = TRUE;

  stream = _byline_json_stream_open (path, error);
  if (stream == NULL)
    return FALSE;
  while (ok && _byline_json_stream_next (stream, &data, &len, &r.line, &local_error))
    {
      g_autoptr(BylineDocument) doc = NULL;
      JsonNode *root;

      g_autofree char *context = NULL;

      r.index++;
      context = g_strdup_printf (_("task %u"), r.index);
      if (!_byline_json_stream_parse (parser, path, context, data, len, r.line, error))
        {
          ok = FALSE;
          break;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s:%u: task %u is %s, not an object: expected a list of Label Studio tasks"),
                       path, r.line, r.index, json_type_name (root));
          ok = FALSE;
          break;
        }
      doc = read_task (&r, json_node_get_object (root), error);
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
  g_free (r.where);
  _byline_json_stream_free (stream);
  return ok;
}

static const char * const labelstudio_ext[] = { ".labelstudio.json", ".ls.json", NULL };

const BylineFormat byline_format_labelstudio = {
  "labelstudio", N_("Label Studio JSON tasks, annotations and predictions (.labelstudio.json)"), labelstudio_ext,
  TRUE, FALSE, read_labelstudio, _byline_labelstudio_open
};

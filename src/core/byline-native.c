/* byline-native.c: reading .byline.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading checks everything a later step would trip on (offsets in range,
 * each annotation's text equal to its slice, relation endpoints, the
 * version) and reports every problem, not just the first, so that
 * `byline-cli validate` can list them all. Labels the schema does not know
 * are kept and reported as warnings: a researcher's data is never dropped.
 * Keys Byline does not know are kept too and written back.
 *
 * Two readers: the scanner in byline-native-scan.c reads good files
 * straight from the text; the tree reader here (JSON-GLib's JsonParser,
 * then byline_native_from_object()) reads whatever the scanner declines,
 * and its reports are the reference for both.
 *
 * Writing is in byline-native-write.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-import.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-native-scan.h"

/* ---- Reading ---------------------------------------------------------- */

typedef struct
{
  BylineDocument *doc;
  BylineSchema   *schema;
  BylineProblems *problems;
  GHashTable     *reported;  /* unknown labels already warned about */
} Reader;

/* Names an annotation in messages. Built only when there is a problem:
 * formatting it for each of 50,000 annotations was a tenth of a load. */
typedef struct
{
  guint       index;
  const char *id;
  char       *str;
} Where;

static const char *
where_str (Where *w)
{
  if (w->str == NULL)
    w->str = w->id != NULL ? g_strdup_printf ("annotations[%u] (id %s)", w->index, w->id)
                           : g_strdup_printf ("annotations[%u]", w->index);
  return w->str;
}

static void
where_clear (Where *w)
{
  g_clear_pointer (&w->str, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Where, where_clear)

static void G_GNUC_PRINTF (4, 5)
problem (Reader         *r,
         BylineSeverity  severity,
         int             code,
         const char     *format,
         ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  byline_problems_add (r->problems, severity, code, NULL, "%s", msg);
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL)
    return "nothing";
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a number";
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

/* An offset is a whole, non-negative number that fits a guint. */
static gboolean
read_offset (JsonNode *node,
             guint    *out)
{
  gint64 v;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  v = json_node_get_int (node);
  if (v < 0 || v > G_MAXUINT / 2)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
read_fragments (Reader           *r,
                Where            *where,
                JsonNode         *node,
                BylineAnnotation *annotation)
{
  JsonArray *array;
  g_autofree BylineFragment *frags = NULL;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("%s: “fragments” must be a non-empty list of [start, end] pairs"), where_str (where));
      return FALSE;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  frags = g_new0 (BylineFragment, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *pair = json_array_get_element (array, i);
      JsonArray *pa;

      if (!JSON_NODE_HOLDS_ARRAY (pair) || json_array_get_length (json_node_get_array (pair)) != 2)
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: fragment %u is not a [start, end] pair"), where_str (where), i);
          return FALSE;
        }
      pa = json_node_get_array (pair);
      if (!read_offset (json_array_get_element (pa, 0), &frags[i].start) ||
          !read_offset (json_array_get_element (pa, 1), &frags[i].end))
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: fragment %u has an offset that is not a whole number ≥ 0"), where_str (where), i);
          return FALSE;
        }
    }
  byline_annotation_set_fragments (annotation, frags, n);
  return TRUE;
}

/**
 * _byline_native_check_label:
 * @id: (nullable): the annotation's id as the file gives it
 *
 * Warns when @annotation's label is not in @schema (once per label, kept
 * in @reported) or sits in another layer. Shared by both readers so their
 * messages cannot drift apart.
 */
void
_byline_native_check_label (BylineSchema     *schema,
                            GHashTable       *reported,
                            BylineProblems   *problems,
                            guint             index,
                            const char       *id,
                            BylineAnnotation *annotation)
{
  const char *label = byline_annotation_get_label (annotation);
  const char *layer = byline_annotation_get_layer (annotation);
  g_auto(Where) where = { index, id, NULL };
  const BylineLabel *def;

  if (schema == NULL)
    return;
  def = byline_schema_lookup_label (schema, label);
  if (def == NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s/%s", layer, label);

      /* Once per label: a file can hold thousands of them. */
      if (!g_hash_table_contains (reported, key))
        {
          byline_problems_add (problems, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, NULL,
                               _("%s: label “%s” is not in schema “%s” (kept)"), where_str (&where),
                               label, byline_schema_get_name (schema));
          g_hash_table_add (reported, g_steal_pointer (&key));
        }
    }
  else if (g_strcmp0 (def->layer->name, layer) != 0)
    byline_problems_add (problems, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, NULL,
                         _("%s: label “%s” belongs to layer “%s”, not “%s” (kept)"), where_str (&where),
                         label, def->layer->name, layer);
}

static void
read_annotation (Reader     *r,
                 JsonNode   *node,
                 guint       index)
{
  g_autoptr(BylineAnnotation) annotation = NULL;
  g_auto(Where) where = { index, NULL, NULL };
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonNode *text = NULL;
  JsonNode *start = NULL;
  JsonNode *end = NULL;
  JsonNode *fragments = NULL;
  JsonObject *extra = NULL;
  const char *layer = NULL;
  const char *label = NULL;
  g_autoptr(GError) error = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("annotations[%u]: expected an object, found %s"), index, node_type_name (node));
      return;
    }

  annotation = byline_annotation_new (NULL, NULL, 0, 0);
  /* The id names the annotation in every message, wherever it stands. */
  value = json_object_get_member (json_node_get_object (node), "id");
  if (value != NULL && is_string (value))
    where.id = json_node_get_string (value);

  /* One pass over the members: faster than a lookup per known key, and it
   * finds the unknown ones on the way. In file order, not hash order, so
   * that the first wrong key in the file is the one reported and the
   * scanner, which reads the file in order, keeps the same members in the
   * same order. */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gboolean ok = TRUE;

      if (strcmp (key, "id") == 0)
        {
          if ((ok = is_string (value)))
            byline_annotation_set_id (annotation, json_node_get_string (value));
        }
      else if (strcmp (key, "layer") == 0)
        {
          if ((ok = is_string (value)))
            layer = json_node_get_string (value);
        }
      else if (strcmp (key, "label") == 0)
        {
          if ((ok = is_string (value)))
            label = json_node_get_string (value);
        }
      else if (strcmp (key, "start") == 0)
        start = value;
      else if (strcmp (key, "end") == 0)
        end = value;
      else if (strcmp (key, "fragments") == 0)
        fragments = value;
      else if (strcmp (key, "text") == 0)
        {
          if ((ok = is_string (value)))
            text = value;
        }
      else if (strcmp (key, "status") == 0)
        {
          BylineStatus status;

          if (!is_string (value) || !byline_status_from_string (json_node_get_string (value), &status))
            {
              g_autoptr(GString) shown = g_string_new (NULL);

              byline_json_append_node (shown, value);
              problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: unknown status %s (must be manual, suggested, accepted or rejected)"),
                       where_str (&where), shown->str);
              return;
            }
          byline_annotation_set_status (annotation, status);
        }
      else if (strcmp (key, "origin") == 0)
        {
          if ((ok = is_string (value)))
            byline_annotation_set_origin (annotation, json_node_get_string (value));
        }
      else if (strcmp (key, "confidence") == 0)
        {
          if ((ok = is_number (value)) && !isfinite (json_node_get_double (value)))
            {
              /* JSON-GLib reads 1e400 as infinity. */
              problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                       _("%s: “confidence” is too large"), where_str (&where));
              g_clear_pointer (&extra, json_object_unref);
              return;
            }
          if (ok)
            byline_annotation_set_confidence (annotation, json_node_get_double (value));
        }
      else if (strcmp (key, "note") == 0)
        {
          if ((ok = is_string (value)))
            byline_annotation_set_note (annotation, json_node_get_string (value));
        }
      else if (strcmp (key, "reviewer") == 0)
        {
          if ((ok = is_string (value)))
            byline_annotation_set_reviewer (annotation, json_node_get_string (value));
        }
      else if (strcmp (key, "created") == 0)
        {
          if ((ok = is_string (value)))
            byline_annotation_set_created (annotation, json_node_get_string (value));
        }
      else if (strcmp (key, "modified") == 0)
        {
          if ((ok = is_string (value)))
            byline_annotation_set_modified (annotation, json_node_get_string (value));
        }
      else if (strcmp (key, "attributes") == 0)
        {
          if ((ok = JSON_NODE_HOLDS_OBJECT (value)))
            {
              JsonObjectIter ai;
              const char *aname;
              JsonNode *avalue;

              json_object_iter_init_ordered (&ai, json_node_get_object (value));
              while (json_object_iter_next_ordered (&ai, &aname, &avalue))
                byline_annotation_set_attribute (annotation, aname, avalue);
            }
        }
      else
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, key, json_node_copy (value));
        }

      if (!ok)
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “%s” has the wrong type (%s)"), where_str (&where), key, node_type_name (value));
          g_clear_pointer (&extra, json_object_unref);
          return;
        }
    }
  if (extra != NULL)
    {
      byline_annotation_set_extra (annotation, extra);
      json_object_unref (extra);
    }

  if (layer == NULL || label == NULL)
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("%s: missing “%s”"), where_str (&where), layer == NULL ? "layer" : "label");
      return;
    }
  byline_annotation_set_layer (annotation, layer);
  byline_annotation_set_label (annotation, label);

  if (fragments != NULL)
    {
      if (start != NULL || end != NULL)
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: has both “fragments” and start/end"), where_str (&where));
          return;
        }
      if (!read_fragments (r, &where, fragments, annotation))
        return;
    }
  else
    {
      guint s, e;

      if (start == NULL || end == NULL)
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: missing “%s”"), where_str (&where), start == NULL ? "start" : "end");
          return;
        }
      if (!read_offset (start, &s) || !read_offset (end, &e))
        {
          g_autoptr(GString) shown = g_string_new (NULL);
          gboolean start_bad = !read_offset (start, &s);

          byline_json_append_node (shown, start_bad ? start : end);
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: “%s” must be a whole number ≥ 0, not %s"), where_str (&where),
                   start_bad ? "start" : "end", shown->str);
          return;
        }
      byline_annotation_set_range (annotation, s, e);
    }

  _byline_native_check_label (r->schema, r->reported, r->problems, index, where.id, annotation);

  /* Loading checks the range; the text is compared once it fits. */
  if (!_byline_document_load_annotation (r->doc, g_object_ref (annotation), &error))
    {
      problem (r, BYLINE_SEVERITY_ERROR, error->code, "%s: %s", where_str (&where), error->message);
      return;
    }
  if (text != NULL)
    {
      const char *str = json_node_get_string (text);

      if (!_byline_document_slice_equals (r->doc, annotation, str, strlen (str)))
        {
          g_autofree char *actual = byline_document_dup_annotation_text (r->doc, annotation);
          g_autoptr(GString) said = g_string_new (NULL);
          g_autoptr(GString) is = g_string_new (NULL);

          /* JSON-quoted: the texts themselves often hold curly quotes. */
          byline_json_append_string (said, str);
          byline_json_append_string (is, actual);
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_TEXT_MISMATCH,
                   _("%s: text %s does not match the document text %s at %u–%u"),
                   where_str (&where), said->str, is->str, byline_annotation_get_start (annotation),
                   byline_annotation_get_end (annotation));
        }
    }
}

void
_byline_native_check_relation_type (BylineSchema   *schema,
                                    BylineProblems *problems,
                                    const char     *where,
                                    BylineRelation *relation)
{
  const char *type = byline_relation_get_relation_type (relation);

  if (schema != NULL && byline_schema_lookup_relation_type (schema, type) == NULL)
    byline_problems_add (problems, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, NULL,
                         _("%s: relation type “%s” is not in schema “%s” (kept)"), where,
                         type, byline_schema_get_name (schema));
}

static void
read_relation (Reader   *r,
               JsonNode *node,
               guint     index)
{
  g_autoptr(BylineRelation) relation = NULL;
  g_autofree char *where = g_strdup_printf ("relations[%u]", index);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonObject *extra = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("%s: expected an object, found %s"), where, node_type_name (node));
      return;
    }
  relation = byline_relation_new (NULL, NULL, NULL);
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gboolean ok = TRUE;

      if (strcmp (key, "id") == 0)
        {
          if ((ok = is_string (value)))
            byline_relation_set_id (relation, json_node_get_string (value));
        }
      else if (strcmp (key, "type") == 0)
        {
          if ((ok = is_string (value)))
            byline_relation_set_relation_type (relation, json_node_get_string (value));
        }
      else if (strcmp (key, "from") == 0)
        {
          if ((ok = is_string (value)))
            byline_relation_set_from (relation, json_node_get_string (value));
        }
      else if (strcmp (key, "to") == 0)
        {
          if ((ok = is_string (value)))
            byline_relation_set_to (relation, json_node_get_string (value));
        }
      else if (strcmp (key, "status") == 0)
        {
          BylineStatus status;

          if ((ok = is_string (value) && byline_status_from_string (json_node_get_string (value), &status)))
            byline_relation_set_status (relation, status);
        }
      else if (strcmp (key, "origin") == 0)
        {
          if ((ok = is_string (value)))
            byline_relation_set_origin (relation, json_node_get_string (value));
        }
      else if (strcmp (key, "attributes") == 0)
        {
          if ((ok = JSON_NODE_HOLDS_OBJECT (value)))
            {
              JsonObjectIter ai;
              const char *aname;
              JsonNode *avalue;

              json_object_iter_init_ordered (&ai, json_node_get_object (value));
              while (json_object_iter_next_ordered (&ai, &aname, &avalue))
                byline_relation_set_attribute (relation, aname, avalue);
            }
        }
      else
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, key, json_node_copy (value));
        }
      if (!ok)
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “%s” has a wrong value"), where, key);
          g_clear_pointer (&extra, json_object_unref);
          return;
        }
    }
  if (extra != NULL)
    {
      byline_relation_set_extra (relation, extra);
      json_object_unref (extra);
    }
  if (byline_relation_get_relation_type (relation) == NULL ||
      byline_relation_get_from (relation) == NULL || byline_relation_get_to (relation) == NULL)
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("%s: a relation needs “type”, “from” and “to”"), where);
      return;
    }
  _byline_native_check_relation_type (r->schema, r->problems, where, relation);
  _byline_document_load_relation (r->doc, g_steal_pointer (&relation), r->problems, where);
}

static gboolean
read_list (Reader     *r,
           JsonNode   *node,
           const char *key,
           void      (*func) (Reader *, JsonNode *, guint))
{
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("“%s” must be a list, found %s"), key, node_type_name (node));
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    func (r, json_array_get_element (array, i), i);
  return TRUE;
}

void
_byline_native_check_relation_labels (BylineDocument *doc,
                                      BylineSchema   *schema,
                                      BylineProblems *problems)
{
  if (schema == NULL)
    return;
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *rel = byline_document_get_relation (doc, i);
      BylineAnnotation *from = byline_document_lookup_annotation (doc, byline_relation_get_from (rel));
      BylineAnnotation *to = byline_document_lookup_annotation (doc, byline_relation_get_to (rel));
      const char *type = byline_relation_get_relation_type (rel);

      if (from == NULL || to == NULL || byline_schema_lookup_relation_type (schema, type) == NULL)
        continue;
      if (!byline_schema_relation_allowed (schema, type, byline_annotation_get_label (from),
                                           byline_annotation_get_label (to)))
        byline_problems_add (problems, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, NULL,
                             _("relation %s: schema “%s” does not allow %s from %s to %s (kept)"),
                             byline_relation_get_id (rel), byline_schema_get_name (schema), type,
                             byline_annotation_get_label (from), byline_annotation_get_label (to));
    }
}

/**
 * _byline_native_choose_schema:
 * @schema: (nullable): the schema the caller asked for
 *
 * Without @schema, the default schema checks the labels when the document
 * names it or no schema; another name gets a warning and no checks.
 *
 * Returns: (transfer full) (nullable): the schema to check labels against
 */
BylineSchema *
_byline_native_choose_schema (BylineDocument *doc,
                              BylineSchema   *schema,
                              BylineProblems *problems)
{
  g_autoptr(BylineSchema) default_schema = NULL;
  const char *name = byline_document_get_schema_name (doc);

  if (schema != NULL)
    return g_object_ref (schema);
  default_schema = byline_schema_get_default ();
  if (name == NULL || g_str_equal (name, byline_schema_get_name (default_schema)))
    return g_steal_pointer (&default_schema);
  byline_problems_add (problems, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID_SCHEMA, NULL,
                       _("schema “%s” is not available: labels were not checked"), name);
  return NULL;
}

/**
 * byline_native_is_document:
 *
 * Returns: %TRUE when @object says it is a Byline document
 */
gboolean
byline_native_is_document (JsonObject *object)
{
  JsonNode *format = json_object_get_member (object, "format");

  return format != NULL && is_string (format) &&
         g_str_equal (json_node_get_string (format), "byline");
}

static gboolean
read_header (Reader     *r,
             JsonObject *root)
{
  JsonNode *version = json_object_get_member (root, "version");
  JsonNode *text = json_object_get_member (root, "text");
  g_autoptr(GError) error = NULL;

  if (!byline_native_is_document (root))
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("not a Byline document (no \"format\": \"byline\")"));
      return FALSE;
    }
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("“version” is missing or not a whole number"));
      return FALSE;
    }
  if (json_node_get_int (version) < 1 || json_node_get_int (version) > BYLINE_NATIVE_VERSION)
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_UNSUPPORTED_VERSION,
               _("version %lld is not supported: this Byline reads version %d; a newer Byline wrote this file"),
               (long long) json_node_get_int (version), BYLINE_NATIVE_VERSION);
      return FALSE;
    }
  if (text == NULL || !is_string (text))
    {
      problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
               _("“text” is missing or not a string"));
      return FALSE;
    }
  if (!byline_document_set_text (r->doc, json_node_get_string (text), -1, &error))
    {
      problem (r, BYLINE_SEVERITY_ERROR, error->code, "text: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Everything at the top level but text, annotations and relations. */
static gboolean
read_document_fields (Reader     *r,
                      JsonObject *root)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  g_autoptr(JsonObject) extra = NULL;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      if (g_str_equal (key, "format") || g_str_equal (key, "version") ||
          g_str_equal (key, "text") || g_str_equal (key, "annotations") ||
          g_str_equal (key, "relations"))
        continue;
      if (g_str_equal (key, "id") && is_string (value))
        byline_document_set_id (r->doc, json_node_get_string (value));
      else if (g_str_equal (key, "schema") && is_string (value))
        byline_document_set_schema_name (r->doc, json_node_get_string (value));
      else if ((g_str_equal (key, "meta") || g_str_equal (key, "attributes")) &&
               JSON_NODE_HOLDS_OBJECT (value))
        {
          JsonObjectIter mi;
          const char *mkey;
          JsonNode *mvalue;
          JsonObject *into = g_str_equal (key, "meta")
            ? byline_document_get_meta (r->doc)
            : byline_document_get_attributes (r->doc);

          json_object_iter_init_ordered (&mi, json_node_get_object (value));
          while (json_object_iter_next_ordered (&mi, &mkey, &mvalue))
            json_object_set_member (into, mkey, json_node_copy (mvalue));
        }
      else if (g_str_equal (key, "id") || g_str_equal (key, "schema") ||
               g_str_equal (key, "meta") || g_str_equal (key, "attributes"))
        {
          problem (r, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_INVALID,
                   _("“%s” has the wrong type (%s)"), key, node_type_name (value));
          return FALSE;
        }
      else
        {
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, key, json_node_copy (value));
        }
    }
  _byline_document_set_extra (r->doc, extra);
  return TRUE;
}

/**
 * byline_native_from_object:
 * @root: a parsed Byline document
 * @filename: (nullable): named in errors
 * @schema: (nullable): the schema to check labels against; %NULL uses the
 *   default schema when the document names it (or none), and checks no
 *   labels otherwise
 * @problems: (nullable): receives every problem found, warnings included
 * @error: set when there was any error
 *
 * Returns: (transfer full) (nullable): the document, %NULL on any error
 */
BylineDocument *
byline_native_from_object (JsonObject      *root,
                           const char      *filename,
                           BylineSchema    *schema,
                           BylineProblems  *problems,
                           GError         **error)
{
  g_autoptr(BylineProblems) own_problems = NULL;
  g_autoptr(BylineSchema) chosen = NULL;
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader r = { doc, schema, problems, reported };

  g_return_val_if_fail (root != NULL, NULL);

  if (problems == NULL)
    r.problems = own_problems = byline_problems_new ();

  if (read_header (&r, root) && read_document_fields (&r, root))
    {
      r.schema = chosen = _byline_native_choose_schema (doc, schema, r.problems);
      if (read_list (&r, json_object_get_member (root, "annotations"), "annotations", read_annotation) &&
          read_list (&r, json_object_get_member (root, "relations"), "relations", read_relation))
        {
          _byline_document_check_relations (doc, r.problems);
          _byline_native_check_relation_labels (doc, r.schema, r.problems);
        }
    }

  if (!byline_problems_to_error (r.problems, filename, error))
    return NULL;
  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

/**
 * _byline_native_load_tree:
 *
 * The reference reader: JSON-GLib parses @data into a tree, then
 * byline_native_from_object() reads it. byline_native_load_data() uses it
 * whenever the scanner declines a file, so its reports are the ones users
 * see for every file with a problem.
 *
 * Returns: (transfer full) (nullable): the document, %NULL on any error
 */
BylineDocument *
_byline_native_load_tree (const char      *data,
                          gsize            len,
                          const char      *filename,
                          BylineSchema    *schema,
                          BylineProblems  *problems,
                          GError         **error)
{
  /* Not the immutable parser: it is slower, and the reader copies all it
   * keeps anyway. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;
  const char *name = filename ? filename : "<input>";
  BylineNativePrecheck bad;
  guint line, column;
  gunichar unit;
  int code = BYLINE_ERROR_PARSE;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len == 0)
    why = g_strdup (_("empty file, not a Byline document"));
  else if (!byline_import_check_utf8 (data, len, NULL, &local_error))
    {
      /* The message starts with "<input>: "; the file name comes below. */
      const char *colon = strstr (local_error->message, ": ");
      why = g_strdup (colon ? colon + 2 : local_error->message);
    }
  else if ((bad = _byline_native_scan_precheck (data, len, &line, &column, &unit)) != BYLINE_NATIVE_PRECHECK_OK)
    {
      /* What JSON-GLib 1.6 would crash on or read wrong. */
      if (bad == BYLINE_NATIVE_PRECHECK_TOO_DEEP)
        why = g_strdup_printf (_("invalid JSON at line %u, column %u: nested deeper than %u levels"),
                               line, column, BYLINE_NATIVE_SCAN_MAX_DEPTH);
      else if (bad == BYLINE_NATIVE_PRECHECK_LONE_SURROGATE)
        why = g_strdup_printf (_("invalid JSON at line %u, column %u: lone surrogate \\u%04x in a string "
                                 "(a character past U+FFFF is written as a pair, such as \\ud83d\\ude00)"),
                               line, column, unit);
      else
        why = g_strdup_printf (_("invalid JSON at line %u, column %u: \\u0000 in a string "
                                 "(Byline cannot keep NUL characters)"), line, column);
    }
  else if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_autofree char *where = byline_describe_json_error (local_error);
      why = g_strdup_printf (_("invalid JSON at %s"), where);
    }
  else if ((root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      code = BYLINE_ERROR_INVALID;
      why = g_strdup (_("expected a JSON object at the top level"));
    }
  else
    return byline_native_from_object (json_node_get_object (root), name, schema, problems, error);

  if (problems != NULL)
    byline_problems_add (problems, BYLINE_SEVERITY_ERROR, code, NULL, "%s", why);
  g_set_error (error, BYLINE_ERROR, code, "%s: %s", name, why);
  return NULL;
}

/**
 * byline_native_load_data:
 * @data: the file's bytes
 *
 * A file is first read by the scanner (byline-native-scan.c), which builds
 * the document straight from the JSON text. It declines anything with a
 * problem or an unusual shape, and then the tree reader reads the file
 * again: the scanner is fast on good files, the tree reader exact on bad
 * ones, and both give the same document and problems.
 *
 * Returns: (transfer full) (nullable): the document, %NULL on any error
 */
BylineDocument *
byline_native_load_data (const char      *data,
                         gsize            len,
                         const char      *filename,
                         BylineSchema    *schema,
                         BylineProblems  *problems,
                         GError         **error)
{
  BylineDocument *doc;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  doc = _byline_native_scan (data, len, schema, problems);
  if (doc != NULL)
    return doc;
  return _byline_native_load_tree (data, len, filename, schema, problems, error);
}

/**
 * byline_native_load_file:
 *
 * Returns: (transfer full) (nullable): the document in @path
 */
BylineDocument *
byline_native_load_file (const char      *path,
                         BylineSchema    *schema,
                         BylineProblems  *problems,
                         GError         **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_autofree char *why = byline_describe_io_error (local_error);

      if (problems != NULL)
        byline_problems_add (problems, BYLINE_SEVERITY_ERROR, BYLINE_ERROR_IO, NULL, "%s", why);
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, why);
      return NULL;
    }
  return byline_native_load_data (g_mapped_file_get_contents (mapped),
                                  g_mapped_file_get_length (mapped),
                                  path, schema, problems, error);
}


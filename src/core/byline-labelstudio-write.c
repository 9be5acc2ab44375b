/* byline-labelstudio-write.c: writing Label Studio JSON tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One task a document: manual and accepted annotations as its
 * annotation, the suggestions of each model version as a prediction;
 * see byline-labelstudio.c for the shape of a task.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-json-writer.h"
#include "byline-labelstudio-private.h"

/* ---- Writing ---------------------------------------------------------- */

/* The results of one annotation or prediction of the task. */
typedef struct
{
  char       *model_version;  /* NULL for the annotation, and a prediction without one */
  gboolean    prediction;
  GPtrArray  *annotations;
  GHashTable *members;        /* Byline ids in this group */
  GString    *result;
  guint       n_scores;
  double      score_sum;
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->model_version);
  g_ptr_array_unref (g->annotations);
  g_hash_table_unref (g->members);
  g_string_free (g->result, TRUE);
  g_free (g);
}

static Group *
group_new (const char *model_version,
           gboolean    prediction)
{
  Group *g = g_new0 (Group, 1);

  g->model_version = g_strdup (model_version);
  g->prediction = prediction;
  g->annotations = g_ptr_array_new ();
  g->members = g_hash_table_new (g_str_hash, g_str_equal);
  g->result = g_string_new (NULL);
  return g;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(const Group **) a;
  const Group *gb = *(const Group **) b;

  return g_strcmp0 (ga->model_version, gb->model_version);
}

/* Prediction origins: "labelstudio:X" is model X, "labelstudio" none. */
static const char *
model_version_for (const char *origin)
{
  if (origin == NULL || g_str_equal (origin, ORIGIN_PREFIX))
    return NULL;
  if (g_str_has_prefix (origin, ORIGIN_PREFIX ":"))
    return origin + strlen (ORIGIN_PREFIX ":");
  return origin;
}

static void
item_start (GString    *out,
            const char *id,
            const char *from_name,
            const char *type)
{
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, "{\"id\": ");
  byline_json_append_string (out, id);
  g_string_append (out, ", \"from_name\": ");
  byline_json_append_string (out, from_name);
  g_string_append (out, ", \"to_name\": \"text\", \"type\": ");
  byline_json_append_string (out, type);
}

static void
append_span_value (GString        *out,
                   BylineDocument *doc,
                   guint           start,
                   guint           end)
{
  g_autofree char *slice = byline_document_dup_slice (doc, start, end);

  g_string_append_printf (out, "\"start\": %u, \"end\": %u, \"text\": ", start, end);
  byline_json_append_string (out, slice);
}

static gboolean
is_string_list (JsonNode *node)
{
  JsonArray *a;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  a = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      if (!_byline_labelstudio_is_string (json_array_get_element (a, i)))
        return FALSE;
    }
  return TRUE;
}

/* An attribute as a choices (strings) or number result; %FALSE when it is
 * neither. @doc and @a NULL: a document-level result. */
static gboolean
append_attribute (GString          *out,
                  const char       *region_id,
                  const char       *name,
                  JsonNode         *value,
                  BylineDocument   *doc,
                  BylineAnnotation *a)
{
  gboolean number = _byline_labelstudio_is_number (value);

  if (!number && !_byline_labelstudio_is_string (value) && !is_string_list (value))
    return FALSE;
  item_start (out, region_id, name, number ? "number" : "choices");
  g_string_append (out, ", \"value\": {");
  if (a != NULL)
    {
      const BylineFragment *f = byline_annotation_get_fragment (a, 0);

      append_span_value (out, doc, f->start, f->end);
      g_string_append (out, ", ");
    }
  if (number)
    {
      g_string_append (out, "\"number\": ");
      byline_json_append_node (out, value);
    }
  else
    {
      g_string_append (out, "\"choices\": ");
      if (_byline_labelstudio_is_string (value))
        g_string_append_c (out, '[');
      byline_json_append_node (out, value);
      if (_byline_labelstudio_is_string (value))
        g_string_append_c (out, ']');
    }
  g_string_append (out, "}}");
  return TRUE;
}

static void
append_regions (BylineWriter     *writer,
                BylineDocument   *doc,
                Group            *group,
                BylineAnnotation *a)
{
  const char *id = byline_annotation_get_id (a);
  const char *label = byline_annotation_get_label (a);
  const char *note = byline_annotation_get_note (a);
  double confidence = 0;
  gboolean has_confidence = byline_annotation_get_confidence (a, &confidence);
  guint n = byline_annotation_get_n_fragments (a);

  if (n > 1)
    byline_writer_lose (writer, N_("discontinuous annotations (each fragment written as its own region)"),
                        label, 1);
  if (!group->prediction)
    {
      if (has_confidence)
        byline_writer_lose (writer, N_("confidence scores of manual annotations"), label, 1);
      if (byline_annotation_get_status (a) == BYLINE_STATUS_ACCEPTED)
        byline_writer_lose (writer, N_("accepted status (written as annotations)"), label, 1);
      if (byline_annotation_get_origin (a) != NULL)
        byline_writer_lose (writer, N_("origins of manual annotations (Label Studio credits the importing user)"),
                            byline_annotation_get_origin (a), 1);
    }
  else if (has_confidence)
    {
      group->n_scores++;
      group->score_sum += confidence;
    }

  for (guint f = 0; f < n; f++)
    {
      const BylineFragment *frag = byline_annotation_get_fragment (a, f);
      g_autofree char *rid = f == 0 ? g_strdup (id) : g_strdup_printf ("%s-f%u", id, f + 1);

      item_start (group->result, rid, "label", "labels");
      g_string_append (group->result, ", \"value\": {");
      append_span_value (group->result, doc, frag->start, frag->end);
      g_string_append (group->result, ", \"labels\": [");
      byline_json_append_string (group->result, label);
      g_string_append (group->result, "]}");
      if (group->prediction && has_confidence)
        {
          g_string_append (group->result, ", \"score\": ");
          byline_json_append_double (group->result, confidence);
        }
      if (note != NULL)
        {
          g_string_append (group->result, ", \"meta\": {\"text\": [");
          byline_json_append_string (group->result, note);
          g_string_append (group->result, "]}");
        }
      g_string_append_c (group->result, '}');
    }

  for (guint i = 0; i < byline_annotation_get_n_attributes (a); i++)
    {
      const char *name = byline_annotation_get_attribute_name (a, i);

      if (!append_attribute (group->result, id, name, byline_annotation_get_attribute (a, name), doc, a))
        byline_writer_lose (writer, N_("annotation attributes that are not text, a list of texts or a number"),
                            name, 1);
    }
}

static Group *
find_group (GPtrArray  *groups,
            const char *id)
{
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = groups->pdata[i];

      if (g_hash_table_contains (g->members, id))
        return g;
    }
  return NULL;
}

static void
append_relation (BylineWriter   *writer,
                 GPtrArray      *groups,
                 BylineRelation *rel)
{
  const char *type = byline_relation_get_relation_type (rel);
  Group *from = find_group (groups, byline_relation_get_from (rel));
  Group *to = find_group (groups, byline_relation_get_to (rel));
  JsonObject *extra = byline_relation_get_extra (rel);
  JsonObject *attrs = byline_relation_get_attributes (rel);
  const char *dir = "right";
  GString *out;

  if (byline_relation_get_status (rel) == BYLINE_STATUS_REJECTED)
    {
      byline_writer_lose (writer, N_("rejected relations"), type, 1);
      return;
    }
  if (from == NULL || to == NULL)
    {
      byline_writer_lose (writer, N_("relations to rejected annotations"), type, 1);
      return;
    }
  if (from != to)
    {
      byline_writer_lose (writer, N_("relations between an annotation and a prediction, or two predictions"),
                          type, 1);
      return;
    }
  if (!from->prediction && byline_relation_get_status (rel) == BYLINE_STATUS_SUGGESTED)
    byline_writer_lose (writer, N_("suggestion status of relations between annotations"), type, 1);
  if (attrs != NULL && json_object_get_size (attrs) > 0)
    byline_writer_lose (writer, N_("relation attributes"), type, json_object_get_size (attrs));
  if (extra != NULL && g_strcmp0 (json_object_get_string_member_with_default (extra, "direction", NULL), "bi") == 0)
    dir = "bi";

  out = from->result;
  if (out->len > 0)
    g_string_append (out, ", ");
  g_string_append (out, "{\"type\": \"relation\", \"from_id\": ");
  byline_json_append_string (out, byline_relation_get_from (rel));
  g_string_append (out, ", \"to_id\": ");
  byline_json_append_string (out, byline_relation_get_to (rel));
  g_string_append_printf (out, ", \"direction\": \"%s\", \"labels\": [", dir);
  byline_json_append_string (out, type);
  g_string_append (out, "]}");
}

static gboolean
numeric_id (const char *id)
{
  if (id == NULL || *id == '\0' || (id[0] == '0' && id[1] != '\0') || strlen (id) > 15)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_labelstudio (BylineWriter    *writer,
                   BylineDocument  *doc,
                   GError         **error)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) by_version = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonObject) data = json_object_new ();
  static const char * const data_order[] = { "text", NULL };
  const char *id = byline_document_get_id (doc);
  JsonObject *attributes = byline_document_get_attributes (doc);
  JsonObject *extra = byline_document_get_extra (doc);
  Group *manual = group_new (NULL, FALSE);
  Group *unnamed = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  GString *out;
  gboolean first = TRUE;
  gboolean ok;

  g_ptr_array_add (groups, manual);
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      Group *g = manual;

      switch (byline_annotation_get_status (a))
        {
        case BYLINE_STATUS_REJECTED:
          byline_writer_lose (writer, N_("rejected annotations"), byline_annotation_get_label (a), 1);
          continue;
        case BYLINE_STATUS_SUGGESTED:
          {
            const char *version = model_version_for (byline_annotation_get_origin (a));

            g = version != NULL ? g_hash_table_lookup (by_version, version) : unnamed;
            if (g == NULL)
              {
                g = group_new (version, TRUE);
                g_ptr_array_add (groups, g);
                if (version != NULL)
                  g_hash_table_insert (by_version, g->model_version, g);
                else
                  unnamed = g;
              }
          }
          break;
        case BYLINE_STATUS_MANUAL:
        case BYLINE_STATUS_ACCEPTED:
        default:
          break;
        }
      g_ptr_array_add (g->annotations, a);
      g_hash_table_add (g->members, (gpointer) byline_annotation_get_id (a));
    }
  /* Predictions in the order of their model versions: deterministic. */
  if (groups->len > 2)
    {
      g_ptr_array_steal_index (groups, 0);
      g_ptr_array_sort (groups, compare_groups);
      g_ptr_array_insert (groups, 0, manual);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = groups->pdata[i];

      for (guint k = 0; k < g->annotations->len; k++)
        append_regions (writer, doc, g, g->annotations->pdata[k]);
    }
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    append_relation (writer, groups, byline_document_get_relation (doc, i));

  json_object_iter_init (&iter, attributes);
  while (json_object_iter_next (&iter, &key, &value))
    {
      g_autofree char *rid = g_strconcat ("document:", key, NULL);

      if (!append_attribute (manual->result, rid, key, value, NULL, NULL))
        byline_writer_lose (writer, N_("document attributes that are not text, a list of texts or a number"),
                            key, 1);
    }

  /* The data: the text, the metadata, and an id that is not a number. */
  json_object_iter_init (&iter, byline_document_get_meta (doc));
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, "text") || g_str_equal (key, "id"))
        {
          byline_writer_lose (writer, N_("metadata under a name the task's data reserves"), key, 1);
          continue;
        }
      json_object_set_member (data, key, json_node_copy (value));
    }
  json_object_set_string_member (data, "text", byline_document_get_text (doc));
  if (id != NULL && !numeric_id (id))
    json_object_set_string_member (data, "id", id);

  out = g_string_sized_new (byline_document_get_text_bytes (doc) * 2 + 1024);
  g_string_append (out, byline_writer_get_n_written (writer) == 0 ? "[\n" : ",\n");
  g_string_append_c (out, '{');
  if (id != NULL && numeric_id (id))
    g_string_append_printf (out, "\"id\": %s, ", id);
  g_string_append (out, "\"data\": ");
  byline_json_append_object (out, data, data_order);

  if (manual->result->len > 0)
    {
      g_string_append (out, ", \"annotations\": [{\"result\": [");
      g_string_append_len (out, manual->result->str, manual->result->len);
      g_string_append (out, "]}]");
    }
  for (guint i = 1; i < groups->len; i++)
    {
      Group *g = groups->pdata[i];

      g_string_append (out, first ? ", \"predictions\": [" : ", ");
      first = FALSE;
      g_string_append_c (out, '{');
      if (g->model_version != NULL)
        {
          g_string_append (out, "\"model_version\": ");
          byline_json_append_string (out, g->model_version);
          g_string_append (out, ", ");
        }
      /* A prediction's score only when every region has one, so that
       * reading back gives no region a confidence it did not have. */
      if (g->n_scores > 0 && g->n_scores == g->annotations->len)
        {
          g_string_append (out, "\"score\": ");
          byline_json_append_double (out, g->score_sum / g->n_scores);
          g_string_append (out, ", ");
        }
      g_string_append (out, "\"result\": [");
      g_string_append_len (out, g->result->str, g->result->len);
      g_string_append (out, "]}");
    }
  if (!first)
    g_string_append_c (out, ']');
  if (extra != NULL && json_object_has_member (extra, "meta"))
    {
      g_string_append (out, ", \"meta\": ");
      byline_json_append_node (out, json_object_get_member (extra, "meta"));
    }
  g_string_append_c (out, '}');

  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

static gboolean
finish_labelstudio (BylineWriter  *writer,
                    GError       **error)
{
  const char *end = byline_writer_get_n_written (writer) == 0 ? "[]\n" : "\n]\n";

  if (!byline_writer_write_bytes (writer, end, strlen (end), error))
    return FALSE;
  return byline_writer_commit_file (writer, error);
}

static const BylineWriterClass labelstudio_class = { write_labelstudio, finish_labelstudio, NULL };

BylineWriter *
_byline_labelstudio_open (const BylineFormat        *format,
                          const char                *path,
                          const BylineFormatOptions *options,
                          GError                   **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &labelstudio_class, NULL, error);
}

/* byline-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schema is a JSON file (data/schemas/news.json is the default). Loading
 * checks all of it and names the exact key of the first problem, since a
 * researcher edits these files by hand.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "byline-core-resources.h"
#include "byline-error.h"
#include "byline-json-stream.h"
#include "byline-schema.h"

#define SCHEMA_FORMAT "byline-schema"
#define SCHEMA_VERSION 1

/* Keys with a meaning of their own in the window, never a label's key. */
static const char reserved_keys[] = "axrenp";

struct _BylineSchema
{
  GObject     parent_instance;

  char       *name;
  char       *title;
  GPtrArray  *layers;          /* BylineLayer */
  GHashTable *labels;          /* name -> BylineLabel */
  GPtrArray  *attributes;      /* BylineAttributeDef */
  GPtrArray  *doc_attributes;  /* BylineAttributeDef */
  GPtrArray  *relation_types;  /* BylineRelationType */
};

G_DEFINE_FINAL_TYPE (BylineSchema, byline_schema, G_TYPE_OBJECT)

static void
label_free (gpointer data)
{
  BylineLabel *label = data;

  g_free (label->name);
  g_free (label->title);
  g_free (label->color);
  g_free (label->key);
  g_free (label->description);
  g_free (label);
}

static void
layer_free (gpointer data)
{
  BylineLayer *layer = data;

  g_free (layer->name);
  g_free (layer->title);
  g_free (layer->style);
  g_ptr_array_unref (layer->labels);
  g_free (layer);
}

static void
attribute_free (gpointer data)
{
  BylineAttributeDef *attr = data;

  g_free (attr->name);
  g_free (attr->title);
  g_free (attr->description);
  g_strfreev (attr->values);
  g_free (attr->default_value);
  g_strfreev (attr->labels);
  g_free (attr);
}

static void
relation_type_free (gpointer data)
{
  BylineRelationType *type = data;

  g_free (type->name);
  g_free (type->title);
  g_free (type->description);
  g_strfreev (type->from);
  g_strfreev (type->to);
  g_free (type);
}

static void
byline_schema_finalize (GObject *object)
{
  BylineSchema *self = (BylineSchema *) object;

  g_free (self->name);
  g_free (self->title);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_ptr_array_unref);
  g_clear_pointer (&self->doc_attributes, g_ptr_array_unref);
  g_clear_pointer (&self->relation_types, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_schema_parent_class)->finalize (object);
}

static void
byline_schema_class_init (BylineSchemaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_schema_finalize;
}

static void
byline_schema_init (BylineSchema *self)
{
  self->layers = g_ptr_array_new_with_free_func (layer_free);
  self->labels = g_hash_table_new (g_str_hash, g_str_equal);
  self->attributes = g_ptr_array_new_with_free_func (attribute_free);
  self->doc_attributes = g_ptr_array_new_with_free_func (attribute_free);
  self->relation_types = g_ptr_array_new_with_free_func (relation_type_free);
}

/* ---- Reading helpers: each names the key path in its error ---- */

typedef struct
{
  const char *filename;
  GError    **error;
} Ctx;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Ctx        *ctx,
      const char *path,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (ctx->error, BYLINE_ERROR, code, "%s: %s%s%s", ctx->filename,
               path ? path : "", path ? ": " : "", msg);
  return FALSE;
}

static gboolean
get_string (Ctx         *ctx,
            JsonObject  *obj,
            const char  *path,
            const char  *key,
            gboolean     required,
            char       **out)
{
  JsonNode *node = json_object_get_member (obj, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("missing key “%s”"), key);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("“%s” must be a string"), key);
  *out = g_strdup (json_node_get_string (node));
  if (required && **out == '\0')
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("“%s” must not be empty"), key);
  return TRUE;
}

static gboolean
get_string_list (Ctx          *ctx,
                 JsonObject   *obj,
                 const char   *path,
                 const char   *key,
                 gboolean      required,
                 char       ***out)
{
  JsonNode *node = json_object_get_member (obj, key);
  JsonArray *array;
  GStrvBuilder *builder;

  *out = NULL;
  if (node == NULL)
    {
      if (required)
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("missing key “%s”"), key);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("“%s” must be a list of strings"), key);
  array = json_node_get_array (node);
  if (required && json_array_get_length (array) == 0)
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("“%s” must not be empty"), key);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_strv_builder_unref (builder);
          return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                       _("“%s”[%u] must be a string"), key, i);
        }
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return TRUE;
}

static JsonArray *
get_array (Ctx        *ctx,
           JsonObject *obj,
           const char *path,
           const char *key,
           gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL && !required)
    return NULL;
  if (node == NULL)
    {
      fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("missing key “%s”"), key);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("“%s” must be a list"), key);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_item (Ctx        *ctx,
          JsonArray  *array,
          guint       i,
          const char *path)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
is_color (const char *s)
{
  if (s == NULL || strlen (s) != 7 || s[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (s[i]))
        return FALSE;
    }
  return TRUE;
}

/* ---- Parts of the schema ---- */

static gboolean
parse_label (Ctx          *ctx,
             BylineSchema *self,
             BylineLayer  *layer,
             JsonObject   *obj,
             const char   *path)
{
  BylineLabel *label = g_new0 (BylineLabel, 1);

  label->layer = layer;
  label->position = layer->labels->len;
  g_ptr_array_add (layer->labels, label);

  if (!get_string (ctx, obj, path, "name", TRUE, &label->name) ||
      !get_string (ctx, obj, path, "title", FALSE, &label->title) ||
      !get_string (ctx, obj, path, "color", TRUE, &label->color) ||
      !get_string (ctx, obj, path, "key", FALSE, &label->key) ||
      !get_string (ctx, obj, path, "description", FALSE, &label->description))
    return FALSE;
  if (label->title == NULL)
    label->title = g_strdup (label->name);
  if (!is_color (label->color))
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                 _("colour “%s” is not of the form #rrggbb"), label->color);
  if (label->key != NULL)
    {
      gunichar c = g_utf8_get_char (label->key);

      if (g_utf8_strlen (label->key, -1) != 1 || !g_unichar_isgraph (c) || g_unichar_isdigit (c))
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("key “%s” must be one visible character other than a digit (digits select labels by position)"),
                     label->key);
      if (c < 128 && strchr (reserved_keys, (char) c) != NULL)
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("key “%s” is reserved for a command (a accept, x reject, r relation, e edit, n next, p previous)"),
                     label->key);
      for (guint i = 0; i + 1 < layer->labels->len; i++)
        {
          const BylineLabel *other = layer->labels->pdata[i];

          if (g_strcmp0 (other->key, label->key) == 0)
            return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                         _("key “%s” is already the key of %s in this layer"),
                         label->key, other->name);
        }
    }
  if (g_hash_table_contains (self->labels, label->name))
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                 _("label “%s” is defined twice (label names are unique across layers)"),
                 label->name);
  g_hash_table_insert (self->labels, label->name, label);
  return TRUE;
}

static gboolean
parse_layer (Ctx          *ctx,
             BylineSchema *self,
             JsonObject   *obj,
             const char   *path)
{
  BylineLayer *layer = g_new0 (BylineLayer, 1);
  JsonArray *labels;

  layer->labels = g_ptr_array_new_with_free_func (label_free);
  g_ptr_array_add (self->layers, layer);

  if (!get_string (ctx, obj, path, "name", TRUE, &layer->name) ||
      !get_string (ctx, obj, path, "title", FALSE, &layer->title) ||
      !get_string (ctx, obj, path, "style", FALSE, &layer->style))
    return FALSE;
  if (layer->title == NULL)
    layer->title = g_strdup (layer->name);
  if (layer->style == NULL)
    layer->style = g_strdup ("background");
  if (!g_str_equal (layer->style, "background") && !g_str_equal (layer->style, "outline") &&
      !g_str_equal (layer->style, "underline"))
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                 _("style “%s” must be background, outline or underline"), layer->style);
  for (guint i = 0; i + 1 < self->layers->len; i++)
    {
      const BylineLayer *other = self->layers->pdata[i];

      if (g_str_equal (other->name, layer->name))
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("layer “%s” is defined twice"), layer->name);
    }

  labels = get_array (ctx, obj, path, "labels", TRUE);
  if (labels == NULL)
    return FALSE;
  if (json_array_get_length (labels) == 0)
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("a layer needs at least one label"));
  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.labels[%u]", path, i);
      JsonObject *item = get_item (ctx, labels, i, sub);

      if (item == NULL || !parse_label (ctx, self, layer, item, sub))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_attribute (Ctx          *ctx,
                 BylineSchema *self,
                 GPtrArray    *into,
                 gboolean      on_labels,
                 JsonObject   *obj,
                 const char   *path)
{
  BylineAttributeDef *attr = g_new0 (BylineAttributeDef, 1);
  g_autofree char *type = NULL;
  JsonNode *def;

  g_ptr_array_add (into, attr);
  if (!get_string (ctx, obj, path, "name", TRUE, &attr->name) ||
      !get_string (ctx, obj, path, "title", FALSE, &attr->title) ||
      !get_string (ctx, obj, path, "description", FALSE, &attr->description) ||
      !get_string (ctx, obj, path, "type", FALSE, &type) ||
      !get_string_list (ctx, obj, path, "values", FALSE, &attr->values) ||
      !get_string_list (ctx, obj, path, "labels", on_labels, &attr->labels))
    return FALSE;
  if (attr->title == NULL)
    attr->title = g_strdup (attr->name);

  if (type == NULL)
    type = g_strdup (attr->values != NULL ? "choice" : "text");
  if (g_str_equal (type, "choice"))
    attr->type = BYLINE_ATTRIBUTE_CHOICE;
  else if (g_str_equal (type, "text"))
    attr->type = BYLINE_ATTRIBUTE_TEXT;
  else if (g_str_equal (type, "boolean"))
    attr->type = BYLINE_ATTRIBUTE_BOOLEAN;
  else
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                 _("type “%s” must be choice, text or boolean"), type);
  if (attr->type == BYLINE_ATTRIBUTE_CHOICE && (attr->values == NULL || attr->values[0] == NULL))
    return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("a choice needs “values”"));

  def = json_object_get_member (obj, "default");
  if (def != NULL && !JSON_NODE_HOLDS_NULL (def))
    {
      if (attr->type == BYLINE_ATTRIBUTE_BOOLEAN && json_node_get_value_type (def) == G_TYPE_BOOLEAN)
        attr->default_value = g_strdup (json_node_get_boolean (def) ? "true" : "false");
      else if (attr->type != BYLINE_ATTRIBUTE_BOOLEAN && json_node_get_value_type (def) == G_TYPE_STRING)
        attr->default_value = g_strdup (json_node_get_string (def));
      else
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("“default” has the wrong type for a %s attribute"), type);
      if (attr->type == BYLINE_ATTRIBUTE_CHOICE && !g_strv_contains ((const char * const *) attr->values, attr->default_value))
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("default “%s” is not one of the values"), attr->default_value);
    }

  for (guint i = 0; attr->labels != NULL && attr->labels[i] != NULL; i++)
    {
      if (!g_hash_table_contains (self->labels, attr->labels[i]))
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("unknown label “%s”"), attr->labels[i]);
    }
  return TRUE;
}

static gboolean
check_endpoints (Ctx          *ctx,
                 BylineSchema *self,
                 char        **ends,
                 const char   *path)
{
  for (guint i = 0; ends[i] != NULL; i++)
    {
      if (g_str_has_prefix (ends[i], "layer:"))
        {
          if (byline_schema_lookup_layer (self, ends[i] + strlen ("layer:")) == NULL)
            return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                         _("unknown layer in “%s”"), ends[i]);
        }
      else if (!g_hash_table_contains (self->labels, ends[i]))
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA, _("unknown label “%s”"), ends[i]);
    }
  return TRUE;
}

static gboolean
parse_relation_type (Ctx          *ctx,
                     BylineSchema *self,
                     JsonObject   *obj,
                     const char   *path)
{
  BylineRelationType *type = g_new0 (BylineRelationType, 1);

  g_ptr_array_add (self->relation_types, type);
  if (!get_string (ctx, obj, path, "name", TRUE, &type->name) ||
      !get_string (ctx, obj, path, "title", FALSE, &type->title) ||
      !get_string (ctx, obj, path, "description", FALSE, &type->description) ||
      !get_string_list (ctx, obj, path, "from", TRUE, &type->from) ||
      !get_string_list (ctx, obj, path, "to", TRUE, &type->to))
    return FALSE;
  if (type->title == NULL)
    type->title = g_strdup (type->name);
  for (guint i = 0; i + 1 < self->relation_types->len; i++)
    {
      const BylineRelationType *other = self->relation_types->pdata[i];

      if (g_str_equal (other->name, type->name))
        return fail (ctx, path, BYLINE_ERROR_INVALID_SCHEMA,
                     _("relation type “%s” is defined twice"), type->name);
    }
  return check_endpoints (ctx, self, type->from, path) &&
         check_endpoints (ctx, self, type->to, path);
}

typedef gboolean (*ParseItemFunc) (Ctx          *ctx,
                                   BylineSchema *self,
                                   JsonObject   *obj,
                                   const char   *path,
                                   gpointer      data);

static gboolean
parse_list (Ctx           *ctx,
            BylineSchema  *self,
            JsonObject    *root,
            const char    *key,
            gboolean       required,
            ParseItemFunc  func,
            gpointer       data)
{
  JsonArray *array = get_array (ctx, root, NULL, key, required);

  if (array == NULL)
    return !required && json_object_get_member (root, key) == NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      JsonObject *item = get_item (ctx, array, i, path);

      if (item == NULL || !func (ctx, self, item, path, data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
layer_item (Ctx *ctx, BylineSchema *self, JsonObject *obj, const char *path, gpointer data)
{
  return parse_layer (ctx, self, obj, path);
}

static gboolean
attribute_item (Ctx *ctx, BylineSchema *self, JsonObject *obj, const char *path, gpointer data)
{
  return parse_attribute (ctx, self, self->attributes, TRUE, obj, path);
}

static gboolean
doc_attribute_item (Ctx *ctx, BylineSchema *self, JsonObject *obj, const char *path, gpointer data)
{
  return parse_attribute (ctx, self, self->doc_attributes, FALSE, obj, path);
}

static gboolean
relation_item (Ctx *ctx, BylineSchema *self, JsonObject *obj, const char *path, gpointer data)
{
  return parse_relation_type (ctx, self, obj, path);
}

/**
 * byline_schema_new_from_data:
 * @data: the schema's JSON
 * @len: its length, or -1 when NUL-terminated
 * @filename: (nullable): named in errors
 * @error: set when the schema is not valid; the message names the key
 *
 * Returns: (transfer full) (nullable): the schema
 */
BylineSchema *
byline_schema_new_from_data (const char  *data,
                             gssize       len,
                             const char  *filename,
                             GError     **error)
{
  g_autoptr(BylineSchema) self = g_object_new (BYLINE_TYPE_SCHEMA, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  Ctx ctx = { filename ? filename : "<schema>", error };
  JsonNode *root_node;
  JsonObject *root;
  g_autofree char *format = NULL;
  JsonNode *version;

  g_return_val_if_fail (data != NULL, NULL);

  /* JSON-GLib parses recursively: hostile nesting would overflow the
   * stack. */
  if (!_byline_json_check_depth (data, len < 0 ? strlen (data) : (gsize) len, BYLINE_JSON_MAX_DEPTH))
    {
      fail (&ctx, NULL, BYLINE_ERROR_PARSE, _("JSON nested deeper than %u levels"), BYLINE_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      fail (&ctx, NULL, BYLINE_ERROR_PARSE, "%s", local_error->message);
      return NULL;
    }
  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fail (&ctx, NULL, BYLINE_ERROR_INVALID_SCHEMA, _("a schema is a JSON object"));
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!get_string (&ctx, root, NULL, "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, SCHEMA_FORMAT))
    {
      fail (&ctx, "format", BYLINE_ERROR_INVALID_SCHEMA,
            _("“%s” is not “%s”"), format, SCHEMA_FORMAT);
      return NULL;
    }
  version = json_object_get_member (root, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      fail (&ctx, "version", BYLINE_ERROR_INVALID_SCHEMA, _("missing or not a whole number"));
      return NULL;
    }
  if (json_node_get_int (version) > SCHEMA_VERSION || json_node_get_int (version) < 1)
    {
      fail (&ctx, "version", BYLINE_ERROR_UNSUPPORTED_VERSION,
            _("version %lld is not supported (this Byline reads version %d)"),
            (long long) json_node_get_int (version), SCHEMA_VERSION);
      return NULL;
    }
  if (!get_string (&ctx, root, NULL, "name", TRUE, &self->name) ||
      !get_string (&ctx, root, NULL, "title", FALSE, &self->title))
    return NULL;
  if (self->title == NULL)
    self->title = g_strdup (self->name);

  if (!parse_list (&ctx, self, root, "layers", TRUE, layer_item, NULL))
    return NULL;
  if (self->layers->len == 0)
    {
      fail (&ctx, "layers", BYLINE_ERROR_INVALID_SCHEMA, _("a schema needs at least one layer"));
      return NULL;
    }
  if (!parse_list (&ctx, self, root, "attributes", FALSE, attribute_item, NULL) ||
      !parse_list (&ctx, self, root, "document_attributes", FALSE, doc_attribute_item, NULL) ||
      !parse_list (&ctx, self, root, "relations", FALSE, relation_item, NULL))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * byline_schema_new_from_file:
 *
 * Returns: (transfer full) (nullable): the schema in @path
 */
BylineSchema *
byline_schema_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, error))
    {
      g_prefix_error (error, "%s: ", path);
      if (error != NULL && *error != NULL)
        {
          (*error)->domain = BYLINE_ERROR;
          (*error)->code = BYLINE_ERROR_IO;
        }
      return NULL;
    }
  return byline_schema_new_from_data (data, (gssize) len, path, error);
}

/**
 * byline_schema_get_default:
 *
 * The news schema bundled with Byline (data/schemas/news.json).
 *
 * Returns: (transfer full): the default schema
 */
BylineSchema *
byline_schema_get_default (void)
{
  static BylineSchema *schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      BylineSchema *loaded;

      /* Looked up in the core's own resource rather than the global
       * registry: a static library's constructor may be dropped at link. */
      bytes = g_resource_lookup_data (byline_core_get_resource (),
                                      "/io/github/byline/Byline/schemas/news.json",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      loaded = byline_schema_new_from_data (g_bytes_get_data (bytes, NULL),
                                            (gssize) g_bytes_get_size (bytes),
                                            "news.json", &error);
      /* The bundled schema is tested: failing here is a build error. */
      g_assert_no_error (error);
      g_once_init_leave (&schema, loaded);
    }
  return g_object_ref (schema);
}

const char *
byline_schema_get_name (BylineSchema *self)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  return self->name;
}

const char *
byline_schema_get_title (BylineSchema *self)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  return self->title;
}

guint
byline_schema_get_n_layers (BylineSchema *self)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), 0);
  return self->layers->len;
}

const BylineLayer *
byline_schema_get_layer (BylineSchema *self,
                         guint         i)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (i < self->layers->len, NULL);
  return self->layers->pdata[i];
}

const BylineLayer *
byline_schema_lookup_layer (BylineSchema *self,
                            const char   *name)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);

  for (guint i = 0; name != NULL && i < self->layers->len; i++)
    {
      const BylineLayer *layer = self->layers->pdata[i];

      if (g_str_equal (layer->name, name))
        return layer;
    }
  return NULL;
}

/**
 * byline_schema_lookup_label:
 *
 * Returns: (nullable): the label called @name, in whatever layer
 */
const BylineLabel *
byline_schema_lookup_label (BylineSchema *self,
                            const char   *name)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  if (name == NULL)
    return NULL;
  return g_hash_table_lookup (self->labels, name);
}

/**
 * byline_schema_lookup_key:
 * @layer: a layer name
 * @key: a key as typed: "1"…"9" picks by position, else the label's key
 *
 * Returns: (nullable): the label of @layer that @key selects
 */
const BylineLabel *
byline_schema_lookup_key (BylineSchema *self,
                          const char   *layer,
                          const char   *key)
{
  const BylineLayer *l;

  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  l = byline_schema_lookup_layer (self, layer);
  if (l == NULL)
    return NULL;
  if (key[0] >= '1' && key[0] <= '9' && key[1] == '\0')
    {
      guint pos = (guint) (key[0] - '1');

      return pos < l->labels->len ? l->labels->pdata[pos] : NULL;
    }
  for (guint i = 0; i < l->labels->len; i++)
    {
      const BylineLabel *label = l->labels->pdata[i];

      if (g_strcmp0 (label->key, key) == 0)
        return label;
    }
  return NULL;
}

guint
byline_schema_get_n_relation_types (BylineSchema *self)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), 0);
  return self->relation_types->len;
}

const BylineRelationType *
byline_schema_get_relation_type (BylineSchema *self,
                                 guint         i)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (i < self->relation_types->len, NULL);
  return self->relation_types->pdata[i];
}

const BylineRelationType *
byline_schema_lookup_relation_type (BylineSchema *self,
                                    const char   *name)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);

  for (guint i = 0; name != NULL && i < self->relation_types->len; i++)
    {
      const BylineRelationType *type = self->relation_types->pdata[i];

      if (g_str_equal (type->name, name))
        return type;
    }
  return NULL;
}

static gboolean
endpoint_matches (BylineSchema *self,
                  char        **ends,
                  const char   *label_name)
{
  const BylineLabel *label = byline_schema_lookup_label (self, label_name);

  for (guint i = 0; ends[i] != NULL; i++)
    {
      if (g_str_has_prefix (ends[i], "layer:"))
        {
          if (label != NULL && g_str_equal (label->layer->name, ends[i] + strlen ("layer:")))
            return TRUE;
        }
      else if (g_strcmp0 (ends[i], label_name) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * byline_schema_relation_allowed:
 *
 * Returns: %TRUE when a relation of @type may go from a @from_label
 *   annotation to a @to_label one
 */
gboolean
byline_schema_relation_allowed (BylineSchema *self,
                                const char   *type,
                                const char   *from_label,
                                const char   *to_label)
{
  const BylineRelationType *t;

  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), FALSE);

  t = byline_schema_lookup_relation_type (self, type);
  return t != NULL && endpoint_matches (self, t->from, from_label) &&
         endpoint_matches (self, t->to, to_label);
}

/**
 * byline_schema_relation_types_for:
 *
 * Returns: (transfer container) (element-type BylineRelationType): the
 *   relation types that fit a @from_label -> @to_label pair, in schema order
 */
GPtrArray *
byline_schema_relation_types_for (BylineSchema *self,
                                  const char   *from_label,
                                  const char   *to_label)
{
  GPtrArray *result;

  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->relation_types->len; i++)
    {
      BylineRelationType *t = self->relation_types->pdata[i];

      if (endpoint_matches (self, t->from, from_label) && endpoint_matches (self, t->to, to_label))
        g_ptr_array_add (result, t);
    }
  return result;
}

guint
byline_schema_get_n_attributes (BylineSchema *self)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), 0);
  return self->attributes->len;
}

const BylineAttributeDef *
byline_schema_get_attribute (BylineSchema *self,
                             guint         i)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (i < self->attributes->len, NULL);
  return self->attributes->pdata[i];
}

/**
 * byline_schema_lookup_attribute:
 * @label: (nullable): a label, or %NULL for any
 * @name: the attribute name
 *
 * Returns: (nullable): the definition of @name for annotations of @label
 */
const BylineAttributeDef *
byline_schema_lookup_attribute (BylineSchema *self,
                                const char   *label,
                                const char   *name)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);

  for (guint i = 0; name != NULL && i < self->attributes->len; i++)
    {
      const BylineAttributeDef *attr = self->attributes->pdata[i];

      if (g_str_equal (attr->name, name) &&
          (label == NULL || g_strv_contains ((const char * const *) attr->labels, label)))
        return attr;
    }
  return NULL;
}

guint
byline_schema_get_n_document_attributes (BylineSchema *self)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), 0);
  return self->doc_attributes->len;
}

const BylineAttributeDef *
byline_schema_get_document_attribute (BylineSchema *self,
                                      guint         i)
{
  g_return_val_if_fail (BYLINE_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (i < self->doc_attributes->len, NULL);
  return self->doc_attributes->pdata[i];
}

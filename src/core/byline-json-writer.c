/* byline-json-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not JsonGenerator: files must diff well, so Byline controls the
 * layout (one annotation a line) and the key order (fixed, then sorted),
 * and writing straight into one GString is several times faster than
 * building a JsonNode tree first. Output is plain UTF-8: only the
 * characters JSON requires are escaped, so curly quotes and emoji stay
 * readable in the file.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "byline-json-writer.h"

/* Bytes that need escaping: '"', '\\' and the C0 controls. */
static inline gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

/**
 * byline_json_append_escaped:
 * @str: UTF-8 text (not necessarily NUL-terminated)
 * @len: its length in bytes
 *
 * Appends @str escaped for the inside of a JSON string, without quotes.
 */
void
byline_json_append_escaped (GString    *out,
                            const char *str,
                            gsize       len)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;

  while (p < end)
    {
      const guchar *run = p;

      while (p < end && !needs_escape (*p))
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      if (p == end)
        break;
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", (guint) *p);
        }
      p++;
    }
}

void
byline_json_append_string (GString    *out,
                           const char *str)
{
  g_string_append_c (out, '"');
  byline_json_append_escaped (out, str, strlen (str));
  g_string_append_c (out, '"');
}

/**
 * byline_json_append_double:
 *
 * Appends the shortest decimal that reads back as exactly @value, always
 * with a decimal point or exponent, so that a double stays a double
 * through a load and save (JSON-GLib reads "1" as an integer).
 */
void
byline_json_append_double (GString *out,
                           double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no NaN or infinity; Byline never stores them. */
      g_string_append (out, "null");
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
in_list (const char * const *list,
         const char         *key)
{
  return list != NULL && g_strv_contains (list, key);
}

/**
 * byline_json_append_object:
 * @first_keys: (nullable) (array zero-terminated=1): keys written first, in
 *   this order, when present
 *
 * Appends @object compactly on one line: @first_keys first, then the other
 * keys sorted, so the output never depends on insertion order.
 */
void
byline_json_append_object (GString            *out,
                           JsonObject         *object,
                           const char * const *first_keys)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; first_keys != NULL && first_keys[i] != NULL; i++)
    {
      value = json_object_get_member (object, first_keys[i]);
      if (value == NULL)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      byline_json_append_string (out, first_keys[i]);
      g_string_append (out, ": ");
      byline_json_append_node (out, value);
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (!in_list (first_keys, key))
        g_ptr_array_add (rest, (gpointer) key);
    }
  g_ptr_array_sort (rest, compare_strings);
  for (guint i = 0; i < rest->len; i++)
    {
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      byline_json_append_string (out, rest->pdata[i]);
      g_string_append (out, ": ");
      byline_json_append_node (out, json_object_get_member (object, rest->pdata[i]));
    }
  g_string_append_c (out, '}');
}

/**
 * byline_json_append_node:
 *
 * Appends any JSON value compactly, objects with sorted keys.
 */
void
byline_json_append_node (GString  *out,
                         JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      byline_json_append_object (out, json_node_get_object (node), NULL);
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            byline_json_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          byline_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          byline_json_append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * byline_json_append_members:
 * @object: (nullable): an object
 *
 * Appends ", " and the members of @object, sorted by key, without braces:
 * how unknown keys are written after the known ones. Nothing for %NULL or
 * an empty object.
 */
void
byline_json_append_members (GString    *out,
                            JsonObject *object)
{
  gsize mark;

  if (object == NULL || json_object_get_size (object) == 0)
    return;
  g_string_append (out, ", ");
  mark = out->len;
  byline_json_append_object (out, object, NULL);
  /* Drop the braces that byline_json_append_object() wrote. */
  g_string_erase (out, mark, 1);
  g_string_truncate (out, out->len - 1);
}

/**
 * byline_json_object_copy:
 * @object: (nullable): an object
 *
 * Returns: (transfer full) (nullable): a deep copy of @object
 */
JsonObject *
byline_json_object_copy (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  copy = json_node_copy (node);
  return json_node_dup_object (copy);
}

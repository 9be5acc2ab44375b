/* byline-suggest-output.c: what a suggestion command printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the command's standard output (native annotation objects with
 * relations, spaCy-style spans and ents, a bare list, or JSON Lines of
 * these), checks every object against the document's text and the
 * schema, and adds them all to the suggestions once all are valid.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "byline-json-stream.h"
#include "byline-suggest-command-private.h"

/* ---- Reading what it printed ------------------------------------------- */

typedef struct
{
  char           *id;          /* the command's own id, or NULL */
  char           *layer;
  char           *label;
  BylineFragment *fragments;
  guint           n_fragments;
  double          confidence;  /* < 0 when not given */
  char           *origin;      /* NULL: the command's */
  JsonObject     *attributes;
  char           *note;
  const char     *added_id;    /* once added: the suggestion's id */
} Span;

void
_byline_suggest_command_span_free (gpointer data)
{
  Span *span = data;

  g_free (span->id);
  g_free (span->layer);
  g_free (span->label);
  g_free (span->fragments);
  g_free (span->origin);
  g_clear_pointer (&span->attributes, json_object_unref);
  g_free (span->note);
  g_free (span);
}

void
_byline_suggest_command_link_free (gpointer data)
{
  Link *link = data;

  g_free (link->type);
  g_free (link->from);
  g_free (link->to);
  g_free (link->origin);
  g_free (link);
}

static const char *
type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An id may be a string or a whole number (some tools count). */
static char *
read_id (JsonNode *node)
{
  if (is_string (node))
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static gboolean
read_offset (Reader      *r,
             const char  *where,
             const char  *name,
             JsonNode    *node,
             guint       *out,
             GError     **error)
{
  gint64 v;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (v = json_node_get_int (node)) < 0 || v > G_MAXINT)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_root (gen, node);
      text = json_generator_to_data (gen, NULL);
      return fail (r, error, BYLINE_ERROR_OUT_OF_RANGE, where,
                   _("“%s” must be a whole number ≥ 0, not %.40s"), name, text);
    }
  *out = (guint) v;
  return TRUE;
}

static int
compare_fragments (gconstpointer a,
                   gconstpointer b)
{
  const BylineFragment *fa = a;
  const BylineFragment *fb = b;

  return fa->start < fb->start ? -1 : fa->start > fb->start;
}

/* The label as the schema spells it, and its layer; a label the schema
 * does not know is kept as written, in @layer or "entities". */
static void
resolve_label (Reader     *r,
               Span       *span,
               const char *label,
               const char *layer)
{
  const BylineLabel *def = byline_schema_lookup_label (r->schema, label);

  for (guint i = 0; def == NULL && i < byline_schema_get_n_layers (r->schema); i++)
    {
      const BylineLayer *l = byline_schema_get_layer (r->schema, i);

      for (guint j = 0; def == NULL && j < l->labels->len; j++)
        {
          const BylineLabel *candidate = l->labels->pdata[j];

          if (g_ascii_strcasecmp (candidate->name, label) == 0)
            def = candidate;
        }
    }
  span->label = g_strdup (def != NULL ? def->name : label);
  if (layer != NULL)
    span->layer = g_strdup (layer);
  else
    span->layer = g_strdup (def != NULL ? def->layer->name : "entities");
}

/* One annotation object, native or spaCy-style. */
static gboolean
read_span (Reader      *r,
           const char  *where,
           JsonNode    *node,
           const char  *origin,
           GError     **error)
{
  JsonObject *obj;
  JsonNode *start, *end, *fragments, *member;
  const char *label = NULL;
  const char *layer = NULL;
  Span *span;
  guint n_chars = byline_document_get_n_chars (r->doc);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, error, BYLINE_ERROR_INVALID, where, _("expected an annotation object, found %s"),
                 type_name (node));
  obj = json_node_get_object (node);

  member = json_object_get_member (obj, "label");
  if (member == NULL || !is_string (member) || *json_node_get_string (member) == '\0')
    return fail (r, error, BYLINE_ERROR_INVALID, where,
                 member == NULL ? _("missing “label”") : _("“label” must be a non-empty string"));
  label = json_node_get_string (member);
  member = json_object_get_member (obj, "layer");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!is_string (member) || *json_node_get_string (member) == '\0')
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“layer” must be a non-empty string"));
      layer = json_node_get_string (member);
    }

  span = g_new0 (Span, 1);
  span->confidence = -1;
  g_ptr_array_add (r->spans, span);
  resolve_label (r, span, label, layer);

  member = json_object_get_member (obj, "id");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      span->id = read_id (member);
      if (span->id == NULL)
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“id” must be a string or a whole number"));
      if (g_hash_table_contains (r->ids, span->id))
        return fail (r, error, BYLINE_ERROR_DUPLICATE_ID, where, _("id “%s” is used twice"), span->id);
      g_hash_table_insert (r->ids, span->id, span);
    }

  start = json_object_get_member (obj, "start");
  end = json_object_get_member (obj, "end");
  fragments = json_object_get_member (obj, "fragments");
  if (fragments != NULL && (start != NULL || end != NULL))
    return fail (r, error, BYLINE_ERROR_INVALID, where, _("has both “fragments” and start/end"));
  if (fragments != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (fragments) || json_array_get_length (json_node_get_array (fragments)) == 0)
        return fail (r, error, BYLINE_ERROR_INVALID, where,
                     _("“fragments” must be a non-empty list of [start, end] pairs"));
      array = json_node_get_array (fragments);
      span->n_fragments = json_array_get_length (array);
      span->fragments = g_new0 (BylineFragment, span->n_fragments);
      for (guint i = 0; i < span->n_fragments; i++)
        {
          JsonNode *pair = json_array_get_element (array, i);
          JsonArray *pa;

          if (!JSON_NODE_HOLDS_ARRAY (pair) || json_array_get_length (json_node_get_array (pair)) != 2)
            return fail (r, error, BYLINE_ERROR_INVALID, where, _("fragment %u is not a [start, end] pair"), i);
          pa = json_node_get_array (pair);
          if (!read_offset (r, where, "start", json_array_get_element (pa, 0), &span->fragments[i].start, error) ||
              !read_offset (r, where, "end", json_array_get_element (pa, 1), &span->fragments[i].end, error))
            return FALSE;
        }
      qsort (span->fragments, span->n_fragments, sizeof (BylineFragment), compare_fragments);
    }
  else
    {
      if (start == NULL || end == NULL)
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("missing “%s”"), start == NULL ? "start" : "end");
      span->n_fragments = 1;
      span->fragments = g_new0 (BylineFragment, 1);
      if (!read_offset (r, where, "start", start, &span->fragments[0].start, error) ||
          !read_offset (r, where, "end", end, &span->fragments[0].end, error))
        return FALSE;
    }
  for (guint i = 0; i < span->n_fragments; i++)
    {
      const BylineFragment *f = &span->fragments[i];

      if (f->start >= f->end)
        return fail (r, error, BYLINE_ERROR_OUT_OF_RANGE, where,
                     f->start == f->end ? _("empty span %u–%u") : _("start %u is after end %u"),
                     f->start, f->end);
      if (f->end > n_chars)
        return fail (r, error, BYLINE_ERROR_OUT_OF_RANGE, where,
                     _("end %u is past the end of the text (%u characters)"), f->end, n_chars);
      if (i > 0 && f->start < span->fragments[i - 1].end)
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("fragments overlap at %u"), f->start);
    }

  member = json_object_get_member (obj, "text");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      g_autoptr(GString) actual = g_string_new (NULL);

      if (!is_string (member))
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“text” must be a string"));
      for (guint i = 0; i < span->n_fragments; i++)
        {
          g_autofree char *slice = byline_document_dup_slice (r->doc, span->fragments[i].start,
                                                              span->fragments[i].end);

          g_string_append_printf (actual, "%s%s", i ? " " : "", slice);
        }
      if (!g_str_equal (actual->str, json_node_get_string (member)))
        return fail (r, error, BYLINE_ERROR_TEXT_MISMATCH, where,
                     _("text “%s” does not match the document's “%s” at %u–%u (Byline counts offsets "
                       "in Unicode code points, not bytes or UTF-16 units)"),
                     json_node_get_string (member), actual->str, span->fragments[0].start,
                     span->fragments[span->n_fragments - 1].end);
    }

  member = json_object_get_member (obj, "confidence");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    member = json_object_get_member (obj, "score");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      GType t = JSON_NODE_HOLDS_VALUE (member) ? json_node_get_value_type (member) : G_TYPE_INVALID;
      double v;

      if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("the confidence must be a number, not %s"),
                     type_name (member));
      v = json_node_get_double (member);
      if (!isfinite (v) || v < 0 || v > 1)
        return fail (r, error, BYLINE_ERROR_OUT_OF_RANGE, where,
                     _("the confidence %g is not between 0 and 1"), v);
      span->confidence = v;
    }

  member = json_object_get_member (obj, "origin");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!is_string (member) || *json_node_get_string (member) == '\0')
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“origin” must be a non-empty string"));
      origin = json_node_get_string (member);
    }
  span->origin = g_strdup (origin);

  member = json_object_get_member (obj, "attributes");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!JSON_NODE_HOLDS_OBJECT (member))
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“attributes” must be an object"));
      span->attributes = json_object_ref (json_node_get_object (member));
    }
  member = json_object_get_member (obj, "note");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!is_string (member))
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“note” must be a string"));
      span->note = g_strdup (json_node_get_string (member));
    }
  return TRUE;
}

static gboolean
read_span_list (Reader      *r,
                const char  *prefix,
                const char  *name,
                JsonNode    *node,
                const char  *origin,
                GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = g_strconcat (prefix, name, NULL);

      return fail (r, error, BYLINE_ERROR_INVALID, where, _("expected a list, found %s"), type_name (node));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s%s[%u]", prefix, name, i);

      if (!read_span (r, where, json_array_get_element (array, i), origin, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_links (Reader      *r,
            const char  *prefix,
            JsonNode    *node,
            const char  *origin,
            GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = g_strconcat (prefix, "relations", NULL);

      return fail (r, error, BYLINE_ERROR_INVALID, where, _("expected a list, found %s"), type_name (node));
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%srelations[%u]", prefix, i);
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *obj;
      JsonNode *type;
      Link *link;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("expected a relation object, found %s"),
                     type_name (element));
      obj = json_node_get_object (element);
      if (!json_object_has_member (obj, "from") && json_object_has_member (obj, "head"))
        return fail (r, error, BYLINE_ERROR_INVALID, where,
                     _("relations between tokens (“head”, “child”) are not supported: "
                       "give “from” and “to”, the ids of two annotations"));
      type = json_object_get_member (obj, "type");
      if (type == NULL)
        type = json_object_get_member (obj, "label");
      if (type == NULL || !is_string (type) || *json_node_get_string (type) == '\0')
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("missing “type”"));
      link = g_new0 (Link, 1);
      g_ptr_array_add (r->links, link);
      g_ptr_array_add (r->link_where, g_strdup (where));
      link->type = g_strdup (json_node_get_string (type));
      link->origin = g_strdup (origin);
      link->from = json_object_has_member (obj, "from") ? read_id (json_object_get_member (obj, "from")) : NULL;
      link->to = json_object_has_member (obj, "to") ? read_id (json_object_get_member (obj, "to")) : NULL;
      if (link->from == NULL || link->to == NULL)
        return fail (r, error, BYLINE_ERROR_INVALID, where, _("“%s” must be the id of an annotation"),
                     link->from == NULL ? "from" : "to");
    }
  return TRUE;
}

/* One value the command printed: an object of lists, a bare list of
 * annotation objects, or one annotation object. */
static gboolean
read_value (Reader      *r,
            const char  *prefix,
            JsonNode    *root,
            const char  *origin,
            GError     **error)
{
  static const char * const lists[] = { "annotations", "ents", "spans", NULL };
  JsonObject *obj;
  JsonNode *member;
  gboolean container = FALSE;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return read_span_list (r, prefix, "", root, origin, error);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *where = g_strdup_printf ("%soutput", prefix);

      return fail (r, error, BYLINE_ERROR_INVALID, where,
                   _("expected {\"annotations\": […]}, {\"spans\": […]}, {\"ents\": […]} or a list, found %s"),
                   type_name (root));
    }
  obj = json_node_get_object (root);

  member = json_object_get_member (obj, "origin");
  if (member != NULL && is_string (member) && *json_node_get_string (member) != '\0' &&
      !json_object_has_member (obj, "label"))
    origin = json_node_get_string (member);

  /* The text it worked on, as spaCy's Doc.to_json() gives it: another
   * text would make every offset wrong. */
  member = json_object_get_member (obj, "text");
  if (member != NULL && is_string (member) && !json_object_has_member (obj, "label") &&
      !g_str_equal (json_node_get_string (member), byline_document_get_text (r->doc)))
    {
      g_autofree char *where = g_strdup_printf ("%stext", prefix);

      return fail (r, error, BYLINE_ERROR_TEXT_MISMATCH, where,
                   _("the output is for another text than the document's"));
    }

  for (guint i = 0; lists[i] != NULL; i++)
    {
      member = json_object_get_member (obj, lists[i]);
      if (member == NULL)
        continue;
      container = TRUE;
      if (g_str_equal (lists[i], "spans") && JSON_NODE_HOLDS_OBJECT (member))
        {
          /* spaCy's span groups: {"sc": [...], "quotes": [...]}. */
          JsonObjectIter iter;
          const char *group;
          JsonNode *spans;

          json_object_iter_init_ordered (&iter, json_node_get_object (member));
          while (json_object_iter_next_ordered (&iter, &group, &spans))
            {
              g_autofree char *name = g_strdup_printf ("spans.%s", group);

              if (!read_span_list (r, prefix, name, spans, origin, error))
                return FALSE;
            }
        }
      else if (!read_span_list (r, prefix, lists[i], member, origin, error))
        return FALSE;
    }
  member = json_object_get_member (obj, "relations");
  if (member != NULL)
    {
      container = TRUE;
      if (!read_links (r, prefix, member, origin, error))
        return FALSE;
    }
  if (container)
    return TRUE;
  if (json_object_has_member (obj, "label"))
    {
      g_autofree char *where = g_strdup_printf ("%sannotation", prefix);

      return read_span (r, where, root, origin, error);
    }
  {
    g_autofree char *where = g_strdup_printf ("%soutput", prefix);

    return fail (r, error, BYLINE_ERROR_INVALID, where,
                 _("an object without “annotations”, “spans”, “ents” or “label”"));
  }
}

typedef struct
{
  gsize start;
  gsize end;
  guint line;
  guint column;
} Value;

/* Splits the output into its top-level values (JSON-GLib 1.6 quietly
 * takes the last of several), noting where each begins. Anything that
 * does not start a value runs to the end of its line, for JSON-GLib to
 * name what is wrong with it. */
static GArray *
split_values (const char *data,
              gsize       len)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (Value));
  guint line = 1;
  gsize line_start = 0;
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = line_start = 3;
  while (i < len)
    {
      Value value;
      guint depth = 0;
      gboolean in_string = FALSE;
      char c = data[i];

      if (c == '\n')
        {
          line++;
          line_start = ++i;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        {
          i++;
          continue;
        }
      value.start = i;
      value.line = line;
      value.column = (guint) g_utf8_pointer_to_offset (data + line_start, data + i) + 1;
      if (c != '{' && c != '[')
        {
          while (i < len && data[i] != '\n')
            i++;
          value.end = i;
          g_array_append_val (values, value);
          continue;
        }
      for (; i < len; i++)
        {
          c = data[i];
          if (c == '\n')
            {
              line++;
              line_start = i + 1;
            }
          if (in_string)
            {
              if (c == '\\' && i + 1 < len && data[i + 1] != '\n')
                i++;
              else if (c == '"')
                in_string = FALSE;
            }
          else if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            depth++;
          else if ((c == '}' || c == ']') && --depth == 0)
            {
              i++;
              break;
            }
        }
      value.end = i;
      g_array_append_val (values, value);
    }
  return values;
}

/* The beginning of the output, to show with a parse error: often a
 * warning the program printed to stdout instead of stderr. */
static char *
output_start (const char *data,
              gsize       len)
{
  const char *nl = memchr (data, '\n', MIN (len, 200));
  gsize n = nl != NULL ? (gsize) (nl - data) : MIN (len, 200);
  g_autofree char *valid = g_utf8_make_valid (data, (gssize) n);
  GString *out = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = valid; *p != '\0' && chars < 60; p = g_utf8_next_char (p), chars++)
    g_string_append_unichar (out, g_utf8_get_char (p));
  if (chars == 60 || n < len)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

gboolean
_byline_suggest_command_parse_output (Reader      *r,
                                      const char  *data,
                                      gsize        len,
                                      const char  *origin,
                                      GError     **error)
{
  g_autoptr(GArray) values = NULL;
  const char *bad;

  if (!g_utf8_validate_len (data, len, &bad))
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        {
          if (*p == '\n')
            line++;
        }
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("“%s” printed something that is not UTF-8 text (line %u)"), r->command, line);
      return FALSE;
    }
  if (!_byline_json_check_depth (data, len, BYLINE_JSON_MAX_DEPTH))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("“%s” printed JSON nested deeper than %u levels"), r->command, BYLINE_JSON_MAX_DEPTH);
      return FALSE;
    }

  values = split_values (data, len);
  if (values->len == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("“%s” printed nothing (a model that finds nothing prints {\"annotations\": []})"),
                   r->command);
      return FALSE;
    }
  for (guint i = 0; i < values->len; i++)
    {
      const Value *v = &g_array_index (values, Value, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local_error = NULL;
      g_autofree char *prefix = values->len > 1 ? g_strdup_printf (_("line %u: "), v->line) : g_strdup ("");

      if (!json_parser_load_from_data (parser, data + v->start, (gssize) (v->end - v->start), &local_error))
        {
          guint line = 0, column = 0;
          int consumed = 0;
          const char *message = local_error->message;

          if (sscanf (message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 && consumed > 0)
            message += consumed;
          /* Where a stray word begins (JSON-GLib gives where it ends);
           * inside a value, where JSON-GLib stopped. */
          if (consumed == 0 || (data[v->start] != '{' && data[v->start] != '['))
            {
              line = v->line;
              column = v->column;
            }
          else
            {
              column = line == 1 ? v->column + column - 1 : column;
              line = v->line + line - 1;
            }
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                       _("“%s” printed something that is not JSON: line %u, column %u: %s"),
                       r->command, line, column, message);
          if (i == 0)
            {
              g_autofree char *start = output_start (data, len);
              g_autofree char *message2 = g_strdup_printf (_("%s (the output begins “%s”)"),
                                                           (*error)->message, start);

              g_free ((*error)->message);
              (*error)->message = g_steal_pointer (&message2);
            }
          return FALSE;
        }
      if (json_parser_get_root (parser) == NULL)
        continue;
      if (!read_value (r, prefix, json_parser_get_root (parser), origin, error))
        return FALSE;
    }
  return TRUE;
}

/* The text of the document the command gets, for checking offsets. */
BylineDocument *
_byline_suggest_command_text_of (const char  *document_json,
                                 gsize        len,
                                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BylineDocument) doc = byline_document_new ();
  JsonNode *root, *text;

  if (!_byline_json_check_depth (document_json, len, BYLINE_JSON_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, document_json, (gssize) len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (text = json_object_get_member (json_node_get_object (root), "text")) == NULL || !is_string (text))
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("The document for the command is not a native Byline document"));
      return NULL;
    }
  if (!byline_document_set_text (doc, json_node_get_string (text), -1, error))
    return NULL;
  return g_steal_pointer (&doc);
}

/* Adds what was read, all of it valid. */
void
_byline_suggest_command_add_all (Reader            *r,
                                 BylineSuggestions *self,
                                 const char        *origin)
{
  GPtrArray *added = byline_suggestions_get_annotations (self);

  for (guint i = 0; i < r->spans->len; i++)
    {
      Span *span = r->spans->pdata[i];
      guint before = added->len;
      BylineAnnotation *a;

      byline_suggestions_set_origin (self, span->origin != NULL ? span->origin : origin);
      span->added_id = byline_suggestions_add_span (self, span->layer, span->label, span->fragments[0].start,
                                                    span->fragments[span->n_fragments - 1].end,
                                                    span->confidence);
      a = byline_suggestions_lookup (self, span->added_id);
      /* The same label over the same extent twice is one suggestion, the
       * first one's shape. */
      if (a == NULL || added->len == before)
        continue;
      if (span->n_fragments > 1)
        byline_annotation_set_fragments (a, span->fragments, span->n_fragments);
      if (span->note != NULL)
        byline_annotation_set_note (a, span->note);
      if (span->attributes != NULL)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          json_object_iter_init_ordered (&iter, span->attributes);
          while (json_object_iter_next_ordered (&iter, &name, &value))
            byline_annotation_set_attribute (a, name, value);
        }
    }
  for (guint i = 0; i < r->links->len; i++)
    {
      Link *link = r->links->pdata[i];
      Span *from = g_hash_table_lookup (r->ids, link->from);
      Span *to = g_hash_table_lookup (r->ids, link->to);

      byline_suggestions_set_origin (self, link->origin);
      byline_suggestions_add_relation (self, link->type, from ? from->added_id : link->from,
                                       to ? to->added_id : link->to);
    }
  byline_suggestions_set_origin (self, origin);
}

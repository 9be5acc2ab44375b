/* byline-spacy.c: spaCy and Prodigy JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One task a line, as Prodigy writes them and spaCy scripts read them:
 *
 *   {"text": "…", "meta": {"id": "doc-1", "source": "…"},
 *    "tokens": [{"text": "\"", "start": 0, "end": 1, "id": 0, "ws": false}, …],
 *    "spans": [{"start": 0, "end": 14, "token_start": 0, "token_end": 5, "label": "QUOTE"}, …],
 *    "relations": [{"head": 9, "child": 7, "head_span": {…}, "child_span": {…}, "label": "SAID_BY"}],
 *    "answer": "accept"}
 *
 * Offsets are code points, end exclusive; token_end is inclusive. The
 * document id travels in "meta" so that it comes back. The tokens are the
 * core tokenizer's, cut where a span edge falls inside one, so that
 * spaCy's Doc(words, spaces).char_span() finds every span; whitespace
 * other than the single space after a token ("ws") is a token of its own,
 * as in spaCy, so the tokens always rebuild the text exactly. A relation's
 * head and child are the last tokens of its spans, as Prodigy's rel.manual
 * writes them.
 *
 * A task has one answer: a document whose annotations are all rejected is
 * written with "answer": "reject" and read back as rejected suggestions;
 * in any other document rejected annotations cannot be written. Prodigy
 * tasks answered "ignore" are skipped with a warning.
 *
 * This file reads tasks and holds the format; byline-spacy-write.c
 * writes them.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-import.h"
#include "byline-json-stream.h"
#include "byline-spacy-private.h"

/* ---- Reading ---------------------------------------------------------- */

/* The schema's relation type spelled @name in any case, or NULL. */
static const BylineRelationType *
lookup_relation_type (BylineSchema *schema,
                      const char   *name)
{
  const BylineRelationType *type = byline_schema_lookup_relation_type (schema, name);

  for (guint i = 0; type == NULL && i < byline_schema_get_n_relation_types (schema); i++)
    {
      const BylineRelationType *t = byline_schema_get_relation_type (schema, i);

      if (g_ascii_strcasecmp (t->name, name) == 0)
        type = t;
    }
  return type;
}

typedef struct
{
  const char                *path;
  BylineSchema              *schema;
  BylineProblems            *warnings;
  BylineSchemaWarnings       schema_warnings;  /* with the options */
  char                      *base_id;
} Reader;

typedef struct
{
  guint start;
  guint end;
} Range;

static void G_GNUC_PRINTF (4, 5)
warn (Reader     *r,
      guint       lineno,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *msg = NULL;
  g_autofree char *location = NULL;
  va_list args;

  if (r->warnings == NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  location = g_strdup_printf ("line %u", lineno);
  byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, code, location, "%s", msg);
}

static const char *
describe_node (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return "null";
    default:
      break;
    }
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
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Reads the offset @key of @obj (a span or token, named @what in errors)
 * as a whole number from 0 to the end of the text. */
static gboolean
get_offset (JsonObject  *obj,
            const char  *key,
            guint        n_chars,
            const char  *where,
            const char  *what,
            guint       *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (obj, key);
  gint64 v;

  if (!holds_int (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s: “%s” must be a whole number, not %s"),
                   where, what, key, describe_node (node));
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s: %s %" G_GINT64_FORMAT " is negative"), where, what, key, v);
      return FALSE;
    }
  if (v > (gint64) n_chars)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   _("%s: %s: %s %" G_GINT64_FORMAT " is past the end of the text (%u characters)"),
                   where, what, key, v, n_chars);
      return FALSE;
    }
  *value = (guint) v;
  return TRUE;
}

/* The start and end of a span or token object, checked. */
static gboolean
get_range (JsonObject      *obj,
           BylineDocument  *doc,
           const char      *where,
           const char      *what,
           gboolean         allow_empty,
           Range           *range,
           GError         **error)
{
  guint n_chars = byline_document_get_n_chars (doc);
  JsonNode *text;

  if (!get_offset (obj, "start", n_chars, where, what, &range->start, error) ||
      !get_offset (obj, "end", n_chars, where, what, &range->end, error))
    return FALSE;
  if (range->end < range->start || (range->end == range->start && !allow_empty))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                   range->end == range->start ? _("%s: %s: empty span %u–%u")
                                              : _("%s: %s: start %u is after end %u"),
                   where, what, range->start, range->end);
      return FALSE;
    }
  text = json_object_get_member (obj, "text");
  if (text != NULL && !JSON_NODE_HOLDS_NULL (text))
    {
      g_autofree char *slice = NULL;

      if (!holds_string (text))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: “text” must be a string, not %s"), where, what, describe_node (text));
          return FALSE;
        }
      slice = byline_document_dup_slice (doc, range->start, range->end);
      if (strcmp (slice, json_node_get_string (text)) != 0)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TEXT_MISMATCH,
                       _("%s: %s: text “%s” differs from the text at %u–%u, “%s”"),
                       where, what, json_node_get_string (text), range->start, range->end, slice);
          return FALSE;
        }
    }
  return TRUE;
}

static JsonArray *
get_list (JsonObject  *obj,
          const char  *key,
          const char  *where,
          GError     **error)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “%s” must be a list, not %s"), where, key, describe_node (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        i,
                    const char  *where,
                    const char  *what,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: %s must be an object, not %s"), where, what, describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The tokens are not needed (the spans carry character offsets), but
 * tokens that do not fit the text mean the offsets were counted in other
 * units (UTF-16, bytes) or for another text: then the spans are wrong too. */
static gboolean
check_tokens (JsonObject      *task,
              BylineDocument  *doc,
              const char      *where,
              GArray          *ranges,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *tokens = get_list (task, "tokens", where, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; tokens != NULL && i < json_array_get_length (tokens); i++)
    {
      g_autofree char *what = g_strdup_printf (_("token %u"), i + 1);
      JsonObject *tok = get_element_object (tokens, i, where, what, error);
      Range range;

      if (tok == NULL || !get_range (tok, doc, where, what, TRUE, &range, error))
        return FALSE;
      g_array_append_val (ranges, range);
    }
  return TRUE;
}

typedef struct
{
  BylineAnnotation *annotation;
  guint             start;
  guint             end;
  const char       *label;
} ReadSpan;

static BylineAnnotation *
add_span (Reader          *r,
          BylineDocument  *doc,
          GArray          *spans,
          guint            lineno,
          const char      *label,
          Range           *range,
          BylineStatus     status,
          GError         **error)
{
  const char *layer = byline_format_layer_or_warn (&r->schema_warnings, label, "line %u", lineno);
  BylineAnnotation *a;
  ReadSpan span;

  a = byline_annotation_new (layer, label, range->start, range->end);
  byline_annotation_set_status (a, status);
  if (status == BYLINE_STATUS_REJECTED)
    byline_annotation_set_origin (a, "prodigy");
  if (!_byline_document_load_annotation (doc, a, error))
    return NULL;
  span.annotation = a;
  span.start = range->start;
  span.end = range->end;
  span.label = byline_annotation_get_label (a);
  g_array_append_val (spans, span);
  return a;
}

static gboolean
read_spans (Reader          *r,
            JsonObject      *task,
            BylineDocument  *doc,
            const char      *where,
            guint            lineno,
            BylineStatus     status,
            GArray          *spans,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *list = get_list (task, "spans", where, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *what = g_strdup_printf (_("span %u"), i + 1);
      JsonObject *obj = get_element_object (list, i, where, what, error);
      JsonNode *label;
      Range range;

      if (obj == NULL || !get_range (obj, doc, where, what, FALSE, &range, error))
        return FALSE;
      label = json_object_get_member (obj, "label");
      if (!holds_string (label) || *json_node_get_string (label) == '\0')
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: “label” must be a label, not %s"), where, what,
                       holds_string (label) ? _("an empty string") : describe_node (label));
          return FALSE;
        }
      if (add_span (r, doc, spans, lineno, json_node_get_string (label), &range, status, &local_error) == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s: %s",
                       where, what, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* The annotation a relation's end names: its span object (start, end and
 * label, matched against the spans; a labelled span that is not among them
 * is added), or else its token, through the task's tokens. */
static BylineAnnotation *
find_end (Reader          *r,
          JsonObject      *rel,
          const char      *span_key,
          const char      *token_key,
          BylineDocument  *doc,
          GArray          *spans,
          GArray          *tokens,
          const char      *where,
          const char      *what,
          guint            lineno,
          BylineStatus     status,
          GError         **error)
{
  JsonNode *node = json_object_get_member (rel, span_key);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *span_what = g_strdup_printf ("%s: %s", what, span_key);
      JsonObject *obj = json_node_get_object (node);
      JsonNode *label = json_object_get_member (obj, "label");
      const char *name = holds_string (label) && *json_node_get_string (label) != '\0'
                         ? json_node_get_string (label) : NULL;
      BylineAnnotation *any = NULL;
      Range range;

      if (!get_range (obj, doc, where, span_what, FALSE, &range, error))
        return NULL;
      for (guint i = 0; i < spans->len; i++)
        {
          ReadSpan *s = &g_array_index (spans, ReadSpan, i);

          if (s->start != range.start || s->end != range.end)
            continue;
          if (name == NULL || strcmp (s->label, name) == 0)
            return s->annotation;
          if (any == NULL)
            any = s->annotation;
        }
      if (name == NULL && any != NULL)
        return any;
      if (name != NULL)
        {
          g_autoptr(GError) local_error = NULL;
          BylineAnnotation *a = add_span (r, doc, spans, lineno, name, &range, status, &local_error);

          if (a == NULL)
            g_set_error (error, local_error->domain, local_error->code, "%s: %s: %s",
                         where, span_what, local_error->message);
          return a;
        }
      return NULL;
    }

  node = json_object_get_member (rel, token_key);
  if (holds_int (node) && json_node_get_int (node) >= 0 && json_node_get_int (node) < (gint64) tokens->len)
    {
      Range *tok = &g_array_index (tokens, Range, json_node_get_int (node));
      BylineAnnotation *best = NULL;
      guint best_len = G_MAXUINT;

      /* The shortest span holding the token, preferring one it ends. */
      for (guint i = 0; i < spans->len; i++)
        {
          ReadSpan *s = &g_array_index (spans, ReadSpan, i);
          guint len = (s->end - s->start) * 2 + (s->end != tok->end);

          if (s->start <= tok->start && tok->end <= s->end && len < best_len)
            {
              best = s->annotation;
              best_len = len;
            }
        }
      return best;
    }
  return NULL;
}

static gboolean
read_relations (Reader          *r,
                JsonObject      *task,
                BylineDocument  *doc,
                const char      *where,
                guint            lineno,
                BylineStatus     status,
                GArray          *spans,
                GArray          *tokens,
                GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *list = get_list (task, "relations", where, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *what = g_strdup_printf (_("relation %u"), i + 1);
      JsonObject *obj = get_element_object (list, i, where, what, error);
      BylineAnnotation *head;
      BylineAnnotation *child = NULL;
      const BylineRelationType *known;
      const char *type;
      JsonNode *label;
      BylineRelation *rel;

      if (obj == NULL)
        return FALSE;
      label = json_object_get_member (obj, "label");
      if (!holds_string (label) || *json_node_get_string (label) == '\0')
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: %s: “label” must be a relation type, not %s"), where, what,
                       holds_string (label) ? _("an empty string") : describe_node (label));
          return FALSE;
        }
      head = find_end (r, obj, "head_span", "head", doc, spans, tokens, where, what, lineno, status, &local_error);
      if (local_error == NULL)
        child = find_end (r, obj, "child_span", "child", doc, spans, tokens, where, what, lineno, status, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (head == NULL || child == NULL)
        {
          warn (r, lineno, BYLINE_ERROR_UNKNOWN_ID,
                _("%s (%s): its head or child is not a labelled span; left out"),
                what, json_node_get_string (label));
          continue;
        }

      type = json_node_get_string (label);
      known = lookup_relation_type (r->schema, type);
      if (known != NULL)
        type = known->name;
      else
        byline_format_check_relation_type (&r->schema_warnings, type, "line %u", lineno);
      rel = byline_relation_new (type, byline_annotation_get_id (head), byline_annotation_get_id (child));
      byline_relation_set_status (rel, status);
      if (status == BYLINE_STATUS_REJECTED)
        byline_relation_set_origin (rel, "prodigy");
      _byline_document_load_relation (doc, rel, NULL, NULL);
    }
  return TRUE;
}

/* The document of one task, or NULL: with @error set when the task is
 * wrong, without when it is skipped (answer "ignore"). */
static BylineDocument *
document_from_task (Reader      *r,
                    JsonObject  *task,
                    guint        lineno,
                    const char  *where,
                    GError     **error)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ReadSpan));
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GError) local_error = NULL;
  BylineStatus status = BYLINE_STATUS_MANUAL;
  JsonNode *text = json_object_get_member (task, "text");
  JsonNode *answer = json_object_get_member (task, "answer");
  JsonNode *meta = json_object_get_member (task, "meta");
  JsonNode *id_node = NULL;

  if (!holds_string (text))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: “text” must be a string, not %s"), where, describe_node (text));
      return NULL;
    }
  if (answer != NULL && !JSON_NODE_HOLDS_NULL (answer))
    {
      const char *value = holds_string (answer) ? json_node_get_string (answer) : NULL;

      if (g_strcmp0 (value, "ignore") == 0)
        {
          warn (r, lineno, BYLINE_ERROR_INVALID, _("answer “ignore”: task skipped"));
          return NULL;
        }
      if (g_strcmp0 (value, "reject") == 0)
        status = BYLINE_STATUS_REJECTED;
      else if (g_strcmp0 (value, "accept") != 0)
        warn (r, lineno, BYLINE_ERROR_INVALID,
              _("answer %s is not accept, reject or ignore; read as accept"),
              value != NULL ? value : describe_node (answer));
    }
  if (!byline_document_set_text (doc, json_node_get_string (text), -1, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, local_error->code, "%s: %s", where, local_error->message);
      return NULL;
    }

  if (meta != NULL && !JSON_NODE_HOLDS_NULL (meta))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (meta))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: “meta” must be an object, not %s"), where, describe_node (meta));
          return NULL;
        }
      json_object_iter_init (&iter, json_node_get_object (meta));
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, "id") == 0 && (holds_string (value) || holds_int (value)))
            id_node = value;
          else
            byline_document_set_meta (doc, key, value);
        }
    }
  if (id_node == NULL)
    {
      JsonNode *top = json_object_get_member (task, "id");

      if (holds_string (top) || holds_int (top))
        id_node = top;
    }
  if (id_node != NULL && holds_string (id_node) && *json_node_get_string (id_node) != '\0')
    byline_document_set_id (doc, json_node_get_string (id_node));
  else if (id_node != NULL && holds_int (id_node))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id_node));
      byline_document_set_id (doc, id);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", r->base_id, lineno);
      byline_document_set_id (doc, id);
    }

  if (!check_tokens (task, doc, where, tokens, error) ||
      !read_spans (r, task, doc, where, lineno, status, spans, error) ||
      !read_relations (r, task, doc, where, lineno, status, spans, tokens, error))
    return NULL;
  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

/* JSON-GLib cuts strings at an escaped NUL ("\u0000"): find one before
 * it does, so that a text is never silently cut short. */
static gboolean
has_escaped_nul (const char *data,
                 gsize       len)
{
  for (gsize i = 0; i + 6 <= len; i++)
    {
      gsize n_backslashes = 0;

      if (data[i] != '\\' || memcmp (data + i + 1, "u0000", 5) != 0)
        continue;
      while (n_backslashes < i && data[i - 1 - n_backslashes] == '\\')
        n_backslashes++;
      if (n_backslashes % 2 == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  Reader             *reader;
  JsonParser         *parser;
  BylineDocumentFunc  func;
  gpointer            user_data;
} LineReader;

static gboolean
read_spacy_line (const char  *data,
                 gsize        len,
                 guint        lineno,
                 const char  *where,
                 gpointer     user_data,
                 GError     **error)
{
  LineReader *lr = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineDocument) doc = NULL;
  JsonNode *root;

  if (memchr (data, '\\', len) != NULL && has_escaped_nul (data, len))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s: holds a NUL character (\\u0000), which no text can hold"), where);
      return FALSE;
    }
  /* JSON-GLib parses recursively: hostile nesting would overflow the
   * stack. */
  if (!_byline_json_check_depth (data, len, BYLINE_JSON_MAX_DEPTH))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s: JSON nested deeper than %u levels"), where, BYLINE_JSON_MAX_DEPTH);
      return FALSE;
    }
  if (!json_parser_load_from_data (lr->parser, data, (gssize) len, &local_error))
    {
      g_autofree char *why = byline_describe_json_error (local_error);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE, _("%s: invalid JSON: %s"), where, why);
      return FALSE;
    }
  root = json_parser_get_root (lr->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: expected a task (a JSON object) on each line, not %s"),
                   where, describe_node (root));
      return FALSE;
    }
  doc = document_from_task (lr->reader, json_node_get_object (root), lineno, where, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return doc == NULL || lr->func (doc, lr->user_data, error);
}

static gboolean
read_spacy (const BylineFormat        *format,
            const char                *path,
            const BylineFormatOptions *options,
            BylineProblems            *warnings,
            BylineDocumentFunc         func,
            gpointer                   user_data,
            GError                   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *base_id = byline_import_document_id (path);
  Reader r = { path, _byline_spacy_options_schema (options), warnings,
               { options, warnings, warned, BYLINE_SCHEMA_WARNING_SEMICOLON }, base_id };
  LineReader lr = { &r, parser, func, user_data };

  return byline_import_foreach_line (path, read_spacy_line, &lr, error);
}

static const char * const spacy_ext[] = { ".spacy.jsonl", ".prodigy.jsonl", NULL };

const BylineFormat byline_format_spacy = {
  "spacy", N_("spaCy / Prodigy JSONL: text, tokens, spans, relations (.spacy.jsonl)"), spacy_ext, TRUE, FALSE,
  read_spacy, _byline_spacy_open
};

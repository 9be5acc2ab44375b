/* byline-records.c: JSON article records (one object, an array, or JSONL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrapers write articles as JSON objects with the text under one of a few
 * keys and metadata under many more. trafilatura writes `text`, `title`,
 * `author` ("A; B"), `date`, `hostname` and the page URL as `source`;
 * newspaper3k `text`, `title`, `authors`, `publish_date`, `url`; news-please
 * `maintext` (with `text` null), `authors`, `date_publish`, `source_domain`,
 * `url`, `language`. Keys Byline has no place for are ignored; a known key
 * with a value of the wrong type is an error naming the key, never skipped.
 *
 * JSONL is read one line at a time with one JsonParser, so a corpus of any
 * size is processed in constant memory. JSON-GLib cannot stream an array, so
 * an array file is loaded whole.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-import.h"
#include "byline-json-stream.h"

static const char * const text_keys[] = { "text", "content", "body", "maintext", NULL };
static const char * const title_keys[] = { "title", NULL };
static const char * const url_keys[] = { "url", "link", "canonical_url", NULL };
static const char * const published_keys[] = {
  "published", "date", "date_publish", "publish_date", "pubdate", NULL
};
/* trafilatura puts the site name under "source-hostname". */
static const char * const source_keys[] = {
  "source", "source_domain", "sitename", "source-hostname", "hostname", NULL
};
static const char * const language_keys[] = { "language", "lang", NULL };
static const char * const author_keys[] = { "authors", "author", NULL };

typedef struct
{
  const char         *path;
  BylineDocumentFunc  func;
  gpointer            user_data;
  JsonParser         *parser;
  guint               n_records;
  gboolean            several;
} Reader;

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!is_json_space (data[i]))
        return FALSE;
    }
  return TRUE;
}

static const char *
skip_space (const char *data,
            gsize       len)
{
  const char *p = data;

  while (p < data + len && is_json_space (*p))
    p++;
  return p;
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
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

/* "FILE: LOCATION", the start of every error about one record. */
static char *
describe_where (const char *filename,
                const char *location)
{
  if (filename == NULL)
    filename = "<input>";
  if (location == NULL || *location == '\0')
    return g_strdup (filename);
  return g_strdup_printf ("%s: %s", filename, location);
}

/* JSON-GLib turns a lone surrogate escape ("\ud800") into bytes that are
 * not UTF-8; such a string must not reach the document. */
static gboolean
check_string (const char  *str,
              const char  *where,
              const char  *key,
              GError     **error)
{
  if (g_utf8_validate (str, -1, NULL))
    return TRUE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
               _("%s: \"%s\" is not valid Unicode text (a lone surrogate escape?)"),
               where, key);
  return FALSE;
}

/* The value of the first of @keys holding a non-blank string; null and
 * blank values count as absent, any other type is an error. */
static gboolean
lookup_string (JsonObject         *object,
               const char * const *keys,
               const char         *where,
               const char        **value,
               GError            **error)
{
  *value = NULL;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);
      const char *str;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!is_string_node (node))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: \"%s\" must be a string, got %s"),
                       where, keys[i], describe_node (node));
          return FALSE;
        }
      str = json_node_get_string (node);
      if (!check_string (str, where, keys[i], error))
        return FALSE;
      if (is_blank (str, strlen (str)))
        continue;
      *value = str;
      return TRUE;
    }
  return TRUE;
}

/* A string, or an object with a "name" string as NewsAPI and JSON-LD write
 * sources and authors. Returns NULL for null, blank or another shape. */
static const char *
get_name (JsonNode *node)
{
  const char *str = NULL;

  if (is_string_node (node))
    {
      str = json_node_get_string (node);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *name = json_object_get_member (json_node_get_object (node), "name");

      if (name != NULL && is_string_node (name))
        str = json_node_get_string (name);
    }
  if (str == NULL || is_blank (str, strlen (str)))
    return NULL;
  return str;
}

static gboolean
looks_like_url (const char *str)
{
  return g_str_has_prefix (str, "http://") || g_str_has_prefix (str, "https://");
}

/* trafilatura writes the page URL as "source": it is taken as the URL when
 * there is no other, and the source name is looked up further on. */
static gboolean
lookup_source (JsonObject   *object,
               const char   *where,
               const char  **source,
               const char  **url,
               GError      **error)
{
  *source = NULL;
  for (guint i = 0; source_keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, source_keys[i]);
      const char *str;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      str = get_name (node);
      if (str == NULL && !is_string_node (node))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: \"%s\" must be a string, got %s"),
                       where, source_keys[i], describe_node (node));
          return FALSE;
        }
      if (str == NULL)
        continue;
      if (!check_string (str, where, source_keys[i], error))
        return FALSE;
      if (i == 0 && looks_like_url (str))
        {
          if (*url == NULL)
            *url = str;
          continue;
        }
      *source = str;
      return TRUE;
    }
  return TRUE;
}

/* Authors as a JSON array of strings. A single string is kept as one
 * element: "A; B" or "A and B" cannot be split without guessing. */
static gboolean
lookup_authors (JsonObject  *object,
                const char  *where,
                JsonNode   **authors,
                GError     **error)
{
  *authors = NULL;
  for (guint i = 0; author_keys[i] != NULL; i++)
    {
      const char *key = author_keys[i];
      JsonNode *node = json_object_get_member (object, key);
      g_autoptr(JsonArray) array = NULL;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;

      array = json_array_new ();
      if (is_string_node (node))
        {
          const char *str = json_node_get_string (node);

          if (!check_string (str, where, key, error))
            return FALSE;
          if (!is_blank (str, strlen (str)))
            json_array_add_string_element (array, str);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *elements = json_node_get_array (node);
          guint n = json_array_get_length (elements);

          for (guint j = 0; j < n; j++)
            {
              JsonNode *element = json_array_get_element (elements, j);
              const char *name;

              if (JSON_NODE_HOLDS_NULL (element))
                continue;
              name = get_name (element);
              if (name == NULL && !is_string_node (element))
                {
                  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                               _("%s: \"%s\" must hold strings, got %s"),
                               where, key, describe_node (element));
                  return FALSE;
                }
              if (name == NULL)
                continue;
              if (!check_string (name, where, key, error))
                return FALSE;
              json_array_add_string_element (array, name);
            }
        }
      else
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: \"%s\" must be a string or an array of strings, got %s"),
                       where, key, describe_node (node));
          return FALSE;
        }

      /* news-please writes "authors": [] when it found none. */
      if (json_array_get_length (array) > 0)
        {
          *authors = json_node_new (JSON_NODE_ARRAY);
          json_node_set_array (*authors, array);
          return TRUE;
        }
    }
  return TRUE;
}

static gboolean
lookup_id (JsonObject  *object,
           const char  *where,
           char       **id,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "id");

  *id = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (is_string_node (node))
    {
      const char *str = json_node_get_string (node);

      if (!check_string (str, where, "id", error))
        return FALSE;
      if (!is_blank (str, strlen (str)))
        *id = g_strdup (str);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }

  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("%s: \"id\" must be a string or an integer, got %s"),
               where, describe_node (node));
  return FALSE;
}

/* @position is the record's 1-based position in a file holding several, or 0.
 * @data are the bytes the record came from, for its checksum, or NULL. */
static BylineDocument *
document_from_object (JsonObject  *object,
                      const char  *filename,
                      const char  *location,
                      guint        position,
                      const char  *data,
                      gsize        len,
                      GError     **error)
{
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(JsonNode) authors = NULL;
  g_autofree char *where = NULL;
  g_autofree char *id = NULL;
  const char *text = NULL;
  const char *title = NULL;
  const char *url = NULL;
  const char *published = NULL;
  const char *source = NULL;
  const char *language = NULL;

  where = describe_where (filename, location);

  /* Check the whole record before building anything. */
  if (!lookup_string (object, text_keys, where, &text, error))
    return NULL;
  if (text == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: no article text (expected one of text, content, body, maintext)"),
                   where);
      return NULL;
    }
  if (!lookup_string (object, title_keys, where, &title, error) ||
      !lookup_string (object, url_keys, where, &url, error) ||
      !lookup_string (object, published_keys, where, &published, error) ||
      !lookup_source (object, where, &source, &url, error) ||
      !lookup_string (object, language_keys, where, &language, error) ||
      !lookup_authors (object, where, &authors, error) ||
      !lookup_id (object, where, &id, error))
    return NULL;

  if (id == NULL)
    {
      g_autofree char *base = byline_import_document_id (filename);

      if (position > 0)
        id = g_strdup_printf ("%s-%u", base, position);
      else
        id = g_steal_pointer (&base);
    }

  doc = byline_document_new ();
  if (!byline_document_set_text (doc, text, strlen (text), error))
    {
      g_prefix_error (error, "%s: ", where);
      return NULL;
    }
  byline_document_set_id (doc, id);
  if (title != NULL)
    byline_document_set_meta_string (doc, BYLINE_META_TITLE, title);
  if (source != NULL)
    byline_document_set_meta_string (doc, BYLINE_META_SOURCE, source);
  if (url != NULL)
    byline_document_set_meta_string (doc, BYLINE_META_URL, url);
  if (published != NULL)
    byline_document_set_meta_string (doc, BYLINE_META_PUBLISHED, published);
  if (authors != NULL)
    byline_document_set_meta (doc, BYLINE_META_AUTHORS, authors);
  if (language != NULL)
    byline_document_set_meta_string (doc, BYLINE_META_LANGUAGE, language);
  if (data != NULL)
    byline_import_record_source (doc, filename, "json", data, len);
  byline_document_mark_loaded (doc);

  return g_steal_pointer (&doc);
}

/**
 * byline_records_document_from_object:
 * @object: one article record
 * @filename: (nullable): the file it came from, named in errors and used
 *   for the id when the record has none
 * @location: (nullable): where in the file, for errors ("line 3")
 * @error: set when the record has no text or a key has the wrong type
 *
 * Builds a document from a record as written by trafilatura, newspaper3k,
 * news-please and the like: the text from the first non-blank of `text`,
 * `content`, `body`, `maintext`, kept verbatim; title, URL, publication
 * date, authors, source and language into the metadata; the id from `id`
 * (a string or an integer) or else from @filename.
 *
 * Without the record's bytes this cannot record a checksum: callers that
 * have them call byline_import_record_source() and then
 * byline_document_mark_loaded() again, as byline_records_read_file() does.
 *
 * Returns: (transfer full) (nullable): the document, unmodified
 */
BylineDocument *
byline_records_document_from_object (JsonObject  *object,
                                     const char  *filename,
                                     const char  *location,
                                     GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return document_from_object (object, filename, location, 0, NULL, 0, error);
}

/* Reports a JSON-GLib error as "FILE:LINE: invalid JSON: …". Its message
 * reads "<data>:LINE:COLUMN: Parse error: …"; the prefix is reworded when
 * it has that shape, else the message is kept whole. */
static void
set_json_error (GError       **error,
                const char    *path,
                guint          first_line,
                const GError  *json_error)
{
  const char *detail = json_error->message;
  guint64 line = 1;
  guint64 column = 0;

  if (g_str_has_prefix (detail, "<data>:"))
    {
      char *end = NULL;
      guint64 l = g_ascii_strtoull (detail + strlen ("<data>:"), &end, 10);

      if (end != NULL && *end == ':')
        {
          guint64 c = g_ascii_strtoull (end + 1, &end, 10);

          if (end != NULL && *end == ':')
            {
              line = MAX (l, 1);
              column = c;
              detail = end + 1;
              while (*detail == ' ')
                detail++;
              if (g_str_has_prefix (detail, "Parse error: "))
                detail += strlen ("Parse error: ");
            }
        }
    }

  if (column > 0)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                 _("%s:%u: invalid JSON: %s (column %u)"),
                 path, (guint) (first_line + line - 1), detail, (guint) column);
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                 _("%s:%u: invalid JSON: %s"),
                 path, (guint) (first_line + line - 1), detail);
}

static guint
count_lines (const char *data,
             const char *end)
{
  guint n = 0;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        n++;
    }
  return n;
}

/* byline_import_check_utf8() decides; the error is reworded so that it
 * names FILE:LINE like every other error of this reader. */
static gboolean
check_utf8 (const char  *data,
            gsize        len,
            const char  *path,
            guint        first_line,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *end = NULL;
  const char *line_start;
  guint line;

  if (byline_import_check_utf8 (data, len, path, &local_error))
    return TRUE;

  g_utf8_validate_len (data, len, &end);
  line = first_line + count_lines (data, end);
  line_start = end;
  while (line_start > data && line_start[-1] != '\n')
    line_start--;

  if (end < data + len && *end == '\0')
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                 _("%s:%u: NUL byte at byte %u of the line: not a text file"),
                 path, line, (guint) (end - line_start + 1));
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                 _("%s:%u: invalid UTF-8 at byte %u of the line (byte 0x%02x)"),
                 path, line, (guint) (end - line_start + 1), (guint) (guchar) *end);
  return FALSE;
}

/* The end of the object or array that @data starts with (after blanks), or
 * NULL when it is incomplete or not one. Only brackets and strings are
 * tracked: JSON-GLib checks everything else. */
static const char *
find_value_end (const char *data,
                gsize       len)
{
  const char *p = skip_space (data, len);
  const char *end = data + len;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (p == end || (*p != '{' && *p != '['))
    return NULL;

  for (; p < end; p++)
    {
      if (in_string)
        {
          if (*p == '\\')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      switch (*p)
        {
        case '"':
          in_string = TRUE;
          break;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return p + 1;
          break;
        default:
          break;
        }
    }
  return NULL;
}

/* Parses one JSON value into reader->parser. JSON-GLib 1.6 accepts an
 * object or array followed by another one, drops the second silently and
 * leaks it: two pretty-printed records in one .json file would lose all but
 * the first. So only the first value is handed to it, and anything but
 * blanks after it is an error. */
static gboolean
parse_value (Reader      *reader,
             const char  *data,
             gsize        len,
             guint        first_line,
             GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  const char *end = find_value_end (data, len);
  const char *rest;

  /* JSON-GLib parses recursively: hostile nesting would overflow the
   * stack. */
  if (!_byline_json_check_depth (data, end != NULL ? (gsize) (end - data) : len, BYLINE_JSON_MAX_DEPTH))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s:%u: JSON nested deeper than %u levels"), reader->path, first_line,
                   BYLINE_JSON_MAX_DEPTH);
      return FALSE;
    }
  if (!json_parser_load_from_data (reader->parser, data,
                                   end != NULL ? end - data : (gssize) len,
                                   &json_error))
    {
      set_json_error (error, reader->path, first_line, json_error);
      return FALSE;
    }
  if (end == NULL)
    return TRUE;

  rest = skip_space (end, (gsize) (data + len - end));
  if (rest == data + len)
    return TRUE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
               _("%s:%u: invalid JSON: more content after the end of the first value"),
               reader->path, first_line + count_lines (data, rest));
  return FALSE;
}

static gboolean
emit (Reader          *reader,
      BylineDocument  *doc,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (reader->func (doc, reader->user_data, &local_error))
    return TRUE;

  if (local_error == NULL)
    local_error = g_error_new (BYLINE_ERROR, BYLINE_ERROR_FAILED,
                               _("%s: reading was stopped"), reader->path);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
read_line_record (Reader      *reader,
                  const char  *line,
                  gsize        len,
                  guint        lineno,
                  GError     **error)
{
  g_autoptr(BylineDocument) doc = NULL;
  g_autofree char *location = NULL;
  JsonNode *root;

  if (!check_utf8 (line, len, reader->path, lineno, error))
    return FALSE;
  if (!parse_value (reader, line, len, lineno, error))
    return FALSE;

  /* A line holding only a comment or a stray BOM parses to nothing. */
  root = json_parser_get_root (reader->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s:%u: expected a JSON object, got %s"),
                   reader->path, lineno, root != NULL ? describe_node (root) : _("nothing"));
      return FALSE;
    }

  reader->n_records++;
  location = g_strdup_printf (_("line %u"), lineno);
  doc = document_from_object (json_node_get_object (root), reader->path, location,
                              reader->several ? reader->n_records : 0,
                              line, len, error);
  if (doc == NULL)
    return FALSE;
  return emit (reader, doc, error);
}

/* The next line that is not blank, without its line end (LF or CRLF) and
 * without a byte order mark on line 1; *line is NULL at the end of file. */
static gboolean
next_record_line (GDataInputStream  *in,
                  const char        *path,
                  guint             *lineno,
                  char             **line,
                  gsize             *len,
                  GError           **error)
{
  *line = NULL;
  *len = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;
      gsize n = 0;

      text = g_data_input_stream_read_line (in, &n, NULL, &local_error);
      if (text == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                       _("%s:%u: cannot read: %s"),
                       path, *lineno + 1, local_error->message);
          return FALSE;
        }

      (*lineno)++;
      if (*lineno == 1)
        {
          gsize skip = byline_import_skip_bom (text, n);

          memmove (text, text + skip, n - skip + 1);
          n -= skip;
        }
      if (n > 0 && text[n - 1] == '\r')
        text[--n] = '\0';

      if (!is_blank (text, n))
        {
          *line = g_steal_pointer (&text);
          *len = n;
          return TRUE;
        }
    }
}

/* One object or an array of them, parsed as a whole. */
static gboolean
read_whole_file (Reader  *reader,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  const char *data;
  const char *first;
  gsize len = 0;
  gsize skip;
  JsonNode *root;

  if (!g_file_get_contents (reader->path, &contents, &len, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                   "%s: %s", reader->path, local_error->message);
      return FALSE;
    }
  if (!check_utf8 (contents, len, reader->path, 1, error))
    return FALSE;
  skip = byline_import_skip_bom (contents, len);
  data = contents + skip;

  if (!parse_value (reader, data, len - skip, 1, error))
    return FALSE;

  root = json_parser_get_root (reader->parser);
  if (root == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: empty file, expected a JSON object or an array of objects"),
                   reader->path);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autoptr(BylineDocument) doc = NULL;

      doc = document_from_object (json_node_get_object (root), reader->path, NULL, 0,
                                  contents, len, error);
      return doc != NULL && emit (reader, doc, error);
    }

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autoptr(BylineDocument) doc = NULL;
          g_autofree char *location = g_strdup_printf (_("record %u"), i + 1);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("%s: %s: expected a JSON object, got %s"),
                           reader->path, location, describe_node (element));
              return FALSE;
            }
          doc = document_from_object (json_node_get_object (element), reader->path, location,
                                      n > 1 ? i + 1 : 0, contents, len, error);
          if (doc == NULL || !emit (reader, doc, error))
            return FALSE;
        }
      return TRUE;
    }

  first = skip_space (data, len - skip);
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("%s:%u: expected a JSON object or an array of objects, got %s"),
               reader->path, 1 + count_lines (data, first), describe_node (root));
  return FALSE;
}

/**
 * byline_records_read_file:
 * @path: a file of article records
 * @func: (scope call): called with each document, in file order
 * @user_data: closure for @func
 * @error: set on an unreadable file, invalid JSON or UTF-8, a record that
 *   is not an article, or when @func stops reading
 *
 * Reads one JSON object, a JSON array of objects, or JSONL (one object a
 * line). A file starting with `[` is an array; a `.jsonl` or `.ndjson` file,
 * or one whose first line is a whole object with more after it, is JSONL;
 * anything else is parsed as one object. A byte order mark, CRLF line ends,
 * blank lines and a last line without a newline are accepted.
 *
 * JSONL is streamed: each line is parsed, turned into a document, handed to
 * @func and dropped before the next is read. Errors name the file and the
 * 1-based line. Records without an `id` of their own are named after the
 * file, with "-N" for the N-th record when the file holds several. Each
 * document's "import" metadata holds the checksum of its line (without the
 * line end), or of the whole file for an object or an array.
 *
 * Returns: %TRUE when every record was read and accepted by @func
 */
gboolean
byline_records_read_file (const char          *path,
                          BylineDocumentFunc   func,
                          gpointer             user_data,
                          GError             **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) file_in = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0;
  gsize second_len = 0;
  guint lineno = 0;
  guint first_line = 0;
  guint second_line = 0;
  gboolean line_mode;
  gboolean looked_ahead = FALSE;
  Reader reader = { 0, };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parser = json_parser_new ();
  reader.path = path;
  reader.func = func;
  reader.user_data = user_data;
  reader.parser = parser;

  file = g_file_new_for_path (path);
  file_in = g_file_read (file, NULL, &local_error);
  if (file_in == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }
  in = g_data_input_stream_new (G_INPUT_STREAM (file_in));
  /* CR is stripped by hand: NEWLINE_TYPE_ANY would also end a line on a
   * lone CR, and line numbers would no longer match other tools'. */
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_LF);

  if (!next_record_line (in, path, &lineno, &first, &first_len, error))
    return FALSE;
  first_line = lineno;

  /* An array is parsed whole; a .jsonl file is read by lines; otherwise
   * a first line holding a whole object, with more after it, is JSONL. */
  if (first != NULL && *skip_space (first, first_len) == '[')
    {
      line_mode = FALSE;
    }
  else if (g_str_has_suffix (path, ".jsonl") || g_str_has_suffix (path, ".ndjson"))
    {
      line_mode = TRUE;
    }
  else if (first != NULL && *skip_space (first, first_len) == '{' &&
           find_value_end (first, first_len) != NULL)
    {
      if (!next_record_line (in, path, &lineno, &second, &second_len, error))
        return FALSE;
      second_line = lineno;
      looked_ahead = TRUE;
      line_mode = second != NULL;
    }
  else
    {
      line_mode = FALSE;
    }

  if (!line_mode)
    {
      g_clear_object (&in);
      g_clear_object (&file_in);
      return read_whole_file (&reader, error);
    }
  if (first == NULL)
    return TRUE;

  /* Whether ids get a "-N" depends on there being a second record. */
  if (!looked_ahead)
    {
      if (!next_record_line (in, path, &lineno, &second, &second_len, error))
        return FALSE;
      second_line = lineno;
    }
  reader.several = second != NULL;

  if (!read_line_record (&reader, first, first_len, first_line, error))
    return FALSE;
  g_clear_pointer (&first, g_free);
  if (second == NULL)
    return TRUE;
  if (!read_line_record (&reader, second, second_len, second_line, error))
    return FALSE;
  g_clear_pointer (&second, g_free);

  for (;;)
    {
      g_autofree char *line = NULL;
      gsize len = 0;

      if (!next_record_line (in, path, &lineno, &line, &len, error))
        return FALSE;
      if (line == NULL)
        return TRUE;
      if (!read_line_record (&reader, line, len, lineno, error))
        return FALSE;
    }
}

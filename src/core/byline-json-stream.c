/* byline-json-stream.c: top-level JSON values of a file, one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The doccano and Label Studio readers read JSONL, objects spread over
 * lines, or one big array of tasks, one value at a time, so that memory
 * stays constant however large the file. JSON-GLib has no pull parser, so
 * this finds where each value starts and ends (strings, escapes and
 * bracket depth are enough), and JSON-GLib parses just that value.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-json-stream.h"

#define STREAM_BUFFER 65536

/* Finds where each top-level value of a file starts and ends without
 * parsing it: strings, escapes and bracket depth are enough. A file is a
 * sequence of values (JSONL, or objects spread over lines) or one array,
 * whose elements are then the values. Only the current value is kept, so
 * memory stays constant however large the file. */
struct _BylineJsonStream
{
  char     *path;
  FILE     *fp;
  char      buf[STREAM_BUFFER];
  gsize     pos;
  gsize     len;
  gboolean  eof;
  guint     line;          /* of the next byte */
  GString  *value;
  gboolean  started;       /* the first non-blank byte was seen */
  gboolean  array;         /* the file is one array */
  gboolean  closed;        /* its closing bracket was seen */
  guint     array_line;
  guint     n_values;
};

static int stream_peek (BylineJsonStream *self);

BylineJsonStream *
_byline_json_stream_open (const char  *path,
                          GError     **error)
{
  BylineJsonStream *self;
  FILE *fp = g_fopen (path, "rbe");

  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return NULL;
    }
  self = g_new0 (BylineJsonStream, 1);
  self->path = g_strdup (path);
  self->fp = fp;
  self->line = 1;
  self->value = g_string_sized_new (4096);
  /* A byte order mark is not part of the JSON. */
  if (stream_peek (self) == 0xEF && self->len >= 3 && memcmp (self->buf, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  return self;
}

void
_byline_json_stream_free (BylineJsonStream *self)
{
  if (self == NULL)
    return;
  if (self->fp != NULL)
    fclose (self->fp);
  g_string_free (self->value, TRUE);
  g_free (self->path);
  g_free (self);
}

gboolean
_byline_json_stream_is_array (BylineJsonStream *self)
{
  return self->array;
}

/* The next byte, or -1 at the end of the file (or on a read error, which
 * the caller finds with ferror()). */
static int
stream_peek (BylineJsonStream *self)
{
  if (self->pos < self->len)
    return (guchar) self->buf[self->pos];
  if (self->eof)
    return -1;
  self->len = fread (self->buf, 1, sizeof self->buf, self->fp);
  self->pos = 0;
  if (self->len == 0)
    {
      self->eof = TRUE;
      return -1;
    }
  return (guchar) self->buf[0];
}

static void
stream_advance (BylineJsonStream *self,
                int               c)
{
  self->pos++;
  if (c == '\n')
    self->line++;
}

static gboolean
stream_read_error (BylineJsonStream  *self,
                   GError           **error)
{
  if (!ferror (self->fp))
    return FALSE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: read error"), self->path);
  return TRUE;
}

static gboolean
is_blank (int c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
stream_skip_blanks (BylineJsonStream *self)
{
  int c;

  while ((c = stream_peek (self)) >= 0 && is_blank (c))
    stream_advance (self, c);
  return c;
}

static char *
describe_byte (int c)
{
  if (c >= 0x21 && c < 0x7f)
    return g_strdup_printf ("“%c”", c);
  return g_strdup_printf (_("byte 0x%02x"), (guint) c);
}

/* Appends one value that starts at the current byte to self->value. */
static gboolean
stream_read_value (BylineJsonStream  *self,
                   guint              start_line,
                   GError           **error)
{
  int c = stream_peek (self);
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean escape = FALSE;

  if (c != '{' && c != '[' && c != '"')
    {
      /* A bare number, true, false or null: up to the next delimiter. */
      while ((c = stream_peek (self)) >= 0 && !is_blank (c) && c != ',' &&
             c != ']' && c != '}' && c != '[' && c != '{')
        {
          g_string_append_c (self->value, (char) c);
          stream_advance (self, c);
        }
      return TRUE;
    }

  while ((c = stream_peek (self)) >= 0)
    {
      /* Copy the run of bytes that cannot change the state at once. */
      if (in_string && !escape)
        {
          const char *p = self->buf + self->pos;
          const char *end = self->buf + self->len;
          const char *q = p;

          while (q < end && *q != '"' && *q != '\\' && *q != '\n')
            q++;
          if (q > p)
            {
              g_string_append_len (self->value, p, q - p);
              self->pos += q - p;
              continue;
            }
        }
      g_string_append_c (self->value, (char) c);
      stream_advance (self, c);
      if (in_string)
        {
          if (escape)
            escape = FALSE;
          else if (c == '\\')
            escape = TRUE;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                return TRUE;
            }
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > BYLINE_JSON_MAX_DEPTH)
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                           _("%s:%u: the JSON value that starts here is nested more than %d levels deep"),
                           self->path, start_line, BYLINE_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        {
          if (--depth == 0)
            return TRUE;
        }
    }
  if (stream_read_error (self, error))
    return FALSE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
               _("%s:%u: the JSON value that starts here is not closed at the end of the file (truncated?)"),
               self->path, start_line);
  return FALSE;
}

/* Finds the next top-level value: @data and @len are valid until the next
 * call, @line is the line it starts on. Returns %FALSE at the end of the
 * file (@error unset) or on an error. */
gboolean
_byline_json_stream_next (BylineJsonStream  *self,
                          const char       **data,
                          gsize             *len,
                          guint             *line,
                          GError           **error)
{
  int c;

  g_string_truncate (self->value, 0);
  c = stream_skip_blanks (self);
  if (!self->started && c >= 0)
    {
      self->started = TRUE;
      if (c == '[')
        {
          self->array = TRUE;
          self->array_line = self->line;
          stream_advance (self, c);
          c = stream_skip_blanks (self);
          if (c == ']')
            {
              stream_advance (self, c);
              self->closed = TRUE;
              c = stream_skip_blanks (self);
            }
        }
    }
  else if (self->array && !self->closed && self->n_values > 0)
    {
      /* Between two elements of the array. */
      if (c == ',')
        {
          stream_advance (self, c);
          c = stream_skip_blanks (self);
          if (c == ']')
            {
              g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                           _("%s:%u: “,” before “]”: an element is missing"),
                           self->path, self->line);
              return FALSE;
            }
        }
      else if (c == ']')
        {
          stream_advance (self, c);
          self->closed = TRUE;
          c = stream_skip_blanks (self);
        }
      else if (c >= 0)
        {
          g_autofree char *what = describe_byte (c);

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                       _("%s:%u: expected “,” or “]” after an element of the array, found %s"),
                       self->path, self->line, what);
          return FALSE;
        }
    }

  if (c < 0)
    {
      if (stream_read_error (self, error))
        return FALSE;
      if (self->array && !self->closed)
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                       _("%s:%u: the array that starts here is not closed with “]” at the end of the file (truncated?)"),
                       self->path, self->array_line);
          return FALSE;
        }
      return FALSE;
    }
  if (self->array && self->closed)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s:%u: text after the end of the array"), self->path, self->line);
      return FALSE;
    }
  if (c == ',' || c == ']' || c == '}')
    {
      g_autofree char *what = describe_byte (c);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s:%u: unexpected %s where a JSON value should start"),
                   self->path, self->line, what);
      return FALSE;
    }

  *line = self->line;
  if (!stream_read_value (self, *line, error))
    return FALSE;
  self->n_values++;
  *data = self->value->str;
  *len = self->value->len;
  return TRUE;
}

/* Parses one value found by the stream; errors name the file, the line
 * of the file where JSON-GLib stopped and @context ("task 3"), if any. */
gboolean
_byline_json_stream_parse (JsonParser  *parser,
                           const char  *path,
                           const char  *context,
                           const char  *data,
                           gsize        len,
                           guint        line,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *bad = NULL;
  guint where, column;
  int consumed = 0;

  g_autofree char *prefix = context != NULL ? g_strconcat (context, ": ", NULL) : g_strdup ("");

  if (!g_utf8_validate_len (data, len, &bad))
    {
      where = line;
      for (const char *p = data; p < bad; p++)
        {
          if (*p == '\n')
            where++;
        }
      if ((gsize) (bad - data) < len && *bad == '\0')
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                     _("%s:%u: %sNUL byte: not a text file"), path, where, prefix);
      else
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                     _("%s:%u: %sinvalid UTF-8 (byte 0x%02x)"), path, where, prefix,
                     (guint) (guchar) *bad);
      return FALSE;
    }
  if (json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    return TRUE;
  if (sscanf (local_error->message, "<data>:%u:%u: Parse error: %n", &where, &column, &consumed) == 2 &&
      consumed > 0)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE, _("%s:%u: %sinvalid JSON (column %u): %s"),
                 path, line + where - 1, prefix, column, local_error->message + consumed);
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE, _("%s:%u: %sinvalid JSON: %s"),
                 path, line, prefix, local_error->message);
  return FALSE;
}

/**
 * _byline_json_check_depth:
 *
 * Returns: %TRUE when the JSON text @data nests no deeper than
 *   @max_depth (strings are skipped; the text need not be valid JSON)
 */
gboolean
_byline_json_check_depth (const char *data,
                          gsize       len,
                          guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

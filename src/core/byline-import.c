/* byline-import.c: plain text import and helpers shared by importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-import.h"

/**
 * byline_import_check_utf8:
 * @data: bytes
 * @len: their length
 * @filename: (nullable): named in the error
 * @error: set when @data is not valid UTF-8 or holds a NUL byte
 *
 * Returns: %TRUE when @data is valid UTF-8; otherwise the error names the
 *   byte offset of the first bad byte and its line
 */
gboolean
byline_import_check_utf8 (const char  *data,
                          gsize        len,
                          const char  *filename,
                          GError     **error)
{
  const char *end = NULL;
  gsize bad;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  bad = (gsize) (end - data);
  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        line++;
    }
  if (bad < len && data[bad] == '\0')
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                 _("%s: NUL byte at byte offset %lu (line %u): not a text file"),
                 filename ? filename : "<input>", (unsigned long) bad, line);
  else
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                 _("%s: invalid UTF-8 at byte offset %lu (line %u, byte 0x%02x)"),
                 filename ? filename : "<input>", (unsigned long) bad, line,
                 (guint) (guchar) data[bad]);
  return FALSE;
}

/**
 * byline_import_skip_bom:
 *
 * Returns: 3 when @data starts with a UTF-8 byte order mark, else 0
 */
gsize
byline_import_skip_bom (const char *data,
                        gsize       len)
{
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return 3;
  return 0;
}

/**
 * byline_import_foreach_line:
 * @path: a JSON Lines file
 * @func: called for each line that is not blank
 *
 * Reads @path a line at a time (a corpus is never held whole), skipping
 * the byte order mark of the first line, trailing white space and blank
 * lines, and refusing a line that is not UTF-8, with its place.
 *
 * Returns: whether every line was read and @func never stopped
 */
gboolean
byline_import_foreach_line (const char     *path,
                            BylineLineFunc  func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autofree char *line = NULL;
  size_t cap = 0;
  gssize n;
  guint lineno = 0;
  gboolean ok = TRUE;
  FILE *fp;

  fp = g_fopen (path, "rbe");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  while (ok && (n = getline (&line, &cap, fp)) >= 0)
    {
      g_autofree char *where = NULL;
      char *text = line;
      gsize len = (gsize) n;

      lineno++;
      if (lineno == 1)
        {
          gsize skip = byline_import_skip_bom (text, len);

          text += skip;
          len -= skip;
        }
      while (len > 0 && g_ascii_isspace (text[len - 1]))
        len--;
      if (len == 0)
        continue;
      where = g_strdup_printf ("%s:%u", path, lineno);
      ok = byline_import_check_utf8 (text, len, where, error) &&
           func (text, len, lineno, where, user_data, error);
    }
  if (ok && ferror (fp))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: read error"), path);
      ok = FALSE;
    }
  fclose (fp);
  return ok;
}

/**
 * byline_import_document_id:
 * @filename: (nullable): a path
 *
 * Returns: (transfer full): the file's base name without its extensions
 *   ("blinken-china-nbc" for "a/blinken-china-nbc.byline.json"), or "doc"
 */
char *
byline_import_document_id (const char *filename)
{
  g_autofree char *base = NULL;
  char *dot;

  if (filename == NULL || *filename == '\0')
    return g_strdup ("doc");
  base = g_path_get_basename (filename);
  /* Strip every extension but keep a leading dot file's name. */
  dot = strchr (base + 1, '.');
  if (dot != NULL)
    *dot = '\0';
  if (*base == '\0' || strcmp (base, ".") == 0 || strcmp (base, G_DIR_SEPARATOR_S) == 0)
    return g_strdup ("doc");
  return g_steal_pointer (&base);
}

/**
 * byline_describe_json_error:
 * @error: an error from JsonParser
 *
 * JSON-GLib names the input "<data>" and says "Parse error"; Byline's
 * messages already name the file, so keep the position and the reason.
 *
 * Returns: (transfer full): "line 3, column 12: unexpected character"
 */
char *
byline_describe_json_error (const GError *error)
{
  const char *msg = error->message;
  guint line, column;
  int consumed = 0;

  if (sscanf (msg, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 && consumed > 0)
    return g_strdup_printf (_("line %u, column %u: %s"), line, column, msg + consumed);
  if (sscanf (msg, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    return g_strdup_printf (_("line %u, column %u: %s"), line, column, msg + consumed);
  return g_strdup (msg);
}

/**
 * byline_describe_io_error:
 * @error: an error from GLib's file functions
 *
 * GLib's messages repeat the file name and the system call; a user needs
 * only the reason, after the file name Byline prints anyway.
 *
 * Returns: (transfer full): "no such file", "permission denied"…
 */
char *
byline_describe_io_error (const GError *error)
{
  if (error->domain == G_FILE_ERROR)
    {
      switch (error->code)
        {
        case G_FILE_ERROR_NOENT:
          return g_strdup (_("no such file"));
        case G_FILE_ERROR_ACCES:
        case G_FILE_ERROR_PERM:
          return g_strdup (_("permission denied"));
        case G_FILE_ERROR_ISDIR:
          return g_strdup (_("is a directory"));
        default:
          break;
        }
    }
  return g_strdup (error->message);
}

/**
 * byline_import_record_source:
 * @document: the imported document
 * @filename: (nullable): the file it came from
 * @format: the importer's format name
 * @data: the bytes read
 * @len: their length
 *
 * Records where a document came from in its metadata under "import":
 * `{"file": "name.html", "format": "html", "sha256": "…"}`, so that a
 * researcher can always tell which exact file an annotation set belongs to.
 */
void
byline_import_record_source (BylineDocument *document,
                             const char     *filename,
                             const char     *format,
                             const char     *data,
                             gsize           len)
{
  g_autoptr(JsonObject) obj = json_object_new ();
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  if (filename != NULL)
    {
      g_autofree char *base = g_path_get_basename (filename);
      json_object_set_string_member (obj, "file", base);
    }
  json_object_set_string_member (obj, "format", format);
  json_object_set_string_member (obj, "sha256", sum);
  json_node_set_object (node, obj);
  byline_document_set_meta (document, "import", node);
}

/**
 * byline_text_import:
 * @data: the file's bytes
 * @len: their length
 * @filename: (nullable): named in errors and used for the id
 * @error: set on invalid UTF-8
 *
 * Plain text is kept exactly as stored (CRLF too); only a leading byte
 * order mark is dropped, since it is not part of the text.
 *
 * Returns: (transfer full) (nullable): the document
 */
BylineDocument *
byline_text_import (const char  *data,
                    gsize        len,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(BylineDocument) doc = NULL;
  g_autofree char *id = NULL;
  gsize skip;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  /* Check the whole file so that a bad byte's offset is the one in it. */
  if (!byline_import_check_utf8 (data, len, filename, error))
    return NULL;
  skip = byline_import_skip_bom (data, len);

  doc = byline_document_new ();
  if (!byline_document_set_text (doc, data + skip, len - skip, error))
    return NULL;
  id = byline_import_document_id (filename);
  byline_document_set_id (doc, id);
  byline_import_record_source (doc, filename, "text", data, len);
  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

/* byline-format-builtin.c: Byline's own formats and plain articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formats registered in byline-format.c that belong to no other tool:
 * native documents (.byline.json), JSONL corpora of them or of article
 * records, plain text, saved web pages and JSON article records.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-import.h"
#include "byline-json-stream.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-native-scan.h"
#include "byline-relation.h"

/* ---- Reading helpers -------------------------------------------------- */

static gboolean
read_whole_file (const char  *path,
                 GMappedFile **mapped,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  *mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (*mapped == NULL)
    {
      g_autofree char *why = byline_describe_io_error (local_error);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, why);
      return FALSE;
    }
  return TRUE;
}

/* Passes a reader's warnings on, prefixed with @location ("line 12"). */
static void
copy_warnings (BylineProblems *from,
               const char     *location,
               BylineProblems *to)
{
  if (to == NULL)
    return;
  for (guint i = 0; i < byline_problems_get_n (from); i++)
    {
      const BylineProblem *p = byline_problems_get (from, i);
      g_autofree char *where = NULL;

      if (p->severity != BYLINE_SEVERITY_WARNING)
        continue;
      if (location != NULL && p->location != NULL)
        where = g_strdup_printf ("%s: %s", location, p->location);
      else
        where = g_strdup (location != NULL ? location : p->location);
      byline_problems_add (to, p->severity, p->code, where, "%s", p->message);
    }
}

static gboolean
emit_document (BylineDocument     *doc,
               BylineDocumentFunc  func,
               gpointer            user_data,
               GError            **error)
{
  if (doc == NULL)
    return FALSE;
  return func (doc, user_data, error);
}

static gboolean
read_native (const BylineFormat  *format,
             const char          *path,
             const BylineFormatOptions *options,
             BylineProblems      *warnings,
             BylineDocumentFunc   func,
             gpointer             user_data,
             GError             **error)
{
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, problems, error);

  copy_warnings (problems, NULL, warnings);
  return emit_document (doc, func, user_data, error);
}

typedef BylineDocument *(*ImportFunc) (const char  *data,
                                       gsize        len,
                                       const char  *filename,
                                       GError     **error);

/* Whole-file importers: one document from a file's bytes. */
static gboolean
read_with (ImportFunc          import,
           const char         *path,
           BylineDocumentFunc  func,
           gpointer            user_data,
           GError            **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(BylineDocument) doc = NULL;
  const char *data;

  if (!read_whole_file (path, &mapped, error))
    return FALSE;
  /* An empty file maps to NULL. */
  data = g_mapped_file_get_contents (mapped);
  doc = import (data ? data : "", g_mapped_file_get_length (mapped), path, error);
  return emit_document (doc, func, user_data, error);
}

static gboolean
read_text (const BylineFormat  *format,
           const char          *path,
           const BylineFormatOptions *options,
           BylineProblems      *warnings,
           BylineDocumentFunc   func,
           gpointer             user_data,
           GError             **error)
{
  return read_with (byline_text_import, path, func, user_data, error);
}

static gboolean
read_html (const BylineFormat  *format,
           const char          *path,
           const BylineFormatOptions *options,
           BylineProblems      *warnings,
           BylineDocumentFunc   func,
           gpointer             user_data,
           GError             **error)
{
  return read_with (byline_html_import, path, func, user_data, error);
}

/* A .json file is an article record (or a list of them), or a native
 * document saved under a plain .json name. */
static gboolean
read_json (const BylineFormat  *format,
           const char          *path,
           const BylineFormatOptions *options,
           BylineProblems      *warnings,
           BylineDocumentFunc   func,
           gpointer             user_data,
           GError             **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *data;
  gsize len;
  JsonNode *root;

  if (!read_whole_file (path, &mapped, error))
    return FALSE;
  data = g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);
  len -= byline_import_skip_bom (data, len);
  data += g_mapped_file_get_length (mapped) - len;
  if (len > 0 && g_utf8_validate_len (data, len, NULL) &&
      _byline_json_check_depth (data, len, BYLINE_JSON_MAX_DEPTH) &&
      json_parser_load_from_data (parser, data, (gssize) len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root) &&
      byline_native_is_document (json_node_get_object (root)))
    {
      g_autoptr(BylineProblems) problems = byline_problems_new ();
      g_autoptr(BylineDocument) doc =
        byline_native_from_object (json_node_get_object (root), path, NULL, problems, error);

      copy_warnings (problems, NULL, warnings);

      return emit_document (doc, func, user_data, error);
    }
  return byline_records_read_file (path, func, user_data, error);
}

/* A document without an id of its own is FILE-LINE ("corpus-12"). */
static void
ensure_line_id (BylineDocument *doc,
                const char     *path,
                guint           lineno)
{
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;

  if (byline_document_get_id (doc) != NULL)
    return;
  base = byline_import_document_id (path);
  id = g_strdup_printf ("%s-%u", base, lineno);
  byline_document_set_id (doc, id);
}

typedef struct
{
  JsonParser         *parser;
  const char         *path;
  BylineProblems     *warnings;
  BylineDocumentFunc  func;
  gpointer            user_data;
} JsonlReader;

static gboolean
read_jsonl_line (const char  *text,
                 gsize        len,
                 guint        lineno,
                 const char  *where,
                 gpointer     user_data,
                 GError     **error)
{
  JsonlReader *r = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineDocument) doc = NULL;
  g_autofree char *location = g_strdup_printf ("line %u", lineno);
  JsonNode *root;

  /* A good native line is read by the scanner straight from the text
   * (six times faster than building JSON-GLib's tree and walking it);
   * anything else, it declines, and the tree path below reads it. */
  {
    g_autoptr(BylineProblems) problems = byline_problems_new ();

    doc = _byline_native_scan (text, len, NULL, problems);
    if (doc != NULL)
      {
        copy_warnings (problems, location, r->warnings);
        ensure_line_id (doc, r->path, lineno);
        return emit_document (doc, r->func, r->user_data, error);
      }
  }
  /* JSON-GLib parses recursively: hostile nesting would overflow the
   * stack. */
  if (!_byline_json_check_depth (text, len, BYLINE_JSON_MAX_DEPTH))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("%s: JSON nested deeper than %u levels"), where, BYLINE_JSON_MAX_DEPTH);
      return FALSE;
    }
  if (!json_parser_load_from_data (r->parser, text, (gssize) len, &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE, _("%s: invalid JSON: %s"),
                   where, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (r->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: expected a JSON object on each line"), where);
      return FALSE;
    }
  if (byline_native_is_document (json_node_get_object (root)))
    {
      g_autoptr(BylineProblems) problems = byline_problems_new ();

      doc = byline_native_from_object (json_node_get_object (root), where, NULL, problems, error);
      copy_warnings (problems, location, r->warnings);
      if (doc != NULL)
        ensure_line_id (doc, r->path, lineno);
    }
  else
    {
      doc = byline_records_document_from_object (json_node_get_object (root), r->path,
                                                 location, error);
      if (doc != NULL)
        {
          ensure_line_id (doc, r->path, lineno);
          /* The record's own line is what this document came from. */
          byline_import_record_source (doc, r->path, "json", text, len);
          byline_document_mark_loaded (doc);
        }
    }
  return emit_document (doc, r->func, r->user_data, error);
}

/* JSONL: one document a line, native or an article record, streamed. */
static gboolean
read_jsonl (const BylineFormat  *format,
            const char          *path,
            const BylineFormatOptions *options,
            BylineProblems      *warnings,
            BylineDocumentFunc   func,
            gpointer             user_data,
            GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonlReader r = { parser, path, warnings, func, user_data };

  return byline_import_foreach_line (path, read_jsonl_line, &r, error);
}
/* ---- Writers ---------------------------------------------------------- */

static gboolean
refuse_second (BylineWriter  *writer,
               GError       **error)
{
  if (byline_writer_get_n_written (writer) == 0)
    return TRUE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("%s: the %s format holds one document; write a corpus to a .jsonl file or a directory"),
               byline_writer_get_path (writer), byline_writer_get_format (writer)->name);
  return FALSE;
}

static gboolean
write_native (BylineWriter    *writer,
              BylineDocument  *doc,
              GError         **error)
{
  g_autofree char *data = NULL;
  gsize len;

  if (!refuse_second (writer, error))
    return FALSE;
  data = byline_native_to_string (doc, &len);
  return byline_writer_write_bytes (writer, data, len, error);
}

static gboolean
write_jsonl (BylineWriter    *writer,
             BylineDocument  *doc,
             GError         **error)
{
  GString *out = g_string_sized_new (byline_document_get_text_bytes (doc) * 2 + 1024);
  gboolean ok;

  byline_native_append (doc, TRUE, out);
  g_string_append_c (out, '\n');
  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

/* Plain text and article records hold the article alone: its
 * annotations and relations are counted as not held. */
static void
lose_annotations (BylineWriter   *writer,
                  BylineDocument *doc)
{
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    byline_writer_lose (writer, N_("annotations"),
                        byline_annotation_get_label (byline_document_get_annotation (doc, i)), 1);
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    byline_writer_lose (writer, N_("relations"),
                        byline_relation_get_relation_type (byline_document_get_relation (doc, i)), 1);
}

static gboolean
write_text (BylineWriter    *writer,
            BylineDocument  *doc,
            GError         **error)
{
  if (!refuse_second (writer, error))
    return FALSE;
  lose_annotations (writer, doc);
  return byline_writer_write_bytes (writer, byline_document_get_text (doc),
                                   byline_document_get_text_bytes (doc), error);
}

/* An article record: the metadata and the text, no annotations. */
static gboolean
write_record (BylineWriter    *writer,
              BylineDocument  *doc,
              GError         **error)
{
  static const char * const order[] = {
    "id", "title", "source", "url", "published", "authors", "language", "text", NULL
  };
  g_autoptr(JsonObject) obj = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  GString *out;
  gboolean ok;

  if (!refuse_second (writer, error))
    return FALSE;
  lose_annotations (writer, doc);
  json_object_iter_init (&iter, byline_document_get_meta (doc));
  while (json_object_iter_next (&iter, &key, &value))
    json_object_set_member (obj, key, json_node_copy (value));
  if (byline_document_get_id (doc) != NULL)
    json_object_set_string_member (obj, "id", byline_document_get_id (doc));
  json_object_set_string_member (obj, "text", byline_document_get_text (doc));
  out = g_string_new (NULL);
  byline_json_append_object (out, obj, order);
  g_string_append_c (out, '\n');
  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

static const BylineWriterClass native_class = { write_native, NULL, NULL };
static const BylineWriterClass jsonl_class = { write_jsonl, NULL, NULL };
static const BylineWriterClass text_class = { write_text, NULL, NULL };
static const BylineWriterClass record_class = { write_record, NULL, NULL };

static BylineWriter *
open_native (const BylineFormat *format, const char *path, const BylineFormatOptions *options, GError **error)
{
  return byline_writer_new_file (format, path, options, TRUE, &native_class, NULL, error);
}

static BylineWriter *
open_jsonl (const BylineFormat *format, const char *path, const BylineFormatOptions *options, GError **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &jsonl_class, NULL, error);
}

static BylineWriter *
open_text (const BylineFormat *format, const char *path, const BylineFormatOptions *options, GError **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &text_class, NULL, error);
}

static BylineWriter *
open_record (const BylineFormat *format, const char *path, const BylineFormatOptions *options, GError **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &record_class, NULL, error);
}

/* ---- The formats ------------------------------------------------------ */

static const char * const native_ext[] = { ".byline.json", NULL };
static const char * const jsonl_ext[] = { ".byline.jsonl", ".jsonl", ".ndjson", NULL };
static const char * const text_ext[] = { ".txt", ".text", NULL };
static const char * const html_ext[] = { ".html", ".htm", ".xhtml", NULL };
static const char * const json_ext[] = { ".json", NULL };

const BylineFormat byline_format_native =
  { "byline", N_("Byline document (.byline.json)"), native_ext, FALSE, FALSE, read_native, open_native };
const BylineFormat byline_format_jsonl =
  { "jsonl", N_("Byline corpus, one document a line (.jsonl); reads article records too"),
    jsonl_ext, TRUE, FALSE, read_jsonl, open_jsonl };
const BylineFormat byline_format_text =
  { "text", N_("Plain text article (.txt)"), text_ext, FALSE, FALSE, read_text, open_text };
const BylineFormat byline_format_html =
  { "html", N_("Saved news web page (.html)"), html_ext, FALSE, FALSE, read_html, NULL };
const BylineFormat byline_format_json =
  { "json", N_("JSON article record: trafilatura, newspaper3k, news-please (.json)"),
    json_ext, FALSE, FALSE, read_json, open_record };

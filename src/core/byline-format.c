/* byline-format.c: the registry of file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Readers push documents to a callback as they read them and writers take
 * them one at a time, so converting a corpus of any size holds one
 * document in memory at a time.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-atomic.h"
#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-import.h"
#include "byline-json-stream.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-native-scan.h"
#include "byline-relation.h"

struct _BylineWriter
{
  const BylineFormat      *format;
  BylineFormatOptions      options;
  BylineAtomicFile        *file;      /* NULL for a custom writer */
  char                    *path;
  guint                    n_written;
  gboolean                 backup;
  const BylineWriterClass *klass;
  gpointer                 data;
};

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
  g_autofree char *line = NULL;
  size_t cap = 0;
  gssize n;
  guint lineno = 0;
  FILE *fp;
  gboolean ok = TRUE;

  fp = g_fopen (path, "rbe");
  if (fp == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  while (ok && (n = getline (&line, &cap, fp)) >= 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(BylineDocument) doc = NULL;
      g_autofree char *where = NULL;
      char *text = line;
      gsize len = (gsize) n;
      JsonNode *root;

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
      if (!byline_import_check_utf8 (text, len, where, error))
        {
          ok = FALSE;
          break;
        }
      /* A good native line is read by the scanner straight from the text
       * (six times faster than building JSON-GLib's tree and walking it);
       * anything else, it declines, and the tree path below reads it. */
      {
        g_autoptr(BylineProblems) problems = byline_problems_new ();

        doc = _byline_native_scan (text, len, NULL, problems);
        if (doc != NULL)
          {
            g_autofree char *location = g_strdup_printf ("line %u", lineno);

            copy_warnings (problems, location, warnings);
            ensure_line_id (doc, path, lineno);
            ok = emit_document (doc, func, user_data, error);
            continue;
          }
      }
      /* JSON-GLib parses recursively: hostile nesting would overflow the
       * stack. */
      if (!_byline_json_check_depth (text, len, BYLINE_JSON_MAX_DEPTH))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                       _("%s: JSON nested deeper than %u levels"), where, BYLINE_JSON_MAX_DEPTH);
          ok = FALSE;
          break;
        }
      if (!json_parser_load_from_data (parser, text, (gssize) len, &local_error))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE, _("%s: invalid JSON: %s"),
                       where, local_error->message);
          ok = FALSE;
          break;
        }
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                       _("%s: expected a JSON object on each line"), where);
          ok = FALSE;
          break;
        }
      if (byline_native_is_document (json_node_get_object (root)))
        {
          g_autoptr(BylineProblems) problems = byline_problems_new ();
          g_autofree char *location = g_strdup_printf ("line %u", lineno);

          doc = byline_native_from_object (json_node_get_object (root), where, NULL, problems, error);
          copy_warnings (problems, location, warnings);
          if (doc != NULL)
            ensure_line_id (doc, path, lineno);
        }
      else
        {
          g_autofree char *location = g_strdup_printf ("line %u", lineno);
          doc = byline_records_document_from_object (json_node_get_object (root), path,
                                                     location, error);
          if (doc != NULL)
            {
              ensure_line_id (doc, path, lineno);
              /* The record's own line is what this document came from. */
              byline_import_record_source (doc, path, "json", text, len);
              byline_document_mark_loaded (doc);
            }
        }
      ok = emit_document (doc, func, user_data, error);
    }
  if (ok && ferror (fp))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: read error"), path);
      ok = FALSE;
    }
  fclose (fp);
  return ok;
}

/* ---- Writers ---------------------------------------------------------- */

static gboolean
refuse_second (BylineWriter  *writer,
               GError       **error)
{
  if (writer->n_written == 0)
    return TRUE;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
               _("%s: the %s format holds one document; write a corpus to a .jsonl file or a directory"),
               writer->path, writer->format->name);
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

/* ---- The registry ----------------------------------------------------- */

static const char * const native_ext[] = { ".byline.json", NULL };
static const char * const jsonl_ext[] = { ".byline.jsonl", ".jsonl", ".ndjson", NULL };
static const char * const text_ext[] = { ".txt", ".text", NULL };
static const char * const html_ext[] = { ".html", ".htm", ".xhtml", NULL };
static const char * const json_ext[] = { ".json", NULL };

static const BylineFormat format_byline =
  { "byline", N_("Byline document (.byline.json)"), native_ext, FALSE, FALSE, read_native, open_native };
static const BylineFormat format_jsonl =
  { "jsonl", N_("Byline corpus, one document a line (.jsonl); reads article records too"),
    jsonl_ext, TRUE, FALSE, read_jsonl, open_jsonl };
static const BylineFormat format_text =
  { "text", N_("Plain text article (.txt)"), text_ext, FALSE, FALSE, read_text, open_text };
static const BylineFormat format_html =
  { "html", N_("Saved news web page (.html)"), html_ext, FALSE, FALSE, read_html, NULL };
static const BylineFormat format_json =
  { "json", N_("JSON article record: trafilatura, newspaper3k, news-please (.json)"),
    json_ext, FALSE, FALSE, read_json, open_record };

/* In the order --list-formats and the dialogs show them. */
static const BylineFormat * const formats[] = {
  &format_byline,
  &format_jsonl,
  &format_text,
  &format_html,
  &format_json,
  &byline_format_brat,
  &byline_format_spacy,
  &byline_format_doccano,
  &byline_format_labelstudio,
  &byline_format_conll,
  &byline_format_hf,
  NULL
};

/**
 * byline_formats_list:
 *
 * Returns: (transfer none) (array zero-terminated=1): every format
 */
const BylineFormat * const *
byline_formats_list (void)
{
  return formats;
}

/**
 * byline_format_lookup:
 *
 * Returns: (nullable): the format called @name ("byline", "text"…)
 */
const BylineFormat *
byline_format_lookup (const char *name)
{
  for (guint i = 0; name != NULL && formats[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (formats[i]->name, name) == 0)
        return formats[i];
    }
  return NULL;
}

/**
 * byline_format_for_path:
 *
 * Returns: (nullable): the format whose extension @path has; the longest
 *   matching extension wins (".byline.json" over ".json")
 */
const BylineFormat *
byline_format_for_path (const char *path)
{
  const BylineFormat *best = NULL;
  gsize best_len = 0;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      for (guint j = 0; formats[i]->extensions[j] != NULL; j++)
        {
          const char *ext = formats[i]->extensions[j];
          gsize len = strlen (ext);

          if (len > best_len && g_str_has_suffix (lower, ext))
            {
              best = formats[i];
              best_len = len;
            }
        }
    }
  return best;
}

gboolean
byline_format_can_read (const BylineFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);
  return format->read != NULL;
}

gboolean
byline_format_can_write (const BylineFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);
  return format->writer_open != NULL;
}

/* ---- Reading and writing through the registry ------------------------ */

typedef struct
{
  const BylineFormat *format;
  char               *origin;
  BylineDocumentFunc  func;
  gpointer            user_data;
} AsSuggestions;

/* Turns a document's manual annotations into suggestions to review. Spans
 * that the format itself marked (Label Studio predictions, Prodigy
 * rejects) keep what the format said. The document is fresh from a
 * reader, so this is not an edit: its history starts after it. */
static gboolean
make_suggestions (BylineDocument  *document,
                  gpointer         user_data,
                  GError         **error)
{
  AsSuggestions *state = user_data;
  gboolean modified = byline_document_get_modified (document);
  guint n = byline_document_get_n_annotations (document);

  for (guint i = 0; i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (document, i);
      g_autoptr(BylineAnnotation) copy = NULL;

      if (byline_annotation_get_status (a) != BYLINE_STATUS_MANUAL)
        continue;
      copy = byline_annotation_copy (a);
      byline_annotation_set_status (copy, BYLINE_STATUS_SUGGESTED);
      if (byline_annotation_get_origin (copy) == NULL)
        byline_annotation_set_origin (copy, state->origin);
      if (!byline_document_replace_annotation (document, byline_annotation_get_id (a), copy, error))
        return FALSE;
    }
  if (!modified)
    byline_document_mark_loaded (document);
  return state->func (document, state->user_data, error);
}

/**
 * byline_format_read:
 * @options: (nullable): %NULL for the defaults
 *
 * Reads @path with @format, calling @func for every document. With
 * @options->as_suggestions, every span the format does not mark itself
 * becomes a suggestion with origin "import:FORMAT".
 *
 * Returns: %TRUE when the whole file was read
 */
gboolean
byline_format_read (const BylineFormat        *format,
                    const char                *path,
                    const BylineFormatOptions *options,
                    BylineProblems            *warnings,
                    BylineDocumentFunc         func,
                    gpointer                   user_data,
                    GError                   **error)
{
  static const BylineFormatOptions defaults = { 0 };
  AsSuggestions state;
  gboolean ok;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (format->read == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_FORMAT,
                   _("%s: Byline cannot read the %s format"), path, format->name);
      return FALSE;
    }
  if (options == NULL)
    options = &defaults;
  if (!options->as_suggestions)
    return format->read (format, path, options, warnings, func, user_data, error);

  state.format = format;
  state.origin = g_strconcat ("import:", format->name, NULL);
  state.func = func;
  state.user_data = user_data;
  ok = format->read (format, path, options, warnings, make_suggestions, &state, error);
  g_free (state.origin);
  return ok;
}

/**
 * byline_format_open_writer:
 * @options: (nullable): %NULL for the defaults; borrowed until the writer
 *   is freed
 *
 * Returns: (transfer full) (nullable): a writer for @path
 */
BylineWriter *
byline_format_open_writer (const BylineFormat        *format,
                           const char                *path,
                           const BylineFormatOptions *options,
                           GError                   **error)
{
  static const BylineFormatOptions defaults = { 0 };

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (format->writer_open == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_FORMAT,
                   _("%s: Byline cannot write the %s format"), path, format->name);
      return NULL;
    }
  return format->writer_open (format, path, options ? options : &defaults, error);
}

/**
 * byline_format_layer_for_label:
 * @options: (nullable): the reader's options, for their schema
 *
 * The layer a label read from another tool belongs to: the schema's layer
 * for that label, matched exactly, then ignoring case ("Quote" is the
 * schema's QUOTE). The label itself is kept as written: a reader never
 * renames what it read.
 *
 * Returns: (nullable): the layer's name, or %NULL when the schema does not
 *   know the label (the reader then picks a layer and warns)
 */
const char *
byline_format_layer_for_label (const BylineFormatOptions *options,
                               const char                *label)
{
  BylineSchema *schema = options != NULL && options->schema != NULL
                         ? options->schema : byline_schema_get_default ();
  const BylineLabel *found;

  if (label == NULL)
    return NULL;
  found = byline_schema_lookup_label (schema, label);
  if (found == NULL)
    {
      g_autofree char *upper = g_utf8_strup (label, -1);

      g_strdelimit (upper, " -", '_');
      found = byline_schema_lookup_label (schema, upper);
    }
  return found != NULL ? found->layer->name : NULL;
}

/* Whether @kind@name ("label:ORG") is to be warned about: not yet, and
 * there is somewhere to warn. Now it has been. */
static gboolean
first_warning (BylineSchemaWarnings *sw,
               const char           *kind,
               const char           *name)
{
  if (sw->warnings == NULL)
    return FALSE;
  return g_hash_table_add (sw->warned, g_strconcat (kind, name, NULL));
}

/**
 * byline_format_layer_or_warn:
 * @sw: the reader's schema warnings
 * @label: a label as read
 * @location_format: printf() format of where @label was read ("line %u"),
 *   formatted only to warn
 *
 * byline_format_layer_for_label(), or "entities" for a label the schema
 * does not know; the first time a read meets that label, a warning at
 * that location, worded in @sw's style.
 *
 * Returns: the layer's name
 */
const char *
byline_format_layer_or_warn (BylineSchemaWarnings *sw,
                             const char           *label,
                             const char           *location_format,
                             ...)
{
  const char *layer = byline_format_layer_for_label (sw->options, label);
  g_autofree char *location = NULL;
  va_list args;

  if (layer != NULL)
    return layer;
  if (!first_warning (sw, "label:", label))
    return "entities";
  va_start (args, location_format);
  location = g_strdup_vprintf (location_format, args);
  va_end (args);
  switch (sw->style)
    {
    case BYLINE_SCHEMA_WARNING_SEMICOLON:
      byline_problems_add (sw->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID_SCHEMA, location,
                           _("label “%s” is not in the schema; kept in the “entities” layer"), label);
      break;
    case BYLINE_SCHEMA_WARNING_BRAT:
      byline_problems_add (sw->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, location,
                           _("label “%s” is not in the schema: kept, in the layer “%s”"), label, "entities");
      break;
    case BYLINE_SCHEMA_WARNING_COLON:
    default:
      byline_problems_add (sw->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, location,
                           _("label “%s” is not in the schema: kept in the “entities” layer"), label);
      break;
    }
  return "entities";
}

/**
 * byline_format_check_relation_type:
 * @sw: the reader's schema warnings
 * @type: a relation type as read, kept as written
 * @location_format: printf() format of where @type was read, formatted
 *   only to warn
 *
 * The first time a read meets a relation type the schema does not know
 * (matched exactly), a warning at that location, worded in @sw's style.
 */
void
byline_format_check_relation_type (BylineSchemaWarnings *sw,
                                   const char           *type,
                                   const char           *location_format,
                                   ...)
{
  BylineSchema *schema = sw->options != NULL && sw->options->schema != NULL
                         ? sw->options->schema : byline_schema_get_default ();
  g_autofree char *location = NULL;
  va_list args;

  if (byline_schema_lookup_relation_type (schema, type) != NULL || !first_warning (sw, "relation:", type))
    return;
  va_start (args, location_format);
  location = g_strdup_vprintf (location_format, args);
  va_end (args);
  if (sw->style == BYLINE_SCHEMA_WARNING_SEMICOLON)
    byline_problems_add (sw->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID_SCHEMA, location,
                         _("relation type “%s” is not in the schema; kept as written"), type);
  else
    byline_problems_add (sw->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, location,
                         _("relation type “%s” is not in the schema: kept as written"), type);
}

const char *
byline_tag_scheme_to_string (BylineTagScheme scheme)
{
  switch (scheme)
    {
    case BYLINE_TAG_SCHEME_IOB1:
      return "iob1";
    case BYLINE_TAG_SCHEME_BIOES:
      return "bioes";
    case BYLINE_TAG_SCHEME_IOB2:
    default:
      return "iob2";
    }
}

gboolean
byline_tag_scheme_from_string (const char      *name,
                               BylineTagScheme *scheme)
{
  static const BylineTagScheme all[] = {
    BYLINE_TAG_SCHEME_IOB2, BYLINE_TAG_SCHEME_IOB1, BYLINE_TAG_SCHEME_BIOES
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (all); i++)
    {
      if (g_ascii_strcasecmp (name, byline_tag_scheme_to_string (all[i])) == 0)
        {
          *scheme = all[i];
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- Writers ---------------------------------------------------------- */

static BylineWriter *
writer_alloc (const BylineFormat        *format,
              const char                *path,
              const BylineFormatOptions *options,
              const BylineWriterClass   *klass,
              gpointer                   data)
{
  BylineWriter *writer = g_new0 (BylineWriter, 1);

  writer->format = format;
  if (options != NULL)
    writer->options = *options;
  writer->path = g_strdup (path);
  writer->klass = klass;
  writer->data = data;
  return writer;
}

/**
 * byline_writer_new_file:
 * @backup: whether committing keeps the replaced file as NAME~
 * @data: (transfer full) (nullable): the module's state, freed by
 *   @klass->destroy, also when this fails
 *
 * A writer with one atomic output file at @path.
 *
 * Returns: (transfer full) (nullable): the writer
 */
BylineWriter *
byline_writer_new_file (const BylineFormat        *format,
                        const char                *path,
                        const BylineFormatOptions *options,
                        gboolean                   backup,
                        const BylineWriterClass   *klass,
                        gpointer                   data,
                        GError                   **error)
{
  BylineAtomicFile *file = byline_atomic_file_new (path, error);
  BylineWriter *writer;

  if (file == NULL)
    {
      if (klass->destroy != NULL && data != NULL)
        klass->destroy (data);
      return NULL;
    }
  writer = writer_alloc (format, path, options, klass, data);
  writer->file = file;
  writer->backup = backup;
  return writer;
}

/**
 * byline_writer_new_custom:
 * @data: (transfer full) (nullable): the module's state
 *
 * A writer that manages its own output (a directory of files).
 *
 * Returns: (transfer full): the writer
 */
BylineWriter *
byline_writer_new_custom (const BylineFormat        *format,
                          const char                *path,
                          const BylineFormatOptions *options,
                          const BylineWriterClass   *klass,
                          gpointer                   data)
{
  return writer_alloc (format, path, options, klass, data);
}

gpointer
byline_writer_get_data (BylineWriter *writer)
{
  return writer->data;
}

const char *
byline_writer_get_path (BylineWriter *writer)
{
  return writer->path;
}

const BylineFormat *
byline_writer_get_format (BylineWriter *writer)
{
  return writer->format;
}

const BylineFormatOptions *
byline_writer_get_options (BylineWriter *writer)
{
  return &writer->options;
}

gboolean
byline_writer_write_bytes (BylineWriter  *writer,
                           const char    *data,
                           gsize          len,
                           GError       **error)
{
  g_return_val_if_fail (writer->file != NULL, FALSE);
  return byline_atomic_file_write (writer->file, data, len, error);
}

gboolean
byline_writer_commit_file (BylineWriter  *writer,
                           GError       **error)
{
  g_return_val_if_fail (writer->file != NULL, FALSE);
  return byline_atomic_file_commit (writer->file, writer->backup, error);
}

/* Counts what the format cannot hold, when the caller asked to know. */
void
byline_writer_lose (BylineWriter *writer,
                    const char   *what,
                    const char   *label,
                    guint         count)
{
  if (writer->options.losses != NULL)
    byline_losses_add (writer->options.losses, what, label, count);
}

/**
 * byline_writer_write:
 *
 * Returns: %TRUE when @document was written
 */
gboolean
byline_writer_write (BylineWriter    *writer,
                     BylineDocument  *document,
                     GError         **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (document), FALSE);

  if (!writer->klass->write (writer, document, error))
    return FALSE;
  writer->n_written++;
  return TRUE;
}

/**
 * byline_writer_finish:
 *
 * Moves the output into place. The writer must still be freed.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_writer_finish (BylineWriter  *writer,
                      GError       **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  if (writer->n_written == 0 && !writer->format->multi_document && !writer->format->directory)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: no document to write"), writer->path);
      return FALSE;
    }
  if (writer->klass->finish != NULL)
    return writer->klass->finish (writer, error);
  return byline_writer_commit_file (writer, error);
}

guint
byline_writer_get_n_written (BylineWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);
  return writer->n_written;
}

void
byline_writer_free (BylineWriter *writer)
{
  if (writer == NULL)
    return;
  if (writer->klass->destroy != NULL && writer->data != NULL)
    writer->klass->destroy (writer->data);
  byline_atomic_file_free (writer->file);
  g_free (writer->path);
  g_free (writer);
}

/* ---- Opening one document --------------------------------------------- */

typedef struct
{
  const char     *path;
  BylineDocument *doc;
} LoadOne;

static gboolean
take_one (BylineDocument  *document,
          gpointer         user_data,
          GError         **error)
{
  LoadOne *state = user_data;

  if (state->doc != NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                   _("%s: holds more than one document; split it with “byline-cli convert FILE -o DIRECTORY/”"),
                   state->path);
      return FALSE;
    }
  state->doc = g_object_ref (document);
  return TRUE;
}

BylineDocument *
byline_document_load_any (const char  *path,
                          GError     **error)
{
  const BylineFormat *format;
  LoadOne state = { path, NULL };

  g_return_val_if_fail (path != NULL, NULL);

  format = byline_format_for_path (path);
  if (format == NULL)
    format = byline_format_lookup ("text");
  if (!byline_format_read (format, path, NULL, NULL, take_one, &state, error))
    {
      g_clear_object (&state.doc);
      return NULL;
    }
  if (state.doc == NULL)
    g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s: holds no document"), path);
  return state.doc;
}

/* byline-format.c: the registry of file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Readers push documents to a callback as they read them and writers take
 * them one at a time, so converting a corpus of any size holds one
 * document in memory at a time.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-format-private.h"

/* ---- The registry ----------------------------------------------------- */

/* In the order --list-formats and the dialogs show them. */
static const BylineFormat * const formats[] = {
  &byline_format_native,
  &byline_format_jsonl,
  &byline_format_text,
  &byline_format_html,
  &byline_format_json,
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

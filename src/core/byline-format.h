/* byline-format.h: the registry of file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "byline-document.h"
#include "byline-losses.h"
#include "byline-problems.h"
#include "byline-schema.h"

G_BEGIN_DECLS

typedef struct _BylineFormat        BylineFormat;
typedef struct _BylineFormatOptions BylineFormatOptions;
typedef struct _BylineWriter        BylineWriter;

/**
 * BylineTagScheme:
 * @BYLINE_TAG_SCHEME_IOB2: B- starts every chunk (the default)
 * @BYLINE_TAG_SCHEME_IOB1: B- only where a chunk follows one of the same label
 * @BYLINE_TAG_SCHEME_BIOES: B- I- E- for chunks, S- for one-token chunks
 *
 * How the token formats (CoNLL, Hugging Face) tag chunks.
 */
typedef enum
{
  BYLINE_TAG_SCHEME_IOB2,
  BYLINE_TAG_SCHEME_IOB1,
  BYLINE_TAG_SCHEME_BIOES,
} BylineTagScheme;

/**
 * BylineFormatOptions:
 * @as_suggestions: reading: spans that the format does not mark otherwise
 *   become suggestions with origin "import:FORMAT" instead of manual work;
 *   byline_format_read() applies it, readers need not look at it
 * @schema: (nullable): reading: the schema that tells which layer a label
 *   belongs to; %NULL for the bundled news schema
 * @layer: (nullable): writing a token format: the one layer it tags;
 *   %NULL for "entities"
 * @scheme: writing a token format: the chunk tags
 * @tag_names: (nullable) (element-type utf8): writing Hugging Face: the tag
 *   names in id order, shared by the writers of the parts of a split so
 *   that the ids agree; %NULL and each writer keeps its own
 * @losses: (nullable): writing: where the writer counts what the format
 *   cannot hold (relations, attributes, notes, fragments, overlaps)
 *
 * What a reader or writer may be told. All zero is the default. Pointers
 * are borrowed: they must outlive the reader call or the writer.
 */
struct _BylineFormatOptions
{
  gboolean         as_suggestions;
  BylineSchema    *schema;
  const char      *layer;
  BylineTagScheme  scheme;
  GPtrArray       *tag_names;
  BylineLosses    *losses;
};

/**
 * BylineFormat:
 * @name: the name used on the command line ("byline", "text"…)
 * @description: a translatable one-line description
 * @extensions: (array zero-terminated=1): file name endings, longest first
 * @multi_document: whether the writer puts many documents in one file
 *   (JSONL); a format that holds one writes a directory of files for many
 * @directory: whether the format is a directory of files (brat: ID.txt and
 *   ID.ann for each document); its reader takes a directory or one file of
 *   it, its writer a directory
 * @read: reads @path, calling @func for every document, as it goes, and
 *   adding what it kept but found doubtful (a label the schema does not
 *   know) to @warnings when that is not %NULL; @options is never %NULL.
 *   Errors name the file, the line (or key) and the problem.
 * @writer_open: starts writing to @path (atomically: nothing is visible at
 *   @path until byline_writer_finish() succeeds); @options is never %NULL
 *
 * One file format. Every format module fills one of these; the CLI and the
 * window's dialogs list the same registry.
 */
struct _BylineFormat
{
  const char         *name;
  const char         *description;
  const char * const *extensions;
  gboolean            multi_document;
  gboolean            directory;
  gboolean          (*read)        (const BylineFormat        *format,
                                    const char                *path,
                                    const BylineFormatOptions *options,
                                    BylineProblems            *warnings,
                                    BylineDocumentFunc         func,
                                    gpointer                   user_data,
                                    GError                   **error);
  BylineWriter     *(*writer_open) (const BylineFormat        *format,
                                    const char                *path,
                                    const BylineFormatOptions *options,
                                    GError                   **error);
};

const BylineFormat * const *byline_formats_list          (void);
const BylineFormat         *byline_format_lookup         (const char         *name);
const BylineFormat         *byline_format_for_path       (const char         *path);
gboolean                    byline_format_can_read       (const BylineFormat *format);
gboolean                    byline_format_can_write      (const BylineFormat *format);

gboolean                    byline_format_read           (const BylineFormat        *format,
                                                          const char                *path,
                                                          const BylineFormatOptions *options,
                                                          BylineProblems            *warnings,
                                                          BylineDocumentFunc         func,
                                                          gpointer                   user_data,
                                                          GError                   **error);
BylineWriter               *byline_format_open_writer    (const BylineFormat        *format,
                                                          const char                *path,
                                                          const BylineFormatOptions *options,
                                                          GError                   **error);
const char                 *byline_format_layer_for_label (const BylineFormatOptions *options,
                                                          const char                *label);
const char                 *byline_tag_scheme_to_string  (BylineTagScheme            scheme);
gboolean                    byline_tag_scheme_from_string (const char               *name,
                                                          BylineTagScheme           *scheme);

/* Writing: open, write documents, then finish (commit) or abort. Freeing a
 * writer that was not finished aborts it, leaving any old file untouched. */
gboolean                    byline_writer_write          (BylineWriter       *writer,
                                                          BylineDocument     *document,
                                                          GError            **error);
gboolean                    byline_writer_finish         (BylineWriter       *writer,
                                                          GError            **error);
void                        byline_writer_free           (BylineWriter       *writer);
guint                       byline_writer_get_n_written  (BylineWriter       *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineWriter, byline_writer_free)

/**
 * byline_document_load_any:
 * @path: a .txt, .html, .json, .jsonl or .byline.json file
 * @error: set when the file cannot be read as one document
 *
 * Opens one document the way the window's Open does: the format comes from
 * the file name. A records or JSONL file with more than one document is an
 * error that says so.
 *
 * Returns: (transfer full) (nullable): the document
 */
BylineDocument             *byline_document_load_any     (const char         *path,
                                                          GError            **error);

G_END_DECLS

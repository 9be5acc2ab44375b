/* byline-writer.c: BylineWriter, what every format's writer is built on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer either owns one atomic output file (most formats) or manages
 * its own output (brat's directory); the format module's
 * BylineWriterClass does the writing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-atomic.h"
#include "byline-error.h"
#include "byline-format-private.h"

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

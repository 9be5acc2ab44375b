/* format-test-util.c: what the format readers' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "byline-native.h"

#include "format-test-util.h"

/* Every document a reader hands over is fresh: loaded, nothing to undo. */
static gboolean
collect_cb (BylineDocument  *document,
            gpointer         user_data,
            GError         **error)
{
  g_assert_false (byline_document_get_modified (document));
  g_assert_false (byline_document_can_undo (document));
  g_ptr_array_add (user_data, g_object_ref (document));
  return TRUE;
}

/* Reads @path with @format; @docs gets what was read, even on failure. */
gboolean
format_test_read (const BylineFormat  *format,
                  const char          *path,
                  BylineProblems      *warnings,
                  GPtrArray          **docs,
                  GError             **error)
{
  *docs = g_ptr_array_new_with_free_func (g_object_unref);
  return byline_format_read (format, path, NULL, warnings, collect_cb, *docs, error);
}

/* Reads @path, which must give @expected documents without an error. */
GPtrArray *
format_test_read_ok (const BylineFormat *format,
                     const char         *path,
                     BylineProblems     *warnings,
                     guint               expected)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *docs = NULL;

  g_assert_true (format_test_read (format, path, warnings, &docs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, expected);
  return docs;
}

/* Writes @contents to a file called @name in a new temporary directory. */
char *
format_test_temp_file (const char *name,
                       const char *contents,
                       gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-format-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  return path;
}

/* Removes a file made by format_test_temp_file(), and its directory. */
void
format_test_remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* A new temporary directory, for format_test_remove_dir(). */
char *
format_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("byline-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes the files in @dir, then @dir. */
void
format_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The contents of @path, which must be readable. */
char *
format_test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The sample article, data/samples/blinken-china-nbc.byline.json, read
 * as a native file. */
BylineDocument *
format_test_load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.byline.json", NULL);
  BylineDocument *doc = byline_native_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Writes @n @docs with @format to a file called @name in @dir; returns
 * its path. */
char *
format_test_write_docs (const BylineFormat        *format,
                        const char                *dir,
                        const char                *name,
                        BylineDocument           **docs,
                        guint                      n,
                        const BylineFormatOptions *options)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(BylineWriter) writer = byline_format_open_writer (format, path, options, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      byline_writer_write (writer, docs[i], &error);
      g_assert_no_error (error);
    }
  byline_writer_finish (writer, &error);
  g_assert_no_error (error);
  return path;
}

/* A document with @id (may be %NULL) and @text. */
BylineDocument *
format_test_new_doc (const char *id,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = byline_document_new ();

  byline_document_set_text (doc, text, -1, &error);
  g_assert_no_error (error);
  byline_document_set_id (doc, id);
  return doc;
}

/* Adds an annotation of @label over [@start, @end), which must succeed;
 * returns it (owned by @doc). */
BylineAnnotation *
format_test_add (BylineDocument *doc,
                 const char     *layer,
                 const char     *label,
                 guint           start,
                 guint           end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) a = byline_annotation_new (layer, label, start, end);
  BylineAnnotation *added = byline_document_add_annotation (doc, a, &error);

  g_assert_no_error (error);
  return added;
}

/* The code point offset of the first @needle in @text, which must hold it. */
guint
format_test_at (const char *text,
                const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return (guint) g_utf8_pointer_to_offset (text, p);
}

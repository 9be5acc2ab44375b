/* format-test-util.c: what the format readers' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

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

/* brat-test-util.c: what the brat tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "brat-test-util.h"

const BylineFormat *
brat_test_format (void)
{
  const BylineFormat *format = byline_format_lookup ("brat");

  g_assert_nonnull (format);
  g_assert_true (byline_format_can_read (format));
  g_assert_true (byline_format_can_write (format));
  return format;
}

static gboolean
collect (BylineDocument  *doc,
         gpointer         user_data,
         GError         **error)
{
  g_ptr_array_add (user_data, g_object_ref (doc));
  return TRUE;
}

GPtrArray *
brat_test_read (const char      *path,
                BylineProblems  *warnings,
                GError         **error)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  if (!byline_format_read (brat_test_format (), path, NULL, warnings, collect, docs, error))
    {
      g_ptr_array_unref (docs);
      return NULL;
    }
  return docs;
}

BylineDocument *
brat_test_read_one (const char     *path,
                    BylineProblems *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = brat_test_read (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return g_object_ref (docs->pdata[0]);
}

void
brat_test_write (GPtrArray    *docs,
                 const char   *dir,
                 BylineLosses *losses)
{
  BylineFormatOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineWriter) writer = NULL;

  options.losses = losses;
  writer = byline_format_open_writer (brat_test_format (), dir, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      g_assert_true (byline_writer_write (writer, docs->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (byline_writer_finish (writer, &error));
  g_assert_no_error (error);
}

void
brat_test_write_one (BylineDocument *doc,
                     const char     *dir,
                     BylineLosses   *losses)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();

  g_ptr_array_add (docs, doc);
  brat_test_write (docs, dir, losses);
}

char *
brat_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("byline-brat-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
brat_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          brat_test_remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: "a.ann a.txt". */
char *
brat_test_list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

char *
brat_test_read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  return data;
}

/* A file's lines without their line ends, sorted: its set of lines modulo
 * order (and CRLF or LF). */
GPtrArray *
brat_test_sorted_lines (const char *path)
{
  g_autofree char *data = brat_test_read_text (path);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (lines[i][0] != '\0')
        g_ptr_array_add (out, g_strdup (lines[i]));
    }
  g_ptr_array_sort (out, compare_strings);
  return out;
}

void
brat_test_assert_same_lines (GPtrArray  *expected,
                             GPtrArray  *got,
                             const char *what)
{
  for (guint i = 0; i < MAX (expected->len, got->len); i++)
    {
      const char *e = i < expected->len ? expected->pdata[i] : "(nothing)";
      const char *g = i < got->len ? got->pdata[i] : "(nothing)";

      if (strcmp (e, g) != 0)
        g_error ("%s: line %u of the sorted lines differs:\nexpected “%s”\n     got “%s”", what, i, e, g);
    }
}

void
brat_test_replace_line (GPtrArray  *lines,
                        const char *old,
                        const char *new)
{
  for (guint i = 0; i < lines->len; i++)
    {
      if (strcmp (lines->pdata[i], old) == 0)
        {
          g_free (lines->pdata[i]);
          lines->pdata[i] = g_strdup (new);
          g_ptr_array_sort (lines, compare_strings);
          return;
        }
    }
  g_error ("no line “%s”", old);
}

/* Every T line's text field is the .txt's slice at its offsets (code
 * points), fragments joined by a space: what brat checks. */
void
brat_test_assert_texts_match (const char *txt_path,
                              const char *ann_path)
{
  g_autofree char *text = brat_test_read_text (txt_path);
  g_autoptr(GPtrArray) lines = brat_test_sorted_lines (ann_path);
  glong n_chars = g_utf8_strlen (text, -1);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) pairs = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);
      const char *offsets;

      if (line[0] != 'T')
        continue;
      fields = g_strsplit (line, "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      /* the offsets follow the type, which may have spaces in it */
      offsets = fields[1];
      while (*offsets != '\0' && !(offsets[0] == ' ' && g_ascii_isdigit (offsets[1]) &&
                                   strspn (offsets + 1, "0123456789 ;") == strlen (offsets + 1)))
        offsets++;
      g_assert_cmpint (*offsets, ==, ' ');
      pairs = g_strsplit (offsets + 1, ";", -1);
      for (guint k = 0; pairs[k] != NULL; k++)
        {
          guint64 start = g_ascii_strtoull (pairs[k], NULL, 10);
          guint64 end = g_ascii_strtoull (strchr (pairs[k], ' ') + 1, NULL, 10);
          const char *a, *b;

          g_assert_cmpuint (start, <, end);
          g_assert_cmpuint (end, <=, (guint64) n_chars);
          a = g_utf8_offset_to_pointer (text, (glong) start);
          b = g_utf8_offset_to_pointer (text, (glong) end);
          if (k > 0)
            g_string_append_c (expected, ' ');
          g_string_append_len (expected, a, b - a);
        }
      if (strcmp (expected->str, fields[2]) != 0)
        g_error ("%s: “%s” is not the text at its offsets, “%s”", ann_path, line, expected->str);
    }
}

void
brat_test_assert_docs_equal (BylineDocument *a,
                             BylineDocument *b)
{
  JsonObject *ea = byline_document_get_extra (a);
  JsonObject *eb = byline_document_get_extra (b);

  g_assert_cmpstr (byline_document_get_id (a), ==, byline_document_get_id (b));
  g_assert_cmpstr (byline_document_get_text (a), ==, byline_document_get_text (b));
  g_assert_cmpuint (byline_document_get_n_annotations (a), ==, byline_document_get_n_annotations (b));
  g_assert_cmpuint (byline_document_get_n_relations (a), ==, byline_document_get_n_relations (b));
  for (guint i = 0; i < byline_document_get_n_annotations (a); i++)
    {
      BylineAnnotation *x = byline_document_get_annotation (a, i);
      BylineAnnotation *y = byline_document_lookup_annotation (b, byline_annotation_get_id (x));

      if (y == NULL || !byline_annotation_equal (x, y))
        g_error ("%s: annotation %s differs", byline_document_get_id (a), byline_annotation_get_id (x));
    }
  for (guint i = 0; i < byline_document_get_n_relations (a); i++)
    {
      BylineRelation *x = byline_document_get_relation (a, i);
      BylineRelation *y = byline_document_lookup_relation (b, byline_relation_get_id (x));

      if (y == NULL || !byline_relation_equal (x, y))
        g_error ("%s: relation %s differs", byline_document_get_id (a), byline_relation_get_id (x));
    }
  g_assert_true ((ea == NULL) == (eb == NULL));
  g_assert_true (ea == NULL || json_object_equal (ea, eb));
}

void
brat_test_assert_fragments (BylineAnnotation *a,
                            const char       *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  g_assert_nonnull (a);
  for (guint i = 0; i < byline_annotation_get_n_fragments (a); i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (a, i);

      g_string_append_printf (got, "%s%u-%u", i > 0 ? "," : "", f->start, f->end);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

void
brat_test_assert_relation (BylineDocument *doc,
                           const char     *id,
                           const char     *type,
                           const char     *from,
                           const char     *to)
{
  BylineRelation *r = byline_document_lookup_relation (doc, id);

  if (r == NULL)
    g_error ("no relation %s", id);
  g_assert_cmpstr (byline_relation_get_relation_type (r), ==, type);
  g_assert_cmpstr (byline_relation_get_from (r), ==, from);
  g_assert_cmpstr (byline_relation_get_to (r), ==, to);
}

gboolean
brat_test_has_warning (BylineProblems *problems,
                       const char     *fragment)
{
  for (guint i = 0; i < byline_problems_get_n (problems); i++)
    {
      const BylineProblem *p = byline_problems_get (problems, i);

      if (strstr (p->message, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

JsonObject *
brat_test_extra (BylineAnnotation *a)
{
  JsonObject *extra = byline_annotation_get_extra (a);

  g_assert_nonnull (extra);
  return json_object_get_object_member (extra, "brat");
}

/* test-brat.c: brat standoff, ID.txt and ID.ann
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-native.h"

/* ---- Helpers ------------------------------------------------------------ */

static const BylineFormat *
brat (void)
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

static GPtrArray *
read_brat (const char      *path,
           BylineProblems  *warnings,
           GError         **error)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  if (!byline_format_read (brat (), path, NULL, warnings, collect, docs, error))
    {
      g_ptr_array_unref (docs);
      return NULL;
    }
  return docs;
}

static BylineDocument *
read_one (const char     *path,
          BylineProblems *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_brat (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return g_object_ref (docs->pdata[0]);
}

static void
write_brat (GPtrArray    *docs,
            const char   *dir,
            BylineLosses *losses)
{
  BylineFormatOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineWriter) writer = NULL;

  options.losses = losses;
  writer = byline_format_open_writer (brat (), dir, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      g_assert_true (byline_writer_write (writer, docs->pdata[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (byline_writer_finish (writer, &error));
  g_assert_no_error (error);
}

static void
write_one (BylineDocument *doc,
           const char     *dir,
           BylineLosses   *losses)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();

  g_ptr_array_add (docs, doc);
  write_brat (docs, dir, losses);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("byline-brat-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
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
static char *
list_dir (const char *path)
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

static char *
read_text_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  return data;
}

/* A file's lines without their line ends, sorted: its set of lines modulo
 * order (and CRLF or LF). */
static GPtrArray *
sorted_lines (const char *path)
{
  g_autofree char *data = read_text_file (path);
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

static void
assert_same_lines (GPtrArray  *expected,
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

static void
replace_line (GPtrArray  *lines,
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
static void
assert_texts_match (const char *txt_path,
                    const char *ann_path)
{
  g_autofree char *text = read_text_file (txt_path);
  g_autoptr(GPtrArray) lines = sorted_lines (ann_path);
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

static void
assert_docs_equal (BylineDocument *a,
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

static void
assert_fragments (BylineAnnotation *a,
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

static void
assert_relation (BylineDocument *doc,
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

static gboolean
has_warning (BylineProblems *problems,
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

static JsonObject *
brat_extra (BylineAnnotation *a)
{
  JsonObject *extra = byline_annotation_get_extra (a);

  g_assert_nonnull (extra);
  return json_object_get_object_member (extra, "brat");
}

/* ---- The brat tutorial's own files -------------------------------------- */

static void
test_news_tutorial (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "brat", "news-tutorial", NULL);
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "written", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = read_brat (dir, warnings, &error);
  g_autoptr(GPtrArray) again = NULL;
  BylineDocument *intro, *relations, *notes;
  BylineAnnotation *a;
  JsonArray *norms;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 13);
  /* read in name order */
  g_assert_cmpstr (byline_document_get_id (docs->pdata[0]), ==, "000-introduction");
  g_assert_cmpstr (byline_document_get_id (docs->pdata[12]), ==, "999-complete");
  for (guint i = 1; i < docs->len; i++)
    g_assert_cmpint (strcmp (byline_document_get_id (docs->pdata[i - 1]),
                             byline_document_get_id (docs->pdata[i])), <, 0);

  /* Labels are kept as written; "Person" is the schema's PERSON, so only
   * the others are warned about. */
  g_assert_true (has_warning (warnings, "label “Organization” is not in the schema"));
  g_assert_false (has_warning (warnings, "“Person”"));
  g_assert_false (has_warning (warnings, "“GPE”"));

  intro = docs->pdata[0];
  a = byline_document_lookup_annotation (intro, "T4");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Person");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "Mention"), ==, "Name");
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "Individual")));
  g_assert_cmpstr (byline_annotation_get_note (byline_document_lookup_annotation (intro, "T2")), ==,
                   "100000000 USD");
  norms = json_object_get_array_member (brat_extra (byline_document_lookup_annotation (intro, "T5")), "norms");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (norms, 0), "ref"), ==,
                   "Wikipedia:64488");
  /* The event: an annotation with the E id and its trigger's span; the
   * trigger T3 is folded into it; the arguments are relations. */
  g_assert_null (byline_document_lookup_annotation (intro, "T3"));
  a = byline_document_lookup_annotation (intro, "E1");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Transfer-money");
  assert_fragments (a, "443-449");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "Confidence"), ==, "High");
  assert_relation (intro, "E1.1", "Giver-Arg", "E1", "T1");
  assert_relation (intro, "E1.4", "Recipient-Arg", "E1", "T6");
  assert_relation (intro, "R1", "Family", "T4", "T5");
  assert_relation (intro, "R2", "Origin", "T6", "T7");

  relations = docs->pdata[6];
  g_assert_cmpstr (byline_document_get_id (relations), ==, "060-relation_annotation");
  assert_relation (relations, "*1.1", "Alias", "T3", "T4");
  assert_relation (relations, "*1.2", "Alias", "T4", "T5");

  notes = docs->pdata[11];
  g_assert_cmpstr (byline_document_get_id (notes), ==, "110-note_annotation");
  g_assert_cmpstr (byline_annotation_get_note (byline_document_lookup_annotation (notes, "E1")), ==,
                   "Annotate as one merge event with three participants or two events with two participants each?");
  g_assert_nonnull (json_object_get_array_member (
    json_object_get_object_member (byline_relation_get_extra (byline_document_lookup_relation (notes, "R1")), "brat"),
    "notes"));

  /* Written back: the same .txt bytes, the same .ann lines (in another
   * order), every text field the slice of its offsets. The tutorial has
   * no duplicated ids and no line brat would refuse, so the sets of lines
   * are equal exactly: R lines keep brat's trailing TAB, E lines their
   * argument order, notes on events and relations their ids. */
  write_brat (docs, out, NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      const char *id = byline_document_get_id (docs->pdata[i]);
      g_autofree char *txt_name = g_strconcat (id, ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (id, ".ann", NULL);
      g_autofree char *orig_txt = g_build_filename (dir, txt_name, NULL);
      g_autofree char *orig_ann = g_build_filename (dir, ann_name, NULL);
      g_autofree char *new_txt = g_build_filename (out, txt_name, NULL);
      g_autofree char *new_ann = g_build_filename (out, ann_name, NULL);
      g_autofree char *a_text = read_text_file (orig_txt);
      g_autofree char *b_text = read_text_file (new_txt);
      g_autoptr(GPtrArray) a_lines = sorted_lines (orig_ann);
      g_autoptr(GPtrArray) b_lines = sorted_lines (new_ann);

      g_assert_cmpstr (a_text, ==, b_text);
      assert_same_lines (a_lines, b_lines, ann_name);
      assert_texts_match (new_txt, new_ann);
    }

  /* and read again, the same documents */
  again = read_brat (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, docs->len);
  for (guint i = 0; i < docs->len; i++)
    assert_docs_equal (docs->pdata[i], again->pdata[i]);

  remove_tree (tmp);
}

/* ---- Byline -> brat -> Byline ------------------------------------------- */

/* Byline's aN are written as TN, rN as RN. */
static void
assert_same_annotations (BylineDocument *a,
                         BylineDocument *b)
{
  g_assert_cmpstr (byline_document_get_text (a), ==, byline_document_get_text (b));
  g_assert_cmpuint (byline_document_get_n_annotations (a), ==, byline_document_get_n_annotations (b));
  g_assert_cmpuint (byline_document_get_n_relations (a), ==, byline_document_get_n_relations (b));
  for (guint i = 0; i < byline_document_get_n_annotations (a); i++)
    {
      BylineAnnotation *x = byline_document_get_annotation (a, i);
      g_autofree char *id = g_strconcat ("T", byline_annotation_get_id (x) + 1, NULL);
      BylineAnnotation *y = byline_document_lookup_annotation (b, id);

      if (y == NULL)
        g_error ("%s was not read back as %s", byline_annotation_get_id (x), id);
      g_assert_cmpstr (byline_annotation_get_label (x), ==, byline_annotation_get_label (y));
      g_assert_cmpstr (byline_annotation_get_layer (x), ==, byline_annotation_get_layer (y));
      g_assert_cmpuint (byline_annotation_get_n_fragments (x), ==, byline_annotation_get_n_fragments (y));
      for (guint k = 0; k < byline_annotation_get_n_fragments (x); k++)
        {
          g_assert_cmpuint (byline_annotation_get_fragment (x, k)->start, ==,
                            byline_annotation_get_fragment (y, k)->start);
          g_assert_cmpuint (byline_annotation_get_fragment (x, k)->end, ==,
                            byline_annotation_get_fragment (y, k)->end);
        }
      g_assert_cmpstr (byline_annotation_get_note (x), ==, byline_annotation_get_note (y));
      g_assert_cmpuint (byline_annotation_get_n_attributes (x), ==, byline_annotation_get_n_attributes (y));
      for (guint k = 0; k < byline_annotation_get_n_attributes (x); k++)
        {
          const char *name = byline_annotation_get_attribute_name (x, k);

          g_assert_true (json_node_equal (byline_annotation_get_attribute (x, name),
                                          byline_annotation_get_attribute (y, name)));
        }
    }
  for (guint i = 0; i < byline_document_get_n_relations (a); i++)
    {
      BylineRelation *x = byline_document_get_relation (a, i);
      g_autofree char *id = g_strconcat ("R", byline_relation_get_id (x) + 1, NULL);
      g_autofree char *from = g_strconcat ("T", byline_relation_get_from (x) + 1, NULL);
      g_autofree char *to = g_strconcat ("T", byline_relation_get_to (x) + 1, NULL);
      BylineRelation *y = byline_document_lookup_relation (b, id);
      JsonObject *ax = byline_relation_get_attributes (x);
      JsonObject *ay;

      assert_relation (b, id, byline_relation_get_relation_type (x), from, to);
      ay = byline_relation_get_attributes (y);
      g_assert_true ((ax == NULL) == (ay == NULL));
      g_assert_true (ax == NULL || json_object_equal (ax, ay));
    }
}

static void
test_sample_roundtrip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.byline.json", NULL);
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *out2 = g_build_filename (tmp, "out2", NULL);
  g_autofree char *ann = g_build_filename (out, "blinken-china-nbc.ann", NULL);
  g_autofree char *txt = g_build_filename (out, "blinken-china-nbc.txt", NULL);
  g_autofree char *ann2 = g_build_filename (out2, "blinken-china-nbc.ann", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, NULL, &error);
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *listing = NULL;

  g_assert_no_error (error);
  write_one (doc, out, losses);
  listing = list_dir (out);
  g_assert_cmpstr (listing, ==, "blinken-china-nbc.ann blinken-china-nbc.txt");
  text = read_text_file (txt);
  g_assert_cmpstr (text, ==, byline_document_get_text (doc));
  first = read_text_file (ann);
  g_assert_nonnull (strstr (first, "T10\tQUOTE 1018 1151\t“We are prepared"));
  g_assert_nonnull (strstr (first, "R1\tsaid_by Arg1:T9 Arg2:T6\t\n"));
  g_assert_nonnull (strstr (first, "A1\tquote_type T9 indirect\n"));
  assert_texts_match (txt, ann);

  /* what brat cannot hold is counted, not dropped silently */
  g_assert_cmpuint (byline_losses_get_count (losses, "origins", "GPE"), ==, 6);
  g_assert_cmpuint (byline_losses_get_count (losses, "confidences", "GPE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "statuses (suggested or rejected)", "GPE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "document attributes", "done"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "document metadata", "title"), ==, 1);

  back = read_one (ann, NULL);
  g_assert_cmpstr (byline_document_get_id (back), ==, "blinken-china-nbc");
  assert_same_annotations (doc, back);

  /* and the same brat again: the mapping of ids is stable */
  write_one (back, out2, NULL);
  second = read_text_file (ann2);
  g_assert_cmpstr (first, ==, second);
  remove_tree (tmp);
}

/* The hard text, built in Byline, through brat and back. */
static void
test_adversarial_from_byline (void)
{
  static const char text[] =
    "“We will win,” said Smith — 😀 👨‍👩‍👧 cafe\xcc\x81 北京.\r\n"
    "\tTabbed ‘line’.\r\n"
    "A quote that crosses\r\n"
    "the line, said Jones.";
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *ann = g_build_filename (out, "hard.ann", NULL);
  g_autofree char *txt = g_build_filename (out, "hard.txt", NULL);
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_text = NULL;
  struct { const char *layer, *label, *find; guint skip; } spans[] = {
    { "speakers", "QUOTE", "“We will win,”", 0 },
    { "speakers", "SPEAKER", "Smith", 0 },
    { "speakers", "CUE", "said", 0 },
    { "entities", "PRODUCT", "😀", 0 },
    { "entities", "PERSON", "👨‍👩‍👧", 0 },
    { "entities", "PERSON", "cafe\xcc\x81", 0 },
    { "entities", "GPE", "北京", 0 },
    { "speakers", "QUOTE", "A quote that crosses\r\nthe line,", 0 },
    { "entities", "WORK_OF_ART", "\tTabbed ‘line’", 0 },
    { "speakers", "CUE", "said", 1 },
    { "speakers", "SPEAKER", "Jones.", 0 },
  };
  BylineAnnotation *a;
  g_autoptr(JsonNode) yes = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) no = json_node_init_boolean (json_node_alloc (), FALSE);
  g_autoptr(JsonNode) number = json_node_init_int (json_node_alloc (), 3);

  g_assert_true (byline_document_set_text (doc, text, -1, &error));
  byline_document_set_id (doc, "hard");
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      const char *at = strstr (text, spans[i].find);
      g_autoptr(BylineAnnotation) b = NULL;
      glong start;

      if (spans[i].skip)
        at = strstr (at + 1, spans[i].find);
      start = g_utf8_pointer_to_offset (text, at);
      b = byline_annotation_new (spans[i].layer, spans[i].label, (guint) start,
                                 (guint) (start + g_utf8_strlen (spans[i].find, -1)));
      g_assert_nonnull (byline_document_add_annotation (doc, b, &error));
    }
  /* a12: a quote in two fragments, "We" and "win," */
  {
    g_autoptr(BylineAnnotation) b = byline_annotation_new ("speakers", "QUOTE", 1, 3);

    byline_annotation_add_fragment (b, 9, 13);
    byline_annotation_set_attribute_string (b, "quote_type", "direct");
    byline_annotation_set_attribute (b, "checked", yes);
    byline_annotation_set_attribute (b, "doubtful", no);
    byline_annotation_set_attribute (b, "count", number);
    byline_annotation_set_note (b, "two fragments\nand a line break in the note");
    g_assert_nonnull (byline_document_add_annotation (doc, b, &error));
  }
  {
    g_autoptr(BylineRelation) r1 = byline_relation_new ("said_by", "a1", "a2");
    g_autoptr(BylineRelation) r2 = byline_relation_new ("cue", "a1", "a3");
    g_autoptr(BylineRelation) r3 = byline_relation_new ("said_by", "a8", "a11");
    g_autoptr(BylineRelation) r4 = byline_relation_new ("refers_to", "a2", "a5");

    byline_relation_set_attribute (r4, "certain", yes);
    g_assert_nonnull (byline_document_add_relation (doc, r1, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r2, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r3, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r4, &error));
  }
  a = byline_document_lookup_annotation (doc, "a2");
  {
    g_autoptr(BylineAnnotation) copy = byline_annotation_copy (a);

    byline_annotation_set_note (copy, "check the spelling");
    g_assert_true (byline_document_replace_annotation (doc, "a2", copy, &error));
  }

  write_one (doc, out, losses);
  written_text = read_text_file (txt);
  g_assert_cmpstr (written_text, ==, text);
  written = read_text_file (ann);
  /* offsets are code points: 😀 is one, the family five, é two */
  g_assert_nonnull (strstr (written, "T4\tPRODUCT 28 29\t😀\n"));
  g_assert_nonnull (strstr (written, "T5\tPERSON 30 35\t👨‍👩‍👧\n"));
  g_assert_nonnull (strstr (written, "T6\tPERSON 36 41\tcafe\xcc\x81\n"));
  g_assert_nonnull (strstr (written, "T12\tQUOTE 1 3;9 13\tWe win,\n"));
  /* a line cannot hold a line break: the span is split there, as brat does */
  g_assert_nonnull (strstr (written, "T8\tQUOTE 64 84;86 95\tA quote that crosses the line,\n"));
  g_assert_nonnull (strstr (written, "T9\tWORK_OF_ART 47 61\t\tTabbed ‘line’\n"));
  g_assert_nonnull (strstr (written, "#2\tAnnotatorNotes T2\tcheck the spelling\n"));
  g_assert_nonnull (strstr (written, "#1\tAnnotatorNotes T12\ttwo fragments and a line break in the note\n"));
  g_assert_nonnull (strstr (written, "\tchecked T12\n"));
  g_assert_nonnull (strstr (written, "\tquote_type T12 direct\n"));
  g_assert_nonnull (strstr (written, "\tcertain R4\n"));
  g_assert_null (strstr (written, "doubtful"));
  g_assert_null (strstr (written, "count"));
  assert_texts_match (txt, ann);
  g_assert_cmpuint (byline_losses_get_count (losses, "attributes that are false (brat has present or absent)",
                                             "doubtful"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "attributes that are not text or true", "count"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "line breaks in notes (replaced by spaces)",
                                             "AnnotatorNotes"), ==, 1);

  back = read_one (ann, NULL);
  /* what brat holds comes back: drop what it does not from the original */
  a = byline_document_lookup_annotation (doc, "a12");
  {
    g_autoptr(BylineAnnotation) copy = byline_annotation_copy (a);

    byline_annotation_set_attribute (copy, "doubtful", NULL);
    byline_annotation_set_attribute (copy, "count", NULL);
    byline_annotation_set_note (copy, "two fragments and a line break in the note");
    g_assert_true (byline_document_replace_annotation (doc, "a12", copy, &error));
  }
  assert_same_annotations (doc, back);
  /* the quote across the line break is one span again */
  assert_fragments (byline_document_lookup_annotation (back, "T8"), "64-95");
  remove_tree (tmp);
}

/* ---- brat files as other tools write them -------------------------------- */

static void
test_adversarial_brat (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "brat", "adversarial", NULL);
  g_autofree char *path = g_build_filename (dir, "adversarial.ann", NULL);
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *out_ann = g_build_filename (tmp, "adversarial.ann", NULL);
  g_autofree char *out_txt = g_build_filename (tmp, "adversarial.txt", NULL);
  g_autofree char *orig_txt = g_build_filename (dir, "adversarial.txt", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(BylineDocument) doc = read_one (path, warnings);
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GPtrArray) expected = sorted_lines (path);
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  BylineAnnotation *a;
  JsonObject *extra;

  g_assert_cmpstr (byline_document_get_id (doc), ==, "adversarial");
  /* the relation comes before the T lines it names */
  assert_relation (doc, "R1", "said_by", "T1", "T3");
  a = byline_document_lookup_annotation (doc, "T4");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Emoji Family");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  assert_fragments (a, "30-35");
  g_assert_true (has_warning (warnings, "label “Emoji Family” is not in the schema"));
  assert_fragments (byline_document_lookup_annotation (doc, "T7"), "1-3,9-13");
  /* A span across the CRLF, its line break written as spaces; and one
   * brat split at the line break: both one span over it. */
  assert_fragments (byline_document_lookup_annotation (doc, "T8"), "104-116");
  assert_fragments (byline_document_lookup_annotation (doc, "T9"), "104-116");
  /* an event without a trigger sits on its first argument */
  a = byline_document_lookup_annotation (doc, "E1");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "Meeting");
  assert_fragments (a, "20-25");
  assert_relation (doc, "E1.1", "Participant", "E1", "T3");
  assert_relation (doc, "E1.2", "Place", "E1", "T5");
  /* an event as an argument of another; its trigger defined after it */
  a = byline_document_lookup_annotation (doc, "E2");
  assert_fragments (a, "129-133");
  g_assert_null (byline_document_lookup_annotation (doc, "T11"));
  assert_relation (doc, "E2.2", "Event-Arg", "E2", "E1");
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "Negated")));
  /* an attribute name with a space, an old M modifier */
  a = byline_document_lookup_annotation (doc, "T1");
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "Quote Type"), ==, "direct");
  g_assert_cmpstr (byline_annotation_get_note (a), ==, "first note");
  a = byline_document_lookup_annotation (doc, "T3");
  g_assert_true (json_node_get_boolean (byline_annotation_get_attribute (a, "Uncertain")));
  /* two notes with one id: both kept */
  g_assert_cmpstr (byline_annotation_get_note (a), ==, "duplicated note id");
  assert_relation (doc, "*1.1", "Alias", "T3", "T6");
  g_assert_true (has_warning (warnings, "unknown line type “X1”: kept as written"));
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T6")), ==, "PERSON");

  /* Written back: the same lines but two. The span whose line break was
   * written as spaces is split at the line break, as brat's own editor
   * does (brat refuses a text field that differs from the text); the
   * second "#1" gets an id of its own (brat refuses duplicate ids). */
  write_one (doc, tmp, NULL);
  a_text = read_text_file (orig_txt);
  b_text = read_text_file (out_txt);
  g_assert_cmpstr (a_text, ==, b_text);
  got = sorted_lines (out_ann);
  replace_line (expected, "T8\tCrossing 104 116\tcrosses  the", "T8\tCrossing 104 111;113 116\tcrosses the");
  replace_line (expected, "#1\tAnnotatorNotes T3\tduplicated note id", "#2\tAnnotatorNotes T3\tduplicated note id");
  assert_same_lines (expected, got, "adversarial.ann");
  assert_texts_match (out_txt, out_ann);

  /* read again: the same document, but for that note's id */
  back = read_one (out_ann, NULL);
  extra = brat_extra (byline_document_lookup_annotation (back, "T3"));
  g_assert_cmpstr (json_object_get_string_member (extra, "note_id"), ==, "#2");
  json_object_set_string_member (extra, "note_id", "#1");
  {
    BylineAnnotation *x = byline_document_lookup_annotation (doc, "T3");
    BylineAnnotation *y = byline_document_lookup_annotation (back, "T3");

    g_assert_true (byline_annotation_equal (x, y));
  }
  assert_docs_equal (doc, back);

  /* the directory: a .txt without .ann, and an empty .ann, are documents
   * without annotations */
  all = read_brat (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (byline_document_get_id (all->pdata[0]), ==, "adversarial");
  g_assert_cmpstr (byline_document_get_id (all->pdata[1]), ==, "empty-ann");
  g_assert_cmpuint (byline_document_get_n_annotations (all->pdata[1]), ==, 0);
  g_assert_cmpstr (byline_document_get_id (all->pdata[2]), ==, "no-ann");
  g_assert_cmpuint (byline_document_get_n_annotations (all->pdata[2]), ==, 0);
  g_assert_cmpstr (byline_document_get_text (all->pdata[2]), ==, "A text without annotations.\n");
  remove_tree (tmp);
}

/* ---- PolNeAR attribution ------------------------------------------------- */

static void
test_polnear (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "brat", "polnear", "attribution.ann", NULL);
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "attribution.ann", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(BylineDocument) doc = read_one (path, warnings);
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GPtrArray) expected = sorted_lines (path);
  g_autoptr(GPtrArray) got = NULL;
  BylineAnnotation *a;

  /* Content, Source and Cue are the schema's QUOTE, SPEAKER and CUE */
  g_assert_cmpuint (byline_problems_get_n (warnings), ==, 0);
  a = byline_document_lookup_annotation (doc, "T1");
  g_assert_cmpstr (byline_annotation_get_label (a), ==, "QUOTE");
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "speakers");
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T2")), ==, "SPEAKER");
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T3")), ==, "CUE");
  /* the trigger on the cue's span is no annotation of its own */
  g_assert_null (byline_document_lookup_annotation (doc, "T4"));
  g_assert_null (byline_document_lookup_annotation (doc, "E1"));
  assert_relation (doc, "E1.2", "cue", "T1", "T3");
  assert_relation (doc, "E1.3", "said_by", "T1", "T2");
  /* the cue as trigger */
  g_assert_cmpstr (byline_annotation_get_label (byline_document_lookup_annotation (doc, "T6")), ==, "CUE");
  assert_relation (doc, "E2.1", "said_by", "T7", "T5");
  assert_relation (doc, "E2.2", "cue", "T7", "T6");
  /* no trigger, no source */
  assert_relation (doc, "E3.1", "cue", "T9", "T8");
  g_assert_null (byline_document_lookup_relation (doc, "E3.2"));
  /* fragments written out of order */
  assert_fragments (byline_document_lookup_annotation (doc, "T10"), "92-107,127-145");
  g_assert_null (byline_document_lookup_annotation (doc, "T13"));
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 11);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 7);

  /* PolNeAR -> Byline -> brat: the same lines */
  write_one (doc, tmp, NULL);
  got = sorted_lines (out);
  assert_same_lines (expected, got, "attribution.ann");

  /* -> Byline: the same annotations */
  back = read_one (out, NULL);
  assert_docs_equal (doc, back);
  remove_tree (tmp);
}

/* Byline's own attribution: T and R lines, read back the same. */
static void
test_attribution_from_byline (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *ann = g_build_filename (tmp, "doc-1.ann", NULL);
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) s = byline_annotation_new ("speakers", "SPEAKER", 20, 25);
  g_autoptr(BylineAnnotation) c = byline_annotation_new ("speakers", "CUE", 15, 19);
  g_autoptr(BylineRelation) r1 = byline_relation_new ("said_by", "a1", "a2");
  g_autoptr(BylineRelation) r2 = byline_relation_new ("cue", "a1", "a3");

  g_assert_true (byline_document_set_text (doc, "\"We will win,\" said Smith.", -1, &error));
  byline_document_set_id (doc, "doc-1");
  g_assert_nonnull (byline_document_add_annotation (doc, q, &error));
  g_assert_nonnull (byline_document_add_annotation (doc, s, &error));
  g_assert_nonnull (byline_document_add_annotation (doc, c, &error));
  g_assert_nonnull (byline_document_add_relation (doc, r1, &error));
  g_assert_nonnull (byline_document_add_relation (doc, r2, &error));
  write_one (doc, tmp, NULL);
  written = read_text_file (ann);
  g_assert_cmpstr (written, ==,
                   "T1\tQUOTE 0 14\t\"We will win,\"\n"
                   "T3\tCUE 15 19\tsaid\n"
                   "T2\tSPEAKER 20 25\tSmith\n"
                   "R1\tsaid_by Arg1:T1 Arg2:T2\t\n"
                   "R2\tcue Arg1:T1 Arg2:T3\t\n");
  back = read_one (ann, NULL);
  assert_same_annotations (doc, back);
  remove_tree (tmp);
}

/* Ids: brat ids are kept, Byline's aN and rN become TN and RN when free,
 * the rest get the next free numbers in text order. */
static void
test_ids (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *ann = g_build_filename (tmp, "ids.ann", NULL);
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  const char *ids[] = { "T1", "a1", "a2", "x" };

  g_assert_true (byline_document_set_text (doc, "aaaa bbbb cccc dddd", -1, &error));
  byline_document_set_id (doc, "ids");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", i * 5, i * 5 + 4);

      byline_annotation_set_id (a, ids[i]);
      g_assert_nonnull (byline_document_add_annotation (doc, a, &error));
    }
  {
    g_autoptr(BylineRelation) r1 = byline_relation_new ("rel", "T1", "a1");
    g_autoptr(BylineRelation) r2 = byline_relation_new ("rel", "a2", "x");

    byline_relation_set_id (r1, "r1");
    byline_relation_set_id (r2, "R1");
    g_assert_nonnull (byline_document_add_relation (doc, r1, &error));
    g_assert_nonnull (byline_document_add_relation (doc, r2, &error));
  }
  write_one (doc, tmp, NULL);
  written = read_text_file (ann);
  g_assert_cmpstr (written, ==,
                   "T1\tPERSON 0 4\taaaa\n"
                   "T3\tPERSON 5 9\tbbbb\n"
                   "T2\tPERSON 10 14\tcccc\n"
                   "T4\tPERSON 15 19\tdddd\n"
                   "R1\trel Arg1:T2 Arg2:T4\t\n"
                   "R2\trel Arg1:T1 Arg2:T3\t\n");
  remove_tree (tmp);
}

/* A span across a line break, as other tools write it: the line break is
 * a space in the text field (a CRLF one space or two). */
static void
test_line_break_in_text_field (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *txt = g_build_filename (tmp, "lb.txt", NULL);
  g_autofree char *ann = g_build_filename (tmp, "lb.ann", NULL);
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *out_ann = g_build_filename (out, "lb.ann", NULL);
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(BylineDocument) back = NULL;
  g_autofree char *written = NULL;

  g_assert_true (g_file_set_contents (txt, "said\r\nSmith and\nJones", -1, NULL));
  /* T4 and T5 hold the line breaks themselves, which breaks their lines
   * (some PolNeAR files are so): the next lines are the rest of the text */
  g_assert_true (g_file_set_contents (ann,
                                      "T1\tX 0 11\tsaid Smith\n"
                                      "T2\tX 0 11\tsaid  Smith\n"
                                      "T3\tX 6 21\tSmith and Jones\n"
                                      "T4\tY 6 21\tSmith and\nJones\n"
                                      "T5\tY 0 11\tsaid\r\nSmith\n"
                                      "T6\tZ 0 4\tsaid\n", -1, NULL));
  doc = read_one (ann, NULL);
  assert_fragments (byline_document_lookup_annotation (doc, "T1"), "0-11");
  assert_fragments (byline_document_lookup_annotation (doc, "T2"), "0-11");
  assert_fragments (byline_document_lookup_annotation (doc, "T3"), "6-21");
  assert_fragments (byline_document_lookup_annotation (doc, "T4"), "6-21");
  assert_fragments (byline_document_lookup_annotation (doc, "T5"), "0-11");
  assert_fragments (byline_document_lookup_annotation (doc, "T6"), "0-4");
  write_one (doc, out, NULL);
  written = read_text_file (out_ann);
  g_assert_cmpstr (written, ==,
                   "T6\tZ 0 4\tsaid\n"
                   "T1\tX 0 4;6 11\tsaid Smith\n"
                   "T2\tX 0 4;6 11\tsaid Smith\n"
                   "T5\tY 0 4;6 11\tsaid Smith\n"
                   "T3\tX 6 15;16 21\tSmith and Jones\n"
                   "T4\tY 6 15;16 21\tSmith and Jones\n");
  back = read_one (out_ann, NULL);
  assert_docs_equal (doc, back);
  remove_tree (tmp);
}

/* ---- A byte order mark ---------------------------------------------------- */

static void
test_bom (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  const char *cases[][2] = {
    { "after", "T1\tPERSON 0 5\tSmith\n" },        /* offsets after the BOM */
    { "counted", "T1\tPERSON 1 6\tSmith\n" },      /* as brat counts: the BOM is a character */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *txt_name = g_strconcat (cases[i][0], ".txt", NULL);
      g_autofree char *ann_name = g_strconcat (cases[i][0], ".ann", NULL);
      g_autofree char *txt = g_build_filename (tmp, txt_name, NULL);
      g_autofree char *ann = g_build_filename (tmp, ann_name, NULL);
      g_autofree char *out_txt = g_build_filename (out, txt_name, NULL);
      g_autofree char *out_ann = g_build_filename (out, ann_name, NULL);
      g_autoptr(BylineDocument) doc = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_assert_true (g_file_set_contents (txt, "\xEF\xBB\xBFSmith said.", -1, NULL));
      g_assert_true (g_file_set_contents (ann, cases[i][1], -1, NULL));
      doc = read_one (ann, NULL);
      g_assert_cmpstr (byline_document_get_text (doc), ==, "Smith said.");
      assert_fragments (byline_document_lookup_annotation (doc, "T1"), "0-5");
      write_one (doc, out, NULL);
      a = read_text_file (out_txt);
      g_assert_cmpstr (a, ==, "\xEF\xBB\xBFSmith said.");
      b = read_text_file (out_ann);
      g_assert_cmpstr (b, ==, cases[i][1]);
    }
  remove_tree (tmp);
}

/* ---- Bad input ------------------------------------------------------------- */

static void
expect_error (const char *txt,
              const char *ann,
              int         code,
              const char *message)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *txt_path = g_build_filename (tmp, "bad.txt", NULL);
  g_autofree char *ann_path = g_build_filename (tmp, "bad.ann", NULL);
  g_autofree char *expected = g_strconcat (ann_path, message, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  if (txt != NULL)
    g_assert_true (g_file_set_contents (txt_path, txt, -1, NULL));
  g_assert_true (g_file_set_contents (ann_path, ann, -1, NULL));
  docs = read_brat (ann_path, NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, BYLINE_ERROR, code);
  if (txt == NULL)
    {
      /* the missing .txt is named */
      g_assert_true (g_str_has_prefix (error->message, txt_path));
      g_free (expected);
      expected = g_strconcat (txt_path, message, NULL);
    }
  if (strcmp (error->message, expected) != 0)
    g_error ("expected “%s”, got “%s”", expected, error->message);
  remove_tree (tmp);
}

static void
test_bad_input (void)
{
  const char *text = "\"We will win,\" said Smith.\n";

  expect_error (text, "T1\tPERSON 20 25\tSmith\nT2\tPERSON 0", BYLINE_ERROR_PARSE,
                ":2: T2: cannot read “PERSON 0”: expected TYPE START END, or TYPE START END;START END… for fragments");
  expect_error (text, "T1\tPERSON 20 900\tSmith\n", BYLINE_ERROR_OUT_OF_RANGE,
                ":1: T1: end 900 is past the end of the text (27 characters)");
  expect_error (text, "T1\tPERSON 20 25\tSmyth\n", BYLINE_ERROR_TEXT_MISMATCH,
                ":1: T1: the text “Smyth” does not match the text at 20 25, “Smith”");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nR1\tsaid_by Arg1:T1 Arg2:T99\t\n", BYLINE_ERROR_UNKNOWN_ID,
                ":2: R1: unknown id “T99”");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nA1\tChecked T7\n", BYLINE_ERROR_UNKNOWN_ID,
                ":2: A1: unknown id “T7”");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nT2\tPERSON 15 19\tsa\xff\xfe\n", BYLINE_ERROR_PARSE,
                ": invalid UTF-8 at byte offset 40 (line 2, byte 0xff)");
  expect_error (NULL, "T1\tPERSON 20 25\tSmith\n", BYLINE_ERROR_IO,
                ": no such file: brat keeps the text of bad.ann there");
  expect_error (text, "T1\tPERSON 20 20\t\n", BYLINE_ERROR_OUT_OF_RANGE,
                ":1: T1: the span 20 20 is empty: Byline cannot hold an empty span");
  expect_error (text, "T1\tQUOTE 0 14;10 20\t\"We will win,\" ,\" said\n", BYLINE_ERROR_INVALID,
                ":1: T1: fragments overlap at 10");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nT1\tCUE 15 19\tsaid\n", BYLINE_ERROR_DUPLICATE_ID,
                ":2: T1: the id is used already on line 1");
  expect_error (text, "T1 PERSON 20 25 Smith\n", BYLINE_ERROR_PARSE,
                ":1: T1: expected a TAB after the id");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nR1\tsaid_by Arg1:T1\t\n", BYLINE_ERROR_PARSE,
                ":2: R1: expected TYPE ARG1:ID ARG2:ID");
  expect_error (text, "T1\tPERSON 20 25\tSmith\nE1\tSay:T1 Speaker:R9\n", BYLINE_ERROR_UNKNOWN_ID,
                ":2: E1: unknown id “R9”");
  expect_error ("said\nSmith.\n", "T1\tX 0 10\tsaid\nSmith\nT2\tX 5 10\tSmyth\n", BYLINE_ERROR_TEXT_MISMATCH,
                ":3: T2: the text “Smyth” does not match the text at 5 10, “Smith”");
  expect_error (text, "T1\tPERSON -1 25\tSmith\n", BYLINE_ERROR_PARSE,
                ":1: T1: cannot read “PERSON -1 25”: expected TYPE START END, or TYPE START END;START END… for fragments");
  expect_error (text, "T1\tPERSON 20 99999999999999999999\tSmith\n", BYLINE_ERROR_PARSE,
                ":1: T1: cannot read “PERSON 20 99999999999999999999”: expected TYPE START END, or TYPE START END;START END… for fragments");
}

/* ---- Writing is atomic ----------------------------------------------------- */

static BylineDocument *
small_document (const char *id)
{
  BylineDocument *doc = byline_document_new ();
  g_autoptr(BylineAnnotation) a = byline_annotation_new ("entities", "PERSON", 0, 5);

  g_assert_true (byline_document_set_text (doc, "Smith said.", -1, NULL));
  byline_document_set_id (doc, id);
  g_assert_nonnull (byline_document_add_annotation (doc, a, NULL));
  return doc;
}

static void
test_writer_atomic (void)
{
  g_autofree char *tmp = make_tmpdir ();
  g_autofree char *file = g_build_filename (tmp, "file", NULL);
  g_autofree char *existing = g_build_filename (tmp, "existing", NULL);
  g_autofree char *keep = g_build_filename (existing, "keep.txt", NULL);
  g_autofree char *fresh = g_build_filename (tmp, "fresh", NULL);
  g_autofree char *nowhere = g_build_filename (tmp, "no", "such", "dir", NULL);
  g_autoptr(BylineDocument) doc = small_document ("keep");
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  BylineWriter *writer;

  /* the destination is a file: an error, and nothing left behind */
  g_assert_true (g_file_set_contents (file, "not a directory", -1, NULL));
  writer = byline_format_open_writer (brat (), file, NULL, &error);
  g_assert_null (writer);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a directory"));
  g_clear_error (&error);
  listing = list_dir (tmp);
  g_assert_cmpstr (listing, ==, "file");
  g_clear_pointer (&listing, g_free);

  writer = byline_format_open_writer (brat (), nowhere, NULL, &error);
  g_assert_null (writer);
  g_assert_nonnull (strstr (error->message, "no such directory"));
  g_clear_error (&error);

  /* freed unfinished: an existing directory is left as it was */
  g_assert_cmpint (g_mkdir (existing, 0777), ==, 0);
  g_assert_true (g_file_set_contents (keep, "old text", -1, NULL));
  writer = byline_format_open_writer (brat (), existing, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_writer_write (writer, doc, &error));
  byline_writer_free (writer);
  listing = list_dir (existing);
  g_assert_cmpstr (listing, ==, "keep.txt");
  g_clear_pointer (&listing, g_free);
  kept = read_text_file (keep);
  g_assert_cmpstr (kept, ==, "old text");

  /* and a new one is not made */
  writer = byline_format_open_writer (brat (), fresh, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (byline_writer_write (writer, doc, &error));
  byline_writer_free (writer);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  listing = list_dir (tmp);
  g_assert_cmpstr (listing, ==, "existing file");
  g_clear_pointer (&listing, g_free);

  /* finished: the files replace the old ones; names are safe and unique */
  writer = byline_format_open_writer (brat (), existing, NULL, &error);
  g_assert_no_error (error);
  {
    const char *ids[] = { "keep", "x", "x", "X", "../up", ".hidden", NULL };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(BylineDocument) d = small_document (ids[i]);

        g_assert_true (byline_writer_write (writer, d, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (byline_writer_finish (writer, &error));
  g_assert_no_error (error);
  byline_writer_free (writer);
  listing = list_dir (existing);
  g_assert_cmpstr (listing, ==,
                   "X-3.ann X-3.txt _._up.ann _._up.txt _hidden.ann _hidden.txt doc.ann doc.txt "
                   "keep.ann keep.txt x-2.ann x-2.txt x.ann x.txt");
  g_clear_pointer (&kept, g_free);
  kept = read_text_file (keep);
  g_assert_cmpstr (kept, ==, "Smith said.");
  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brat/news-tutorial", test_news_tutorial);
  g_test_add_func ("/brat/sample-roundtrip", test_sample_roundtrip);
  g_test_add_func ("/brat/adversarial-from-byline", test_adversarial_from_byline);
  g_test_add_func ("/brat/adversarial-brat", test_adversarial_brat);
  g_test_add_func ("/brat/polnear", test_polnear);
  g_test_add_func ("/brat/attribution-from-byline", test_attribution_from_byline);
  g_test_add_func ("/brat/ids", test_ids);
  g_test_add_func ("/brat/line-break-in-text-field", test_line_break_in_text_field);
  g_test_add_func ("/brat/bom", test_bom);
  g_test_add_func ("/brat/bad-input", test_bad_input);
  g_test_add_func ("/brat/writer-atomic", test_writer_atomic);

  return g_test_run ();
}

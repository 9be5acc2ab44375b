/* test-export.c: filters, splits and summaries of dataset exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-native.h"

/* The formats.md running example, with one annotation of each status
 * that matters: a1 manual, a3 accepted, a2 suggested, and a suggested
 * relation r2. */
static const char example[] =
  "{\"format\": \"byline\", \"version\": 1, \"id\": \"doc-1\","
  " \"text\": \"\\\"We will win,\\\" said Smith.\","
  " \"annotations\": ["
  "  {\"id\": \"a1\", \"layer\": \"speakers\", \"label\": \"QUOTE\", \"start\": 0, \"end\": 14, \"status\": \"manual\"},"
  "  {\"id\": \"a3\", \"layer\": \"speakers\", \"label\": \"CUE\", \"start\": 15, \"end\": 19, \"status\": \"accepted\", \"origin\": \"rules:quotes\"},"
  "  {\"id\": \"a2\", \"layer\": \"speakers\", \"label\": \"SPEAKER\", \"start\": 20, \"end\": 25, \"status\": \"suggested\", \"origin\": \"rules:quotes\"},"
  "  {\"id\": \"a4\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 20, \"end\": 25, \"status\": \"rejected\", \"origin\": \"rules:entities\"}"
  " ],"
  " \"relations\": ["
  "  {\"id\": \"r1\", \"type\": \"said_by\", \"from\": \"a1\", \"to\": \"a2\"},"
  "  {\"id\": \"r2\", \"type\": \"cue\", \"from\": \"a1\", \"to\": \"a3\", \"status\": \"suggested\"}"
  " ]}";

static BylineDocument *
load_example (const char *id)
{
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = byline_native_load_data (example, strlen (example), "example.byline.json",
                                                 NULL, NULL, &error);

  g_assert_no_error (error);
  if (id != NULL)
    byline_document_set_id (doc, id);
  return doc;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("byline-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static guint
count_lines (const char *path)
{
  g_autofree char *data = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  for (const char *p = data; *p; p++)
    n += *p == '\n';
  return n;
}

/* ---- The split -------------------------------------------------------- */

static void
test_plan_exact (void)
{
  static const struct { guint n; double w[3]; guint expect[3]; } cases[] = {
    { 10, { 80, 10, 10 }, { 8, 1, 1 } },
    { 1000, { 0.8, 0.1, 0.1 }, { 800, 100, 100 } },
    { 3, { 80, 10, 10 }, { 2, 0, 1 } },
    { 7, { 1, 1, 0 }, { 4, 3, 0 } },
    { 0, { 80, 10, 10 }, { 0, 0, 0 } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree guint8 *plan = byline_export_plan_split (cases[c].n, cases[c].w, 42);
      guint got[3] = { 0 };

      for (guint i = 0; i < cases[c].n; i++)
        {
          g_assert_cmpuint (plan[i], <, 3);
          got[plan[i]]++;
        }
      for (guint p = 0; p < 3; p++)
        g_assert_cmpuint (got[p], ==, cases[c].expect[p]);
    }
}

static void
test_plan_seeded (void)
{
  static const double w[3] = { 80, 10, 10 };
  g_autofree guint8 *a = byline_export_plan_split (500, w, 1);
  g_autofree guint8 *b = byline_export_plan_split (500, w, 1);
  g_autofree guint8 *c = byline_export_plan_split (500, w, 2);
  guint first_dev = 500;

  /* The same seed gives the same split; another seed another one. */
  g_assert_cmpmem (a, 500, b, 500);
  g_assert_true (memcmp (a, c, 500) != 0);
  /* A shuffle, not the first 400 documents in order. */
  for (guint i = 0; i < 500 && first_dev == 500; i++)
    {
      if (a[i] != BYLINE_SPLIT_TRAIN)
        first_dev = i;
    }
  g_assert_cmpuint (first_dev, <, 400);
}

static void
test_parse (void)
{
  double split[3];
  guint statuses;
  g_autoptr(GError) error = NULL;

  g_assert_true (byline_export_parse_split ("80,10,10", split, &error));
  g_assert_cmpfloat (split[0], ==, 80);
  g_assert_cmpfloat (split[2], ==, 10);
  g_assert_true (byline_export_parse_split (" 0.9 , 0.1", split, &error));
  g_assert_cmpfloat (split[1], ==, 0.1);
  g_assert_cmpfloat (split[2], ==, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      static const char * const bad[] = { "80", "a,b", "80,-10,10", "0,0,0", "1,2,3,4" };

      g_assert_false (byline_export_parse_split (bad[i], split, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }

  g_assert_true (byline_export_parse_statuses ("manual, rejected", &statuses, &error));
  g_assert_cmpuint (statuses, ==, (1u << BYLINE_STATUS_MANUAL) | (1u << BYLINE_STATUS_REJECTED));
  g_assert_false (byline_export_parse_statuses ("manual,maybe", &statuses, &error));
  g_assert_nonnull (strstr (error->message, "maybe"));
}

/* ---- Filters ---------------------------------------------------------- */

static void
test_filter_dataset_default (void)
{
  g_autoptr(BylineDocument) doc = load_example (NULL);
  g_autoptr(BylineLosses) left_out = byline_losses_new ();
  g_autoptr(GError) error = NULL;
  BylineExportSettings settings = { 0 };

  /* A dataset format takes manual and accepted work only: the suggested
   * SPEAKER goes, and with it the relation to it; the suggested relation
   * goes by its own status. */
  g_assert_true (byline_export_filter_document (doc, byline_format_lookup ("conll"), &settings,
                                                left_out, &error));
  g_assert_no_error (error);
  g_assert_nonnull (byline_document_lookup_annotation (doc, "a1"));
  g_assert_nonnull (byline_document_lookup_annotation (doc, "a3"));
  g_assert_null (byline_document_lookup_annotation (doc, "a2"));
  g_assert_null (byline_document_lookup_annotation (doc, "a4"));
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 0);
  g_assert_cmpuint (byline_losses_get_count (left_out, "suggested annotations (not reviewed)", "SPEAKER"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (left_out, "rejected annotations", "PERSON"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (left_out, "relations with an end left out", "said_by"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (left_out, "relations left out by their status", "cue"), ==, 1);
  g_assert_cmpuint (byline_losses_get_total (left_out), ==, 4);
}

static void
test_filter_native_keeps_all (void)
{
  g_autoptr(BylineDocument) doc = load_example (NULL);
  g_autoptr(BylineLosses) left_out = byline_losses_new ();
  BylineExportSettings settings = { 0 };

  g_assert_true (byline_export_filter_document (doc, byline_format_lookup ("jsonl"), &settings,
                                                left_out, NULL));
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 4);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 2);
  g_assert_cmpuint (byline_losses_get_total (left_out), ==, 0);
}

static void
test_filter_layers_labels (void)
{
  static const char * const layers[] = { "speakers", NULL };
  static const char * const labels[] = { "QUOTE", "SPEAKER", "PERSON", NULL };
  g_autoptr(BylineDocument) doc = load_example (NULL);
  g_autoptr(BylineLosses) left_out = byline_losses_new ();
  BylineExportSettings settings = { layers, labels, (1u << BYLINE_N_STATUSES) - 1 };

  g_assert_true (byline_export_filter_document (doc, byline_format_lookup ("conll"), &settings,
                                                left_out, NULL));
  /* PERSON is a wanted label but not in a wanted layer; CUE is in the
   * layer but not a wanted label. */
  g_assert_nonnull (byline_document_lookup_annotation (doc, "a1"));
  g_assert_nonnull (byline_document_lookup_annotation (doc, "a2"));
  g_assert_null (byline_document_lookup_annotation (doc, "a3"));
  g_assert_null (byline_document_lookup_annotation (doc, "a4"));
  g_assert_nonnull (byline_document_lookup_relation (doc, "r1"));
  g_assert_null (byline_document_lookup_relation (doc, "r2"));
  g_assert_cmpuint (byline_losses_get_count (left_out, "annotations of layers not exported", NULL), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (left_out, "annotations of labels not exported", "CUE"), ==, 1);
}

/* ---- Whole exports ---------------------------------------------------- */

static void
test_export_split_jsonl (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "dataset", NULL);
  g_autofree char *train = g_build_filename (out, "train.byline.jsonl", NULL);
  g_autofree char *dev = g_build_filename (out, "dev.byline.jsonl", NULL);
  g_autofree char *test = g_build_filename (out, "test.byline.jsonl", NULL);
  g_autofree char *summary = NULL;
  g_autoptr(BylineExport) export = NULL;
  g_autoptr(GError) error = NULL;
  BylineExportSettings settings = { .split = { 80, 10, 10 }, .seed = 3, .n_documents = 20 };

  export = byline_export_new (byline_format_lookup ("jsonl"), out, NULL, &settings, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc-%u", i);
      g_autoptr(BylineDocument) doc = load_example (id);

      g_assert_true (byline_export_add (export, doc, &error));
      g_assert_no_error (error);
    }
  /* Nothing is visible before the export finishes. */
  g_assert_false (g_file_test (train, G_FILE_TEST_EXISTS));
  {
    g_autoptr(BylineDocument) extra = load_example ("one-too-many");

    g_assert_false (byline_export_add (export, extra, &error));
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (byline_export_finish (export, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_lines (train), ==, 16);
  g_assert_cmpuint (count_lines (dev), ==, 2);
  g_assert_cmpuint (count_lines (test), ==, 2);
  g_assert_cmpuint (byline_export_get_n_documents (export, BYLINE_SPLIT_TRAIN), ==, 16);
  g_assert_cmpuint (byline_export_get_n_documents (export, -1), ==, 20);

  summary = byline_export_get_summary (export);
  g_assert_nonnull (strstr (summary, "20 documents (train 16, dev 2, test 2)"));
  g_assert_nonnull (strstr (summary, "80 annotations, 40 relations"));
  g_assert_nonnull (strstr (summary, "  SPEAKER 20\n"));
  remove_tree (dir);
}

static void
test_export_unfinished_leaves_nothing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  BylineExport *export;

  g_assert_true (g_file_set_contents (out, "old\n", -1, NULL));
  export = byline_export_new (byline_format_lookup ("jsonl"), out, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BylineDocument) doc = load_example (NULL);

    g_assert_true (byline_export_add (export, doc, &error));
  }
  /* A reader failed: the export is dropped, the old file stays whole. */
  byline_export_free (export);
  {
    g_autofree char *data = NULL;

    g_assert_true (g_file_get_contents (out, &data, NULL, NULL));
    g_assert_cmpstr (data, ==, "old\n");
  }
  remove_tree (dir);
}

static void
test_export_per_document (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out = g_strconcat (dir, "/docs/", NULL);
  g_autofree char *a = g_build_filename (dir, "docs", "same.byline.json", NULL);
  g_autofree char *b = g_build_filename (dir, "docs", "same-2.byline.json", NULL);
  g_autoptr(BylineExport) export = NULL;
  g_autoptr(GError) error = NULL;

  /* A directory gets one file per document; two documents with one id
   * do not overwrite each other. */
  export = byline_export_new (byline_format_lookup ("byline"), out, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BylineDocument) doc = load_example ("same");

      byline_export_add (export, doc, &error);
      g_assert_no_error (error);
    }
  g_assert_true (byline_export_finish (export, &error));
  g_assert_true (g_file_test (a, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (b, G_FILE_TEST_IS_REGULAR));
  remove_tree (dir);
}

/* ---- Losses ----------------------------------------------------------- */

static void
test_losses (void)
{
  g_autoptr(BylineLosses) a = byline_losses_new ();
  g_autoptr(BylineLosses) b = byline_losses_new ();
  g_autofree char *text = NULL;

  byline_losses_add (a, "relations", "said_by", 8);
  byline_losses_add (a, "relations", "cue", 3);
  byline_losses_add (b, "relations", "cue", 1);
  byline_losses_add (b, "notes", NULL, 2);
  byline_losses_add (b, "attributes", "stance", 0);
  byline_losses_merge (a, b);
  g_assert_cmpuint (byline_losses_get_count (a, "relations", "cue"), ==, 4);
  g_assert_cmpuint (byline_losses_get_count (a, "relations", NULL), ==, 12);
  g_assert_cmpuint (byline_losses_get_total (a), ==, 14);
  text = byline_losses_to_string (a);
  /* Sorted by what, then label; a count of 0 is not a loss. */
  g_assert_cmpstr (text, ==, "notes: 2\nrelations: 12 (cue 4, said_by 8)\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/split/exact", test_plan_exact);
  g_test_add_func ("/export/split/seeded", test_plan_seeded);
  g_test_add_func ("/export/parse", test_parse);
  g_test_add_func ("/export/filter/dataset-default", test_filter_dataset_default);
  g_test_add_func ("/export/filter/native-keeps-all", test_filter_native_keeps_all);
  g_test_add_func ("/export/filter/layers-labels", test_filter_layers_labels);
  g_test_add_func ("/export/split-jsonl", test_export_split_jsonl);
  g_test_add_func ("/export/unfinished", test_export_unfinished_leaves_nothing);
  g_test_add_func ("/export/per-document", test_export_per_document);
  g_test_add_func ("/export/losses", test_losses);

  return g_test_run ();
}

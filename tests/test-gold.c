/* test-gold.c: the built-in extractors measured against the gold set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every article in tests/data/gold/ (hand-annotated, exhaustively: see its
 * README.md) goes through one Suggest run, as the window runs it: entities,
 * then quotes, then claims, on the text alone. Each extractor's output (its
 * origin, "rules:NAME") is compared with the gold annotations of the labels
 * it produces, and the test prints per label: gold count, suggested, exact
 * matches (same label, same [start, end)), precision and recall, exact and
 * by overlap (a suggestion counts when it overlaps a gold span of its label,
 * a gold span counts when a suggestion of its label overlaps it). Relations
 * count when their type and both ends match exactly.
 *
 * The test fails when an extractor's exact precision or recall falls below
 * the figures below. An extractor that is not in this build (no run
 * function yet) is skipped.
 *
 * BYLINE_GOLD_DETAILS=1 also lists every miss and every false suggestion.
 */
#include <locale.h>
#include <string.h>

#include "byline-error.h"
#include "byline-native.h"
#include "byline-relation.h"
#include "byline-suggest.h"

/* Minimum exact precision and recall, over all the labels an extractor
 * produces: a little under the figures the extractors reach (2026-11-29:
 * entities 0.816 / 0.751, quotes 0.995 / 0.839, claims 0.707 / 0.892),
 * recorded in README.md. A change that loses more fails here. */
#define MIN_ENTITIES_PRECISION 0.80
#define MIN_ENTITIES_RECALL    0.73
#define MIN_QUOTES_PRECISION   0.97
#define MIN_QUOTES_RECALL      0.82
#define MIN_CLAIMS_PRECISION   0.68
#define MIN_CLAIMS_RECALL      0.86

/* What the gold set must hold to measure anything (the issue asks for at
 * least 150 annotations). */
#define MIN_GOLD_ANNOTATIONS 150
#define MIN_GOLD_SPEAKERS    40   /* QUOTE, SPEAKER and CUE */
#define MIN_GOLD_CLAIMS      25

static const char * const entity_labels[] = {
  "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
  "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", NULL
};
static const char * const speaker_labels[] = { "QUOTE", "SPEAKER", "CUE", NULL };
static const char * const claim_labels[] = { "CLAIM", NULL };

static const char * const no_relations[] = { NULL };
static const char * const speaker_relations[] = { "said_by", "cue", "refers_to", NULL };
static const char * const claim_relations[] = { "claimer", NULL };

typedef struct
{
  const char         *name;
  const char * const *labels;
  const char * const *relations;
  double              min_precision;
  double              min_recall;
} Scored;

static const Scored scored[] = {
  { "entities", entity_labels, no_relations, MIN_ENTITIES_PRECISION, MIN_ENTITIES_RECALL },
  { "quotes", speaker_labels, speaker_relations, MIN_QUOTES_PRECISION, MIN_QUOTES_RECALL },
  { "claims", claim_labels, claim_relations, MIN_CLAIMS_PRECISION, MIN_CLAIMS_RECALL },
};

typedef struct
{
  guint gold;
  guint suggested;
  guint exact;
  guint overlap_suggested;  /* suggestions overlapping a gold span */
  guint overlap_gold;       /* gold spans overlapped by a suggestion */
} Counts;

/* The gold documents and, for each, the suggestions of one run. */
static GPtrArray *gold_documents;
static GPtrArray *gold_names;
static GPtrArray *runs;
static GString   *run_failure;

static gboolean
show_details (void)
{
  return g_strcmp0 (g_getenv ("BYLINE_GOLD_DETAILS"), "1") == 0;
}

static gboolean
is_gold (BylineAnnotation *a)
{
  BylineStatus status = byline_annotation_get_status (a);

  return status == BYLINE_STATUS_MANUAL || status == BYLINE_STATUS_ACCEPTED;
}

static gboolean
same_span (BylineAnnotation *a,
           BylineAnnotation *b)
{
  return byline_annotation_get_start (a) == byline_annotation_get_start (b) &&
         byline_annotation_get_end (a) == byline_annotation_get_end (b) &&
         g_str_equal (byline_annotation_get_label (a), byline_annotation_get_label (b));
}

static gboolean
spans_overlap (BylineAnnotation *a,
               BylineAnnotation *b)
{
  return byline_annotation_get_start (a) < byline_annotation_get_end (b) &&
         byline_annotation_get_start (b) < byline_annotation_get_end (a) &&
         g_str_equal (byline_annotation_get_label (a), byline_annotation_get_label (b));
}

static gboolean
extractor_available (const char *name)
{
  const BylineExtractor *e = byline_extractor_lookup (name);

  return e != NULL && e->run != NULL;
}

/* g_ptr_array_sort() hands pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
load_gold (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *dirname = g_test_get_filename (G_TEST_DIST, "data", "gold", NULL);
  const char *entry;

  if (gold_documents != NULL)
    return;
  gold_documents = g_ptr_array_new_with_free_func (g_object_unref);
  gold_names = g_ptr_array_new_with_free_func (g_free);
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_suggestions_free);
  run_failure = g_string_new (NULL);

  dir = g_dir_open (dirname, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (entry, ".byline.json"))
        g_ptr_array_add (files, g_strdup (entry));
    }
  g_ptr_array_sort (files, compare_names);

  /* The extractors this build has, in the registry's order: a run with
   * all of them is what the window does. */
  for (const BylineExtractor * const *e = byline_extractors_list (); *e != NULL; e++)
    {
      if ((*e)->run != NULL)
        g_ptr_array_add (names, (gpointer) (*e)->name);
    }
  g_ptr_array_add (names, NULL);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (dirname, files->pdata[i], NULL);
      g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, NULL, &error);
      g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
      g_autoptr(GError) run_error = NULL;

      g_assert_no_error (error);
      if (names->len > 1 &&
          !byline_suggestions_run (s, byline_document_get_text (doc), (const char * const *) names->pdata,
                                   NULL, &run_error))
        g_string_append_printf (run_failure, "%s: %s\n", (char *) files->pdata[i], run_error->message);
      g_ptr_array_add (gold_documents, g_steal_pointer (&doc));
      g_ptr_array_add (gold_names, g_strdup (files->pdata[i]));
      g_ptr_array_add (runs, g_steal_pointer (&s));
    }
}

static void
free_gold (void)
{
  g_clear_pointer (&gold_documents, g_ptr_array_unref);
  g_clear_pointer (&gold_names, g_ptr_array_unref);
  g_clear_pointer (&runs, g_ptr_array_unref);
  if (run_failure != NULL)
    g_string_free (g_steal_pointer (&run_failure), TRUE);
}

/* The annotations of @doc with @label that are gold. */
static GPtrArray *
gold_with_label (BylineDocument *doc,
                 const char     *label)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);

      if (is_gold (a) && g_str_equal (byline_annotation_get_label (a), label))
        g_ptr_array_add (found, a);
    }
  return found;
}

/* The suggestions of the extractor whose origin is @origin, with @label. */
static GPtrArray *
suggested_with_label (BylineSuggestions *s,
                      const char        *origin,
                      const char        *label)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      if (g_strcmp0 (byline_annotation_get_origin (a), origin) == 0 &&
          g_str_equal (byline_annotation_get_label (a), label))
        g_ptr_array_add (found, a);
    }
  return found;
}

static char *
describe (BylineDocument   *doc,
          BylineAnnotation *a)
{
  g_autofree char *text = byline_document_dup_slice (doc, byline_annotation_get_start (a),
                                                     byline_annotation_get_end (a));

  if (text != NULL)
    g_strdelimit (text, "\n", ' ');
  return g_strdup_printf ("%s %u-%u “%s”", byline_annotation_get_label (a), byline_annotation_get_start (a),
                          byline_annotation_get_end (a), text != NULL ? text : "?");
}

static void
count_label (guint              doc_index,
             const char        *origin,
             const char        *label,
             Counts            *counts)
{
  BylineDocument *doc = gold_documents->pdata[doc_index];
  g_autoptr(GPtrArray) gold = gold_with_label (doc, label);
  g_autoptr(GPtrArray) suggested = suggested_with_label (runs->pdata[doc_index], origin, label);

  counts->gold += gold->len;
  counts->suggested += suggested->len;
  for (guint i = 0; i < suggested->len; i++)
    {
      gboolean exact = FALSE, overlap = FALSE;

      for (guint j = 0; j < gold->len; j++)
        {
          exact = exact || same_span (suggested->pdata[i], gold->pdata[j]);
          overlap = overlap || spans_overlap (suggested->pdata[i], gold->pdata[j]);
        }
      counts->exact += exact;
      counts->overlap_suggested += overlap;
      if (!exact && show_details ())
        {
          g_autofree char *what = describe (doc, suggested->pdata[i]);

          g_test_message ("  %s: false %s%s", (char *) gold_names->pdata[doc_index], what,
                          overlap ? " (overlaps)" : "");
        }
    }
  for (guint j = 0; j < gold->len; j++)
    {
      gboolean exact = FALSE, overlap = FALSE;

      for (guint i = 0; i < suggested->len; i++)
        {
          exact = exact || same_span (suggested->pdata[i], gold->pdata[j]);
          overlap = overlap || spans_overlap (suggested->pdata[i], gold->pdata[j]);
        }
      counts->overlap_gold += overlap;
      if (!exact && show_details ())
        {
          g_autofree char *what = describe (doc, gold->pdata[j]);

          g_test_message ("  %s: missed %s%s", (char *) gold_names->pdata[doc_index], what,
                          overlap ? " (overlapped)" : "");
        }
    }
}

static double
ratio (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / whole : 0.0;
}

static void
print_header (void)
{
  g_test_message ("%-12s %5s %5s %5s   %5s %5s %5s   %5s %5s",
                  "label", "gold", "sugg", "exact", "P", "R", "F1", "ovl-P", "ovl-R");
}

static void
print_row (const char   *label,
           const Counts *c)
{
  double p = ratio (c->exact, c->suggested);
  double r = ratio (c->exact, c->gold);

  g_test_message ("%-12s %5u %5u %5u   %5.3f %5.3f %5.3f   %5.3f %5.3f",
                  label, c->gold, c->suggested, c->exact, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0,
                  ratio (c->overlap_suggested, c->suggested), ratio (c->overlap_gold, c->gold));
}

/* The (type, from, to) key of a relation whose ends are @from and @to. */
static char *
relation_key (const char       *type,
              BylineAnnotation *from,
              BylineAnnotation *to)
{
  return g_strdup_printf ("%s %s:%u-%u %s:%u-%u", type,
                          byline_annotation_get_label (from), byline_annotation_get_start (from),
                          byline_annotation_get_end (from),
                          byline_annotation_get_label (to), byline_annotation_get_start (to),
                          byline_annotation_get_end (to));
}

static void
count_relations (guint       doc_index,
                 const char *origin,
                 const char *type,
                 Counts     *counts)
{
  BylineDocument *doc = gold_documents->pdata[doc_index];
  BylineSuggestions *s = runs->pdata[doc_index];
  GPtrArray *relations = byline_suggestions_get_relations (s);
  g_autoptr(GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);
      BylineAnnotation *from = byline_document_lookup_annotation (doc, byline_relation_get_from (r));
      BylineAnnotation *to = byline_document_lookup_annotation (doc, byline_relation_get_to (r));

      if (g_str_equal (byline_relation_get_relation_type (r), type) && from != NULL && to != NULL)
        g_hash_table_add (gold, relation_key (type, from, to));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      BylineAnnotation *from = byline_suggestions_lookup (s, byline_relation_get_from (r));
      BylineAnnotation *to = byline_suggestions_lookup (s, byline_relation_get_to (r));

      if (g_str_equal (byline_relation_get_relation_type (r), type) &&
          g_strcmp0 (byline_relation_get_origin (r), origin) == 0 && from != NULL && to != NULL)
        g_hash_table_add (found, relation_key (type, from, to));
    }
  counts->gold += g_hash_table_size (gold);
  counts->suggested += g_hash_table_size (found);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (gold, key))
        counts->exact++;
      else if (show_details ())
        g_test_message ("  %s: false relation %s", (char *) gold_names->pdata[doc_index], (char *) key);
    }
  g_hash_table_iter_init (&iter, gold);
  while (show_details () && g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (found, key))
        g_test_message ("  %s: missed relation %s", (char *) gold_names->pdata[doc_index], (char *) key);
    }
}

static void
print_relation_header (void)
{
  g_test_message ("%-12s %5s %5s %5s   %5s %5s %5s", "relation", "gold", "sugg", "exact", "P", "R", "F1");
}

static void
print_relation_row (const char   *type,
                    const Counts *c)
{
  double p = ratio (c->exact, c->suggested);
  double r = ratio (c->exact, c->gold);

  g_test_message ("%-12s %5u %5u %5u   %5.3f %5.3f %5.3f", type, c->gold, c->suggested, c->exact,
                  p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
}

static void
test_extractor (gconstpointer data)
{
  const Scored *sc = data;
  const BylineExtractor *e = byline_extractor_lookup (sc->name);
  Counts total = { 0 };
  double precision, recall;

  g_assert_nonnull (e);
  if (!extractor_available (sc->name))
    {
      g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
      const char *names[] = { sc->name, NULL };
      g_autoptr(GError) error = NULL;

      /* What a user of this build would see when asking for it. */
      g_assert_false (byline_suggestions_run (s, "Text.", names, NULL, &error));
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
      g_test_skip (error->message);
      return;
    }

  load_gold ();
  if (run_failure->len > 0)
    g_error ("Suggest failed on the gold set:\n%s", run_failure->str);

  g_test_message ("%s (%s) against %u gold articles, spans:", sc->name, e->origin, gold_documents->len);
  print_header ();
  for (guint l = 0; sc->labels[l] != NULL; l++)
    {
      Counts c = { 0 };

      for (guint d = 0; d < gold_documents->len; d++)
        count_label (d, e->origin, sc->labels[l], &c);
      if (c.gold == 0 && c.suggested == 0)
        continue;
      print_row (sc->labels[l], &c);
      total.gold += c.gold;
      total.suggested += c.suggested;
      total.exact += c.exact;
      total.overlap_suggested += c.overlap_suggested;
      total.overlap_gold += c.overlap_gold;
    }
  print_row ("all", &total);

  if (sc->relations[0] != NULL)
    {
      g_test_message ("%s relations (both ends exact):", sc->name);
      print_relation_header ();
      for (guint t = 0; sc->relations[t] != NULL; t++)
        {
          Counts c = { 0 };

          for (guint d = 0; d < gold_documents->len; d++)
            count_relations (d, e->origin, sc->relations[t], &c);
          print_relation_row (sc->relations[t], &c);
        }
    }

  precision = ratio (total.exact, total.suggested);
  recall = ratio (total.exact, total.gold);
  g_test_message ("%s: exact precision %.3f (at least %.3f), recall %.3f (at least %.3f)",
                  sc->name, precision, sc->min_precision, recall, sc->min_recall);
  g_assert_cmpfloat (precision, >=, sc->min_precision);
  g_assert_cmpfloat (recall, >=, sc->min_recall);
}

/* The gold set itself: big enough to measure anything, annotated by hand,
 * and its relations of the news schema's shapes. */
static void
test_gold_set (void)
{
  guint n = 0, n_speakers = 0, n_claims = 0;

  load_gold ();
  g_assert_cmpuint (gold_documents->len, >=, 5);
  for (guint d = 0; d < gold_documents->len; d++)
    {
      BylineDocument *doc = gold_documents->pdata[d];

      g_assert_cmpuint (byline_document_get_n_annotations (doc), >, 0);
      for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
        {
          BylineAnnotation *a = byline_document_get_annotation (doc, i);
          const char *label = byline_annotation_get_label (a);

          g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_MANUAL);
          g_assert_cmpstr (byline_annotation_get_origin (a), ==, "gold");
          n++;
          n_speakers += g_strv_contains (speaker_labels, label);
          n_claims += g_str_equal (label, "CLAIM");
        }
      for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
        {
          BylineRelation *r = byline_document_get_relation (doc, i);
          BylineAnnotation *from = byline_document_lookup_annotation (doc, byline_relation_get_from (r));
          BylineAnnotation *to = byline_document_lookup_annotation (doc, byline_relation_get_to (r));
          const char *type = byline_relation_get_relation_type (r);

          g_assert_nonnull (from);
          g_assert_nonnull (to);
          if (g_str_equal (type, "said_by"))
            {
              g_assert_cmpstr (byline_annotation_get_label (from), ==, "QUOTE");
              g_assert_cmpstr (byline_annotation_get_label (to), ==, "SPEAKER");
            }
          else if (g_str_equal (type, "cue"))
            {
              g_assert_cmpstr (byline_annotation_get_label (from), ==, "QUOTE");
              g_assert_cmpstr (byline_annotation_get_label (to), ==, "CUE");
            }
          else if (g_str_equal (type, "refers_to"))
            {
              g_assert_cmpstr (byline_annotation_get_label (from), ==, "SPEAKER");
              g_assert_cmpstr (byline_annotation_get_layer (to), ==, "entities");
            }
          else if (g_str_equal (type, "claimer"))
            g_assert_cmpstr (byline_annotation_get_label (from), ==, "CLAIM");
          else
            g_assert_not_reached ();
        }
    }
  g_test_message ("gold set: %u articles, %u annotations (%u quotes, speakers and cues; %u claims)",
                  gold_documents->len, n, n_speakers, n_claims);
  g_assert_cmpuint (n, >=, MIN_GOLD_ANNOTATIONS);
  g_assert_cmpuint (n_speakers, >=, MIN_GOLD_SPEAKERS);
  g_assert_cmpuint (n_claims, >=, MIN_GOLD_CLAIMS);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* The table quotes the articles: print them in the locale's charset. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gold/set", test_gold_set);
  for (guint i = 0; i < G_N_ELEMENTS (scored); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gold/%s", scored[i].name);

      g_test_add_data_func (path, &scored[i], test_extractor);
    }
  status = g_test_run ();
  free_gold ();
  return status;
}

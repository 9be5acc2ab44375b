/* bench-doc.c: the large article both benchmarks use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1 MiB of news-like text (curly quotes, dashes, accents, CJK, emoji), with
 * 50,000 annotations of every layer that overlap and nest as real ones do,
 * and the relations between them, all valid for the news schema. Built
 * through the public API with a fixed seed, so every run is the same.
 * Also the timing and table helpers both benchmarks print with.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-doc.h"

typedef enum
{
  KIND_ENTITY,
  KIND_QUOTE,
  KIND_CUE,
  KIND_SPEAKER,
  KIND_CLAIM,
  KIND_CLAIM_OBJECT,
} Kind;

/* One planned annotation; ids are "a<id>", in the order of planning, so
 * relations can name them before the annotations exist. */
typedef struct
{
  BylineFragment first;
  BylineFragment second;   /* end == 0: a contiguous annotation */
  guint          id;
  Kind           kind;
  guint          label;    /* into entity_labels, for KIND_ENTITY */
} Plan;

typedef struct
{
  const char *type;
  guint       from;
  guint       to;
} PlannedRelation;

typedef struct
{
  GString *text;
  GArray  *words;          /* BylineFragment: code points of each word */
  guint    n_chars;
} Article;

static const char * const plain_words[] = {
  "the", "minister", "said", "on", "Tuesday", "that", "government", "would", "not",
  "raise", "taxes", "before", "election", "in", "a", "statement", "to", "reporters",
  "at", "city", "hall", "where", "council", "members", "met", "for", "three", "hours",
  "about", "budget", "and", "new", "housing", "plan", "which", "critics", "say",
  "is", "too", "little", "late", "residents", "of", "northern", "district", "have",
  "waited", "years", "for", "repairs", "to", "bridge", "spokeswoman", "told", "us",
  "company", "reported", "profits", "rose", "12", "percent", "last", "quarter",
  "while", "analysts", "expected", "more", "police", "confirmed", "two", "arrests",
  "after", "protest", "outside", "parliament", "Smith", "Garcia", "Okafor", "Chen",
  "Reuters", "Berlin", "Lagos", "Monday", "March", "2024", "million", "dollars",
};

/* Roughly one word in twelve: what real news text throws at offsets. */
static const char * const special_words[] = {
  "“We", "will", "win,”", "don’t", "it’s", "—", "—", "“No", "comment.”", "café",
  "naïve", "re\xcc\x81sume\xcc\x81", "Zürich", "São", "Paulo", "€300", "½", "東京",
  "北京市", "習近平", "ソニー", "😀", "🇺🇦", "👍🏽", "«Oui»", "Ελλάδα", "Москва",
};

static const char * const entity_labels[] = {
  "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
  "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
  "CARDINAL",
};

static void
append_piece (Article    *article,
              const char *str,
              gboolean    is_word)
{
  BylineFragment f;

  f.start = article->n_chars;
  f.end = f.start + (guint) g_utf8_strlen (str, -1);
  g_string_append (article->text, str);
  article->n_chars = f.end;
  if (is_word)
    g_array_append_val (article->words, f);
}

static void
make_article (Article *article,
              GRand   *rand)
{
  guint sentence = 0;

  article->text = g_string_sized_new (TEXT_BYTES + 256);
  article->words = g_array_new (FALSE, FALSE, sizeof (BylineFragment));
  article->n_chars = 0;

  while (article->text->len < TEXT_BYTES - 256)
    {
      guint n_words = g_rand_int_range (rand, 8, 29);

      for (guint i = 0; i < n_words; i++)
        {
          const char *word;

          if (g_rand_int_range (rand, 0, 12) == 0)
            word = special_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (special_words))];
          else
            word = plain_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (plain_words))];
          append_piece (article, word, TRUE);
          append_piece (article, i + 1 < n_words ? " " : ".", FALSE);
        }
      append_piece (article, ++sentence % 6 == 0 ? "\n\n" : " ", FALSE);
    }
}

/* The code points of words [@w, @w + @n). */
static BylineFragment
words_span (Article *article,
            guint    w,
            guint    n)
{
  BylineFragment f;

  g_assert (n > 0 && w + n <= article->words->len);
  f.start = g_array_index (article->words, BylineFragment, w).start;
  f.end = g_array_index (article->words, BylineFragment, w + n - 1).end;
  return f;
}

static Plan *
plan_add (GArray         *plans,
          Kind            kind,
          BylineFragment  span)
{
  Plan p = { span, { 0, 0 }, plans->len, kind, 0 };

  g_array_append_val (plans, p);
  return &g_array_index (plans, Plan, plans->len - 1);
}

static void
plan_relation (GArray     *relations,
               const char *type,
               guint       from,
               guint       to)
{
  PlannedRelation r = { type, from, to };

  g_array_append_val (relations, r);
}

/* Quotes (some interrupted, "he said", so in two fragments) with their
 * cue and speaker right after them, more speakers, claims with their
 * objects inside them, and entities everywhere: quotes and claims overlap
 * and nest dozens of entities. */
static void
plan_annotations (Article *article,
                  GRand   *rand,
                  GArray  *plans,
                  GArray  *relations)
{
  g_autoptr(GArray) speakers = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_words = article->words->len;
  guint first_entity;

  for (guint i = 0; i < N_QUOTES; i++)
    {
      guint len = g_rand_int_range (rand, 15, 121);
      guint w = g_rand_int_range (rand, 0, n_words - len - 10);
      guint quote = plans->len;
      guint after = w + len;
      Plan *p = plan_add (plans, KIND_QUOTE, words_span (article, w, len));

      if (i < N_DISCONTINUOUS)
        {
          guint half = len / 2;

          p->first = words_span (article, w, half);
          p->second = words_span (article, w + half + 3, len - half);
          after += 3;
        }
      plan_add (plans, KIND_CUE, words_span (article, after, 1));
      plan_relation (relations, "cue", quote, quote + 1);
      g_array_append_val (speakers, plans->len);
      plan_add (plans, KIND_SPEAKER, words_span (article, after + 1, 2));
      plan_relation (relations, "said_by", quote, quote + 2);
    }
  while (speakers->len < N_SPEAKERS)
    {
      g_array_append_val (speakers, plans->len);
      plan_add (plans, KIND_SPEAKER,
                words_span (article, g_rand_int_range (rand, 0, n_words - 2),
                            g_rand_int_range (rand, 1, 3)));
    }
  for (guint i = 0; i < N_CLAIMS; i++)
    {
      guint len = g_rand_int_range (rand, 10, 61);
      guint w = g_rand_int_range (rand, 0, n_words - len);
      guint claim = plans->len;

      plan_add (plans, KIND_CLAIM, words_span (article, w, len));
      plan_add (plans, KIND_CLAIM_OBJECT,
                words_span (article, w + 2, g_rand_int_range (rand, 2, 6)));
      plan_relation (relations, "object", claim, claim + 1);
      plan_relation (relations, "claimer", claim,
                     g_array_index (speakers, guint, g_rand_int_range (rand, 0, N_SPEAKERS)));
    }

  first_entity = plans->len;
  while (plans->len < N_ANNOTATIONS)
    {
      guint r = g_rand_int_range (rand, 0, 10);
      guint len = r < 6 ? 1 : r < 9 ? 2 : g_rand_int_range (rand, 3, 5);
      Plan *p = plan_add (plans, KIND_ENTITY,
                          words_span (article, g_rand_int_range (rand, 0, n_words - len), len));

      p->label = g_rand_int_range (rand, 0, G_N_ELEMENTS (entity_labels));
    }

  for (guint i = 0; i < N_REFERS_TO; i++)
    plan_relation (relations, "refers_to", g_array_index (speakers, guint, i),
                   g_rand_int_range (rand, first_entity, N_ANNOTATIONS));
  g_assert (plans->len == N_ANNOTATIONS);
  g_assert (relations->len == N_RELATIONS);
}

static int
compare_plans (gconstpointer a,
               gconstpointer b)
{
  const Plan *pa = a;
  const Plan *pb = b;

  if (pa->first.start != pb->first.start)
    return pa->first.start < pb->first.start ? -1 : 1;
  if (pa->first.end != pb->first.end)
    return pa->first.end < pb->first.end ? -1 : 1;
  return pa->id < pb->id ? -1 : pa->id > pb->id;
}

static BylineAnnotation *
make_annotation (const Plan *p,
                 GRand      *rand)
{
  static const char * const layers[] = {
    "entities", "speakers", "speakers", "speakers", "claims", "claims",
  };
  static const char * const labels[] = {
    NULL, "QUOTE", "CUE", "SPEAKER", "CLAIM", "CLAIM_OBJECT",
  };
  static const char * const quote_types[] = { "direct", "indirect", "mixed" };
  static const char * const stances[] = { "affirm", "refute", "neutral" };
  static const char * const people[] = { "alice", "bob", "chioma" };
  const char *label = p->kind == KIND_ENTITY ? entity_labels[p->label] : labels[p->kind];
  BylineAnnotation *a = byline_annotation_new (layers[p->kind], label, p->first.start, p->first.end);
  g_autofree char *id = g_strdup_printf ("a%u", p->id);
  guint r = g_rand_int_range (rand, 0, 10);

  byline_annotation_set_id (a, id);
  if (p->second.end > 0)
    {
      BylineFragment fragments[2] = { p->first, p->second };

      byline_annotation_set_fragments (a, fragments, 2);
    }
  byline_annotation_set_created (a, "2024-04-23T09:30:00Z");

  /* Entities mostly come from a tagger and wait for review; the rest is
   * people's work. */
  if (p->kind == KIND_ENTITY && r < 6)
    {
      byline_annotation_set_status (a, BYLINE_STATUS_SUGGESTED);
      byline_annotation_set_origin (a, "spacy:en_core_web_trf");
      byline_annotation_set_confidence (a, g_rand_double_range (rand, 0.5, 1.0));
    }
  else if (p->kind == KIND_ENTITY && r < 7)
    {
      byline_annotation_set_status (a, BYLINE_STATUS_ACCEPTED);
      byline_annotation_set_origin (a, "spacy:en_core_web_trf");
      byline_annotation_set_confidence (a, g_rand_double_range (rand, 0.5, 1.0));
    }
  else
    byline_annotation_set_origin (a, people[r % G_N_ELEMENTS (people)]);

  if (p->kind == KIND_QUOTE)
    byline_annotation_set_attribute_string (a, "quote_type",
                                            quote_types[r % G_N_ELEMENTS (quote_types)]);
  else if (p->kind == KIND_CLAIM)
    {
      byline_annotation_set_attribute_string (a, "check_worthy", r < 5 ? "yes" : "unsure");
      byline_annotation_set_attribute_string (a, "stance", stances[r % G_N_ELEMENTS (stances)]);
      byline_annotation_set_attribute_string (a, "topic", "housing budget");
    }
  if (p->id % 500 == 7)
    byline_annotation_set_note (a, "check the spelling — “São Paulo” or “Sao Paulo”?");
  return a;
}

static BylineDocument *
build_document (Article *article,
                GRand   *rand)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (Plan));
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (PlannedRelation));
  g_autoptr(GError) error = NULL;

  if (!byline_document_set_text (doc, article->text->str, article->text->len, &error))
    g_error ("set_text: %s", error->message);
  byline_document_set_id (doc, "bench-1");
  byline_document_set_schema_name (doc, "news");
  byline_document_set_meta_string (doc, BYLINE_META_TITLE, "A very long article — the benchmark");
  byline_document_set_meta_string (doc, BYLINE_META_SOURCE, "bench-core");
  byline_document_set_meta_string (doc, BYLINE_META_URL, "https://example.org/news/bench");
  byline_document_set_meta_string (doc, BYLINE_META_PUBLISHED, "2024-04-23");
  byline_document_set_meta_string (doc, BYLINE_META_LANGUAGE, "en");

  plan_annotations (article, rand, plans, relations);
  /* Added in file order, the span index only appends. */
  g_array_sort (plans, compare_plans);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(BylineAnnotation) a = make_annotation (&g_array_index (plans, Plan, i), rand);

      if (byline_document_add_annotation (doc, a, &error) == NULL)
        g_error ("add_annotation: %s", error->message);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      const PlannedRelation *pr = &g_array_index (relations, PlannedRelation, i);
      g_autofree char *from = g_strdup_printf ("a%u", pr->from);
      g_autofree char *to = g_strdup_printf ("a%u", pr->to);
      g_autoptr(BylineRelation) rel = byline_relation_new (pr->type, from, to);

      if (i % 10 == 0)
        byline_relation_set_origin (rel, "rules:quotes");
      if (byline_document_add_relation (doc, rel, &error) == NULL)
        g_error ("add_relation: %s", error->message);
    }
  byline_document_mark_loaded (doc);
  return g_steal_pointer (&doc);
}

/**
 * bench_make_document:
 * @seed: the random seed
 * @build_us: (out) (optional): how long adding the annotations and
 *   relations through the API took, in microseconds
 *
 * Returns: (transfer full): the benchmark document, loaded (no history)
 */
BylineDocument *
bench_make_document (guint32  seed,
                     double  *build_us)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BylineDocument *doc;
  Article article;
  gint64 t0;

  make_article (&article, rand);
  /* Only the annotating is timed, not making up the text. */
  t0 = g_get_monotonic_time ();
  doc = build_document (&article, rand);
  if (build_us != NULL)
    *build_us = (double) (g_get_monotonic_time () - t0);
  g_string_free (article.text, TRUE);
  g_array_unref (article.words);
  return doc;
}

/* ---- Timing and the table ---------------------------------------------- */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The median of @samples (microseconds); sorts them. */
double
median (GArray *samples)
{
  gint64 *v = (gint64 *) (gpointer) samples->data;
  guint n = samples->len;

  g_assert (n > 0);
  qsort (v, n, sizeof (gint64), compare_gint64);
  if (n % 2 == 1)
    return (double) v[n / 2];
  return (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* The @p-th percentile of @samples (the nearest rank: the smallest value
 * at least @p % of them do not exceed); sorts them. */
double
percentile (GArray *samples,
            double  p)
{
  gint64 *v = (gint64 *) (gpointer) samples->data;
  guint n = samples->len;
  guint rank;

  g_assert (n > 0);
  g_assert (p > 0 && p <= 100);
  qsort (v, n, sizeof (gint64), compare_gint64);
  rank = (guint) (p / 100.0 * n + 0.999999);
  return (double) v[MAX (rank, 1) - 1];
}

void
add_sample (GArray *samples,
            gint64  t0)
{
  gint64 dt = g_get_monotonic_time () - t0;

  g_array_append_val (samples, dt);
}

GArray *
new_samples (void)
{
  return g_array_new (FALSE, FALSE, sizeof (gint64));
}

char *
format_time (double us)
{
  if (us >= 10000)
    return g_strdup_printf ("%.0f ms", us / 1000);
  if (us >= 1000)
    return g_strdup_printf ("%.1f ms", us / 1000);
  if (us >= 10)
    return g_strdup_printf ("%.0f us", us);
  return g_strdup_printf ("%.1f us", us);
}

/* Pads by characters, not bytes. The table itself is ASCII: g_print()
 * turns anything else into "?" in the C locale meson runs benchmarks in. */
static void
print_cell (const char *str,
            guint       width,
            gboolean    right)
{
  glong n = g_utf8_strlen (str, -1);
  guint pad = n < (glong) width ? width - (guint) n : 0;

  if (right)
    g_print ("%*s%s", pad, "", str);
  else
    g_print ("%s%*s", str, pad, "");
}


static guint n_failed;
static guint columns[3] = { 48, 12, 12 };

void
print_row (const char *figure,
           const char *measured,
           const char *target,
           Verdict     verdict)
{
  static const char * const verdicts[] = { "", "PASS", "FAIL" };

  print_cell (figure, columns[0], FALSE);
  print_cell (measured, columns[1], TRUE);
  print_cell (target, columns[2], TRUE);
  g_print ("  %s\n", verdicts[verdict]);
  if (verdict == VERDICT_FAIL)
    n_failed++;
}

void
time_row (const char *figure,
          double      us,
          gint64      target_us)
{
  g_autofree char *measured = format_time (us);
  g_autofree char *target = NULL;
  g_autofree char *limit = NULL;
  Verdict verdict = VERDICT_INFO;

  if (target_us > 0)
    {
      limit = format_time ((double) target_us);
      target = g_strdup_printf ("<= %s", limit);
      verdict = us <= target_us ? VERDICT_PASS : VERDICT_FAIL;
    }
  print_row (figure, measured, target ? target : "", verdict);
}

/* Column widths of the table: figure, measured, target. */
void
bench_set_columns (guint figure,
                   guint measured,
                   guint target)
{
  columns[0] = figure;
  columns[1] = measured;
  columns[2] = target;
}

guint
bench_get_n_failed (void)
{
  return n_failed;
}

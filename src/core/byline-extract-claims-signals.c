/* byline-extract-claims-signals.c: the claims extractor's signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The phrase rules and word lists (statistics, superlatives, comparisons,
 * causes, evidence, assertions, counts, times; opinions, hedges,
 * conditions and plans against), built once into Rules; each token read
 * into a Word; and the weighing of the signals in a run of words.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-claims-private.h"

typedef struct
{
  const char *phrase;   /* words separated by one space; # is a number, * a word */
  Signal      signal;
  double      weight;
} PhraseRule;

static const PhraseRule phrase_rules[] = {
  /* statistics */
  { "# %", SIG_STAT, 0.5 },
  { "# percent", SIG_STAT, 0.5 },
  { "# per cent", SIG_STAT, 0.5 },
  { "# percentage points", SIG_STAT, 0.5 },
  { "per cent", SIG_STAT, 0.4 },
  { "percent", SIG_STAT, 0.4 },
  { "million", SIG_STAT, 0.45 },
  { "billion", SIG_STAT, 0.45 },
  { "trillion", SIG_STAT, 0.45 },
  { "millions", SIG_STAT, 0.3 },
  { "billions", SIG_STAT, 0.3 },
  { "# times", SIG_STAT, 0.45 },
  { "twice", SIG_STAT, 0.3 },
  { "doubled", SIG_STAT, 0.45 },
  { "tripled", SIG_STAT, 0.45 },
  { "quadrupled", SIG_STAT, 0.45 },
  { "halved", SIG_STAT, 0.45 },
  { "average", SIG_STAT, 0.25 },
  { "per capita", SIG_STAT, 0.35 },
  { "majority of", SIG_NUMBER, 0.2 },
  { "half of", SIG_NUMBER, 0.2 },
  { "a third of", SIG_NUMBER, 0.2 },
  { "almost all", SIG_NUMBER, 0.2 },
  { "nearly all", SIG_NUMBER, 0.2 },
  { "almost the entire", SIG_NUMBER, 0.2 },
  { "dozens", SIG_NUMBER, 0.2 },
  { "hundreds", SIG_NUMBER, 0.2 },
  { "thousands", SIG_NUMBER, 0.25 },
  /* superlatives */
  { "for the first time", SIG_SUPERLATIVE, 0.4 },
  { "first time since", SIG_SUPERLATIVE, 0.4 },
  { "the first time", SIG_SUPERLATIVE, 0.35 },
  { "the first", SIG_SUPERLATIVE, 0.2 },
  { "the only", SIG_SUPERLATIVE, 0.25 },
  { "than ever", SIG_SUPERLATIVE, 0.4 },
  { "ever recorded", SIG_SUPERLATIVE, 0.4 },
  { "all-time", SIG_SUPERLATIVE, 0.4 },
  { "record high", SIG_SUPERLATIVE, 0.45 },
  { "record low", SIG_SUPERLATIVE, 0.45 },
  { "record levels", SIG_SUPERLATIVE, 0.45 },
  { "a record", SIG_SUPERLATIVE, 0.35 },
  { "record-breaking", SIG_SUPERLATIVE, 0.4 },
  { "unprecedented", SIG_SUPERLATIVE, 0.35 },
  { "in history", SIG_SUPERLATIVE, 0.35 },
  { "never before", SIG_SUPERLATIVE, 0.35 },
  /* comparisons */
  { "compared with", SIG_COMPARISON, 0.3 },
  { "compared to", SIG_COMPARISON, 0.3 },
  { "in comparison", SIG_COMPARISON, 0.3 },
  { "up from", SIG_COMPARISON, 0.35 },
  { "down from", SIG_COMPARISON, 0.35 },
  { "as many as", SIG_COMPARISON, 0.3 },
  { "as much as", SIG_COMPARISON, 0.3 },
  { "twice as", SIG_COMPARISON, 0.35 },
  { "increasingly", SIG_COMPARISON, 0.25 },
  { "more and more", SIG_COMPARISON, 0.25 },
  { "since the end of", SIG_COMPARISON, 0.3 },
  { "since the start of", SIG_COMPARISON, 0.3 },
  { "since the beginning of", SIG_COMPARISON, 0.3 },
  { "outnumber", SIG_COMPARISON, 0.35 },
  { "outnumbered", SIG_COMPARISON, 0.35 },
  { "exceeded", SIG_COMPARISON, 0.3 },
  { "exceeds", SIG_COMPARISON, 0.3 },
  { "surpassed", SIG_COMPARISON, 0.3 },
  { "overtook", SIG_COMPARISON, 0.3 },
  /* causes */
  { "because", SIG_CAUSAL, 0.3 },
  { "led to", SIG_CAUSAL, 0.3 },
  { "lead to", SIG_CAUSAL, 0.3 },
  { "leads to", SIG_CAUSAL, 0.3 },
  { "leading to", SIG_CAUSAL, 0.3 },
  { "caused", SIG_CAUSAL, 0.3 },
  { "causes", SIG_CAUSAL, 0.3 },
  { "cause of", SIG_CAUSAL, 0.3 },
  { "due to", SIG_CAUSAL, 0.3 },
  { "as a result", SIG_CAUSAL, 0.3 },
  { "resulted in", SIG_CAUSAL, 0.3 },
  { "result in", SIG_CAUSAL, 0.25 },
  { "contributed to", SIG_CAUSAL, 0.3 },
  { "contributes to", SIG_CAUSAL, 0.3 },
  { "responsible for", SIG_CAUSAL, 0.3 },
  { "triggered", SIG_CAUSAL, 0.3 },
  { "blamed", SIG_CAUSAL, 0.25 },
  { "helped", SIG_CAUSAL, 0.25 },
  { "helps", SIG_CAUSAL, 0.25 },
  { "thanks to", SIG_CAUSAL, 0.25 },
  { "driven by", SIG_CAUSAL, 0.25 },
  { "linked to", SIG_CAUSAL, 0.25 },
  { "sparked", SIG_CAUSAL, 0.25 },
  { "fuels", SIG_CAUSAL, 0.2 },
  { "fueled", SIG_CAUSAL, 0.2 },
  { "fuelled", SIG_CAUSAL, 0.2 },
  /* evidence */
  { "data", SIG_EVIDENCE, 0.25 },
  { "study", SIG_EVIDENCE, 0.25 },
  { "studies", SIG_EVIDENCE, 0.25 },
  { "survey", SIG_EVIDENCE, 0.25 },
  { "poll", SIG_EVIDENCE, 0.25 },
  { "polls", SIG_EVIDENCE, 0.25 },
  { "analysis", SIG_EVIDENCE, 0.25 },
  { "research", SIG_EVIDENCE, 0.25 },
  { "statistics", SIG_EVIDENCE, 0.25 },
  { "figures", SIG_EVIDENCE, 0.25 },
  { "census", SIG_EVIDENCE, 0.25 },
  { "evidence", SIG_EVIDENCE, 0.25 },
  { "estimates", SIG_EVIDENCE, 0.2 },
  { "report", SIG_EVIDENCE, 0.2 },
  { "found that", SIG_EVIDENCE, 0.3 },
  { "shows that", SIG_EVIDENCE, 0.3 },
  { "showed that", SIG_EVIDENCE, 0.3 },
  { "show that", SIG_EVIDENCE, 0.3 },
  { "indicate", SIG_EVIDENCE, 0.25 },
  { "indicates", SIG_EVIDENCE, 0.25 },
  { "indicated", SIG_EVIDENCE, 0.25 },
  /* times */
  { "yesterday", SIG_TIME, 0.1 },
  { "ago", SIG_TIME, 0.1 },
  { "last week", SIG_TIME, 0.1 },
  { "last month", SIG_TIME, 0.1 },
  { "last year", SIG_TIME, 0.1 },
  { "this week", SIG_TIME, 0.1 },
  { "this month", SIG_TIME, 0.1 },
  { "this year", SIG_TIME, 0.1 },
  { "last decade", SIG_TIME, 0.1 },
  /* plans */
  { "will", SIG_FUTURE, -0.05 },
  { "expected to", SIG_FUTURE, -0.05 },
  { "plans to", SIG_FUTURE, -0.05 },
  { "scheduled to", SIG_FUTURE, -0.05 },
  { "set to", SIG_FUTURE, -0.05 },
  /* opinion */
  { "i think", SIG_OPINION, -0.3 },
  { "i believe", SIG_OPINION, -0.3 },
  { "i feel", SIG_OPINION, -0.3 },
  { "i love", SIG_OPINION, -0.3 },
  { "i like", SIG_OPINION, -0.3 },
  { "i hate", SIG_OPINION, -0.3 },
  { "i hope", SIG_OPINION, -0.3 },
  { "i want", SIG_OPINION, -0.3 },
  { "i wish", SIG_OPINION, -0.3 },
  { "i guess", SIG_OPINION, -0.3 },
  { "i 'm", SIG_OPINION, -0.3 },
  { "i am", SIG_OPINION, -0.3 },
  { "i 'd", SIG_OPINION, -0.3 },
  { "we think", SIG_OPINION, -0.3 },
  { "we believe", SIG_OPINION, -0.3 },
  { "we feel", SIG_OPINION, -0.3 },
  { "we hope", SIG_OPINION, -0.3 },
  { "we want", SIG_OPINION, -0.3 },
  { "we love", SIG_OPINION, -0.3 },
  { "in my opinion", SIG_OPINION, -0.3 },
  { "in my view", SIG_OPINION, -0.3 },
  { "personally", SIG_OPINION, -0.3 },
  { "my favourite", SIG_OPINION, -0.3 },
  { "my favorite", SIG_OPINION, -0.3 },
  { "love", SIG_OPINION, -0.2 },
  { "loves", SIG_OPINION, -0.2 },
  { "hate", SIG_OPINION, -0.2 },
  { "beautiful", SIG_OPINION, -0.2 },
  { "wonderful", SIG_OPINION, -0.2 },
  { "amazing", SIG_OPINION, -0.2 },
  { "awesome", SIG_OPINION, -0.2 },
  { "lovely", SIG_OPINION, -0.2 },
  { "terrible", SIG_OPINION, -0.2 },
  { "horrible", SIG_OPINION, -0.2 },
  { "awful", SIG_OPINION, -0.2 },
  { "delicious", SIG_OPINION, -0.2 },
  { "fantastic", SIG_OPINION, -0.2 },
  { "gorgeous", SIG_OPINION, -0.2 },
  { "stunning", SIG_OPINION, -0.2 },
  { "boring", SIG_OPINION, -0.2 },
  { "ugly", SIG_OPINION, -0.2 },
  { "proud", SIG_OPINION, -0.2 },
  { "happy", SIG_OPINION, -0.2 },
  { "delighted", SIG_OPINION, -0.2 },
  { "pleased", SIG_OPINION, -0.2 },
  { "excited", SIG_OPINION, -0.2 },
  { "grateful", SIG_OPINION, -0.2 },
  { "thrilled", SIG_OPINION, -0.2 },
  { "glad", SIG_OPINION, -0.2 },
  { "disappointed", SIG_OPINION, -0.2 },
  { "honoured", SIG_OPINION, -0.2 },
  { "honored", SIG_OPINION, -0.2 },
  /* hedges */
  { "might", SIG_HEDGE, -0.1 },
  { "could", SIG_HEDGE, -0.1 },
  { "perhaps", SIG_HEDGE, -0.1 },
  { "possibly", SIG_HEDGE, -0.1 },
  { "maybe", SIG_HEDGE, -0.1 },
  { "probably", SIG_HEDGE, -0.1 },
  { "appeared to", SIG_HEDGE, -0.1 },
  { "appears to", SIG_HEDGE, -0.1 },
  { "seems", SIG_HEDGE, -0.1 },
  { "seemed", SIG_HEDGE, -0.1 },
  { "unclear", SIG_HEDGE, -0.1 },
  { "not clear", SIG_HEDGE, -0.1 },
  { "whether", SIG_HEDGE, -0.1 },
  /* conditions */
  { "if", SIG_CONDITION, -0.05 },
  { "unless", SIG_CONDITION, -0.05 },
};

/* Superlatives of something measured, and of a judgement: the second
 * alone do not make a claim check-worthy ("the best pizza in town"). */
static const char * const measured_superlatives[] = {
  "largest", "biggest", "highest", "lowest", "smallest", "fastest", "slowest",
  "deadliest", "richest", "poorest", "oldest", "youngest", "longest", "shortest",
  "tallest", "heaviest", "busiest", "cheapest", "costliest", "hottest", "coldest",
  "warmest", "wettest", "driest", "strongest", "weakest", "fewest", "widest",
  "deepest", "steepest", "sharpest", "most-populous", NULL
};

static const char * const judged_superlatives[] = {
  "greatest", "best", "worst", "finest", "nicest", "happiest", "saddest",
  "prettiest", NULL
};

/* Words before a superlative that make it one ("the best", "China’s
 * largest"). */
static const char * const superlative_determiners[] = {
  "the", "its", "their", "his", "her", "our", "my", "your", "'s", "world's", NULL
};

static const char * const number_words[] = {
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
  "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "second",
  "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", NULL
};

static const char * const months[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan.", "feb.", "aug.",
  "sept.", "sep.", "oct.", "nov.", "dec.", NULL
};

static const char * const weekdays[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

static const char * const copulas[] = {
  "is", "are", "was", "were", "be", "been", "remains", "remain", "remained",
  "became", "become", "becomes", NULL
};

/* After a copula: a plan or a feeling, not an assertion. */
static const char * const copula_not_after[] = {
  "expected", "likely", "unlikely", "set", "going", "due", "scheduled",
  "able", "unclear", "hoping", "planning", "concerned", "prepared", "to", NULL
};

static const char * const change_verbs[] = {
  "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls",
  "increased", "increase", "increases", "decreased", "decrease", "grew", "grown",
  "dropped", "declined", "jumped", "climbed", "surged", "plunged", "soared",
  "slumped", "shrank", "shrunk", "tumbled", NULL
};

/* Reporting verbs, as they stand in attributions (not "warn": "Blinken
 * will warn China" reports nothing). */
static const char * const reporting_verbs[] = {
  "said", "says", "told", "tells", "added", "adds", "claimed", "claims",
  "stated", "states", "warned", "warns", "argued", "argues", "insisted",
  "insists", "noted", "notes", "explained", "wrote", "writes", "reported",
  "reports", "announced", "announces", "estimated", "estimates", "acknowledged",
  "admitted", "confirmed", "confirms", "declared", "suggested", "suggests",
  "maintained", "maintains", "asserted", "asserts", "contended", "alleged",
  "alleges", "predicted", "predicts", "believes", "concluded", "found",
  "showed", "shows", "revealed", "recalled", "stressed", "emphasized",
  "emphasised", NULL
};

typedef struct
{
  const char **words;
  guint        n_words;
  Signal       signal;
  double       weight;
} Phrase;

static void
add_flags (GHashTable         *flags,
           const char * const *list,
           guint               flag)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (flags, list[i]));

      g_hash_table_insert (flags, (gpointer) list[i], GUINT_TO_POINTER (old | flag));
    }
}

/* The rules, built once for the life of the program (extractors run in
 * any thread). */
const Rules *
_byline_claims_get_rules (void)
{
  static Rules *rules = NULL;

  if (g_once_init_enter (&rules))
    {
      Rules *r = g_new0 (Rules, 1);

      r->by_first = g_hash_table_new (g_str_hash, g_str_equal);
      r->number_first = g_ptr_array_new ();
      r->flags = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (phrase_rules); i++)
        {
          Phrase *p = g_new0 (Phrase, 1);
          GPtrArray *list;

          p->words = (const char **) g_strsplit (phrase_rules[i].phrase, " ", -1);
          p->n_words = g_strv_length ((char **) p->words);
          p->signal = phrase_rules[i].signal;
          p->weight = phrase_rules[i].weight;
          if (g_str_equal (p->words[0], "#"))
            {
              g_ptr_array_add (r->number_first, p);
              continue;
            }
          list = g_hash_table_lookup (r->by_first, p->words[0]);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (r->by_first, (gpointer) p->words[0], list);
            }
          g_ptr_array_add (list, p);
        }
      add_flags (r->flags, number_words, WORD_NUMBER);
      add_flags (r->flags, months, WORD_MONTH);
      add_flags (r->flags, weekdays, WORD_WEEKDAY);
      add_flags (r->flags, measured_superlatives, WORD_MEASURED);
      add_flags (r->flags, judged_superlatives, WORD_JUDGED);
      add_flags (r->flags, superlative_determiners, WORD_DETERMINER);
      add_flags (r->flags, copulas, WORD_COPULA);
      add_flags (r->flags, copula_not_after, WORD_NOT_COPULA);
      add_flags (r->flags, change_verbs, WORD_CHANGE);
      add_flags (r->flags, reporting_verbs, WORD_REPORTING);
      g_once_init_leave (&rules, r);
    }
  return rules;
}

static gboolean
is_number (const Word *w)
{
  return (w->flags & WORD_NUMBER) != 0;
}

/* Reads the token [p, end) into @w: lowercase ASCII, ’ and ‘ as '. */
void
_byline_claims_fill_word (const Rules *rules,
                          Word        *w,
                          const char  *p,
                          const char  *end)
{
  guint n = 0;
  const char *dash;

  w->upper = g_ascii_isupper (*p);
  while (p < end)
    {
      if (n + 4 >= WORD_MAX)
        {
          n = 0;
          break;
        }
      if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
          ((guchar) p[2] == 0x98 || (guchar) p[2] == 0x99))
        {
          w->w[n++] = '\'';
          p += 3;
          continue;
        }
      w->w[n++] = g_ascii_tolower (*p);
      p++;
    }
  w->w[n] = '\0';

  w->flags = GPOINTER_TO_UINT (g_hash_table_lookup (rules->flags, w->w));
  if (g_hash_table_contains (rules->by_first, w->w))
    w->flags |= WORD_PHRASE;
  if (w->kind == BYLINE_TOKEN_NUMBER)
    w->flags |= WORD_NUMBER;
  else if (w->kind != BYLINE_TOKEN_WORD)
    w->flags = 0;
  else if ((dash = strchr (w->w, '-')) != NULL && dash > w->w)
    {
      /* "three-day", "two-thirds" */
      char head[WORD_MAX];

      memcpy (head, w->w, dash - w->w);
      head[dash - w->w] = '\0';
      if (GPOINTER_TO_UINT (g_hash_table_lookup (rules->flags, head)) & WORD_NUMBER)
        w->flags |= WORD_NUMBER;
    }
}

static gboolean
match_phrase (const Phrase *p,
              const Word   *words,
              guint         i,
              guint         n)
{
  if (i + p->n_words > n)
    return FALSE;
  for (guint k = 0; k < p->n_words; k++)
    {
      const Word *w = &words[i + k];
      const char *want = p->words[k];

      if (want[0] == '#' && want[1] == '\0')
        {
          if (!is_number (w))
            return FALSE;
        }
      else if (strcmp (w->w, want) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_year (const Word *w)
{
  guint64 v;

  if (w->kind != BYLINE_TOKEN_NUMBER || strlen (w->w) != 4)
    return FALSE;
  if (!g_ascii_string_to_unsigned (w->w, 10, 0, 9999, &v, NULL))
    return FALSE;
  return v >= 1800 && v <= 2100;
}

static gboolean
is_month (const Word *words,
          guint       i,
          guint       first)
{
  if (!(words[i].flags & WORD_MONTH))
    return FALSE;
  /* "may" is a month only with a capital, and not first. */
  if (word_is (&words[i], "may"))
    return words[i].upper && i > first;
  return TRUE;
}

/* A number: a time (10:30, a year, the day of a date), a count ("26th")
 * or a statistic. */
static void
weigh_number (double     *weights,
              const Word *words,
              guint       i,
              guint       first,
              guint       last)
{
  const Word *w = &words[i];
  gsize len = strlen (w->w);
  guint64 v;

  if (strchr (w->w, ':') != NULL)
    {
      note (weights, SIG_TIME, 0.1);
      return;
    }
  if (is_year (w))
    {
      note (weights, SIG_TIME, 0.1);
      if (i > first && word_is (&words[i - 1], "since"))
        note (weights, SIG_COMPARISON, 0.25);
      return;
    }
  if (g_ascii_string_to_unsigned (w->w, 10, 1, 31, &v, NULL))
    {
      /* "April 24 to 26" */
      for (guint k = i; k > first && k + 4 > i; k--)
        {
          if (is_month (words, k - 1, first))
            {
              note (weights, SIG_TIME, 0.1);
              return;
            }
        }
    }
  /* "26th"; "Smith, 54, said" gives an age */
  if ((len > 2 && g_ascii_isalpha (w->w[len - 1])) ||
      (i > first + 1 && i + 1 < last && is_punct (&words[i - 1], ",") && is_punct (&words[i + 1], ",") &&
       words[i - 2].upper && len <= 3))
    {
      note (weights, SIG_NUMBER, 0.2);
      return;
    }
  note (weights, SIG_STAT, 0.35);
}

/* Is words[i] "than" after a comparative ("more … than", "larger than")? */
static gboolean
is_comparison (const Word *words,
               guint       i,
               guint       first)
{
  static const char * const not_comparative[] = {
    "other", "rather", "either", "neither", "whether", "never", "ever", NULL
  };

  for (guint k = i; k > first && k + 4 > i; k--)
    {
      const Word *w = &words[k - 1];
      gsize len = strlen (w->w);

      if (w->kind != BYLINE_TOKEN_WORD || in_list (w->w, not_comparative))
        continue;
      if (word_is (w, "more") || word_is (w, "less") || word_is (w, "fewer") ||
          (len > 3 && g_str_has_suffix (w->w, "er")))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_fold (const Word *w)
{
  static const char * const not_fold[] = {
    "manifold", "scaffold", "unfold", "threshold", "household", "blindfold", NULL
  };

  return w->kind == BYLINE_TOKEN_WORD && strlen (w->w) > 4 &&
         g_str_has_suffix (w->w, "fold") && !in_list (w->w, not_fold);
}

/* Weighs the signals of words [first, last) into @weights. Returns TRUE
 * when a superlative of judgement ("the best") is the only superlative. */
gboolean
_byline_claims_weigh (const Word *words,
                      guint       first,
                      guint       last,
                      double     *weights)
{
  const Rules *rules = _byline_claims_get_rules ();
  gboolean measured = FALSE, judged = FALSE;

  for (guint i = first; i < last; i++)
    {
      const Word *w = &words[i];

      if (w->flags & WORD_PHRASE)
        {
          GPtrArray *list = g_hash_table_lookup (rules->by_first, w->w);

          for (guint k = 0; k < list->len; k++)
            {
              const Phrase *p = list->pdata[k];

              if (match_phrase (p, words, i, last))
                note (weights, p->signal, p->weight);
            }
        }
      if (is_number (w))
        {
          for (guint k = 0; k < rules->number_first->len; k++)
            {
              const Phrase *p = rules->number_first->pdata[k];

              if (match_phrase (p, words, i, last))
                note (weights, p->signal, p->weight);
            }
          if (w->kind == BYLINE_TOKEN_NUMBER)
            weigh_number (weights, words, i, first, last);
          else
            note (weights, SIG_NUMBER, 0.2);
        }
      if (is_currency (w) && i + 1 < last && words[i + 1].kind == BYLINE_TOKEN_NUMBER)
        note (weights, SIG_STAT, 0.45);
      if (w->kind != BYLINE_TOKEN_WORD)
        continue;

      if (is_fold (w))
        note (weights, SIG_STAT, 0.45);
      if (word_is (w, "may") && !is_month (words, i, first))
        note (weights, SIG_HEDGE, -0.1);
      if (is_month (words, i, first) || (w->flags & WORD_WEEKDAY))
        note (weights, SIG_TIME, 0.1);
      if (w->flags & WORD_MEASURED)
        {
          note (weights, SIG_SUPERLATIVE, 0.4);
          measured = TRUE;
        }
      else if ((w->flags & WORD_JUDGED) && i > first && (words[i - 1].flags & WORD_DETERMINER))
        {
          note (weights, SIG_SUPERLATIVE, 0.3);
          judged = TRUE;
        }
      /* "the most important", not "the most of it" */
      if ((word_is (w, "most") || word_is (w, "least")) && i > first &&
          word_is (&words[i - 1], "the") && i + 1 < last &&
          words[i + 1].kind == BYLINE_TOKEN_WORD &&
          !word_is (&words[i + 1], "of") && !word_is (&words[i + 1], "in"))
        {
          note (weights, SIG_SUPERLATIVE, 0.4);
          measured = TRUE;
        }
      if (word_is (w, "than") && is_comparison (words, i, first))
        note (weights, SIG_COMPARISON, 0.35);
      /* "rose by 3%", "fell to 1.2 million" */
      if ((w->flags & WORD_CHANGE) && i + 1 < last &&
          (word_is (&words[i + 1], "by") || word_is (&words[i + 1], "to") ||
           word_is (&words[i + 1], "from")))
        {
          gboolean numbered = FALSE;

          for (guint k = i + 2; k < last && k < i + 5; k++)
            numbered |= is_number (&words[k]) || is_currency (&words[k]);
          if (numbered)
            note (weights, SIG_STAT, 0.45);
          else if (word_is (&words[i + 1], "by"))
            note (weights, SIG_STAT, 0.35);
        }
      if ((w->flags & WORD_COPULA) && (i + 1 >= last || !(words[i + 1].flags & WORD_NOT_COPULA)))
        note (weights, SIG_ASSERTION, 0.1);
    }
  return judged && !measured;
}

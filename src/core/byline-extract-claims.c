/* byline-extract-claims.c: the claims extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggests CLAIM spans: sentences that assert something a fact-checker
 * could check. Each sentence is weighed by the signals in it: statistics
 * (3%, $1.5 billion, 12,400, doubled, rose by), superlatives and
 * comparisons (the most important, the greatest threat, more … than,
 * since the end of), causes (because, led to), evidence (data, an
 * analysis, found that), an attribution (said, according to), plain
 * assertions (is, has become), counts (two, second) and times (last year,
 * Wednesday). Opinions and feelings (I think, I love, proud), hedges
 * (may, unclear whether), conditions (if) and plans (will, is expected
 * to) weigh against. One checkable signal makes a claim; without one it
 * takes several weaker ones. Questions are never claims, nor sentences of
 * fewer than three words or more than 400 tokens; a line without a final
 * stop (a headline) only with a checkable signal.
 *
 * The span is the whole sentence as byline_split_sentences() gives it,
 * from its first character to its final stop and closing quotation
 * marks, as the gold set annotates claims; a list bullet before it and a
 * stray second stop (". .") are left out. A claim in a direct quote is
 * suggested like any other: the speaker asserts it.
 *
 * Attributed sentences ("…, the official said.", "He said that …",
 * "According to X, …") are weighed on what was said, not on the
 * attribution ("said last week" is no claim). The claimer is, in this
 * order: the SPEAKER that a QUOTE holding most of what was said is
 * said_by (the quotes extractor runs first), a SPEAKER in the
 * attribution, or an entity heading it (PERSON, ORG, GPE or NORP; in
 * "according to X" any such entity in X). When the checkable part is the
 * journalist's ("“…,” said Whitley, who has played 412 games"), or
 * nobody is named, there is no claimer.
 *
 * check_worthy is "yes" when a checkable signal is there and no opinion,
 * otherwise "unsure" (a judgement such as "the greatest threat" alone is
 * unsure). The confidence grows with the weight of the signals: from 0.6
 * to 0.95 for a check-worthy claim, from 0.3 to 0.55 for an unsure one.
 * A claim the document has, under any status and even with other
 * bounds, is not suggested again: a rejected claim stays rejected.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-relation.h"
#include "byline-suggest.h"
#include "byline-tokenizer.h"

/* What a sentence holds; each counts once, with its strongest weight. */
typedef enum
{
  SIG_STAT,         /* 3%, $1.5 billion, doubled, rose by, 1,200 */
  SIG_SUPERLATIVE,  /* the most important, the largest, for the first time */
  SIG_COMPARISON,   /* more … than, compared with, increasingly, since 1990 */
  SIG_CAUSAL,       /* because, led to, caused, helped */
  SIG_EVIDENCE,     /* data, an analysis, a study, found that */
  SIG_NUMBER,       /* second, three-day, dozens: a count, weakly */
  SIG_ASSERTION,    /* is, are, has become, remains */
  SIG_TIME,         /* Wednesday, last year, in 2020 */
  SIG_FUTURE,       /* will, is expected to: a plan, not yet checkable (negative) */
  SIG_OPINION,      /* I think, I love, wonderful (negative) */
  SIG_HEDGE,        /* may, might, appeared to, unclear (negative) */
  SIG_CONDITION,    /* if, unless (negative) */
  N_SIGNALS
} Signal;

/* The signals that make a claim checkable. */
#define IS_CONTENT_SIGNAL(sig) ((sig) <= SIG_EVIDENCE)

#define WEIGHT_ATTRIBUTION 0.2
#define MIN_SCORE          0.35
#define MIN_CONTENT        0.25
#define MAX_SENTENCE_TOKENS 400
#define MIN_WORDS          3
#define WORD_MAX           32

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

/* Reporting verbs taken to begin a clause without "that" ("he said
 * prices rose"); not "claims": "Beijing claims almost the entire sea". */
static const char * const bare_clause_verbs[] = {
  "said", "says", NULL
};

/* Words that start a clause, not a speaker, after a comma: ", which it
 * said …". */
static const char * const not_speaker_start[] = {
  "which", "who", "whom", "that", "as", "and", "but", "or", "while", "when",
  "where", "after", "before", "although", "because", "if", "so", "since",
  "adding", "saying", NULL
};

/* What may follow an attribution at the end of a sentence: "…, he said
 * last week", "…, the official told reporters". */
static const char * const attribution_tail[] = {
  "last", "on", "in", "at", "during", "after", "before", "ahead", "this",
  "yesterday", "today", "earlier", "later", "recently", "previously", "when",
  "while", "as", "adding", "citing", "according", "reporters", "journalists",
  "via", "by", "from", "of", "to", "with", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "again", "too", "also", NULL
};

/* Before a reporting verb: not an attribution ("to say", "did not say"). */
static const char * const not_before_verb[] = {
  "to", "will", "would", "could", "may", "might", "not", "n't", "did", "does",
  "do", "should", "must", "can", NULL
};

/* After "said" with no "that": not yet the clause ("said in a statement"). */
static const char * const not_clause_start[] = {
  "in", "on", "at", "to", "during", "after", "before", "last", "this",
  "yesterday", "today", "earlier", "later", "recently", "previously", "of",
  "about", "so", "it", "he", "she", "they", "and", "but", "with", "for",
  "goodbye", "nothing", "yes", "no", "hello", "sorry", NULL
};

static const char * const claimer_labels[] = {
  "PERSON", "ORG", "GPE", "NORP", NULL
};

typedef struct
{
  const char **words;
  guint        n_words;
  Signal       signal;
  double       weight;
} Phrase;

/* What a word is, looked up once per token. */
enum
{
  WORD_NUMBER      = 1 << 0,  /* two, hundred, second, three-day, 1,200 */
  WORD_MONTH       = 1 << 1,
  WORD_WEEKDAY     = 1 << 2,
  WORD_MEASURED    = 1 << 3,  /* largest */
  WORD_JUDGED      = 1 << 4,  /* greatest, best */
  WORD_DETERMINER  = 1 << 5,  /* the, its, 's before a superlative */
  WORD_COPULA      = 1 << 6,
  WORD_NOT_COPULA  = 1 << 7,  /* expected, likely… after a copula */
  WORD_CHANGE      = 1 << 8,  /* rose, fell */
  WORD_REPORTING   = 1 << 9,  /* said, told */
  WORD_PHRASE      = 1 << 10, /* some phrase starts with it */
};

typedef struct
{
  GHashTable *by_first;      /* first word -> GPtrArray of Phrase */
  GPtrArray  *number_first;  /* phrases that start with # */
  GHashTable *flags;         /* word -> WORD_* flags */
} Rules;

/* A token of the current sentence. */
typedef struct
{
  guint           start;
  guint           end;
  BylineTokenKind kind;
  gboolean        upper;     /* its first letter is an ASCII capital */
  guint           flags;     /* WORD_* */
  char            w[WORD_MAX]; /* lowercase, ’ as ', empty when longer */
} Word;

/* The attribution of a sentence, in words: what was said is
 * [content_start, content_end), who said it [speaker_start, speaker_end),
 * and the journalist's words after it start at rest_start. */
typedef enum
{
  FRAME_NONE,
  FRAME_ACCORDING_FIRST,   /* According to X, CLAIM */
  FRAME_ACCORDING_LAST,    /* CLAIM, according to X */
  FRAME_TRAILING,          /* CLAIM, X said … */
  FRAME_LEADING,           /* X said (that) CLAIM */
} FrameKind;

typedef struct
{
  FrameKind kind;
  gboolean  inverted;      /* ", said X": the speaker after the verb */
  guint     content_start;
  guint     content_end;
  guint     speaker_start;
  guint     speaker_end;
  guint     rest_start;    /* what follows the attribution: "…, said X, who …" */
} Frame;

typedef struct
{
  BylineSuggestions *s;
  GPtrArray         *annotations;  /* all known ones, sorted by start */
  guint              next;         /* the first that starts in the sentence or after */
  GPtrArray         *quotes;       /* QUOTEs said_by someone, sorted by start */
  guint              next_quote;
  GHashTable        *said_by;      /* QUOTE id -> SPEAKER id */
  GPtrArray         *claims;       /* CLAIMs already there, any status, sorted */
  guint              next_claim;
  GArray            *words;        /* Word: the current sentence */
} Run;

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
static const Rules *
get_rules (void)
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
in_list (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (strcmp (word, list[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
word_is (const Word *w,
         const char *s)
{
  return strcmp (w->w, s) == 0;
}

static gboolean
is_punct (const Word *w,
          const char *s)
{
  return (w->kind == BYLINE_TOKEN_PUNCT || w->kind == BYLINE_TOKEN_SYMBOL) && strcmp (w->w, s) == 0;
}

/* ‘ and ’ alone are read as ', so like " they open and close. */
static gboolean
is_opening_quote (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT &&
         (word_is (w, "“") || word_is (w, "'") || word_is (w, "«") ||
          word_is (w, "„") || word_is (w, "‹") || word_is (w, "\""));
}

static gboolean
is_closing_quote (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT &&
         (word_is (w, "”") || word_is (w, "'") || word_is (w, "»") ||
          word_is (w, "›") || word_is (w, "\""));
}

static gboolean
is_bracket (const Word *w)
{
  return is_punct (w, "(") || is_punct (w, ")") || is_punct (w, "[") || is_punct (w, "]");
}

static gboolean
is_currency (const Word *w)
{
  return w->kind == BYLINE_TOKEN_SYMBOL &&
         (word_is (w, "$") || word_is (w, "€") || word_is (w, "£") || word_is (w, "¥"));
}

/* The stops a sentence ends with: . ! ? … and runs of them. */
static gboolean
is_final_stop (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT &&
         (w->w[0] == '.' || w->w[0] == '!' || w->w[0] == '?' || word_is (w, "…"));
}

static gboolean
is_question (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT && strchr (w->w, '?') != NULL;
}

static gboolean
is_number (const Word *w)
{
  return (w->flags & WORD_NUMBER) != 0;
}

/* Reads the token [p, end) into @w: lowercase ASCII, ’ and ‘ as '. */
static void
fill_word (const Rules *rules,
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

/* Keeps the strongest weight of each signal (the most negative for the
 * signals against). */
static void
note (double *weights,
      Signal  signal,
      double  weight)
{
  if (weight >= 0 ? weight > weights[signal] : weight < weights[signal])
    weights[signal] = weight;
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
static gboolean
weigh (const Word *words,
       guint       first,
       guint       last,
       double     *weights)
{
  const Rules *rules = get_rules ();
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

/* Is words[i…] a reporting verb? Returns its length in words, or 0. */
static guint
reporting_verb_at (const Word *words,
                   guint       i,
                   guint       n)
{
  if ((word_is (&words[i], "pointed") || word_is (&words[i], "points")) &&
      i + 1 < n && word_is (&words[i + 1], "out"))
    return 2;
  if (words[i].kind == BYLINE_TOKEN_WORD && (words[i].flags & WORD_REPORTING))
    return 1;
  return 0;
}

static gboolean
is_speaker_word (const Word *w)
{
  return w->kind == BYLINE_TOKEN_WORD || w->kind == BYLINE_TOKEN_ABBREVIATION ||
         w->kind == BYLINE_TOKEN_NUMBER || is_punct (w, "-");
}

/* After "…, X said": nothing, or what tells when, where or to whom, not
 * a clause of its own ("…, the company reported record profits"). */
static gboolean
attribution_ends (const Word *words,
                  guint       i,
                  guint       n,
                  gboolean    told)
{
  /* "told reporters", "told CNBC" */
  if (told)
    {
      for (guint k = 0; k < 3 && i < n && is_speaker_word (&words[i]) &&
           !in_list (words[i].w, attribution_tail); k++)
        i++;
    }
  return i >= n || words[i].kind == BYLINE_TOKEN_PUNCT || in_list (words[i].w, attribution_tail);
}

/* "According to X, CLAIM" and "CLAIM, according to X". */
static gboolean
find_according (const Word *words,
                guint       first,
                guint       last,
                Frame      *frame)
{
  if (last - first > 3 && word_is (&words[first], "according") && word_is (&words[first + 1], "to"))
    {
      for (guint k = first + 3; k < last && k < first + 14; k++)
        {
          if (is_punct (&words[k], ","))
            {
              frame->kind = FRAME_ACCORDING_FIRST;
              frame->rest_start = last;
              frame->speaker_start = first + 2;
              frame->speaker_end = k;
              frame->content_start = k + 1;
              frame->content_end = last;
              return TRUE;
            }
        }
      return FALSE;
    }
  for (guint c = last - 1; c > first; c--)
    {
      if (is_punct (&words[c], ",") && c + 3 < last &&
          word_is (&words[c + 1], "according") && word_is (&words[c + 2], "to"))
        {
          guint end = c + 3;

          while (end < last && is_speaker_word (&words[end]))
            end++;
          if (end == c + 3 || !attribution_ends (words, end, last, FALSE))
            return FALSE;
          frame->kind = FRAME_ACCORDING_LAST;
          frame->rest_start = end;
          frame->speaker_start = c + 3;
          frame->speaker_end = end;
          frame->content_start = first;
          frame->content_end = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* "CLAIM, X said …", "“CLAIM,” X said", "CLAIM, said X": the comma
 * nearest the end that a short speaker and a reporting verb follow. */
static gboolean
find_trailing (const Word *words,
               guint       first,
               guint       last,
               Frame      *frame)
{
  for (guint c = last - 1; c > first; c--)
    {
      guint j, content_end;

      if (!is_punct (&words[c], ","))
        continue;
      j = c + 1;
      content_end = c;
      if (j < last && is_closing_quote (&words[j]))
        content_end = ++j;
      if (j >= last || in_list (words[j].w, not_speaker_start))
        continue;
      for (guint m = j; m < last && m <= j + 8; m++)
        {
          guint len = reporting_verb_at (words, m, last);

          if (len > 0)
            {
              gboolean told = word_is (&words[m], "told") || word_is (&words[m], "tells");
              guint e = m + len;

              if (m > j && in_list (words[m - 1].w, not_before_verb))
                break;
              if (m == j)
                {
                  /* ", said the minister", not ", said that …" */
                  if (e >= last || in_list (words[e].w, not_speaker_start))
                    break;
                  while (e < last && e < m + len + 6 && is_speaker_word (&words[e]))
                    e++;
                  if (e == m + len || !attribution_ends (words, e, last, FALSE))
                    break;
                }
              else if (!attribution_ends (words, e, last, told))
                break;
              frame->kind = FRAME_TRAILING;
              frame->inverted = m == j;
              frame->content_start = first;
              frame->content_end = content_end;
              frame->speaker_start = m == j ? m + len : j;
              frame->speaker_end = m == j ? e : m;
              frame->rest_start = e;
              return TRUE;
            }
          if (!is_speaker_word (&words[m]))
            break;
        }
    }
  return FALSE;
}

/* "X said (that) CLAIM", "X pointed out that CLAIM", "X said: CLAIM". */
static gboolean
find_leading (const Word *words,
              guint       first,
              guint       last,
              Frame      *frame)
{
  if (first >= last || !is_speaker_word (&words[first]) ||
      in_list (words[first].w, not_speaker_start))
    return FALSE;
  for (guint m = first + 1; m < last && m <= first + 10; m++)
    {
      guint len = reporting_verb_at (words, m, last);
      guint after = m + len;

      if (len == 0)
        {
          if (!is_speaker_word (&words[m]) && !is_punct (&words[m], ","))
            return FALSE;
          continue;
        }
      if (in_list (words[m - 1].w, not_before_verb))
        return FALSE;
      frame->kind = FRAME_LEADING;
      frame->rest_start = last;
      frame->speaker_start = first;
      frame->speaker_end = m;
      frame->content_end = last;
      if (after < last && is_punct (&words[after], ":"))
        {
          frame->content_start = after + 1;
          return TRUE;
        }
      for (guint k = after; k < last && k <= after + 6; k++)
        {
          if (word_is (&words[k], "that"))
            {
              frame->content_start = k + 1;
              return TRUE;
            }
          if (words[k].kind == BYLINE_TOKEN_PUNCT)
            break;
        }
      if (in_list (words[m].w, bare_clause_verbs) && after < last &&
          words[after].kind == BYLINE_TOKEN_WORD &&
          !in_list (words[after].w, not_clause_start))
        {
          frame->content_start = after;
          return TRUE;
        }
      frame->kind = FRAME_NONE;
      return FALSE;
    }
  return FALSE;
}

/* Leaves out of [*first, *last) a bullet, the final stop, and quotation
 * marks that do not close within it. Returns FALSE when the content is
 * a question. */
static gboolean
trim (const Word *words,
      guint      *first,
      guint      *last)
{
  /* A few rounds are enough for real text, and keep "” ” ” …" linear. */
  for (guint round = 0; round < 3; round++)
    {
      guint f = *first, l = *last;

      while (f < l && !is_opening_quote (&words[f]) && !is_bracket (&words[f]) &&
             (words[f].kind == BYLINE_TOKEN_PUNCT ||
              (words[f].kind == BYLINE_TOKEN_SYMBOL && !is_currency (&words[f]))))
        f++;
      while (f < l && words[l - 1].kind == BYLINE_TOKEN_PUNCT &&
             !is_closing_quote (&words[l - 1]) && !is_bracket (&words[l - 1]))
        {
          if (is_question (&words[l - 1]))
            return FALSE;
          l--;
        }
      if (f < l && is_closing_quote (&words[l - 1]))
        {
          gboolean opened = FALSE;

          if (l - f >= 2 && is_question (&words[l - 2]))
            return FALSE;
          for (guint k = f; k + 1 < l && !opened; k++)
            opened = is_opening_quote (&words[k]);
          if (!opened)
            l--;
        }
      if (f < l && is_opening_quote (&words[f]))
        {
          gboolean closed = FALSE;

          for (guint k = f + 1; k < l && !closed; k++)
            closed = is_closing_quote (&words[k]);
          if (!closed)
            f++;
        }
      if (f == *first && l == *last)
        break;
      *first = f;
      *last = l;
    }
  return TRUE;
}

static guint
count_words (const Word *words,
             guint       first,
             guint       last)
{
  guint n = 0;

  for (guint i = first; i < last; i++)
    n += words[i].kind == BYLINE_TOKEN_WORD || words[i].kind == BYLINE_TOKEN_NUMBER ||
         words[i].kind == BYLINE_TOKEN_ABBREVIATION;
  return n;
}

/* The entities extractor's numbers and dates inside [start, end). */
static void
weigh_entities (Run    *run,
                guint   start,
                guint   end,
                double *weights)
{
  for (guint i = run->next; i < run->annotations->len; i++)
    {
      BylineAnnotation *a = run->annotations->pdata[i];
      const char *label = byline_annotation_get_label (a);

      if (byline_annotation_get_start (a) >= end)
        break;
      if (byline_annotation_get_start (a) < start || byline_annotation_get_end (a) > end)
        continue;
      if (g_str_equal (label, "PERCENT") || g_str_equal (label, "MONEY") ||
          g_str_equal (label, "QUANTITY"))
        note (weights, SIG_STAT, 0.45);
      /* A count in digits is a statistic by the rules already; "the two
       * countries" is not. */
      else if (g_str_equal (label, "CARDINAL") || g_str_equal (label, "ORDINAL"))
        note (weights, SIG_NUMBER, 0.2);
      else if (g_str_equal (label, "DATE") || g_str_equal (label, "TIME"))
        note (weights, SIG_TIME, 0.1);
    }
}

static guint
overlap (guint a0,
         guint a1,
         guint b0,
         guint b1)
{
  guint lo = MAX (a0, b0), hi = MIN (a1, b1);

  return hi > lo ? hi - lo : 0;
}

/* The SPEAKER of a quote that holds most of [start, end). */
static const char *
find_quoted (Run   *run,
             guint  start,
             guint  end)
{
  const char *found = NULL;
  guint best = 0;

  for (guint i = run->next_quote; i < run->quotes->len; i++)
    {
      BylineAnnotation *q = run->quotes->pdata[i];
      guint o;

      if (byline_annotation_get_start (q) >= end)
        break;
      o = overlap (byline_annotation_get_start (q), byline_annotation_get_end (q), start, end);
      if (o * 2 > end - start && o > best)
        {
          best = o;
          found = g_hash_table_lookup (run->said_by, byline_annotation_get_id (q));
        }
    }
  return found;
}

/* The claimer of what was said, [start, end): see the comment at the top. */
static const char *
find_claimer (Run         *run,
              const Frame *frame,
              const Word  *words,
              guint        start,
              guint        end)
{
  const char *speaker = NULL, *entity = NULL, *quoted;
  guint from, to;

  quoted = find_quoted (run, start, end);
  if (quoted != NULL)
    return quoted;
  if (frame->kind == FRAME_NONE || frame->speaker_end <= frame->speaker_start)
    return NULL;
  from = words[frame->speaker_start].start;
  to = words[frame->speaker_end - 1].end;
  for (guint i = run->next; i < run->annotations->len; i++)
    {
      BylineAnnotation *a = run->annotations->pdata[i];
      const char *label = byline_annotation_get_label (a);
      guint a0 = byline_annotation_get_start (a), a1 = byline_annotation_get_end (a);
      gboolean heads;

      if (a0 >= to)
        break;
      if (a0 < from || a1 > to)
        continue;
      if (g_str_equal (label, "SPEAKER"))
        {
          speaker = speaker != NULL ? speaker : byline_annotation_get_id (a);
          continue;
        }
      if (!in_list (label, claimer_labels) || entity != NULL)
        continue;
      /* In "according to a CNBC analysis" any entity; before or after a
       * verb the one that heads the speaker: "Blinken said", "said
       * Blinken", not the "State Department" of "a State Department
       * official said". */
      if (frame->kind == FRAME_ACCORDING_FIRST || frame->kind == FRAME_ACCORDING_LAST)
        heads = TRUE;
      else if (frame->inverted)
        heads = a0 == from;
      else
        heads = a1 == to;
      if (heads)
        entity = byline_annotation_get_id (a);
    }
  return speaker != NULL ? speaker : entity;
}

/* Is most of [start, end) a claim already, suggested or in the document
 * under any status? A rejected claim is not suggested again, even with
 * other bounds. */
static gboolean
overlaps_claim (Run   *run,
                guint  start,
                guint  end)
{
  while (run->next_claim < run->claims->len &&
         byline_annotation_get_end (run->claims->pdata[run->next_claim]) <= start)
    run->next_claim++;
  for (guint i = run->next_claim; i < run->claims->len; i++)
    {
      BylineAnnotation *a = run->claims->pdata[i];

      if (byline_annotation_get_start (a) >= end)
        break;
      if (overlap (byline_annotation_get_start (a), byline_annotation_get_end (a), start, end) * 2 > end - start)
        return TRUE;
    }
  return FALSE;
}

/* The weight of a part of a sentence. */
typedef struct
{
  double   score;    /* all signals */
  double   content;  /* the strongest checkable one */
  gboolean opinion;
} Weight;

static void
weigh_part (Run        *run,
            const Word *words,
            guint       first,
            guint       last,
            gboolean    attributed,
            Weight     *out)
{
  double weights[N_SIGNALS] = { 0 };
  gboolean judged;

  out->score = out->content = 0;
  out->opinion = FALSE;
  if (first >= last)
    return;
  judged = weigh (words, first, last, weights);
  weigh_entities (run, words[first].start, words[last - 1].end, weights);
  for (guint i = 0; i < N_SIGNALS; i++)
    {
      out->score += weights[i];
      /* "the greatest threat" is a judgement: it takes something else
       * checkable to make the claim check-worthy. */
      if (IS_CONTENT_SIGNAL (i) && !(judged && i == SIG_SUPERLATIVE))
        out->content = MAX (out->content, weights[i]);
    }
  if (attributed)
    out->score += WEIGHT_ATTRIBUTION;
  out->opinion = weights[SIG_OPINION] < 0;
}

static void
weigh_sentence (Run *run)
{
  const Word *words = (const Word *) (gpointer) run->words->data;
  guint n = run->words->len;
  guint first = 0, last = n, c0, c1;
  Frame frame = { FRAME_NONE, FALSE, 0, 0, 0, 0, 0 };
  Weight reported, rest;
  const Weight *chosen;
  gboolean headline, worthy;
  double confidence;
  guint start, end;
  const char *claimer, *id;

  /* A question asks. A line without a final stop is a headline, a
   * caption or a list item: a claim only with a checkable signal. */
  while (last > 0 && (is_closing_quote (&words[last - 1]) || is_bracket (&words[last - 1])))
    last--;
  if (last == 0 || is_question (&words[last - 1]))
    return;
  headline = !is_final_stop (&words[last - 1]);
  /* “Did exports fall?” she asked. */
  for (guint i = 0; i + 1 < n; i++)
    {
      if (is_question (&words[i]) && is_closing_quote (&words[i + 1]))
        return;
    }
  /* "… the official said. ." ends at the first stop. */
  last = n;
  while (last >= 2 && is_final_stop (&words[last - 1]) && is_final_stop (&words[last - 2]))
    last--;
  /* A list bullet is not part of the sentence. */
  while (first < last && !is_opening_quote (&words[first]) && !is_bracket (&words[first]) &&
         (words[first].kind == BYLINE_TOKEN_PUNCT ||
          (words[first].kind == BYLINE_TOKEN_SYMBOL && !is_currency (&words[first]))))
    first++;
  if (count_words (words, first, last) < (headline ? MIN_WORDS + 1 : MIN_WORDS))
    return;

  if (!find_according (words, first, last, &frame) &&
      !find_trailing (words, first, last, &frame) &&
      !find_leading (words, first, last, &frame))
    frame.kind = FRAME_NONE;
  if (frame.kind == FRAME_NONE)
    {
      frame.content_start = first;
      frame.content_end = frame.rest_start = last;
    }
  c0 = frame.content_start;
  c1 = frame.content_end;
  if (!trim (words, &c0, &c1) || count_words (words, c0, c1) < 2)
    {
      /* "China, he said, is …": too little outside the attribution, so
       * the sentence is what was said. */
      c0 = first;
      c1 = frame.rest_start = last;
    }

  claimer = find_claimer (run, &frame, words, words[c0].start, words[c1 - 1].end);
  weigh_part (run, words, c0, c1, frame.kind != FRAME_NONE || claimer != NULL, &reported);
  weigh_part (run, words, frame.rest_start, last, FALSE, &rest);
  /* "“…,” said Whitley, who has played 412 games": the journalist's
   * claim, not Whitley's. */
  if (reported.content >= MIN_CONTENT - 1e-9 || rest.content < MIN_CONTENT - 1e-9)
    chosen = &reported;
  else
    {
      chosen = &rest;
      claimer = NULL;
    }
  /* One checkable signal is enough, unless something weighs against it;
   * without one, it takes several weaker ones. */
  if (chosen->content >= MIN_CONTENT - 1e-9 ? chosen->score < MIN_CONTENT - 1e-9
                                            : headline || chosen->score < MIN_SCORE - 1e-9)
    return;

  start = words[first].start;
  end = words[last - 1].end;
  if (overlaps_claim (run, start, end))
    return;
  worthy = chosen->content >= MIN_CONTENT - 1e-9 && !chosen->opinion;
  /* Check-worthy claims from 0.6 up, the others below: a reviewer can
   * accept the first in bulk. */
  if (worthy)
    confidence = CLAMP (0.45 + chosen->score * 0.6, 0.6, 0.95);
  else
    confidence = CLAMP (0.2 + chosen->score * 0.6, 0.3, 0.55);
  id = byline_suggestions_add_span (run->s, "claims", "CLAIM", start, end, confidence);
  byline_annotation_set_attribute_string (byline_suggestions_lookup (run->s, id),
                                          "check_worthy", worthy ? "yes" : "unsure");
  if (claimer != NULL)
    byline_suggestions_add_relation (run->s, "claimer", id, claimer);
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  return byline_annotation_compare (*(BylineAnnotation **) a, *(BylineAnnotation **) b);
}

/* Makes run->next, run->next_quote the first annotation and quote that
 * may concern the sentence from @start on. */
static void
advance (Run   *run,
         guint  start)
{
  while (run->next < run->annotations->len &&
         byline_annotation_get_start (run->annotations->pdata[run->next]) < start)
    run->next++;
  while (run->next_quote < run->quotes->len &&
         byline_annotation_get_end (run->quotes->pdata[run->next_quote]) <= start)
    run->next_quote++;
}

static gboolean
run_claims (const char         *text,
            BylineSuggestions  *s,
            GCancellable       *cancellable,
            GError            **error)
{
  const Rules *rules = get_rules ();
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) sentences = NULL;
  GPtrArray *relations, *context;
  Run run = { 0 };
  const char *p = text;
  guint offset = 0, t = 0;
  gboolean ok = TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }
  tokens = byline_tokenize (text, -1);
  sentences = byline_split_sentences (text, -1, tokens);

  run.s = s;
  run.annotations = byline_suggestions_find (s, NULL, TRUE);
  run.said_by = g_hash_table_new (g_str_hash, g_str_equal);
  run.quotes = g_ptr_array_new ();
  run.claims = byline_suggestions_find (s, "CLAIM", FALSE);
  run.words = g_array_new (FALSE, FALSE, sizeof (Word));

  relations = byline_suggestions_get_relations (s);
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_str_equal (byline_relation_get_relation_type (r), "said_by"))
        g_hash_table_insert (run.said_by, (gpointer) byline_relation_get_from (r),
                             (gpointer) byline_relation_get_to (r));
    }
  for (guint i = 0; i < run.annotations->len; i++)
    {
      BylineAnnotation *a = run.annotations->pdata[i];

      if (g_str_equal (byline_annotation_get_label (a), "QUOTE") &&
          g_hash_table_contains (run.said_by, byline_annotation_get_id (a)))
        g_ptr_array_add (run.quotes, a);
    }
  context = byline_suggestions_get_context (s);
  for (guint i = 0; i < context->len; i++)
    {
      BylineAnnotation *a = context->pdata[i];

      if (g_str_equal (byline_annotation_get_label (a), "CLAIM"))
        g_ptr_array_add (run.claims, a);
    }
  g_ptr_array_sort (run.claims, compare_by_start);

  for (guint i = 0; i < sentences->len && ok; i++)
    {
      const BylineSentence *sentence = &g_array_index (sentences, BylineSentence, i);

      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      while (t < tokens->len && g_array_index (tokens, BylineToken, t).start < sentence->start)
        t++;
      g_array_set_size (run.words, 0);
      /* A "sentence" of hundreds of words is a table, a list or a text
       * without stops: no claim. */
      if (t + MAX_SENTENCE_TOKENS < tokens->len &&
          g_array_index (tokens, BylineToken, t + MAX_SENTENCE_TOKENS).end <= sentence->end)
        continue;
      for (; t < tokens->len && g_array_index (tokens, BylineToken, t).end <= sentence->end; t++)
        {
          const BylineToken *token = &g_array_index (tokens, BylineToken, t);
          const char *token_end;
          Word w;

          for (; offset < token->start; offset++)
            p = g_utf8_next_char (p);
          token_end = p;
          for (guint k = token->start; k < token->end; k++)
            token_end = g_utf8_next_char (token_end);
          w.start = token->start;
          w.end = token->end;
          w.kind = token->kind;
          fill_word (rules, &w, p, token_end);
          g_array_append_val (run.words, w);
        }
      advance (&run, sentence->start);
      if (run.words->len > 0)
        weigh_sentence (&run);
    }

  g_ptr_array_unref (run.annotations);
  g_ptr_array_unref (run.quotes);
  g_hash_table_unref (run.said_by);
  g_ptr_array_unref (run.claims);
  g_array_unref (run.words);
  return ok;
}

const BylineExtractor byline_extractor_claims = {
  "claims", N_("Claims and their claimers"), "rules:claims", run_claims
};

/* byline-extract-claims-private.h: what the claims extractor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-extract-claims.c describes the extractor and holds what makes a
 * sentence a claim (its attribution, its parts' weights, the claimer)
 * and the driver; byline-extract-claims-signals.c the rules and the
 * signals they find in words. The small helpers both call for every
 * word are static inline here, so that they stay inlined in each file.
 */
#pragma once

#include <string.h>

#include "byline-suggest.h"
#include "byline-tokenizer.h"

G_BEGIN_DECLS

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

#define WORD_MAX           32

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

static inline gboolean
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

static inline gboolean
word_is (const Word *w,
         const char *s)
{
  return strcmp (w->w, s) == 0;
}

static inline gboolean
is_punct (const Word *w,
          const char *s)
{
  return (w->kind == BYLINE_TOKEN_PUNCT || w->kind == BYLINE_TOKEN_SYMBOL) && strcmp (w->w, s) == 0;
}

static inline gboolean
is_currency (const Word *w)
{
  return w->kind == BYLINE_TOKEN_SYMBOL &&
         (word_is (w, "$") || word_is (w, "€") || word_is (w, "£") || word_is (w, "¥"));
}

/* Keeps the strongest weight of each signal (the most negative for the
 * signals against). */
static inline void
note (double *weights,
      Signal  signal,
      double  weight)
{
  if (weight >= 0 ? weight > weights[signal] : weight < weights[signal])
    weights[signal] = weight;
}

/* byline-extract-claims-signals.c */
const Rules *
_byline_claims_get_rules (void);
void
_byline_claims_fill_word (const Rules *rules,
                          Word        *w,
                          const char  *p,
                          const char  *end);
gboolean
_byline_claims_weigh (const Word *words,
                      guint       first,
                      guint       last,
                      double     *weights);

G_END_DECLS

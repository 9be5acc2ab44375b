/* byline-extract-entities-private.h: what the entities extractor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-extract-entities.c describes the extractor and holds the labels,
 * the text (each token's word, flags, sentence and lexicon entry) and the
 * driver; byline-extract-entities-lexicon.c the lexicon and the gazetteers;
 * byline-extract-entities-patterns.c pass 1 (money, percentages,
 * quantities, times and dates); byline-extract-entities-names.c passes 2
 * and 4 (gazetteers, titles and people; surnames, then guesses);
 * byline-extract-entities-numbers.c numbers and pass 3 (ordinals and
 * cardinals). The small helpers the passes call for every token are
 * static inline here, so that they stay inlined in each file.
 */
#pragma once

#include <string.h>

#include "byline-suggest.h"
#include "byline-tokenizer.h"

G_BEGIN_DECLS

/* {{{ Kinds */

typedef enum
{
  K_NONE,
  K_PERSON,
  K_NORP,
  K_FAC,
  K_ORG,
  K_GPE,
  K_LOC,
  K_PRODUCT,
  K_EVENT,
  K_WORK_OF_ART,
  K_LAW,
  K_LANGUAGE,
  K_DATE,
  K_TIME,
  K_PERCENT,
  K_MONEY,
  K_QUANTITY,
  K_ORDINAL,
  K_CARDINAL,
  K_TITLE,   /* no label: a title before a PERSON, never guessed as a name */
  K_BODY,    /* an ORG that a GPE or NORP right before it joins */
  K_SKIP,    /* no label: looked at and left out */
} Kind;

/* }}} */
/* {{{ Lexicon */

enum
{
  W_STOP        = 1u << 0,   /* function words: never a name */
  W_MONTH       = 1u << 1,   /* value: 1–12 */
  W_MONTH_AMBIG = 1u << 2,   /* March, April, May, June: a date only with context */
  W_WEEKDAY     = 1u << 3,
  W_NUM         = 1u << 4,   /* number words; num: the value */
  W_SCALE       = 1u << 5,   /* hundred, million, bn; num: the factor */
  W_VAGUE       = 1u << 6,   /* dozens, hundreds, thousands */
  W_ORDINAL     = 1u << 7,   /* first, second…; value */
  W_CURRENCY    = 1u << 8,   /* dollars, yuan, USD: after a number */
  W_CUR_SYMBOL  = 1u << 9,   /* $ € £ ¥: before a number */
  W_CUR_PREFIX  = 1u << 10,  /* US HK C A NZ S: right before $ */
  W_UNIT        = 1u << 11,  /* kilometers, tons, barrels */
  W_PERCENT     = 1u << 12,  /* % percent pct */
  W_DATE_UNIT   = 1u << 13,  /* day, weeks, year, decade, quarter */
  W_TIME_UNIT   = 1u << 14,  /* hour, minutes, seconds */
  W_DAYPART     = 1u << 15,  /* morning, afternoon, evening, night */
  W_SEASON      = 1u << 16,
  W_REL         = 1u << 17,  /* last, next, this, past, coming, previous */
  W_EDGE        = 1u << 18,  /* early, mid, late, earlier, later */
  W_DATE_PREP   = 1u << 19,  /* in, since, until, by, during: before a bare month */
  W_AMPM        = 1u << 20,
  W_TZ          = 1u << 21,
  W_RANGE       = 1u << 22,  /* to, through, until, - – —: joins the ends of a range */
  W_CONNECT     = 1u << 23,  /* of, for, and, &, de: inside a capitalised sequence */
  W_PARTICLE    = 1u << 24,  /* bin, al, de, van, von: inside a person's name */
  W_NAME_SUFFIX = 1u << 25,  /* Jr., Sr., II, III */
  W_REPORT      = 1u << 26,  /* said, told: a guessed single name before it is a person */
  W_LANG_CUE    = 1u << 27,  /* in, speak, fluent: before a language */
  W_ACRONYM     = 1u << 28,  /* capitals that name no organisation: AI, GDP, CEO */
  W_NOT_NAME    = 1u << 29,  /* capitalised words that name nothing alone */
  W_TIME_WORD   = 1u << 30,  /* noon, midnight, recent: only a pattern looks at them */
};

/* What a capitalised sequence's last word (SUF) or first word (HEAD)
 * says about it. */
typedef enum
{
  S_NONE,
  S_ORG,
  S_FAC,
  S_LOC,
  S_GPE,
  S_EVENT,
  S_LAW,
} Shape;

typedef struct
{
  guint32 classes;
  gint16  value;       /* month, weekday, ordinal */
  guint8  suffix;      /* Shape of a sequence that ends with the word */
  guint8  head;        /* Shape of a sequence that starts with the word */
  double  num;         /* number words and scales */
} WordInfo;

/* }}} */
/* {{{ Gazetteers */

typedef struct
{
  GHashTable *phrases;       /* "word word" -> Kind */
  GHashTable *first;         /* first word -> longest phrase starting with it, in tokens */
  GHashTable *first_names;   /* set */
  GHashTable *family_names;  /* name -> 1, or 2 when it is also an English word */
  GHashTable *languages;     /* set */
  GHashTable *lexicon;       /* word -> WordInfo */
} Gazetteer;

/* }}} */
/* {{{ The text */

enum
{
  F_CAP      = 1u << 0,  /* starts with an uppercase letter */
  F_LOWER    = 1u << 1,  /* starts with a lowercase letter */
  F_ALLCAPS  = 1u << 2,  /* two letters or more, none lowercase */
  F_NAME     = 1u << 3,  /* a word: a capital, then lowercase letters somewhere */
  F_BREAK    = 1u << 4,  /* a line break before it */
  F_INITIAL  = 1u << 5,  /* the first word of its sentence or line */
  F_GLUED    = 1u << 6,  /* no space before it */
  F_DIGIT    = 1u << 7,  /* starts with a digit */
  F_HYPHEN   = 1u << 8,  /* a word with a hyphen inside */
  F_HEADLINE = 1u << 9,  /* in a line of Title Case Words */
};

typedef struct
{
  guint start;   /* code points */
  guint end;
  Kind  kind;
  double confidence;
} Found;

typedef struct
{
  const Gazetteer *gaz;
  const BylineToken *tok;
  guint            n;
  GString         *words;
  guint           *word_at;
  guint16         *flags;
  const WordInfo **info;
  guint           *sentence;
  guint8          *taken;      /* Kind, K_NONE while free */
  GArray          *found;      /* Found */
  GHashTable      *lowercase;  /* words the text writes in lowercase */
  GHashTable      *people;     /* surnames and full names of the people found */
  GString         *key;
  GCancellable    *cancellable;
} Ctx;

static inline const char *
word (const Ctx *c,
      guint      i)
{
  return c->words->str + c->word_at[i];
}

static inline gboolean
has_flag (const Ctx *c,
          guint      i,
          guint      flag)
{
  return i < c->n && (c->flags[i] & flag) != 0;
}

static inline guint32
classes (const Ctx *c,
         guint      i)
{
  return i < c->n && c->info[i] != NULL ? c->info[i]->classes : 0;
}

static inline gboolean
is_class (const Ctx *c,
          guint      i,
          guint32    cls)
{
  return (classes (c, i) & cls) != 0;
}

static inline gboolean
is_word (const Ctx  *c,
         guint       i,
         const char *w)
{
  return i < c->n && strcmp (word (c, i), w) == 0;
}

static inline gboolean
is_free (const Ctx *c,
         guint      i)
{
  return i < c->n && c->taken[i] == K_NONE;
}

static inline gboolean
is_kind (const Ctx      *c,
         guint           i,
         BylineTokenKind kind)
{
  return i < c->n && c->tok[i].kind == kind;
}

/* Whether token @j follows @i on the same line (and in the same
 * sentence, when @sentence). */
static inline gboolean
same_line (const Ctx *c,
           guint      i,
           guint      j,
           gboolean   sentence)
{
  if (j >= c->n)
    return FALSE;
  for (guint k = i + 1; k <= j; k++)
    {
      if (c->flags[k] & F_BREAK)
        return FALSE;
    }
  return !sentence || c->sentence[i] == c->sentence[j];
}

static inline gboolean
cancelled (const Ctx *c,
           guint      i)
{
  return (i & 4095) == 0 && g_cancellable_is_cancelled (c->cancellable);
}

static inline gboolean
ascii_ieq (const Ctx  *c,
           guint       i,
           const char *w)
{
  return i < c->n && g_ascii_strcasecmp (word (c, i), w) == 0;
}

static inline gboolean
all_free (const Ctx *c,
          guint      i,
          guint      j)
{
  for (guint k = i; k < j; k++)
    {
      if (!is_free (c, k))
        return FALSE;
    }
  return TRUE;
}

/* }}} */
/* {{{ Numbers */

typedef struct
{
  double   value;
  gboolean digits;    /* written with digits */
  gboolean scaled;    /* with million, bn… */
  gboolean vague;     /* dozens, thousands of */
} Number;

/* }}} */

/* byline-extract-entities-lexicon.c */
void              _byline_entities_collect_words    (const char         *text,
                                                     GArray             *tokens,
                                                     GString            *words,
                                                     guint              *word_at,
                                                     guint8             *breaks);
const Gazetteer  *_byline_entities_gazetteer_get    (void);

/* byline-extract-entities.c */
void              _byline_entities_emit             (Ctx                *c,
                                                     guint               i,
                                                     guint               j,
                                                     Kind                kind,
                                                     double              confidence);

/* byline-extract-entities-numbers.c */
gboolean          _byline_entities_parse_digits     (const char         *w,
                                                     double             *value);
const char       *_byline_entities_digits_suffix    (const char         *w,
                                                     double             *value);
guint             _byline_entities_parse_number     (const Ctx          *c,
                                                     guint               i,
                                                     gboolean            money,
                                                     Number             *num);
gboolean          _byline_entities_pass_numbers     (Ctx                *c);

/* byline-extract-entities-patterns.c */
gboolean          _byline_entities_pass_patterns    (Ctx                *c);

/* byline-extract-entities-names.c */
gboolean          _byline_entities_pass_names       (Ctx                *c);
gboolean          _byline_entities_pass_guesses     (Ctx                *c);
void              _byline_entities_remember_context (Ctx                *c,
                                                     BylineSuggestions  *s,
                                                     GArray             *tokens);

G_END_DECLS

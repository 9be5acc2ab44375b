/* byline-extract-quotes-private.h: what the quotes extractor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-extract-quotes.c describes the extractor and holds the lexicon,
 * the text (each token's flags, paragraph and sentence), the results and
 * the driver; byline-extract-quotes-speakers.c parses speaker phrases;
 * byline-extract-quotes-direct.c finds and attributes direct quotes;
 * byline-extract-quotes-indirect.c finds indirect ones;
 * byline-extract-quotes-resolve.c links speakers to what they refer to.
 * The small helpers the rules call for every token are static inline
 * here, so that they stay inlined in each file.
 */
#pragma once

#include <string.h>

#include "byline-suggest.h"
#include "byline-tokenizer.h"

G_BEGIN_DECLS

/* {{{ Lexicon */

enum
{
  W_CUE       = 1u << 0,   /* a reporting verb: said, told, warned */
  W_SAY       = 1u << 1,   /* say, says, said: a clause may follow without "that" */
  W_OUT       = 1u << 2,   /* pointed, points: a cue with "out" */
  W_ACCORDING = 1u << 3,   /* a cue with "to" */
  W_PRONOUN   = 1u << 4,
  W_DET       = 1u << 5,
  W_STOP      = 1u << 6,   /* ends a speaker phrase: verbs, conjunctions */
  W_PREP      = 1u << 7,   /* may join a speaker noun to its complement */
  W_ADVERB    = 1u << 8,   /* may stand between a speaker and its cue */
  W_HEAD      = 1u << 9,   /* a noun that heads a speaker phrase */
  W_PLURAL    = 1u << 10,
  W_INST      = 1u << 11,  /* an institution or a document */
  W_MALE      = 1u << 12,
  W_FEMALE    = 1u << 13,
  W_NOT_NAME  = 1u << 14,  /* capitalised but no name: weekdays, months */
  W_THAT      = 1u << 15,
  W_NEGATION  = 1u << 16,
  W_CLAUSE    = 1u << 17,  /* starts a reported clause: we, I, there */
  W_NAME_LINK = 1u << 18,  /* of, de, al: inside a name */
  W_TO        = 1u << 19,
  W_CUT       = 1u << 20,  /* adding, citing: after a comma, ends a reported clause */
  W_TELL      = 1u << 21,  /* a cue with an object: told reporters */
  W_TRAIL     = 1u << 22,  /* starts what may follow a final cue: last week */
  W_OF_FOR    = 1u << 23,  /* a complement after a speaker phrase's start */

  /* Per token, from the text */
  T_WORD      = 1u << 24,  /* a word, a number or an abbreviation */
  T_CAP       = 1u << 25,
  T_CLITIC    = 1u << 26,  /* ’s ’re */
  T_TERMINAL  = 1u << 27,  /* . ! ? … */
  T_COMMA     = 1u << 28,
  T_COLON     = 1u << 29,
  T_DASH      = 1u << 30,
  T_QMARK     = 1u << 31,  /* a double quotation mark */
};

#define W_NOT_IN_NAME (W_STOP | W_DET | W_PREP | W_PRONOUN | W_CUE | W_NOT_NAME | \
                       W_ADVERB | W_THAT | W_NEGATION | W_TO | W_CLAUSE | W_SAY)
#define W_NOT_MODIFIER (W_STOP | W_DET | W_PREP | W_PRONOUN | W_CUE | W_THAT | \
                        W_NEGATION | W_ADVERB | W_TO | W_CLAUSE | W_SAY)

/* }}} */
/* {{{ The text */

#define NONE G_MAXUINT

typedef struct
{
  guint    open;         /* token of the opening mark */
  guint    close;        /* token of the closing mark */
  gboolean straight;
  gboolean continued;    /* over several paragraphs */
  guint    attribution;  /* or NONE */
  gboolean absorbed;     /* inside a mixed quote */
} Quote;

enum
{
  M_PRONOUN = 1u << 0,
  M_HE      = 1u << 1,
  M_SHE     = 1u << 2,
  M_THEY    = 1u << 3,
  M_IT      = 1u << 4,
  M_PERSON  = 1u << 5,
  M_PLURAL  = 1u << 6,
  M_INST    = 1u << 7,
  M_MALE    = 1u << 8,
  M_FEMALE  = 1u << 9,
  M_NOUN    = 1u << 10,  /* headed by a speaker noun of the lexicon */
};

typedef struct
{
  guint       first, last;  /* tokens, inclusive */
  guint32     features;
  double      confidence;
  const char *id;           /* the SPEAKER suggestion */
  const char *entity;       /* the entity it names, or NULL */
  const char *target;       /* what a pronoun refers to */
  guint32     root;         /* the features of what it refers to */
} Mention;

typedef struct
{
  guint       first, last;   /* the QUOTE's tokens, inclusive */
  const char *type;
  double      confidence;
  guint       mention;       /* or NONE */
  guint       cue_first;     /* or NONE */
  guint       cue_last;
  double      cue_confidence;
} Attribution;

typedef struct
{
  guint       start, end;    /* code points */
  gboolean    person;
  const char *id;
} Entity;

typedef struct
{
  gunichar          *chars;
  GArray            *tokens;
  const BylineToken *tok;
  guint              n;
  guint32           *flags;
  guint8            *breaks;       /* line breaks before each token, at most 2 */
  guint             *para;         /* the line of each token */
  guint             *sentence;     /* the first token of each token's sentence */
  guint             *in_quote;     /* the Quote holding each token, or NONE */
  guint8            *used;         /* cue tokens already attributed */
  GArray            *quotes;       /* Quote */
  GArray            *mentions;     /* Mention */
  GHashTable        *mention_at;   /* first token + 1 -> mention index + 1 */
  GArray            *attributions; /* Attribution */
  GArray            *entities;     /* Entity, by start */
  BylineSuggestions *s;
} Ctx;

static inline guint32
F (const Ctx *x,
   guint      i)
{
  return i < x->n ? x->flags[i] : 0;
}

static inline gboolean
is_name_word (const Ctx *x,
              guint      i)
{
  guint32 f = F (x, i);

  return (f & T_WORD) && (f & T_CAP) && !(f & W_NOT_IN_NAME);
}

/* Whether tokens i - 1 and i stand on different lines. */
static inline gboolean
line_break_before (const Ctx *x,
                   guint      i)
{
  return i < x->n && x->breaks[i] > 0;
}

/* Whether token @i is the lower-case ASCII @word. */
static inline gboolean
token_is (const Ctx  *x,
          guint       i,
          const char *word)
{
  guint len = strlen (word);

  if (i >= x->n || x->tok[i].end - x->tok[i].start != len)
    return FALSE;
  for (guint k = 0; k < len; k++)
    {
      gunichar ch = x->chars[x->tok[i].start + k];

      if (ch >= 128 || g_ascii_tolower ((char) ch) != word[k])
        return FALSE;
    }
  return TRUE;
}

/* The cue at @i, outside quotes; its last token in @last (the second
 * for "pointed out" and "according to"). */
static inline gboolean
is_cue (const Ctx *x,
        guint      i,
        guint     *last)
{
  guint32 f = F (x, i);

  if (i >= x->n || x->in_quote[i] != NONE)
    return FALSE;
  if (f & W_CUE)
    {
      *last = i;
      return TRUE;
    }
  if ((((f & W_OUT) && token_is (x, i + 1, "out")) ||
       ((f & W_ACCORDING) && (F (x, i + 1) & W_TO))) &&
      !line_break_before (x, i + 1))
    {
      *last = i + 1;
      return TRUE;
    }
  return FALSE;
}

/* The words in tokens [first, last], counted up to @enough. */
static inline guint
count_words (const Ctx *x,
             guint      first,
             guint      last,
             guint      enough)
{
  guint n = 0;

  for (guint i = first; i <= last && i < x->n && n < enough; i++)
    {
      if (F (x, i) & T_WORD)
        n++;
    }
  return n;
}

/* }}} */

/* byline-extract-quotes.c */
guint
_byline_quotes_add_mention (Ctx     *x,
                            guint    first,
                            guint    last,
                            guint32  features,
                            double   confidence);
guint
_byline_quotes_add_attribution (Ctx        *x,
                                guint       first,
                                guint       last,
                                const char *type,
                                double      confidence,
                                guint       mention,
                                guint       cue_first,
                                guint       cue_last,
                                double      cue_confidence);
gboolean
_byline_quotes_is_title (const Ctx *x,
                         guint      first,
                         guint      last);

/* byline-extract-quotes-speakers.c */
gboolean
_byline_quotes_parse_np_backward (const Ctx *x,
                                  guint      end,
                                  guint      lo,
                                  guint     *start,
                                  guint32   *features);
gboolean
_byline_quotes_parse_np_forward (const Ctx *x,
                                 guint      from,
                                 guint      hi,
                                 guint     *end,
                                 guint32   *features);
guint
_byline_quotes_skip_before_cue (const Ctx *x,
                                guint      cue,
                                guint      lo);
guint
_byline_quotes_speaker_before_appositive (const Ctx *x,
                                          guint      cue,
                                          guint      lo,
                                          guint     *start,
                                          guint32   *features);
gboolean
_byline_quotes_is_trailer (const Ctx *x,
                           guint      from,
                           guint      e,
                           gboolean   tell);

/* byline-extract-quotes-direct.c */
void
_byline_quotes_find_quotes (Ctx *x);
void
_byline_quotes_attribute_direct (Ctx *x);
void
_byline_quotes_attribute_rest (Ctx *x);

/* byline-extract-quotes-indirect.c */
void
_byline_quotes_find_indirect (Ctx *x);

/* byline-extract-quotes-resolve.c */
void
_byline_quotes_resolve (Ctx *x);

G_END_DECLS

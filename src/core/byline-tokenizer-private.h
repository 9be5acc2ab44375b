/* byline-tokenizer-private.h: what the tokenizer files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-tokenizer.c decodes the text and finds the tokens;
 * byline-tokenizer-sentences.c finds sentences and snaps to words.
 */
#pragma once

#include "byline-tokenizer.h"

G_BEGIN_DECLS

typedef enum
{
  C_SPACE,
  C_ALPHA,   /* letters (not ideographs), letter-like numbers */
  C_DIGIT,   /* decimal digits */
  C_IDEO,    /* Han and Hiragana: one token each */
  C_EXTEND,  /* marks, ZWJ, variation selectors, emoji modifiers, format */
  C_PICTO,   /* emoji and other pictographs */
  C_RI,      /* regional indicators: flags are pairs */
  C_APOS,    /* ' and ’ */
  C_HYPHEN,  /* - and the Unicode hyphens */
  C_DASH,    /* other dashes: — – */
  C_PERIOD,
  C_PUNCT,
  C_SYMBOL,
} CharClass;

typedef struct
{
  gunichar *chars;    /* n + 1, ends in 0 */
  guint8   *classes;  /* n + 1, ends in C_SPACE */
  guint     n;
} Text;

/* byline-tokenizer.c */
void
_byline_tokenizer_text_init (Text       *t,
                             const char *text,
                             gssize      len);

void
_byline_tokenizer_text_clear (Text *t);

GArray *
_byline_tokenizer_tokenize_text (const Text *t);

gboolean
_byline_tokenizer_abbreviation_never_ends (const Text        *t,
                                           const BylineToken *token);

gboolean
_byline_tokenizer_is_sentence_starter (const Text        *t,
                                       const BylineToken *token);
G_END_DECLS

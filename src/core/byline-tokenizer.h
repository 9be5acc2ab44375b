/* byline-tokenizer.h: tokens and sentences of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tokenizer for everything that needs tokens: word snapping of a
 * selection, sentence spans, and the token exports. All offsets are
 * Unicode code points over the text exactly as stored, never bytes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_TOKEN_WORD,          /* letters, digits, marks; clitics such as ’s; one ideograph */
  BYLINE_TOKEN_NUMBER,        /* 24, 3.5, 1,000.50, 10:30, 2023-24, 26th */
  BYLINE_TOKEN_ABBREVIATION,  /* a word with its period: Mr., U.S., e.g. */
  BYLINE_TOKEN_PUNCT,         /* . , “ ” ( — each alone; a run of ... -- —— is one */
  BYLINE_TOKEN_SYMBOL,        /* $ % + © and combining marks with no base */
  BYLINE_TOKEN_URL,           /* http(s)://…, www.…, example.com */
  BYLINE_TOKEN_EMAIL,         /* name@example.org */
  BYLINE_TOKEN_EMOJI,         /* a pictograph with modifiers and ZWJ sequence, a flag */
} BylineTokenKind;

/* A token covers the code points [start, end). The arrays of tokens are
 * sorted and free with g_array_unref(); tokens never overlap, never hold
 * whitespace, and every code point that is not whitespace is in one. */
typedef struct
{
  guint           start;
  guint           end;
  BylineTokenKind kind;
} BylineToken;

/* A sentence covers [start, end), from its first token to its last. */
typedef struct
{
  guint start;
  guint end;
} BylineSentence;

GArray *byline_tokenize        (const char *text,
                                gssize      len);
GArray *byline_split_sentences (const char *text,
                                gssize      len,
                                GArray     *tokens);
void    byline_snap_to_words   (const char *text,
                                gssize      len,
                                GArray     *tokens,
                                guint      *start,
                                guint      *end);
guint   byline_tokens_find     (GArray     *tokens,
                                guint       offset);

G_END_DECLS

/* byline-token-align.h: tokens that fit the spans a token format exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The token formats (spaCy/Prodigy, CoNLL, Hugging Face) need every
 * exported span to start at the start of a token and end at the end of
 * one: spaCy's Doc.char_span() finds nothing otherwise, and a chunk tag
 * can only cover whole tokens. The core tokenizer's tokens are split
 * where a span edge falls inside one ("US-China" with a GPE on "US" gives
 * "US" and "-China"), span edges on whitespace are moved onto the text
 * they hold, and, for CoNLL, sentences that a span would cross are merged.
 */
#pragma once

#include "byline-document.h"

G_BEGIN_DECLS

/**
 * BylineAlignFlags:
 * @BYLINE_ALIGN_DEFAULT: keep every span, no sentences
 * @BYLINE_ALIGN_NO_OVERLAPS: the spans will be tagged (CoNLL, Hugging
 *   Face), so they may not overlap: of overlapping spans the outer one is
 *   kept (the longest, then the earliest) and the others are dropped
 * @BYLINE_ALIGN_SENTENCES: split the tokens into sentences, merging the
 *   sentences that a kept span would cross
 */
typedef enum
{
  BYLINE_ALIGN_DEFAULT     = 0,
  BYLINE_ALIGN_NO_OVERLAPS = 1 << 0,
  BYLINE_ALIGN_SENTENCES   = 1 << 1,
} BylineAlignFlags;

/**
 * BylineSpanDrop:
 * @BYLINE_SPAN_KEPT: the span is exported
 * @BYLINE_SPAN_DROPPED_WHITESPACE: it holds only whitespace: no token
 * @BYLINE_SPAN_DROPPED_OVERLAP: with %BYLINE_ALIGN_NO_OVERLAPS, it
 *   overlaps a longer span (or an earlier one as long)
 */
typedef enum
{
  BYLINE_SPAN_KEPT,
  BYLINE_SPAN_DROPPED_WHITESPACE,
  BYLINE_SPAN_DROPPED_OVERLAP,
} BylineSpanDrop;

/**
 * BylineAlignedToken:
 * @start: first code point
 * @end: code point after the last
 * @start_byte: @start as a byte index into the document's text
 * @end_byte: @end as a byte index
 *
 * A token never holds whitespace and never has a span edge inside it.
 */
typedef struct
{
  guint start;
  guint end;
  gsize start_byte;
  gsize end_byte;
} BylineAlignedToken;

/**
 * BylineAlignedSpan:
 * @annotation: (transfer none): the annotation it comes from
 * @fragment: which fragment of @annotation it is
 * @start: first code point, moved off whitespace
 * @end: code point after the last, moved off whitespace
 * @token_start: its first token
 * @token_end: its last token (inclusive, as Prodigy counts)
 * @moved: whether an edge was moved off whitespace (" Smith" is "Smith")
 * @dropped: why it is not exported, or %BYLINE_SPAN_KEPT; when dropped,
 *   @token_start and @token_end mean nothing
 *
 * The writers count @moved and @dropped spans as losses: the alignment
 * itself reports nothing.
 */
typedef struct
{
  BylineAnnotation *annotation;
  guint             fragment;
  guint             start;
  guint             end;
  guint             token_start;
  guint             token_end;
  gboolean          moved;
  BylineSpanDrop    dropped;
} BylineAlignedSpan;

/**
 * BylineAlignedSentence:
 * @token_start: its first token
 * @token_end: the token after its last
 */
typedef struct
{
  guint token_start;
  guint token_end;
} BylineAlignedSentence;

/**
 * BylineTokenAlignment:
 * @tokens: (element-type BylineAlignedToken): the tokens, in text order
 * @spans: (element-type BylineAlignedSpan): one per fragment of the
 *   annotations given, in their order (fragments in order)
 * @sentences: (element-type BylineAlignedSentence) (nullable): with
 *   %BYLINE_ALIGN_SENTENCES, sentences covering every token in order;
 *   else %NULL
 */
typedef struct
{
  GArray *tokens;
  GArray *spans;
  GArray *sentences;
} BylineTokenAlignment;

BylineTokenAlignment *byline_token_alignment_new        (BylineDocument       *document,
                                                         GPtrArray            *annotations,
                                                         BylineAlignFlags      flags);
void                  byline_token_alignment_free       (BylineTokenAlignment *self);
guint                 byline_token_alignment_find_token (BylineTokenAlignment *self,
                                                         guint                 offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineTokenAlignment, byline_token_alignment_free)

G_END_DECLS

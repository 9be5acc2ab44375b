/* byline-extract-quotes-direct.c: direct quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pairs the double quotation marks of each paragraph (a quote may go on
 * over the next one), then attributes each quote by what touches it, or
 * to the speaker of the quote before it; the rest are suggested alone or
 * skipped.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-quotes-private.h"

/* {{{ Direct quotes */

/* Whether the opening mark at @i begins a sentence (or a paragraph, or
 * follows a colon or a comma), so that the quote may go on over the next
 * paragraph. */
static gboolean
opens_sentence (const Ctx *x,
                guint      i)
{
  guint p;

  if (i == 0 || line_break_before (x, i))
    return TRUE;
  p = i - 1;
  if (F (x, p) & (T_TERMINAL | T_COLON | T_COMMA | T_DASH))
    return TRUE;
  /* a bullet at the start of the line */
  return !(F (x, p) & (T_WORD | T_CLITIC | T_QMARK)) && (p == 0 || line_break_before (x, p));
}

/* Pairs the double quotation marks of each paragraph. */
void
_byline_quotes_find_quotes (Ctx *x)
{
  guint open = NONE;
  gboolean straight = FALSE, continued = FALSE, starts = FALSE;

  for (guint i = 0; i < x->n; i++)
    {
      gunichar ch;
      gboolean gap_before, gap_after, opening;

      if (line_break_before (x, i) && open != NONE)
        {
          ch = x->chars[x->tok[i].start];
          if (starts && (F (x, i) & T_QMARK) && ch != 0x201D && ch != 0x00BB)
            {
              continued = TRUE;
              continue;
            }
          open = NONE;
        }
      if (!(F (x, i) & T_QMARK))
        continue;

      ch = x->chars[x->tok[i].start];
      gap_before = i == 0 || x->tok[i - 1].end < x->tok[i].start;
      gap_after = i + 1 >= x->n || x->tok[i + 1].start > x->tok[i].end ||
                  line_break_before (x, i + 1);

      if (ch == '"')
        {
          if (open != NONE && !straight)
            continue;  /* "nested" in curly quotes */
          if (open == NONE)
            /* not alone between spaces, not an inch mark (5'10") */
            opening = !gap_after &&
                      !(!gap_before && (F (x, i - 1) & T_WORD) &&
                        g_unichar_isdigit (x->chars[x->tok[i - 1].end - 1]));
          else
            opening = gap_before && !gap_after;  /* the last one was unbalanced */
          if (!opening && open == NONE)
            continue;
        }
      else
        {
          opening = ch == 0x201C || ch == 0x201E || ch == 0x00AB;
          /* a mark the wrong way round: “word“ or ”word” */
          if (opening && open != NONE && !gap_before && gap_after && ch == 0x201C)
            opening = FALSE;
          else if (!opening && open == NONE && gap_before && !gap_after && ch == 0x201D)
            opening = TRUE;
          else if (!opening && open == NONE)
            continue;
        }

      if (!opening)
        {
          Quote q = { open, i, straight, continued, NONE, FALSE };

          g_array_append_val (x->quotes, q);
          open = NONE;
          continue;
        }
      open = i;
      straight = ch == '"';
      continued = FALSE;
      starts = opens_sentence (x, i);
    }

  for (guint q = 0; q < x->quotes->len; q++)
    {
      Quote *quote = &g_array_index (x->quotes, Quote, q);

      for (guint i = quote->open; i <= quote->close; i++)
        x->in_quote[i] = q;
    }
}

/* “…,” he said / “…,” said the official / “…” — he added */
static gboolean
attribute_after (const Ctx   *x,
                 const Quote *q,
                 guint       *mention_first,
                 guint       *mention_last,
                 guint32     *features,
                 guint       *cue_first,
                 guint       *cue_last)
{
  gboolean full_stop = q->close > q->open + 1 && x->chars[x->tok[q->close - 1].start] == '.';
  guint i = q->close + 1;
  guint hi, c, last = 0, j, start, np_end;

  if (i >= x->n || line_break_before (x, i))
    return FALSE;
  if (F (x, i) & (T_COMMA | T_DASH))
    i++;
  if (i >= x->n || line_break_before (x, i) || !(F (x, i) & T_WORD))
    return FALSE;
  /* “We are ready.” Blinken said the … is another sentence */
  if (full_stop && (F (x, i) & T_CAP))
    return FALSE;
  hi = MIN (x->n, i + 14);

  /* said the official, according to a statement */
  if (is_cue (x, i, &last))
    {
      if (line_break_before (x, last + 1) ||
          !_byline_quotes_parse_np_forward (x, last + 1, hi, &np_end, features))
        return FALSE;
      *cue_first = i;
      *cue_last = last;
      *mention_first = last + 1;
      *mention_last = np_end;
      return TRUE;
    }

  /* the official told, he added, Blinken also said */
  for (c = i + 1; c < hi; c++)
    {
      if (line_break_before (x, c) || !(F (x, c) & (T_WORD | T_CLITIC)))
        {
          c = hi;
          break;
        }
      if (is_cue (x, c, &last))
        break;
    }
  if (c >= hi || (F (x, c) & W_ACCORDING))
    {
      /* Blinken, who arrived on Monday, said */
      for (c = i + 1; c < x->n && c < i + 30; c++)
        {
          if (line_break_before (x, c) || !(F (x, c) & (T_WORD | T_CLITIC | T_COMMA)))
            return FALSE;
          if (is_cue (x, c, &last))
            break;
        }
      if (c >= x->n || c >= i + 30 || (F (x, c) & W_ACCORDING))
        return FALSE;
      j = _byline_quotes_speaker_before_appositive (x, c, i, &start, features);
      if (j == NONE || start != i)
        return FALSE;
      *cue_first = c;
      *cue_last = last;
      *mention_first = i;
      *mention_last = j;
      return TRUE;
    }
  j = _byline_quotes_skip_before_cue (x, c, i);
  if (j == NONE || !_byline_quotes_parse_np_backward (x, j, i, &start, features) || start != i)
    return FALSE;
  *cue_first = c;
  *cue_last = last;
  *mention_first = i;
  *mention_last = j;
  return TRUE;
}

/* Blinken said: “…” / X told reporters, “…” / he added “…” */
static gboolean
attribute_before (const Ctx   *x,
                  const Quote *q,
                  guint       *mention_first,
                  guint       *mention_last,
                  guint32     *features,
                  guint       *cue_first,
                  guint       *cue_last)
{
  guint o = q->open;
  guint p, c = NONE, last = 0, j, start, lo;

  if (o == 0 || line_break_before (x, o))
    return FALSE;
  p = o - 1;
  lo = x->sentence[p];
  if (F (x, p) & (T_COLON | T_COMMA))
    {
      /* the cue, then at most six words of object or adverbial */
      for (guint i = p; i > lo && p - i < 8; i--)
        {
          guint k = i - 1;

          if (!(F (x, k) & (T_WORD | T_CLITIC)) || line_break_before (x, i) || (F (x, k) & W_THAT))
            break;
          if (is_cue (x, k, &last) && last < p)
            {
              c = k;
              break;
            }
          if (k > lo && is_cue (x, k - 1, &last) && last == k && last < p)
            {
              c = k - 1;
              break;
            }
        }
    }
  else if (is_cue (x, p, &last) && last == p)
    c = p;
  else if (p > lo && is_cue (x, p - 1, &last) && last == p)
    c = p - 1;

  if (c == NONE || c <= lo || (F (x, c) & W_ACCORDING))
    return FALSE;
  j = _byline_quotes_skip_before_cue (x, c, lo);
  if (j != NONE && (F (x, j) & T_COMMA))
    j = _byline_quotes_speaker_before_appositive (x, c, lo, &start, features);
  else if (j != NONE && !_byline_quotes_parse_np_backward (x, j, lo, &start, features))
    j = NONE;
  if (j == NONE)
    return FALSE;
  /* the phrase begins a clause */
  if (start > lo && !(F (x, start - 1) & (T_COMMA | T_COLON | T_DASH | T_QMARK | W_STOP | W_THAT)))
    return FALSE;
  *cue_first = c;
  *cue_last = last;
  *mention_first = start;
  *mention_last = j;
  return TRUE;
}

void
_byline_quotes_attribute_direct (Ctx *x)
{
  for (guint q = 0; q < x->quotes->len; q++)
    {
      Quote *quote = &g_array_index (x->quotes, Quote, q);
      double confidence = quote->straight ? 0.85 : 0.9;
      guint mf, ml, cf, cl;
      guint32 features;
      guint m;

      if (!attribute_after (x, quote, &mf, &ml, &features, &cf, &cl) &&
          !attribute_before (x, quote, &mf, &ml, &features, &cf, &cl))
        continue;
      if (quote->continued)
        confidence -= 0.05;
      m = _byline_quotes_add_mention (x, mf, ml, features, 0.9);
      quote->attribution = _byline_quotes_add_attribution (x, quote->open, quote->close, "direct", confidence,
                                                           m, cf, cl, 0.9);
    }
}

/* Quotes without a cue of their own: the same speaker's as the attributed
 * quote before them in the paragraph, or at the end of the paragraph
 * before; else alone, when long enough to be more than a scare quote. */
void
_byline_quotes_attribute_rest (Ctx *x)
{
  g_autofree guint *last_used = g_new (guint, x->n + 1);
  guint last = NONE;

  /* the last cue token at or before each token */
  for (guint i = 0; i < x->n; i++)
    last_used[i] = x->used[i] ? i : (i > 0 ? last_used[i - 1] : NONE);

  for (guint q = 0; q < x->quotes->len; q++)
    {
      Quote *quote = &g_array_index (x->quotes, Quote, q);
      gboolean follows = FALSE;

      if (quote->absorbed)
        continue;
      if (quote->attribution != NONE)
        {
          last = q;
          continue;
        }
      if (last != NONE)
        {
          const Quote *prev = &g_array_index (x->quotes, Quote, last);
          const Attribution *a = &g_array_index (x->attributions, Attribution, prev->attribution);
          guint end = a->cue_first != NONE ? MAX (prev->close, a->cue_last) : prev->close;
          gboolean own_line = line_break_before (x, quote->open) ||
                              (quote->open >= 1 && opens_sentence (x, quote->open) &&
                               line_break_before (x, quote->open - 1));

          /* no other attribution in between */
          follows = quote->open == 0 || last_used[quote->open - 1] == NONE ||
                    last_used[quote->open - 1] <= end;
          if (follows && x->para[quote->open] == x->para[end])
            follows = (F (x, quote->open - 1) & (T_TERMINAL | T_QMARK)) != 0;
          else if (follows)
            follows = own_line && x->para[quote->open] == x->para[end] + 1;
          if (follows && a->mention != NONE)
            {
              gboolean same_para = x->para[quote->open] == x->para[end];

              quote->attribution = _byline_quotes_add_attribution (x, quote->open, quote->close, "direct",
                                                                   same_para ? 0.8 : 0.75, a->mention,
                                                                   NONE, NONE, 0);
              last = q;
              continue;
            }
        }
      if (count_words (x, quote->open, quote->close, 5) >= 5 &&
          !_byline_quotes_is_title (x, quote->open, quote->close))
        _byline_quotes_add_attribution (x, quote->open, quote->close, "direct", 0.4, NONE, NONE, NONE, 0);
    }
}

/* }}} */

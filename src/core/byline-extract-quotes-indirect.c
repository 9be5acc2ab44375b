/* byline-extract-quotes-indirect.c: indirect quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reported clauses around a cue outside quotation marks: X said that
 * CLAUSE, CLAUSE, X said, CLAUSE, according to X, According to X, CLAUSE.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-quotes-private.h"

/* {{{ Indirect quotes */

/* Whether the reported clause [first, last] may be suggested: it holds
 * no attributed quote and cuts none. @mixed is set when it holds an
 * unattributed one, @whole when it is one. */
static gboolean
check_clause (const Ctx *x,
              guint      first,
              guint      last,
              gboolean  *mixed,
              guint     *whole)
{
  *mixed = FALSE;
  *whole = NONE;
  if (last < first || last >= x->n || count_words (x, first, last, 3) < 3)
    return FALSE;
  for (guint i = first; i <= last; i++)
    {
      guint q = x->in_quote[i];
      const Quote *quote;

      if (q == NONE)
        {
          /* a mark that pairs with none: unsure where the quote is */
          if (F (x, i) & T_QMARK)
            return FALSE;
          continue;
        }
      quote = &g_array_index (x->quotes, Quote, q);
      if (quote->attribution != NONE || quote->open < first || quote->close > last)
        return FALSE;
      if (quote->open == first && quote->close == last)
        *whole = q;
      /* the speaker's own words, not a scare quote */
      if (count_words (x, quote->open, quote->close, 4) >= 4 &&
          !_byline_quotes_is_title (x, quote->open, quote->close))
        *mixed = TRUE;
      i = quote->close;
    }
  return TRUE;
}

/* The end of a reported clause that runs from @first to @last at most:
 * before ", adding that…", ", citing…", ", according to…" or ", but later
 * said…". */
static guint
clause_end (const Ctx *x,
            guint      first,
            guint      last)
{
  for (guint k = first + 1; k < last; k++)
    {
      guint j = k + 1, unused;

      if (!(F (x, k) & T_COMMA) || x->in_quote[k] != NONE)
        continue;
      if (F (x, j) & W_CUT)
        return k - 1;
      /* , but later said */
      while (j <= last && j < k + 4 && (F (x, j) & (W_STOP | W_ADVERB | W_PRONOUN)) &&
             !is_cue (x, j, &unused))
        j++;
      if (j <= last && is_cue (x, j, &unused))
        return k - 1;
    }
  return last;
}

static gboolean
add_indirect (Ctx     *x,
              guint    first,
              guint    last,
              double   confidence,
              guint    mention_first,
              guint    mention_last,
              guint32  features,
              guint    cue_first,
              guint    cue_last)
{
  gboolean mixed;
  guint whole, m;

  if (!check_clause (x, first, last, &mixed, &whole))
    return FALSE;
  m = _byline_quotes_add_mention (x, mention_first, mention_last, features, MIN (confidence + 0.1, 0.9));
  if (whole != NONE)
    {
      /* X said that “…”: that quote, direct */
      Quote *quote = &g_array_index (x->quotes, Quote, whole);

      quote->attribution = _byline_quotes_add_attribution (x, first, last, "direct", 0.8, m,
                                                           cue_first, cue_last, 0.85);
      return TRUE;
    }
  for (guint i = first; i <= last; i++)
    {
      if (x->in_quote[i] != NONE)
        {
          Quote *quote = &g_array_index (x->quotes, Quote, x->in_quote[i]);

          quote->absorbed = TRUE;
          i = quote->close;
        }
    }
  _byline_quotes_add_attribution (x, first, last, mixed ? "mixed" : "indirect", confidence, m,
                                  cue_first, cue_last, MIN (confidence + 0.15, 0.9));
  return TRUE;
}

/* According to X, CLAUSE. */
static gboolean
indirect_according_first (Ctx   *x,
                          guint  a,
                          guint  e)
{
  guint comma, np_end;
  guint32 features;

  if (!(F (x, a) & W_ACCORDING) || !(F (x, a + 1) & W_TO) || a + 2 >= e ||
      x->in_quote[a] != NONE || x->used[a])
    return FALSE;
  for (comma = a + 2; comma < e && comma < a + 16; comma++)
    {
      if (!(F (x, comma) & (T_WORD | T_CLITIC)))
        break;
    }
  if (comma >= e || !(F (x, comma) & T_COMMA))
    return FALSE;
  if (!_byline_quotes_parse_np_forward (x, a + 2, comma, &np_end, &features))
    return FALSE;
  /* a filing with regulators: the comma bounds the phrase */
  if (np_end + 1 != comma &&
      (!(F (x, np_end + 1) & W_PREP) || comma - (a + 2) > 12 || !(features & M_NOUN)))
    return FALSE;
  np_end = comma - 1;
  return add_indirect (x, comma + 1, clause_end (x, comma + 1, e - 1), 0.65, a + 2, np_end,
                       features, a, a + 1);
}

static gboolean
is_currency (const Ctx *x,
             guint      i)
{
  gunichar ch = i < x->n ? x->chars[x->tok[i].start] : 0;

  return i < x->n && x->tok[i].kind == BYLINE_TOKEN_SYMBOL &&
         g_unichar_type (ch) == G_UNICODE_CURRENCY_SYMBOL;
}

/* X said (in a statement) that CLAUSE. / X said CLAUSE. */
static gboolean
indirect_cue_first (Ctx   *x,
                    guint  a,
                    guint  e)
{
  for (guint c = a + 1; c < e; c++)
    {
      guint last, j, start, t, next;
      guint32 features, nf;

      if (!is_cue (x, c, &last) || x->used[c] || (F (x, c) & W_ACCORDING))
        continue;
      j = _byline_quotes_skip_before_cue (x, c, a);
      if (j == NONE || x->in_quote[j] != NONE)
        continue;
      if (F (x, j) & T_COMMA)
        j = _byline_quotes_speaker_before_appositive (x, c, a, &start, &features);
      else if (!_byline_quotes_parse_np_backward (x, j, a, &start, &features))
        j = NONE;
      if (j == NONE)
        continue;
      if (start > a && !(F (x, start - 1) & (T_COMMA | T_DASH | W_STOP | W_THAT)))
        continue;

      /* that, after at most seven words of object or adverbial */
      for (t = last + 1; t < e && t <= last + 8; t++)
        {
          guint unused;

          if ((F (x, t) & W_THAT) || !(F (x, t) & (T_WORD | T_CLITIC)) ||
              line_break_before (x, t) || is_cue (x, t, &unused))
            break;
        }
      if (t < e && (F (x, t) & W_THAT) && !line_break_before (x, t))
        {
          return add_indirect (x, t + 1, clause_end (x, t + 1, e - 1), 0.7, start, j, features,
                               c, last);
        }

      /* X said CLAUSE, when X starts the sentence or a clause after a
       * comma ("…, and forecasters said the worst was yet to come") */
      next = last + 1;
      nf = F (x, next);
      if ((F (x, c) & W_SAY) &&
          (start == a || (F (x, start - 1) & T_COMMA) ||
           (start > a + 1 && (F (x, start - 2) & T_COMMA) &&
            (token_is (x, start - 1, "and") || token_is (x, start - 1, "but")))) &&
          next < e && !line_break_before (x, next) &&
          ((nf & T_WORD) || is_currency (x, next)) &&
          !(nf & (W_NOT_NAME | W_PREP | W_TRAIL | W_ADVERB | W_STOP | W_CUE | W_SAY | W_TO)) &&
          count_words (x, next, e - 1, 4) >= 4)
        return add_indirect (x, next, clause_end (x, next, e - 1), 0.5, start, j, features, c, last);
    }
  return FALSE;
}

/* CLAUSE, X said (last week). / CLAUSE, said X. / CLAUSE, according to X. */
static gboolean
try_cue_last (Ctx   *x,
              guint  a,
              guint  e,
              guint  c,
              guint  last)
{
  guint np_end, start, j;
  guint32 features;

  if (x->used[c] || line_break_before (x, c))
    return FALSE;
  /* said the official; according to the State Department */
  if ((F (x, c - 1) & T_COMMA) &&
      _byline_quotes_parse_np_forward (x, last + 1, e, &np_end, &features) &&
      _byline_quotes_is_trailer (x, np_end + 1, e, FALSE))
    return add_indirect (x, a, c - 2, (F (x, c) & W_ACCORDING) ? 0.65 : 0.75,
                         last + 1, np_end, features, c, last);
  if ((F (x, c) & W_ACCORDING) || !_byline_quotes_is_trailer (x, last + 1, e, (F (x, c) & W_TELL) != 0))
    return FALSE;
  j = _byline_quotes_skip_before_cue (x, c, a);
  if (j != NONE && (F (x, j) & T_COMMA))
    j = _byline_quotes_speaker_before_appositive (x, c, a + 1, &start, &features);
  else if (j != NONE && !_byline_quotes_parse_np_backward (x, j, a + 1, &start, &features))
    j = NONE;
  if (j == NONE || !(F (x, start - 1) & T_COMMA))
    return FALSE;
  return add_indirect (x, a, start - 2, 0.75, start, j, features, c, last);
}

static gboolean
indirect_cue_last (Ctx   *x,
                   guint  a,
                   guint  e)
{
  /* the cues of the sentence's last run of words, from the end */
  for (guint i = e; i > a + 3 && e - i < 10; i--)
    {
      guint k = i - 1, last;

      if (!(F (x, k) & (T_WORD | T_CLITIC)) || (k + 1 < e && line_break_before (x, k + 1)))
        break;
      if (is_cue (x, k - 1, &last) && last == k && try_cue_last (x, a, e, k - 1, last))
        return TRUE;
      if (is_cue (x, k, &last) && last == k && try_cue_last (x, a, e, k, last))
        return TRUE;
    }
  return FALSE;
}

void
_byline_quotes_find_indirect (Ctx *x)
{
  guint a = 0;

  while (a < x->n)
    {
      guint b = a, e;

      while (b < x->n && x->sentence[b] == a)
        b++;
      e = b;
      /* after a bullet, before the final stop */
      while (a < e && !(F (x, a) & (T_WORD | T_QMARK)))
        a++;
      while (e > a && (F (x, e - 1) & T_TERMINAL))
        e--;
      if (e > a + 3 &&
          !indirect_according_first (x, a, e) &&
          !indirect_cue_first (x, a, e))
        indirect_cue_last (x, a, e);
      a = b;
    }
}

/* }}} */

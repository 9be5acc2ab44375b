/* byline-extract-quotes-speakers.c: speaker phrases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The noun phrases the quotes extractor takes for speakers, parsed
 * backward from a cue or forward after one: a pronoun; a capitalised name
 * with its titles; or a determiner, modifiers and a speaker noun of the
 * lexicon, with a possessor or a complement ("a spokesperson for the
 * ministry"). Also what may stand between a speaker and its cue, and
 * what may follow a final cue.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-quotes-private.h"

/* {{{ Speaker phrases */

static gboolean
is_modifier (const Ctx *x,
             guint      i)
{
  guint32 f = F (x, i);

  return (f & T_WORD) && !(f & W_NOT_MODIFIER);
}

/* Whether tokens [from, to] are words and clitics on one line. */
static gboolean
is_plain_run (const Ctx *x,
              guint      from,
              guint      to)
{
  for (guint i = from; i <= to && i < x->n; i++)
    {
      if (!(F (x, i) & (T_WORD | T_CLITIC)) || (i > from && line_break_before (x, i)))
        return FALSE;
    }
  return TRUE;
}

static guint32
head_features (const Ctx *x,
               guint      head)
{
  guint32 f = F (x, head);

  if (f & W_INST)
    return M_NOUN | M_INST | ((f & W_PLURAL) ? M_PLURAL : 0);
  if (f & W_PLURAL)
    return M_NOUN | M_PLURAL;
  return M_NOUN | M_PERSON | ((f & W_MALE) ? M_MALE : 0) | ((f & W_FEMALE) ? M_FEMALE : 0);
}

static gboolean parse_core_backward (const Ctx *x, guint end, guint lo, gboolean possessor,
                                     guint *start, guint32 *features);

/* Modifiers and a determiner or a possessor before token @k ("senior US"
 * before "official", "China’s foreign" before "ministry"), not before
 * @lo. Returns where they start. */
static guint
extend_modifiers (const Ctx *x,
                  guint      k,
                  guint      lo,
                  gboolean   in_possessor,
                  gboolean  *has_det)
{
  guint n = 0;

  *has_det = FALSE;
  while (k > lo && n < 8 && !line_break_before (x, k))
    {
      guint p = k - 1;
      guint pstart;
      guint32 pf;

      /* one possessor, not a chain of them */
      if ((F (x, p) & T_CLITIC) && p > lo && !in_possessor && !line_break_before (x, p) &&
          parse_core_backward (x, p - 1, lo, TRUE, &pstart, &pf))
        {
          *has_det = TRUE;
          return pstart;
        }
      if (F (x, p) & W_DET)
        {
          *has_det = TRUE;
          return p;
        }
      if (!is_modifier (x, p))
        break;
      k = p;
      n++;
    }
  return k;
}

/* A speaker phrase without complement that ends at token @end, not
 * before @lo: a name with its titles, or modifiers and a speaker noun.
 * A @possessor (China in China’s ministry) takes no modifiers before it. */
static gboolean
parse_core_backward (const Ctx *x,
                     guint      end,
                     guint      lo,
                     gboolean   possessor,
                     guint     *start,
                     guint32   *features)
{
  guint32 f = F (x, end);
  gboolean has_det = FALSE;
  guint k = end;

  if (end < lo || end >= x->n || !(f & T_WORD))
    return FALSE;

  if (is_name_word (x, end))
    {
      /* "Officials said", "the Foreign Ministry": a speaker noun, capitalised */
      guint32 feats = (f & W_HEAD) ? head_features (x, end) : M_PERSON;

      while (k > lo && !line_break_before (x, k) && end - k < 10)
        {
          if (is_name_word (x, k - 1))
            k--;
          else if (k - 1 > lo && (F (x, k - 1) & W_NAME_LINK) && is_name_word (x, k - 2) &&
                   !line_break_before (x, k - 1))
            k -= 2;
          else
            break;
        }
      for (guint i = k; i <= end; i++)
        {
          if (F (x, i) & W_MALE)
            feats |= M_MALE;
          if (F (x, i) & W_FEMALE)
            feats |= M_FEMALE;
        }
      if (!possessor && k > lo + 1 && !line_break_before (x, k) && (F (x, k - 1) & T_CLITIC))
        {
          /* the Weather Service’s Dan Brooks */
          guint pstart;
          guint32 pf;

          if (parse_core_backward (x, k - 2, lo, TRUE, &pstart, &pf))
            k = pstart;
        }
      else if (k > lo && !line_break_before (x, k))
        {
          if (F (x, k - 1) & W_DET)
            k--;  /* the State Department */
          else if (!possessor && (F (x, k - 1) & W_HEAD) && !(F (x, k - 1) & T_CAP))
            {
              /* a title before the name: former president Donald Trump */
              guint k2 = extend_modifiers (x, k - 1, lo, FALSE, &has_det);

              k = k2;
            }
        }
      *start = k;
      *features = feats;
      return TRUE;
    }

  if (possessor && !(f & T_CAP) && is_modifier (x, end))
    {
      /* the county’s, the agency’s */
      k = extend_modifiers (x, end, lo, TRUE, &has_det);
      if (!has_det || end - k > 4)
        return FALSE;
      *start = k;
      *features = M_INST;
      return TRUE;
    }
  if ((f & W_HEAD) && !(f & T_CAP) && !possessor)
    {
      k = extend_modifiers (x, end, lo, FALSE, &has_det);
      /* "officials", "Chinese officials", "a senior official"; not a
       * bare "official" */
      if (!has_det && !(f & W_PLURAL) && !(F (x, k) & T_CAP))
        return FALSE;
      *start = k;
      *features = head_features (x, end);
      return TRUE;
    }
  return FALSE;
}

static guint32
pronoun_features (const Ctx *x,
                  guint      i)
{
  const BylineToken *t = &x->tok[i];
  gunichar ch = g_unichar_tolower (x->chars[t->start]);

  if (ch == 'h')
    return M_PRONOUN | M_HE;
  if (ch == 's')
    return M_PRONOUN | M_SHE;
  if (t->end - t->start == 4)
    return M_PRONOUN | M_THEY;
  return M_PRONOUN | M_IT;
}

/* A speaker phrase ending at token @end, not before @lo: a pronoun, or a
 * core phrase with one complement after a speaker noun ("a spokesperson
 * for the ministry", "officials in Beijing"). */
gboolean
_byline_quotes_parse_np_backward (const Ctx *x,
                                  guint      end,
                                  guint      lo,
                                  guint     *start,
                                  guint32   *features)
{
  guint k;
  guint32 feats;

  if (end < lo || end >= x->n)
    return FALSE;
  if (F (x, end) & W_PRONOUN)
    {
      *start = end;
      *features = pronoun_features (x, end);
      return TRUE;
    }
  if (!parse_core_backward (x, end, lo, FALSE, &k, &feats))
    return FALSE;
  if (k >= lo + 2 && (F (x, k - 1) & W_PREP) && !line_break_before (x, k) &&
      !line_break_before (x, k - 1))
    {
      guint k2;
      guint32 f2;

      if (parse_core_backward (x, k - 2, lo, FALSE, &k2, &f2) && (f2 & M_NOUN))
        {
          k = k2;
          feats = f2;
        }
    }
  if (end - k > 14)
    return FALSE;
  *start = k;
  *features = feats;
  return TRUE;
}

/* The longest speaker phrase that starts at token @from and ends before
 * @hi; its last token in @end. */
gboolean
_byline_quotes_parse_np_forward (const Ctx *x,
                                 guint      from,
                                 guint      hi,
                                 guint     *end,
                                 guint32   *features)
{
  guint j = from;

  hi = MIN (hi, x->n);
  if (from >= hi)
    return FALSE;
  if (F (x, from) & W_PRONOUN)
    {
      *end = from;
      *features = pronoun_features (x, from);
      return TRUE;
    }

  while (j < hi && j - from < 15 && (j == from || !line_break_before (x, j)))
    {
      guint32 f = F (x, j);

      if ((f & W_DET) && (j == from || (F (x, j - 1) & W_OF_FOR)))
        j++;
      else if (f & T_CLITIC)
        j++;
      else if ((f & W_OF_FOR) && j > from &&
               (is_name_word (x, j + 1) || (F (x, j + 1) & W_DET)))
        j++;  /* a spokesperson for the ministry */
      else if (is_modifier (x, j) || is_name_word (x, j))
        j++;
      else
        break;
    }
  for (; j > from; j--)
    {
      guint start;

      if (_byline_quotes_parse_np_backward (x, j - 1, from, &start, features) && start == from)
        {
          *end = j - 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* Skips adverbs and auxiliaries before the cue at @cue ("also", "has",
 * "on Monday"), not before @lo. Returns the token before them, or NONE
 * when the cue is negated or nothing is left. */
guint
_byline_quotes_skip_before_cue (const Ctx *x,
                                guint      cue,
                                guint      lo)
{
  guint j = cue;

  while (j > lo)
    {
      guint32 f = F (x, j - 1);

      if (line_break_before (x, j) || (f & W_NEGATION))
        return NONE;
      if (f & W_ADVERB)
        j--;
      else if ((f & W_NOT_NAME) && j - 1 > lo && (F (x, j - 2) & W_PREP))
        j -= 2;  /* on Monday */
      else
        break;
    }
  return j > lo ? j - 1 : NONE;
}

/* The speaker before an appositive that ends at the comma before the cue
 * at @cue: "Blinken, who arrived on Monday, said", "Lee, a spokeswoman for
 * the ministry, said". Returns the last token of the speaker phrase, its
 * start in @start, or NONE. */
guint
_byline_quotes_speaker_before_appositive (const Ctx *x,
                                          guint      cue,
                                          guint      lo,
                                          guint     *start,
                                          guint32   *features)
{
  guint j = _byline_quotes_skip_before_cue (x, cue, lo);
  guint p;

  if (j == NONE || !(F (x, j) & T_COMMA) || j < lo + 3)
    return NONE;
  /* the appositive: words up to the comma before it */
  for (p = j - 1; p > lo && j - p < 16; p--)
    {
      if (line_break_before (x, p + 1))
        return NONE;
      if (!(F (x, p) & (T_WORD | T_CLITIC)))
        break;
    }
  if (!(F (x, p) & T_COMMA) || p + 1 >= j || p == lo)
    return NONE;
  /* its chief financial officer, Sung-min Park, told: the name */
  if (is_name_word (x, p + 1))
    {
      guint32 before;
      guint bstart;

      if (_byline_quotes_parse_np_backward (x, j - 1, p + 1, start, features) && *start == p + 1 &&
          !(*features & (M_NOUN | M_PRONOUN)) &&
          _byline_quotes_parse_np_backward (x, p - 1, lo, &bstart, &before) && (before & M_NOUN) &&
          (bstart == lo || !(F (x, bstart - 1) & T_WORD)))
        return j - 1;
      return NONE;
    }
  /* a relative clause or a noun phrase: who arrived, a spokeswoman for */
  if (!(F (x, p + 1) & W_DET) && !token_is (x, p + 1, "who"))
    return NONE;
  if (!_byline_quotes_parse_np_backward (x, p - 1, lo, start, features) || (*features & M_PRONOUN))
    return NONE;
  return p - 1;
}

/* Whether tokens [from, e) may follow a cue that ends its sentence:
 * nothing, a time or a place ("last week", "in a statement"), after the
 * object of a verb such as told ("reporters", "NBC News"). */
gboolean
_byline_quotes_is_trailer (const Ctx *x,
                           guint      from,
                           guint      e,
                           gboolean   tell)
{
  guint i = from;

  if (from >= e)
    return TRUE;
  if (e - from > 8 || !is_plain_run (x, from, e - 1) || line_break_before (x, from))
    return FALSE;
  if (tell)
    {
      while (i < e && i - from < 4 &&
             !(F (x, i) & (W_TRAIL | W_PREP | W_NOT_NAME | W_THAT | W_CUE | W_STOP)))
        i++;
      if (i >= e)
        return TRUE;
    }
  if (!(F (x, i) & (W_TRAIL | W_PREP | W_NOT_NAME)))
    return FALSE;
  /* in a statement, in his notes; not "…, he said it said" */
  for (; i < e; i++)
    {
      if (F (x, i) & (W_THAT | W_SAY))
        return FALSE;
    }
  return TRUE;
}

/* }}} */

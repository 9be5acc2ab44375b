/* byline-extract-entities-numbers.c: numbers, and the entities extractor's pass 3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers in digits or words ("1.5bn", "twenty-five", "two hundred", "tens
 * of thousands"), which the patterns of pass 1 read too; then pass 3:
 * ORDINAL and CARDINAL on the tokens the first two passes left free.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-entities-private.h"

/* {{{ Numbers */

/* A number in digits: 24, 1,000, 1.5, 3-5 (a range) — not 10:30 or 26th. */
gboolean
_byline_entities_parse_digits (const char *w,
                               double     *value)
{
  char buf[64];
  gsize n = 0;
  gboolean seen_digit = FALSE;

  for (const char *p = w; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        seen_digit = TRUE;
      else if (*p == ',' && seen_digit && g_ascii_isdigit (p[1]))
        continue;
      else if (*p == '.' && seen_digit && g_ascii_isdigit (p[1]))
        ;
      else if (*p == '-' && seen_digit && g_ascii_isdigit (p[1]))
        break;  /* a range: its first end */
      else
        return FALSE;
      if (n + 1 >= sizeof buf)
        return FALSE;
      buf[n++] = *p;
    }
  buf[n] = '\0';
  if (!seen_digit)
    return FALSE;
  *value = g_ascii_strtod (buf, NULL);
  return TRUE;
}

/* "1.5bn", "5m", "20k": digits and a scale in one token. Returns the
 * suffix after the digits, or NULL. */
const char *
_byline_entities_digits_suffix (const char *w,
                                double     *value)
{
  const char *p = w;
  char buf[64];
  gsize n;

  while (g_ascii_isdigit (*p) || ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1])))
    p++;
  n = p - w;
  if (n == 0 || n >= sizeof buf || *p == '\0')
    return NULL;
  memcpy (buf, w, n);
  buf[n] = '\0';
  if (!_byline_entities_parse_digits (buf, value))
    return NULL;
  return p;
}

static double
attached_scale (const char *suffix)
{
  static const struct { const char *s; double f; } scales[] = {
    { "bn", 1e9 }, { "b", 1e9 }, { "mn", 1e6 }, { "m", 1e6 }, { "k", 1e3 },
    { "tn", 1e12 }, { "trn", 1e12 }, { "K", 1e3 }, { "M", 1e6 }, { "B", 1e9 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      if (strcmp (suffix, scales[k].s) == 0)
        return scales[k].f;
    }
  return 0;
}

/* The lowercase word at @i when it is a number word ("Two" at the start
 * of a sentence too), or a hyphenated one ("twenty-five"). */
static gboolean
number_word (const Ctx *c,
             guint      i,
             double    *value)
{
  const char *w, *hyphen;

  if (i >= c->n)
    return FALSE;
  if (is_class (c, i, W_NUM))
    {
      *value = c->info[i]->num;
      return TRUE;
    }
  w = word (c, i);
  hyphen = strchr (w, '-');
  if (hyphen != NULL && hyphen - w < 16 && c->tok[i].kind == BYLINE_TOKEN_WORD)
    {
      char tens[16];
      const WordInfo *a, *b;

      memcpy (tens, w, hyphen - w);
      tens[hyphen - w] = '\0';
      tens[0] = g_ascii_tolower (tens[0]);
      a = g_hash_table_lookup (c->gaz->lexicon, tens);
      b = g_hash_table_lookup (c->gaz->lexicon, hyphen + 1);
      if (a != NULL && b != NULL && (a->classes & W_NUM) && (b->classes & W_NUM) &&
          a->num >= 20 && a->num <= 90 && b->num >= 1 && b->num <= 9)
        {
          *value = a->num + b->num;
          return TRUE;
        }
    }
  return FALSE;
}

/* A number starting at token @i: digits, maybe with a scale ("1.5
 * billion", "1.5bn"), or words ("twenty-five", "two hundred", "a
 * dozen", "tens of thousands"). Returns the token after it, or @i. With
 * @scale_only, a one-letter attached scale (5m) counts too. */
guint
_byline_entities_parse_number (const Ctx *c,
                               guint      i,
                               gboolean   money,
                               Number    *num)
{
  guint j = i;
  double v;

  memset (num, 0, sizeof *num);
  if (i >= c->n)
    return i;

  if (c->tok[i].kind == BYLINE_TOKEN_NUMBER && _byline_entities_parse_digits (word (c, i), &v))
    {
      num->value = v;
      num->digits = TRUE;
      j = i + 1;
    }
  else if (c->tok[i].kind == BYLINE_TOKEN_WORD && has_flag (c, i, F_DIGIT))
    {
      const char *suffix = _byline_entities_digits_suffix (word (c, i), &v);
      double f = suffix != NULL ? attached_scale (suffix) : 0;

      /* 5m is five meters unless it is money */
      if (f == 0 || (!money && (strcmp (suffix, "m") == 0 || strcmp (suffix, "M") == 0)))
        return i;
      num->value = v * f;
      num->digits = num->scaled = TRUE;
      return i + 1;
    }
  else if (number_word (c, i, &v))
    {
      num->value = v;
      j = i + 1;
      /* "two hundred fifty", "hundred and five" */
      while (j < c->n && same_line (c, j - 1, j, FALSE))
        {
          double u;

          if (is_class (c, j, W_SCALE) && !is_word (c, j, "dozen"))
            {
              num->value *= c->info[j]->num;
              j++;
            }
          else if (number_word (c, j, &u) && u < 100 && is_class (c, j - 1, W_SCALE) &&
                   !(c->flags[j] & F_CAP))
            {
              num->value += u;
              j++;
            }
          else if (is_word (c, j, "and") && is_class (c, j - 1, W_SCALE) && number_word (c, j + 1, &u))
            j++;
          else
            break;
        }
      if (j > i + 1)
        num->scaled = TRUE;
      return j;
    }
  else if ((is_word (c, i, "a") || is_word (c, i, "A") || is_word (c, i, "an")) &&
           is_class (c, i + 1, W_SCALE) && same_line (c, i, i + 1, FALSE))
    {
      num->value = c->info[i + 1]->num;
      num->scaled = TRUE;
      return i + 2;
    }
  else if (is_class (c, i, W_VAGUE))
    {
      /* "dozens", "tens of thousands", "hundreds of millions" */
      num->vague = TRUE;
      j = i + 1;
      if (is_word (c, j, "of") && is_class (c, j + 1, W_VAGUE))
        j += 2;
      return j;
    }
  else
    return i;

  /* digits and a scale word: "1.5 billion" */
  while (j < c->n && is_class (c, j, W_SCALE) && same_line (c, j - 1, j, FALSE))
    {
      num->value *= c->info[j]->num;
      num->scaled = TRUE;
      j++;
    }
  return j;
}

/* }}} */
/* {{{ Pass 3: ordinals and cardinals */

static gboolean
is_ordinal_digits (const Ctx *c,
                   guint      i)
{
  const char *w;
  gsize len;

  if (!is_kind (c, i, BYLINE_TOKEN_NUMBER))
    return FALSE;
  w = word (c, i);
  len = strlen (w);
  return len >= 3 && g_ascii_isdigit (w[0]) &&
         (g_str_has_suffix (w, "st") || g_str_has_suffix (w, "nd") || g_str_has_suffix (w, "rd") ||
          g_str_has_suffix (w, "th"));
}

/* twenty-first */
static gboolean
is_ordinal_compound (const Ctx *c,
                     guint      i)
{
  const char *w, *hyphen;
  const WordInfo *info;

  if (i >= c->n || !(c->flags[i] & F_HYPHEN))
    return FALSE;
  w = word (c, i);
  hyphen = strchr (w, '-');
  info = hyphen != NULL ? g_hash_table_lookup (c->gaz->lexicon, hyphen + 1) : NULL;
  if (info == NULL || !(info->classes & W_ORDINAL))
    return FALSE;
  return g_ascii_strncasecmp (w, "twenty-", 7) == 0 || g_ascii_strncasecmp (w, "thirty-", 7) == 0 ||
         g_ascii_strncasecmp (w, "forty-", 6) == 0 || g_ascii_strncasecmp (w, "fifty-", 6) == 0 ||
         g_ascii_strncasecmp (w, "sixty-", 6) == 0 || g_ascii_strncasecmp (w, "seventy-", 8) == 0 ||
         g_ascii_strncasecmp (w, "eighty-", 7) == 0 || g_ascii_strncasecmp (w, "ninety-", 7) == 0;
}

gboolean
_byline_entities_pass_numbers (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      Number num;
      guint j;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i))
        continue;

      /* first, 26th, twenty-first; not "a second", "one second" */
      if (is_class (c, i, W_ORDINAL) || is_ordinal_digits (c, i) || is_ordinal_compound (c, i))
        {
          if (is_word (c, i, "second") && i > 0 &&
              (is_word (c, i - 1, "a") || is_word (c, i - 1, "per") || is_word (c, i - 1, "one") ||
               is_word (c, i - 1, "split") || is_kind (c, i - 1, BYLINE_TOKEN_NUMBER)))
            continue;
          _byline_entities_emit (c, i, i + 1, K_ORDINAL, is_ordinal_digits (c, i) ? 0.9 : 0.85);
          continue;
        }

      /* "1." opening a numbered line is no count */
      if (is_kind (c, i, BYLINE_TOKEN_NUMBER) && has_flag (c, i, F_INITIAL) && is_word (c, i + 1, ".") &&
          has_flag (c, i, F_BREAK))
        continue;
      j = _byline_entities_parse_number (c, i, FALSE, &num);
      if (j == i || !all_free (c, i, j))
        continue;
      /* on the one hand */
      if (ascii_ieq (c, i, "one") && j == i + 1)
        {
          if (is_word (c, i + 1, "hand") || is_word (c, i + 1, "another"))
            continue;
          _byline_entities_emit (c, i, j, K_CARDINAL, 0.5);
        }
      else if (num.vague)
        {
          /* "tens" alone is no count */
          if (ascii_ieq (c, i, "tens") && j == i + 1)
            continue;
          _byline_entities_emit (c, i, j, K_CARDINAL, 0.6);
        }
      else
        _byline_entities_emit (c, i, j, K_CARDINAL, num.digits ? 0.85 : 0.8);
      i = j - 1;
    }
  return TRUE;
}

/* }}} */

/* byline-extract-entities-patterns.c: the entities extractor's pass 1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MONEY, PERCENT, QUANTITY, TIME and DATE by patterns over the tokens, run
 * before the names so that their numbers are never CARDINAL too.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-entities-private.h"

/* {{{ Pass 1: money, percentages, quantities, times and dates */

static gboolean
is_year (const Ctx *c,
         guint      i)
{
  const char *w;
  gsize len;
  int v;

  if (!is_kind (c, i, BYLINE_TOKEN_NUMBER))
    return FALSE;
  w = word (c, i);
  len = strlen (w);
  if (len != 4 || !g_ascii_isdigit (w[0]) || !g_ascii_isdigit (w[1]) ||
      !g_ascii_isdigit (w[2]) || !g_ascii_isdigit (w[3]))
    return FALSE;
  v = atoi (w);
  return v >= 1000 && v <= 2199;
}

/* A day of a month: 1–31, 24th, or a range of days 24-26. */
static gboolean
is_day (const Ctx *c,
        guint      i)
{
  const char *w;
  char *end = NULL;
  long v;

  if (!is_kind (c, i, BYLINE_TOKEN_NUMBER))
    return FALSE;
  w = word (c, i);
  v = strtol (w, &end, 10);
  if (end == w || v < 1 || v > 31 || end - w > 2)
    return FALSE;
  if (*end == '\0')
    return TRUE;
  if (g_str_equal (end, "st") || g_str_equal (end, "nd") || g_str_equal (end, "rd") ||
      g_str_equal (end, "th"))
    return TRUE;
  if (*end == '-')
    {
      long u = strtol (end + 1, &end, 10);

      return *end == '\0' && u >= 1 && u <= 31;
    }
  return FALSE;
}

/* A decade: 1990s, 90s, ’90s. */
static gboolean
is_decade (const Ctx *c,
           guint      i)
{
  const char *w;
  gsize len;

  if (i >= c->n || c->tok[i].kind != BYLINE_TOKEN_WORD)
    return FALSE;
  w = word (c, i);
  if (*w == '\'')
    w++;
  len = strlen (w);
  if (len != 5 && len != 3)
    return FALSE;
  for (gsize k = 0; k + 1 < len; k++)
    {
      if (!g_ascii_isdigit (w[k]))
        return FALSE;
    }
  return w[len - 1] == 's' && w[len - 2] == '0';
}

/* A word "N-unit[-...]" ("three-day", "40-year-old", "24-hour",
 * "5-kilometer"): the lexicon classes of its unit, or 0. */
static guint32
hyphen_unit (const Ctx *c,
             guint      i)
{
  const char *w, *hyphen, *unit_end;
  char head[24], unit[24];
  const WordInfo *info;
  double v;
  gsize len;

  if (i >= c->n || !(c->flags[i] & F_HYPHEN) || c->tok[i].kind != BYLINE_TOKEN_WORD)
    return 0;
  w = word (c, i);
  hyphen = strchr (w, '-');
  if (hyphen == NULL || hyphen - w >= (gssize) sizeof head)
    return 0;
  memcpy (head, w, hyphen - w);
  head[hyphen - w] = '\0';
  head[0] = g_ascii_tolower (head[0]);
  info = g_hash_table_lookup (c->gaz->lexicon, head);
  if (!_byline_entities_parse_digits (head, &v) && (info == NULL || !(info->classes & W_NUM)))
    return 0;
  unit_end = strchr (hyphen + 1, '-');
  len = unit_end != NULL ? (gsize) (unit_end - hyphen - 1) : strlen (hyphen + 1);
  if (len == 0 || len >= sizeof unit)
    return 0;
  memcpy (unit, hyphen + 1, len);
  unit[len] = '\0';
  info = g_hash_table_lookup (c->gaz->lexicon, unit);
  if (info == NULL)
    {
      /* "three-days" is rare; "kilometer" is listed as is */
      return 0;
    }
  return info->classes & (W_DATE_UNIT | W_TIME_UNIT | W_UNIT);
}

/* "mid-April", "mid-2024", "late-2023" */
static gboolean
is_edge_date (const Ctx *c,
              guint      i)
{
  const char *w, *hyphen;
  const WordInfo *info;

  if (i >= c->n || !(c->flags[i] & F_HYPHEN))
    return FALSE;
  w = word (c, i);
  hyphen = strchr (w, '-');
  if (hyphen == NULL ||
      !(g_ascii_strncasecmp (w, "mid-", 4) == 0 || g_ascii_strncasecmp (w, "early-", 6) == 0 ||
        g_ascii_strncasecmp (w, "late-", 5) == 0))
    return FALSE;
  info = g_hash_table_lookup (c->gaz->lexicon, hyphen + 1);
  if (info != NULL && (info->classes & (W_MONTH | W_SEASON | W_DATE_UNIT)))
    return TRUE;
  return strlen (hyphen + 1) == 4 && g_ascii_isdigit (hyphen[1]) && g_ascii_isdigit (hyphen[4]);
}

/* After a date's day: ", 2024" or " 2024". */
static guint
date_year (const Ctx *c,
           guint      j)
{
  if (is_word (c, j, ",") && is_year (c, j + 1) && same_line (c, j, j + 1, FALSE))
    return j + 2;
  if (is_year (c, j) && same_line (c, j - 1, j, FALSE))
    return j + 1;
  return j;
}

/* Month [day [range day]] [, year] at @i, a month already seen there. */
static guint
month_date (const Ctx *c,
            guint      i,
            gboolean  *specific)
{
  guint j = i + 1;

  *specific = FALSE;
  if (is_day (c, j) && same_line (c, i, j, FALSE))
    {
      *specific = TRUE;
      j++;
      /* April 24 to 26, April 24 – May 2, April 24 and 25 */
      if ((is_class (c, j, W_RANGE) || is_word (c, j, "and")) && same_line (c, j - 1, j + 1, FALSE))
        {
          if (is_day (c, j + 1))
            j += 2;
          else if (is_class (c, j + 1, W_MONTH) && is_day (c, j + 2) && same_line (c, j, j + 2, FALSE))
            j += 3;
        }
      return date_year (c, j);
    }
  if (is_year (c, j) && same_line (c, i, j, FALSE))
    {
      *specific = TRUE;
      return j + 1;
    }
  return j;
}

/* Whether a bare month name at @i is a date: after "in", "last",
 * "since", "early"…, or any month but the ambiguous ones (March, April,
 * May, June can be names or words) when no name follows. */
static gboolean
bare_month_is_date (const Ctx *c,
                    guint      i)
{
  if (i > 0 && same_line (c, i - 1, i, FALSE) &&
      (is_class (c, i - 1, W_DATE_PREP | W_REL | W_EDGE) || is_word (c, i - 1, "and") ||
       is_class (c, i - 1, W_MONTH)))
    return TRUE;
  if (is_class (c, i, W_MONTH_AMBIG) || is_kind (c, i, BYLINE_TOKEN_ABBREVIATION))
    return FALSE;
  return !(has_flag (c, i + 1, F_CAP) && same_line (c, i, i + 1, FALSE));
}

/* Whether a gazetteer phrase of two or three words ends at @i. */
static gboolean
ends_phrase (const Ctx *c,
             guint      i)
{
  GString *key = g_string_new (NULL);
  gboolean found = FALSE;

  for (guint len = 2; len <= 3 && len <= i + 1 && !found; len++)
    {
      g_string_truncate (key, 0);
      for (guint k = i + 1 - len; k <= i; k++)
        {
          if (k > i + 1 - len)
            g_string_append_c (key, ' ');
          g_string_append (key, word (c, k));
        }
      found = same_line (c, i + 1 - len, i, FALSE) && g_hash_table_contains (c->gaz->phrases, key->str);
    }
  g_string_free (key, TRUE);
  return found;
}

/* A date at @i: returns the token after it, or @i; @confidence set. */
static guint
match_date (const Ctx *c,
            guint      i,
            double    *confidence,
            Kind      *kind)
{
  guint j;
  gboolean specific;
  Number num;

  *kind = K_DATE;
  *confidence = 0.9;

  /* Black Friday, Super Tuesday, Fourth of July are events */
  if (is_class (c, i, W_WEEKDAY | W_MONTH) && ends_phrase (c, i))
    return i;

  /* April 24 to 26, 2024 / April 2024 / April */
  if (is_class (c, i, W_MONTH) && has_flag (c, i, F_CAP))
    {
      j = month_date (c, i, &specific);
      if (specific)
        {
          *confidence = 0.95;
          return j;
        }
      if (bare_month_is_date (c, i))
        return i + 1;
      return i;
    }

  /* 24 April 2024 */
  if (is_day (c, i) && is_class (c, i + 1, W_MONTH) && has_flag (c, i + 1, F_CAP) &&
      same_line (c, i, i + 1, FALSE))
    {
      *confidence = 0.95;
      return date_year (c, i + 2);
    }

  /* Wednesday, Wednesday, April 24, Wednesday night (TIME) */
  if (is_class (c, i, W_WEEKDAY) && has_flag (c, i, F_CAP))
    {
      j = i + 1;
      if (is_word (c, j, ",") && is_class (c, j + 1, W_MONTH) && same_line (c, i, j + 1, FALSE))
        {
          guint k = month_date (c, j + 1, &specific);

          if (specific)
            return k;
        }
      if (is_class (c, j, W_DAYPART) && same_line (c, i, j, FALSE))
        {
          *kind = K_TIME;
          return j + 1;
        }
      return j;
    }

  /* last June, next week, this year, last Wednesday, this spring, last
   * night (TIME); earlier this year, late last month */
  j = i;
  if (is_class (c, j, W_EDGE) && is_class (c, j + 1, W_REL) && same_line (c, j, j + 1, FALSE))
    j++;
  if (is_class (c, j, W_REL) && same_line (c, j, j + 1, FALSE) &&
      (is_class (c, j + 1, W_DATE_UNIT) || is_class (c, j + 1, W_SEASON) ||
       (is_class (c, j + 1, W_MONTH) && has_flag (c, j + 1, F_CAP)) ||
       (is_class (c, j + 1, W_WEEKDAY) && has_flag (c, j + 1, F_CAP)) ||
       (is_class (c, j + 1, W_DAYPART) && !ascii_ieq (c, j, "past"))))
    {
      /* "this week", "last year" (its ’s is a token of its own); a plural
       * needs a number ("the past two weeks") */
      if (is_class (c, j + 1, W_DATE_UNIT) && g_str_has_suffix (word (c, j + 1), "s"))
        return i;
      if (is_class (c, j + 1, W_DAYPART))
        *kind = K_TIME;
      *confidence = 0.9;
      return j + 2;
    }
  /* the past two weeks, the next few days, the last decade */
  if ((is_word (c, i, "the") || is_word (c, i, "The")) && is_class (c, i + 1, W_REL) &&
      !ascii_ieq (c, i + 1, "this") && same_line (c, i, i + 3, FALSE))
    {
      j = i + 2;
      if (_byline_entities_parse_number (c, j, FALSE, &num) > j)
        j = _byline_entities_parse_number (c, j, FALSE, &num);
      else if (is_word (c, j, "few") || is_word (c, j, "several") || is_word (c, j, "many"))
        j++;
      if (is_class (c, j, W_DATE_UNIT) && j > i + 2)
        return j + 1;
      if (is_class (c, j, W_DATE_UNIT) && (is_word (c, j, "decade") || is_word (c, j, "year") ||
                                           is_word (c, j, "week") || is_word (c, j, "month")))
        return j + 1;
    }
  /* early June, late 2023, mid-April, mid-2024 */
  if (is_class (c, i, W_EDGE) && same_line (c, i, i + 1, FALSE) && !ascii_ieq (c, i, "earlier") &&
      !ascii_ieq (c, i, "later"))
    {
      if (is_class (c, i + 1, W_MONTH) && has_flag (c, i + 1, F_CAP))
        return month_date (c, i + 1, &specific);
      if (is_year (c, i + 1))
        return i + 2;
    }
  if (is_edge_date (c, i))
    {
      if (is_year (c, i + 1) && same_line (c, i, i + 1, FALSE))
        return i + 2;
      return i + 1;
    }

  /* today, yesterday, tomorrow; tonight (TIME) */
  if (ascii_ieq (c, i, "today") || ascii_ieq (c, i, "yesterday") || ascii_ieq (c, i, "tomorrow"))
    {
      if (is_class (c, i + 1, W_DAYPART) && same_line (c, i, i + 1, FALSE))
        {
          *kind = K_TIME;
          return i + 2;
        }
      *confidence = 0.85;
      return i + 1;
    }

  /* 2023, 2023-24, 2020 to 2023; the 1990s */
  if (is_year (c, i))
    {
      gboolean after_money = i > 0 && is_class (c, i - 1, W_CUR_SYMBOL);

      if (after_money || is_class (c, i + 1, W_UNIT | W_CURRENCY | W_PERCENT | W_SCALE))
        return i;
      /* "2000 troops": a count, unless a date preposition comes first */
      if (has_flag (c, i + 1, F_LOWER) && g_str_has_suffix (word (c, i + 1), "s") &&
          !(i > 0 && is_class (c, i - 1, W_DATE_PREP)) && !is_class (c, i + 1, W_STOP))
        return i;
      *confidence = 0.85;
      if (is_class (c, i + 1, W_RANGE) && is_year (c, i + 2) && same_line (c, i, i + 2, FALSE))
        return i + 3;
      return i + 1;
    }
  if (is_kind (c, i, BYLINE_TOKEN_NUMBER))
    {
      const char *w = word (c, i);

      /* 2023-24, 2020-2023 */
      if (strlen (w) >= 7 && w[4] == '-' && g_ascii_isdigit (w[0]) && atoi (w) >= 1000 &&
          atoi (w) <= 2199 && strchr (w, ',') == NULL && strchr (w, '.') == NULL)
        return i + 1;
    }
  if (is_decade (c, i))
    return i + 1;

  /* Q1, Q4 2024; the first quarter */
  if (i < c->n && strlen (word (c, i)) == 2 && word (c, i)[0] == 'Q' && word (c, i)[1] >= '1' &&
      word (c, i)[1] <= '4')
    return date_year (c, i + 1);
  if ((is_class (c, i, W_ORDINAL) || (is_kind (c, i, BYLINE_TOKEN_NUMBER) && has_flag (c, i, F_DIGIT) &&
                                      g_ascii_isalpha (word (c, i)[strlen (word (c, i)) - 1]))) &&
      (is_word (c, i + 1, "quarter") || is_word (c, i + 1, "half") || is_word (c, i + 1, "century")) &&
      same_line (c, i, i + 1, FALSE))
    {
      j = i + 2;
      if (is_word (c, j, "of") && is_year (c, j + 1))
        j += 2;
      else if (is_year (c, j))
        j++;
      return j;
    }

  /* three days, two years ago, 10 months; two hours (TIME) */
  if (!is_word (c, i, "a") && !is_word (c, i, "an") && !is_class (c, i, W_VAGUE))
    {
      j = _byline_entities_parse_number (c, i, FALSE, &num);
      if (j > i && same_line (c, j - 1, j, FALSE) && !num.vague)
        {
          if (is_class (c, j, W_DATE_UNIT))
            {
              j++;
              if (is_word (c, j, "ago") || is_word (c, j, "old") || is_word (c, j, "earlier") ||
                  is_word (c, j, "later"))
                j++;
              *confidence = 0.85;
              return j;
            }
          if (is_class (c, j, W_TIME_UNIT) && !is_word (c, j, "second"))
            {
              *kind = K_TIME;
              *confidence = 0.85;
              return j + 1;
            }
        }
    }
  /* a year ago, a month earlier */
  if ((ascii_ieq (c, i, "a") || ascii_ieq (c, i, "an")) && is_class (c, i + 1, W_DATE_UNIT) &&
      (is_word (c, i + 2, "ago") || is_word (c, i + 2, "earlier") || is_word (c, i + 2, "later")) &&
      same_line (c, i, i + 2, FALSE))
    {
      *confidence = 0.85;
      return i + 3;
    }
  /* decades, "for decades" */
  if (is_word (c, i, "decades") || is_word (c, i, "centuries"))
    {
      *confidence = 0.6;
      return i + 1;
    }
  /* recent years, recent weeks */
  if (ascii_ieq (c, i, "recent") && is_class (c, i + 1, W_DATE_UNIT) && same_line (c, i, i + 1, FALSE))
    {
      *confidence = 0.8;
      return i + 2;
    }

  /* three-day, 40-year-old, 24-hour (TIME) */
  switch (hyphen_unit (c, i) & (W_DATE_UNIT | W_TIME_UNIT))
    {
    case W_DATE_UNIT:
      *confidence = 0.85;
      return i + 1;
    case W_TIME_UNIT:
      *kind = K_TIME;
      *confidence = 0.85;
      return i + 1;
    default:
      break;
    }
  return i;
}

/* A time at @i: 10:30 a.m. ET, 10 a.m., 3pm, noon, midnight, this
 * morning, tonight. */
static guint
match_time (const Ctx *c,
            guint      i,
            double    *confidence)
{
  const char *w;
  guint j = i;

  if (i >= c->n)
    return i;
  w = word (c, i);
  *confidence = 0.9;
  if (is_kind (c, i, BYLINE_TOKEN_NUMBER))
    {
      char *end = NULL;
      long h = strtol (w, &end, 10);

      if (end != w && *end == ':' && g_ascii_isdigit (end[1]) && g_ascii_isdigit (end[2]) &&
          (end[3] == '\0' || end[3] == ':') && h >= 0 && h <= 24)
        j = i + 1;
      else if (end != w && *end == '\0' && h >= 1 && h <= 12 && is_class (c, i + 1, W_AMPM) &&
               same_line (c, i, i + 1, FALSE))
        j = i + 1;
      else
        return i;
      if (is_class (c, j, W_AMPM) && same_line (c, j - 1, j, FALSE))
        j++;
      else if (j == i + 1 && *end != ':')
        return i;
    }
  else if (c->tok[i].kind == BYLINE_TOKEN_WORD && has_flag (c, i, F_DIGIT))
    {
      /* 10am, 3pm, 10:30pm */
      const char *p = w;

      while (g_ascii_isdigit (*p) || *p == ':')
        p++;
      if (g_ascii_strcasecmp (p, "am") != 0 && g_ascii_strcasecmp (p, "pm") != 0)
        return i;
      j = i + 1;
    }
  else if (ascii_ieq (c, i, "noon") || ascii_ieq (c, i, "midnight") || ascii_ieq (c, i, "midday") ||
           ascii_ieq (c, i, "tonight") || ascii_ieq (c, i, "overnight"))
    return i + 1;
  else
    return i;
  /* the time zone */
  if (is_class (c, j, W_TZ) && same_line (c, j - 1, j, FALSE))
    j++;
  return j;
}

/* The currency before a number at @i: $, €, US$, HK$, USD. Returns the
 * token after it, or @i. */
static guint
currency_before (const Ctx *c,
                 guint      i)
{
  if (is_class (c, i, W_CUR_PREFIX) && is_word (c, i + 1, "$") && has_flag (c, i + 1, F_GLUED))
    return i + 2;
  if (is_class (c, i, W_CUR_SYMBOL))
    return i + 1;
  if (is_class (c, i, W_CURRENCY) && has_flag (c, i, F_ALLCAPS) && same_line (c, i, i + 1, FALSE) &&
      (is_kind (c, i + 1, BYLINE_TOKEN_NUMBER) || has_flag (c, i + 1, F_DIGIT)))
    return i + 1;
  return i;
}

/* The currency after a number at @j: dollars, yuan, US dollars, Hong
 * Kong dollars. Returns the token after it, or @j. */
static guint
currency_after (const Ctx *c,
                guint      j,
                gboolean   scaled)
{
  if (!same_line (c, j - 1, j, FALSE))
    return j;
  if (is_class (c, j, W_CURRENCY) && !is_class (c, j, W_UNIT))
    return j + 1;
  /* million pounds; 10 pounds is a weight */
  if (scaled && (is_word (c, j, "pounds") || is_word (c, j, "pound")))
    return j + 1;
  if (is_word (c, j, "pounds") && is_word (c, j + 1, "sterling"))
    return j + 2;
  /* US dollars, Canadian dollars, Hong Kong dollars */
  for (guint k = 1; k <= 2; k++)
    {
      if (has_flag (c, j + k - 1, F_CAP) && is_class (c, j + k, W_CURRENCY) &&
          same_line (c, j, j + k, FALSE))
        return j + k + 1;
    }
  return j;
}

/* Money at @i: $1.5 billion, US$3, €20, 1 million yuan, USD 5,
 * billions of dollars; with a range ($1 billion to $2 billion). */
static guint
match_money (const Ctx *c,
             guint      i)
{
  guint j = currency_before (c, i), k;
  Number num;

  if (j > i)
    {
      k = _byline_entities_parse_number (c, j, TRUE, &num);
      if (k == j || !same_line (c, i, k - 1, FALSE) || num.vague)
        return i;
      j = k;
      /* $1 billion to $2 billion, $10-$15 */
      if (is_class (c, j, W_RANGE) && currency_before (c, j + 1) > j + 1 && same_line (c, j, j + 1, FALSE))
        {
          guint m = currency_before (c, j + 1);

          k = _byline_entities_parse_number (c, m, TRUE, &num);
          if (k > m && same_line (c, j, k - 1, FALSE))
            j = k;
        }
      return j;
    }
  /* billions of dollars */
  if (is_class (c, i, W_VAGUE) && is_word (c, i + 1, "of") && is_class (c, i + 2, W_CURRENCY) &&
      same_line (c, i, i + 2, FALSE))
    return i + 3;
  k = _byline_entities_parse_number (c, i, TRUE, &num);
  if (k == i || num.vague)
    return i;
  j = currency_after (c, k, num.scaled);
  return j > k ? j : i;
}

/* A percentage at @i: 3%, 3 percent, 3 per cent, 3.5 percentage points,
 * 50 basis points; with a range (3% to 5%). */
static guint
match_percent (const Ctx *c,
               guint      i)
{
  Number num;
  guint j = _byline_entities_parse_number (c, i, FALSE, &num), k;

  if (j == i || num.vague || !same_line (c, j - 1, j, FALSE))
    return i;
  if (is_class (c, j, W_PERCENT))
    k = j + 1;
  else if (is_word (c, j, "per") && is_word (c, j + 1, "cent"))
    k = j + 2;
  else if ((is_word (c, j, "percentage") || is_word (c, j, "basis")) &&
           (is_word (c, j + 1, "points") || is_word (c, j + 1, "point")))
    k = j + 2;
  else
    return i;
  /* 3% to 5% */
  if (is_class (c, k, W_RANGE) && same_line (c, k, k + 1, FALSE))
    {
      guint m = match_percent (c, k + 1);

      if (m > k + 1)
        k = m;
    }
  return k;
}

/* A quantity at @i: 5 kilometers, 10 tons, 1 million barrels per day,
 * 300 square kilometers, 5km, a 5-kilometer run. */
static guint
match_quantity (const Ctx *c,
                guint      i)
{
  static const char * const unit_suffixes[] = {
    "km", "kg", "mm", "cm", "m", "ft", "mi", "mph", "MW", "GW", "kW", "kWh", "GWh", "TWh",
    "lb", "lbs", "t", "nm", "GB", "TB", "MB",
  };
  Number num;
  guint j, k;
  double v;

  if (hyphen_unit (c, i) & W_UNIT)
    return i + 1;
  if (c->tok[i].kind == BYLINE_TOKEN_WORD && has_flag (c, i, F_DIGIT))
    {
      const char *suffix = _byline_entities_digits_suffix (word (c, i), &v);

      for (guint u = 0; suffix != NULL && u < G_N_ELEMENTS (unit_suffixes); u++)
        {
          if (strcmp (suffix, unit_suffixes[u]) == 0)
            return i + 1;
        }
      return i;
    }
  j = _byline_entities_parse_number (c, i, FALSE, &num);
  if (j == i || num.vague || !same_line (c, j - 1, j, FALSE))
    return i;
  k = j;
  /* square kilometers, metric tons, cubic meters, nautical miles */
  if ((is_word (c, k, "square") || is_word (c, k, "sq") || is_word (c, k, "metric") ||
       is_word (c, k, "cubic") || is_word (c, k, "nautical")) && is_class (c, k + 1, W_UNIT))
    k++;
  if (!is_class (c, k, W_UNIT) || is_word (c, k, "square") || is_word (c, k, "metric") ||
      !same_line (c, j - 1, k, FALSE))
    return i;
  k++;
  /* degrees Celsius, barrels per day, barrels a day */
  if (is_word (c, k, "Celsius") || is_word (c, k, "Fahrenheit") || is_word (c, k, "C") ||
      is_word (c, k, "F"))
    k++;
  else if ((is_word (c, k, "per") || is_word (c, k, "a")) &&
           (is_word (c, k + 1, "day") || is_word (c, k + 1, "hour") || is_word (c, k + 1, "year") ||
            is_word (c, k + 1, "second")) && same_line (c, k, k + 1, FALSE))
    k += 2;
  return k;
}

gboolean
_byline_entities_pass_patterns (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      double confidence = 0.9;
      Kind kind = K_NONE;
      guint j;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i) || c->tok[i].kind == BYLINE_TOKEN_URL || c->tok[i].kind == BYLINE_TOKEN_EMAIL)
        continue;
      /* every pattern starts with a number, a symbol or a listed word
       * (Q1 aside) */
      if (c->info[i] == NULL && c->tok[i].kind == BYLINE_TOKEN_WORD &&
          !(c->flags[i] & (F_DIGIT | F_HYPHEN)) && word (c, i)[0] != 'Q')
        continue;

      if ((j = match_money (c, i)) > i)
        kind = K_MONEY, confidence = 0.95;
      else if ((j = match_percent (c, i)) > i)
        kind = K_PERCENT, confidence = 0.95;
      else if ((j = match_time (c, i, &confidence)) > i)
        kind = K_TIME;
      else if ((j = match_date (c, i, &confidence, &kind)) > i)
        ;
      else if ((j = match_quantity (c, i)) > i)
        kind = K_QUANTITY, confidence = 0.85;
      else
        continue;
      if (!all_free (c, i, j))
        continue;
      _byline_entities_emit (c, i, j, kind, confidence);
      i = j - 1;
    }
  return TRUE;
}

/* }}} */

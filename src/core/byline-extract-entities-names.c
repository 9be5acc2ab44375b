/* byline-extract-entities-names.c: the entities extractor's passes 2 and 4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pass 2: gazetteer phrases, datelines, titles and the people after them,
 * given names with surnames and East Asian names, organisations around a
 * known name. Pass 4: the surnames of the people found, wherever they
 * stand, then guesses on the capitalised sequences left.
 */
#include "config.h"

#include <string.h>

#include "byline-extract-entities-private.h"

#define MAX_RUN        8    /* tokens in a guessed capitalised sequence */

/* Takes [i, j) without suggesting anything. */
static void
take (Ctx  *c,
      guint i,
      guint j,
      Kind  kind)
{
  for (guint k = i; k < j && k < c->n; k++)
    c->taken[k] = kind;
}

/* {{{ Pass 2: gazetteers, titles and people */

/* The longest gazetteer phrase at @i, in tokens (0 for none), over free
 * tokens of one line. */
static guint
match_phrase (Ctx   *c,
              guint  i,
              Kind  *kind)
{
  guint longest, limit = 0;

  *kind = K_NONE;
  if (!is_free (c, i))
    return 0;
  longest = GPOINTER_TO_UINT (g_hash_table_lookup (c->gaz->first, word (c, i)));
  if (longest == 0)
    return 0;
  while (limit < longest && i + limit < c->n && is_free (c, i + limit) &&
         (limit == 0 || !(c->flags[i + limit] & F_BREAK)))
    limit++;
  for (guint len = limit; len >= 1; len--)
    {
      gpointer found;

      g_string_truncate (c->key, 0);
      for (guint k = i; k < i + len; k++)
        {
          if (k > i)
            g_string_append_c (c->key, ' ');
          g_string_append (c->key, word (c, k));
        }
      found = g_hash_table_lookup (c->gaz->phrases, c->key->str);
      if (found != NULL)
        {
          *kind = GPOINTER_TO_UINT (found);
          return len;
        }
    }
  return 0;
}

/* A phrase in capitals among capitals is a headline, not an acronym
 * ("WHO WILL PAY"). */
static gboolean
shouting (const Ctx *c,
          guint      i,
          guint      j)
{
  gboolean before = i > 0 && has_flag (c, i - 1, F_ALLCAPS) && same_line (c, i - 1, i, FALSE);
  gboolean after = has_flag (c, j, F_ALLCAPS) && same_line (c, j - 1, j, FALSE);

  return before || after;
}

/* A capital, a period: J. */
static gboolean
is_initial (const Ctx *c,
            guint      i)
{
  const char *w;

  if (!is_kind (c, i, BYLINE_TOKEN_ABBREVIATION))
    return FALSE;
  w = word (c, i);
  return g_ascii_isupper (w[0]) && w[1] == '.' && (w[2] == '\0' || (g_ascii_isupper (w[2]) && w[3] == '.'));
}

/* A word that may be part of a person's name at @i: capitalised,
 * name-like, no function word, month or weekday, not the last word of an
 * organisation or a place (University, River), not in the gazetteers but
 * as a single-word place ("Lloyd Austin"). al-Assad counts. */
static gboolean
name_word (Ctx     *c,
           guint    i,
           gboolean first)
{
  Kind kind;
  guint len;

  if (!is_free (c, i))
    return FALSE;
  if (!has_flag (c, i, F_NAME) && !g_hash_table_contains (c->gaz->first_names, word (c, i)))
    {
      const char *w = word (c, i);

      /* al-Assad, el-Sisi, bin-Salman */
      if (!(c->flags[i] & F_LOWER) || !(c->flags[i] & F_HYPHEN) ||
          !(g_str_has_prefix (w, "al-") || g_str_has_prefix (w, "el-")) || !g_ascii_isupper (w[3]))
        return FALSE;
    }
  if (is_class (c, i, W_STOP | W_WEEKDAY | W_NOT_NAME | W_NUM | W_ORDINAL | W_REL))
    return FALSE;
  /* a month left free by the dates is a surname after a given name
   * ("Theresa May"), never a name's first word ("Jan Hatzius"?) */
  if (first && is_class (c, i, W_MONTH))
    return FALSE;
  if (c->info[i] != NULL && c->info[i]->suffix != S_NONE)
    return FALSE;
  len = match_phrase (c, i, &kind);
  /* a single-word place or title inside a name ("Lloyd Austin", "Martin
   * Luther King"), never first after a title ("Secretary Austin") */
  if (len >= 2 && kind != K_TITLE)
    return FALSE;
  if (len == 1 && kind != K_GPE && kind != K_TITLE)
    return FALSE;
  if (len == 1 && first)
    return FALSE;
  return TRUE;
}

/* The name after a title, or after a given name: up to @max name words,
 * with initials (J.), particles (bin, van) and suffixes (Jr.) inside.
 * Returns the token after it, or @i. */
static guint
name_chain (Ctx     *c,
            guint    i,
            guint    max,
            gboolean after_title)
{
  guint j = i, names = 0;
  /* after a given name, a particle may come first: "Ursula von der Leyen" */
  gboolean named = !after_title;

  while (j < c->n && names < max && (j == i || same_line (c, j - 1, j, FALSE)))
    {
      if (is_initial (c, j) && is_free (c, j) && (names > 0 || !after_title || name_word (c, j + 1, FALSE)))
        {
          j++;
          continue;
        }
      if ((names > 0 || named) && is_class (c, j, W_PARTICLE) && has_flag (c, j, F_LOWER) &&
          same_line (c, j, j + 1, FALSE) &&
          (name_word (c, j + 1, FALSE) || (is_class (c, j + 1, W_PARTICLE) && name_word (c, j + 2, FALSE))))
        {
          j++;
          continue;
        }
      if (!name_word (c, j, j == i && after_title))
        break;
      j++;
      names++;
    }
  while (j > i && (is_initial (c, j - 1) || is_class (c, j - 1, W_PARTICLE)))
    j--;
  if (names == 0 || j == i)
    return i;
  if (is_class (c, j, W_NAME_SUFFIX) && same_line (c, j - 1, j, FALSE) && is_free (c, j))
    j++;
  return j;
}

/* Hanyu Pinyin, roughly: an initial and a final, one or two syllables
 * ("Jinping", "Yi", "Qiang", "Lifeng"). */
static guint
pinyin_syllable (const char *p)
{
  static const char * const initials[] = {
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
    "r", "z", "c", "s", "y", "w", "",
  };
  static const char * const finals[] = {
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
    "ao", "ou", "an", "en", "in", "un", "er", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "a",
    "o", "e", "i", "u", "v",
  };
  guint best = 0;

  for (guint a = 0; a < G_N_ELEMENTS (initials); a++)
    {
      gsize la = strlen (initials[a]);

      if (strncmp (p, initials[a], la) != 0)
        continue;
      for (guint b = 0; b < G_N_ELEMENTS (finals); b++)
        {
          gsize lb = strlen (finals[b]);

          if (strncmp (p + la, finals[b], lb) == 0 && la + lb > best)
            best = la + lb;
        }
    }
  return best;
}

static gboolean
is_pinyin_from (const char *p,
                guint       syllables)
{
  guint n;

  if (*p == '\0')
    return TRUE;
  if (syllables == 0)
    return FALSE;
  /* try each syllable length at p, longest first */
  n = pinyin_syllable (p);
  for (guint len = n; len >= 1; len--)
    {
      g_autofree char *head = g_strndup (p, len);

      if (pinyin_syllable (head) == len && is_pinyin_from (p + len, syllables - 1))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_pinyin (const char *w)
{
  char buf[16];
  gsize len = strlen (w);

  if (len < 2 || len >= sizeof buf || !g_ascii_isupper (w[0]))
    return FALSE;
  for (gsize k = 0; k <= len; k++)
    {
      if (k > 0 && k < len && !g_ascii_islower (w[k]))
        return FALSE;
      buf[k] = g_ascii_tolower (w[k]);
    }
  return is_pinyin_from (buf, 2);
}

/* Jae-in, Ching-te: a capital, lowercase, a hyphen, lowercase. */
static gboolean
is_hyphenated_given_name (const char *w)
{
  const char *hyphen = strchr (w, '-');

  if (hyphen == NULL || hyphen == w || !g_ascii_isupper (w[0]) || hyphen[1] == '\0')
    return FALSE;
  for (const char *p = w + 1; *p != '\0'; p++)
    {
      if (p != hyphen && !g_ascii_islower (*p))
        return FALSE;
    }
  return TRUE;
}

/* "Xi Jinping", "Wang Yi", "Yoon Suk Yeol", "Lai Ching-te" at @i.
 * Returns the token after it, or @i. */
static guint
east_asian_name (Ctx   *c,
                 guint  i)
{
  guint type = GPOINTER_TO_UINT (g_hash_table_lookup (c->gaz->family_names, word (c, i)));
  const char *given;
  gboolean pinyin;
  guint j = i + 1;

  if (type == 0 || !has_flag (c, i, F_NAME) || !same_line (c, i, j, FALSE) || !name_word (c, j, TRUE))
    return i;
  given = word (c, j);
  pinyin = is_pinyin (given);
  if (!pinyin && !is_hyphenated_given_name (given))
    {
      char lower[16];
      gsize len = strlen (given);

      if (type == 2 || len > 8 || len >= sizeof lower)
        return i;
      for (gsize k = 0; k <= len; k++)
        lower[k] = g_ascii_tolower (given[k]);
      if (g_hash_table_contains (c->lowercase, lower))
        return i;
      /* "Yoon Suk Yeol", "Nguyen Phu Trong": one more short name */
      if (same_line (c, j, j + 1, FALSE) && name_word (c, j + 1, FALSE) && strlen (word (c, j + 1)) <= 5)
        return j + 2;
    }
  return j + 1;
}

/* Remembers a person's surname (the family name of an East Asian name)
 * and full name, for mentions by surname alone. */
static void
remember_person (Ctx   *c,
                 guint  i,
                 guint  j)
{
  guint last = j - 1;

  while (last > i && (is_class (c, last, W_NAME_SUFFIX) || is_initial (c, last)))
    last--;
  if (g_hash_table_contains (c->gaz->family_names, word (c, i)) && j - i >= 2 &&
      (is_pinyin (word (c, i + 1)) || is_hyphenated_given_name (word (c, i + 1))) &&
      !g_hash_table_contains (c->gaz->first_names, word (c, i)))
    last = i;
  if (has_flag (c, last, F_NAME) && !is_class (c, last, W_STOP))
    g_hash_table_add (c->people, g_strdup (word (c, last)));
  if (j - i >= 2)
    {
      GString *full = g_string_new (NULL);

      for (guint k = i; k < j; k++)
        {
          if (k > i)
            g_string_append_c (full, ' ');
          g_string_append (full, word (c, k));
        }
      g_hash_table_add (c->people, g_string_free (full, FALSE));
    }
}

/* The end of the run of capitalised words at @i (with "of", "for"
 * inside: "Bank of America"; and with "and", "on" when @with_and:
 * "Ministry of Ecology and Environment", "Subcommittee on the …"). */
static guint
capital_run (const Ctx *c,
             guint      i,
             gboolean   with_and)
{
  guint j = i;

  while (j < c->n && j - i < MAX_RUN && is_free (c, j) && (j == i || same_line (c, j - 1, j, TRUE)))
    {
      if (has_flag (c, j, F_CAP) &&
          (c->tok[j].kind == BYLINE_TOKEN_WORD || c->tok[j].kind == BYLINE_TOKEN_ABBREVIATION))
        j++;
      else if (j > i && is_class (c, j, W_CONNECT) && !has_flag (c, j, F_CAP) &&
               (with_and || !(is_word (c, j, "and") || is_word (c, j, "&") || is_word (c, j, "on"))) &&
               same_line (c, j, j + 1, TRUE) && is_free (c, j + 1) &&
               ((has_flag (c, j + 1, F_CAP) && c->tok[j + 1].kind == BYLINE_TOKEN_WORD) ||
                (is_word (c, j + 1, "the") && same_line (c, j + 1, j + 2, TRUE) &&
                 has_flag (c, j + 2, F_CAP) && is_free (c, j + 2))))
        j++;
      else if (j > i && is_word (c, j, "the") && is_class (c, j - 1, W_CONNECT) &&
               has_flag (c, j + 1, F_CAP) && same_line (c, j, j + 1, TRUE))
        j++;
      else
        break;
    }
  return j;
}

/* Whether a NORP/LANGUAGE word at @i is the language: "in Chinese",
 * "speaks English," — not "in Chinese companies". */
static gboolean
language_context (const Ctx *c,
                  guint      i)
{
  if (!g_hash_table_contains (c->gaz->languages, word (c, i)))
    return FALSE;
  if (i == 0 || !is_class (c, i - 1, W_LANG_CUE) || !same_line (c, i - 1, i, FALSE))
    return FALSE;
  if (i + 1 >= c->n || !same_line (c, i, i + 1, FALSE))
    return TRUE;
  if (c->tok[i + 1].kind == BYLINE_TOKEN_PUNCT)
    return TRUE;
  return is_class (c, i + 1, W_STOP | W_CONNECT) && !is_word (c, i + 1, "of");
}

/* Splits "US-China", "Russia-Ukraine", "pro-Russian" into their
 * gazetteer parts. */
static void
hyphen_parts (Ctx   *c,
              guint  i)
{
  const char *w = word (c, i);
  const char *p = w;
  guint found = 0;
  Found parts[4];

  while (*p != '\0' && found < G_N_ELEMENTS (parts))
    {
      const char *end = strchr (p, '-');
      g_autofree char *part = end != NULL ? g_strndup (p, end - p) : g_strdup (p);
      gpointer kind = *part != '\0' && g_unichar_isupper (g_utf8_get_char (part))
                      ? g_hash_table_lookup (c->gaz->phrases, part) : NULL;
      Kind k = GPOINTER_TO_UINT (kind);

      if (k == K_GPE || k == K_NORP || k == K_ORG || k == K_LOC)
        {
          guint start = c->tok[i].start + (guint) g_utf8_pointer_to_offset (w, p);

          parts[found].start = start;
          parts[found].end = start + (guint) g_utf8_strlen (part, -1);
          parts[found].kind = k;
          parts[found].confidence = 0.85;
          found++;
        }
      if (end == NULL)
        break;
      p = end + 1;
    }
  if (found > 0)
    {
      g_array_append_vals (c->found, parts, found);
      c->taken[i] = K_SKIP;
    }
}

/* Inc., Corp., Ltd.: the end of a company's name */
static gboolean
is_corporate (const Ctx *c,
              guint      i)
{
  static const char * const suffixes[] = {
    "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "AG", "SA",
    "GmbH", "Group", "Holdings",
  };

  for (guint k = 0; k < G_N_ELEMENTS (suffixes); k++)
    {
      if (is_word (c, i, suffixes[k]))
        return TRUE;
    }
  return FALSE;
}

/* A place in capitals opening a line and followed by "(", "," or a
 * dash: a dateline ("WASHINGTON (AP) —", "NEW YORK, May 2"). Returns
 * its length in tokens, or 0. */
static guint
dateline (Ctx   *c,
          guint  i)
{
  guint j = i;

  if (!has_flag (c, i, F_ALLCAPS) || !(has_flag (c, i, F_BREAK) || i == 0))
    return 0;
  while (j < c->n && j - i < 3 && has_flag (c, j, F_ALLCAPS) && c->tok[j].kind == BYLINE_TOKEN_WORD &&
         is_free (c, j) && (j == i || same_line (c, j - 1, j, FALSE)))
    j++;
  if (j == i || j >= c->n || !same_line (c, j - 1, j, FALSE) ||
      !(is_word (c, j, "(") || is_word (c, j, ",") || is_word (c, j, "—") || is_word (c, j, "–") ||
        is_word (c, j, "-")))
    return 0;
  g_string_truncate (c->key, 0);
  for (guint k = i; k < j; k++)
    {
      g_autofree char *down = g_utf8_strdown (word (c, k), -1);
      gunichar first = g_utf8_get_char (down);

      if (k > i)
        g_string_append_c (c->key, ' ');
      g_string_append_unichar (c->key, g_unichar_totitle (first));
      g_string_append (c->key, g_utf8_next_char (down));
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (c->gaz->phrases, c->key->str)) == K_GPE ? j - i : 0;
}

gboolean
_byline_entities_pass_names (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      Kind kind;
      guint len, person = i, run;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i) || (c->tok[i].kind != BYLINE_TOKEN_WORD &&
                              c->tok[i].kind != BYLINE_TOKEN_ABBREVIATION &&
                              c->tok[i].kind != BYLINE_TOKEN_NUMBER))
        continue;

      /* WASHINGTON (AP) —, BEIJING, March 5 (Reuters) - */
      if ((len = dateline (c, i)) > 0)
        {
          _byline_entities_emit (c, i, i + len, K_GPE, 0.85);
          i += len - 1;
          continue;
        }
      len = match_phrase (c, i, &kind);

      /* A title, then the person's name: "Secretary of State Antony
       * Blinken" is PERSON "Antony Blinken". */
      if (kind == K_TITLE)
        {
          guint j = name_chain (c, i + len, 4, TRUE);

          /* "Judge Rules Against Trump": one word after a title in a
           * Title Case headline is no evidence */
          if (j == i + len + 1 && has_flag (c, i, F_HEADLINE))
            j = i + len;
          take (c, i, i + len, K_TITLE);
          if (j > i + len)
            {
              _byline_entities_emit (c, i + len, j, K_PERSON, has_flag (c, i, F_LOWER) ? 0.75 : 0.9);
              remember_person (c, i + len, j);
            }
          i = MAX (j, i + len) - 1;
          continue;
        }

      /* A given name and a surname, or an East Asian name; a gazetteer
       * phrase as long wins ("Charles Schwab", "Hong Kong"). */
      if (has_flag (c, i, F_NAME) || is_kind (c, i, BYLINE_TOKEN_ABBREVIATION))
        {
          if (g_hash_table_contains (c->gaz->first_names, word (c, i)))
            person = name_chain (c, i + 1, 3, FALSE) > i + 1 ? name_chain (c, i + 1, 3, FALSE) : i;
          if (person == i)
            person = east_asian_name (c, i);
          if (person > i + len)
            {
              _byline_entities_emit (c, i, person, K_PERSON, 0.85);
              remember_person (c, i, person);
              i = person - 1;
              continue;
            }
        }

      if (kind == K_NONE)
        {
          if (has_flag (c, i, F_HYPHEN))
            hyphen_parts (c, i);
          continue;
        }
      if (has_flag (c, i, F_ALLCAPS) && shouting (c, i, i + len))
        continue;

      /* "Beijing Normal University", "United Nations Security Council",
       * "Apple Inc.": a known name inside a longer organisation or
       * building is the whole of it. */
      run = capital_run (c, i, FALSE);
      if (run > i + len && c->info[run - 1] != NULL &&
          (c->info[run - 1]->suffix == S_ORG || c->info[run - 1]->suffix == S_FAC) &&
          kind != K_BODY && kind != K_TITLE)
        {
          guint body_len;
          Kind body = K_NONE;

          body_len = (kind == K_GPE || kind == K_NORP) ? match_phrase (c, i + len, &body) : 0;
          if (!(body == K_BODY && i + len + body_len == run))
            {
              gboolean corporate = kind == K_ORG && run == i + len + 1 && is_corporate (c, run - 1);

              _byline_entities_emit (c, i, run, c->info[run - 1]->suffix == S_ORG ? K_ORG : K_FAC,
                                     corporate ? 0.9 : 0.6);
              i = run - 1;
              continue;
            }
        }

      /* US State Department, Chinese Foreign Ministry */
      if (kind == K_GPE || kind == K_NORP)
        {
          Kind body;
          guint body_len = same_line (c, i + len - 1, i + len, TRUE) ? match_phrase (c, i + len, &body) : 0;

          if (body_len > 0 && body == K_BODY)
            {
              _byline_entities_emit (c, i, i + len + body_len, K_ORG, 0.9);
              i += len + body_len - 1;
              continue;
            }
        }
      if (kind == K_NORP && len == 1 && language_context (c, i))
        kind = K_LANGUAGE;
      /* Apple Inc. */
      if (kind == K_ORG && is_corporate (c, i + len) && is_free (c, i + len) &&
          same_line (c, i + len - 1, i + len, FALSE))
        len++;
      _byline_entities_emit (c, i, i + len, kind == K_BODY ? K_ORG : kind, 0.9);
      i += len - 1;
    }
  return TRUE;
}

/* }}} */
/* {{{ Pass 4: surnames, then guesses */

/* A word that is common in this text or in English: "The", "But",
 * "Data" when the text also writes "data". */
static gboolean
common_word (const Ctx *c,
             guint      i)
{
  const char *w = word (c, i);
  char buf[64];
  gsize len = strlen (w);

  if (is_class (c, i, W_STOP | W_REL | W_EDGE | W_DATE_PREP | W_NUM | W_ORDINAL | W_NOT_NAME | W_REPORT))
    return TRUE;
  if (len >= sizeof buf || (c->flags[i] & F_ALLCAPS))
    return FALSE;
  for (gsize k = 0; k <= len; k++)
    buf[k] = g_ascii_tolower (w[k]);
  if (!g_unichar_islower (g_utf8_get_char (buf)))
    {
      /* a non-ASCII capital: lowercase it properly */
      g_autofree char *down = g_utf8_strdown (w, -1);

      return g_hash_table_contains (c->lowercase, down);
    }
  return g_hash_table_contains (c->lowercase, buf);
}

/* The longest run of remembered names at @i: "Blinken", "Wang Yi". */
static guint
known_person (Ctx   *c,
              guint  i,
              guint  end)
{
  for (guint len = MIN (end - i, 4); len >= 1; len--)
    {
      g_string_truncate (c->key, 0);
      for (guint k = i; k < i + len; k++)
        {
          if (k > i)
            g_string_append_c (c->key, ' ');
          g_string_append (c->key, word (c, k));
        }
      if (g_hash_table_contains (c->people, c->key->str))
        return i + len;
    }
  return i;
}

/* What a capitalised sequence [i, j) looks like: by its last word
 * (…University), its first (University of…, Mount…), or its shape. */
static Kind
guess (const Ctx *c,
       guint      i,
       guint      j,
       double    *confidence)
{
  const WordInfo *last = c->info[j - 1];
  const WordInfo *first = c->info[i];
  gboolean has_connector = FALSE, names = TRUE;
  static const Kind by_shape[] = { K_NONE, K_ORG, K_FAC, K_LOC, K_GPE, K_EVENT, K_LAW };

  for (guint k = i; k < j; k++)
    {
      has_connector = has_connector || !has_flag (c, k, F_CAP);
      names = names && has_flag (c, k, F_NAME) && !(c->info[k] != NULL && (c->info[k]->suffix || c->info[k]->head));
    }
  *confidence = 0.55;
  if (j - i >= 2 && last != NULL && last->suffix != S_NONE)
    {
      *confidence = last->suffix == S_ORG ? 0.6 : 0.55;
      return by_shape[last->suffix];
    }
  if (j - i >= 2 && first != NULL && first->head != S_NONE &&
      (is_word (c, i + 1, "of") || first->head == S_LOC || first->head == S_EVENT))
    return by_shape[first->head];
  /* "Subcommittee on the Coronavirus Pandemic", "Committee for the
   * Protection of Journalists": an organisation before its object */
  for (guint k = i + 1; k + 1 < j; k++)
    {
      if (!has_flag (c, k, F_CAP))
        {
          const WordInfo *before = c->info[k - 1];

          if (before != NULL && (before->suffix == S_ORG || before->head == S_ORG))
            {
              *confidence = 0.55;
              return K_ORG;
            }
          break;
        }
    }
  if (j - i == 1 && has_flag (c, i, F_ALLCAPS) && c->tok[i].kind == BYLINE_TOKEN_WORD &&
      strlen (word (c, i)) >= 2 && strlen (word (c, i)) <= 6 && !is_class (c, i, W_ACRONYM))
    {
      *confidence = 0.4;
      return K_ORG;
    }
  if (!names || has_connector)
    return K_NONE;
  /* Two or three name-like words: a person, more likely when said
   * follows; at the start of a sentence, only then ("Critics Say
   * Things" is no one). */
  if (j - i >= 2 && j - i <= 3)
    {
      gboolean said = is_class (c, j, W_REPORT) || (i > 0 && is_class (c, i - 1, W_REPORT));

      if (has_flag (c, i, F_INITIAL) && !is_class (c, j, W_REPORT))
        return K_NONE;
      *confidence = said ? 0.55 : 0.45;
      return K_PERSON;
    }
  if (j - i == 1 && is_class (c, j, W_REPORT) && !has_flag (c, i, F_INITIAL))
    {
      *confidence = 0.5;
      return K_PERSON;
    }
  return K_NONE;
}

gboolean
_byline_entities_pass_guesses (Ctx *c)
{
  for (guint i = 0; i < c->n; i++)
    {
      guint j, k;
      double confidence;
      Kind kind;

      if (cancelled (c, i))
        return FALSE;
      if (!is_free (c, i) || !has_flag (c, i, F_CAP))
        continue;

      /* Blinken, Blinken’s, Wang Yi: people named earlier (or later) */
      j = known_person (c, i, c->n);
      if (j > i && all_free (c, i, j) && same_line (c, i, j - 1, FALSE))
        {
          _byline_entities_emit (c, i, j, K_PERSON, 0.8);
          i = j - 1;
          continue;
        }

      j = capital_run (c, i, TRUE);
      if (j == i)
        continue;
      /* drop common words in front ("The", "But", "Data" at the start of
       * a sentence; "The" anywhere) */
      k = i;
      while (k < j && (common_word (c, k) && (has_flag (c, k, F_INITIAL) || is_class (c, k, W_STOP | W_NOT_NAME))))
        k++;
      while (k < j && !has_flag (c, k, F_CAP))
        k++;
      while (j > k && !has_flag (c, j - 1, F_CAP))
        j--;
      if (k >= j)
        {
          i = MAX (i, j > 0 ? j - 1 : 0);
          continue;
        }
      if (k > i)
        {
          /* start again after the dropped words: a name may follow, but
           * it starts the sentence (or a headline) as much as they did */
          c->flags[k] |= F_INITIAL;
          take (c, i, k, K_SKIP);
          i = k - 1;
          continue;
        }
      if (has_flag (c, i, F_HEADLINE))
        {
          i = j - 1;
          continue;
        }
      /* a remembered surname inside the run */
      for (k = i; k < j && known_person (c, k, j) == k; k++)
        ;
      if (k < j && k > i)
        j = k;
      /* one word alone at the start of a sentence says nothing */
      if (j - i == 1 && has_flag (c, i, F_INITIAL) && !has_flag (c, i, F_ALLCAPS))
        {
          take (c, i, j, K_SKIP);
          continue;
        }
      kind = guess (c, i, j, &confidence);
      if (kind != K_NONE)
        {
          _byline_entities_emit (c, i, j, kind, confidence);
          if (kind == K_PERSON)
            remember_person (c, i, j);
        }
      else
        take (c, i, j, K_SKIP);
      i = j - 1;
    }
  return TRUE;
}

/* People already in the document (a reviewer's or an earlier run's):
 * their surnames are known. */
void
_byline_entities_remember_context (Ctx               *c,
                                   BylineSuggestions *s,
                                   GArray            *tokens)
{
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);

  for (guint p = 0; p < people->len; p++)
    {
      BylineAnnotation *a = people->pdata[p];
      guint i = byline_tokens_find (tokens, byline_annotation_get_start (a));
      guint j = i;

      while (j < c->n && c->tok[j].end <= byline_annotation_get_end (a))
        j++;
      if (j > i && i < c->n && c->tok[i].start == byline_annotation_get_start (a) && j - i <= 6)
        remember_person (c, i, j);
    }
}

/* }}} */

/* byline-tokenizer.c: the tokens of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unicode word segmentation (UAX #29) in spirit, by hand on GLib's
 * character tables, with what English news needs: clitics (’s, n’t),
 * hyphenated words, numbers with separators, abbreviations with their
 * periods, URLs and e-mail addresses, emoji sequences and one token per
 * CJK ideograph.
 *
 * The text is decoded once into code points and a class per code point;
 * the scanner then makes one pass over it. Every look-ahead is bounded
 * (a few code points) or consumes what it reads, except the e-mail and
 * domain check, which remembers where its last failure ended so that no
 * code point is scanned for it twice: tokenizing is linear.
 *
 * Sentences and snapping to words are in byline-tokenizer-sentences.c.
 */
#include "config.h"

#include <string.h>

#include "byline-tokenizer.h"
#include "byline-tokenizer-private.h"

#define ZWJ 0x200D

/* {{{ Character classes */

static gboolean
is_ideograph (gunichar ch)
{
  return (ch >= 0x3005 && ch <= 0x3007) ||
         (ch >= 0x3021 && ch <= 0x3029) ||
         (ch >= 0x3038 && ch <= 0x303B) ||
         (ch >= 0x3041 && ch <= 0x309F) ||
         (ch >= 0x3400 && ch <= 0x4DBF) ||
         (ch >= 0x4E00 && ch <= 0x9FFF) ||
         (ch >= 0xF900 && ch <= 0xFAFF) ||
         (ch >= 0x20000 && ch <= 0x3FFFF);
}

/* Extended_Pictographic, approximately: GLib has no emoji properties. The
 * supplementary emoji blocks count whatever their type, so emoji newer
 * than GLib's tables still hold together. */
static gboolean
is_pictographic (gunichar     ch,
                 GUnicodeType type)
{
  if ((ch >= 0x1F000 && ch <= 0x1FAFF) || (ch >= 0x1FC00 && ch <= 0x1FFFD))
    return TRUE;
  if (ch == 0x203C || ch == 0x2049 || ch == 0x3030 || ch == 0x303D ||
      ch == 0x3297 || ch == 0x3299)
    return TRUE;
  if ((ch >= 0x2190 && ch <= 0x21FF) || (ch >= 0x2300 && ch <= 0x23FF) ||
      (ch >= 0x2600 && ch <= 0x27BF) || (ch >= 0x2B00 && ch <= 0x2BFF))
    return type == G_UNICODE_OTHER_SYMBOL;
  return FALSE;
}

static guint8
classify_slow (gunichar ch)
{
  GUnicodeType type;

  switch (ch)
    {
    case '\'':
    case 0x2019:
      return C_APOS;
    case '-':
    case 0x2010:
    case 0x2011:
      return C_HYPHEN;
    case '.':
      return C_PERIOD;
    case '%':
    case 0x2030:
      return C_SYMBOL;
    case 0x200B:  /* zero width space, BOM: breaks but is no token */
    case 0xFEFF:
      return C_SPACE;
    case ZWJ:
      return C_EXTEND;
    default:
      break;
    }
  if (ch >= 0x1F1E6 && ch <= 0x1F1FF)
    return C_RI;
  if ((ch >= 0x1F3FB && ch <= 0x1F3FF) || (ch >= 0xE0020 && ch <= 0xE007F))
    return C_EXTEND;

  type = g_unichar_type (ch);
  if (is_pictographic (ch, type))
    return C_PICTO;

  switch (type)
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return C_SPACE;
    case G_UNICODE_FORMAT:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return C_EXTEND;
    case G_UNICODE_DECIMAL_NUMBER:
      return C_DIGIT;
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return is_ideograph (ch) ? C_IDEO : C_ALPHA;
    case G_UNICODE_DASH_PUNCTUATION:
      return C_DASH;
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
      return C_PUNCT;
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
    default:
      return C_SYMBOL;
    }
}

static guint8 ascii_classes[128];

static inline guint8
classify (gunichar ch)
{
  return ch < 128 ? ascii_classes[ch] : classify_slow (ch);
}

static inline gboolean
is_wordish (guint8 cls)
{
  return cls == C_ALPHA || cls == C_DIGIT || cls == C_EXTEND;
}

static inline gboolean
is_alnum_class (guint8 cls)
{
  return cls == C_ALPHA || cls == C_DIGIT;
}

/* }}} */
/* {{{ Word lists */

typedef enum
{
  ABBR_MAY_END = 0,      /* Inc., Jr., etc.: may end a sentence */
  ABBR_NEVER_END = 1,    /* titles and months: a name or a number follows */
  ABBR_BEFORE_DIGIT = 3, /* No., Nos.: only before a number (never ends) */
} AbbrFlags;

typedef struct
{
  const char *word;
  AbbrFlags   flags;
} Abbreviation;

/* Sorted by strcmp (capitals first). Abbreviations made of single letters
 * and periods (U.S., e.g., a.m.) need no entry. */
static const Abbreviation abbreviations[] = {
  { "Adm", ABBR_NEVER_END }, { "Apr", ABBR_NEVER_END },
  { "Assn", ABBR_MAY_END }, { "Aug", ABBR_NEVER_END },
  { "Ave", ABBR_MAY_END }, { "Blvd", ABBR_MAY_END },
  { "Bros", ABBR_MAY_END }, { "Capt", ABBR_NEVER_END },
  { "Cmdr", ABBR_NEVER_END }, { "Co", ABBR_MAY_END },
  { "Col", ABBR_NEVER_END }, { "Corp", ABBR_MAY_END },
  { "Cpl", ABBR_NEVER_END }, { "Dec", ABBR_NEVER_END },
  { "Dept", ABBR_MAY_END }, { "Det", ABBR_NEVER_END },
  { "Dr", ABBR_NEVER_END }, { "Feb", ABBR_NEVER_END },
  { "Fig", ABBR_MAY_END }, { "Fr", ABBR_NEVER_END },
  { "Ft", ABBR_NEVER_END }, { "Gen", ABBR_NEVER_END },
  { "Gov", ABBR_NEVER_END }, { "Hon", ABBR_NEVER_END },
  { "Inc", ABBR_MAY_END }, { "Jan", ABBR_NEVER_END },
  { "Jr", ABBR_MAY_END }, { "Jul", ABBR_NEVER_END },
  { "Jun", ABBR_NEVER_END }, { "Lt", ABBR_NEVER_END },
  { "Ltd", ABBR_MAY_END }, { "Maj", ABBR_NEVER_END },
  { "Mar", ABBR_NEVER_END }, { "Messrs", ABBR_NEVER_END },
  { "Mr", ABBR_NEVER_END }, { "Mrs", ABBR_NEVER_END },
  { "Ms", ABBR_NEVER_END }, { "Mt", ABBR_NEVER_END },
  { "No", ABBR_BEFORE_DIGIT }, { "Nos", ABBR_BEFORE_DIGIT },
  { "Nov", ABBR_NEVER_END }, { "Oct", ABBR_NEVER_END },
  { "Prof", ABBR_NEVER_END }, { "Pvt", ABBR_NEVER_END },
  { "Rep", ABBR_NEVER_END }, { "Reps", ABBR_NEVER_END },
  { "Rev", ABBR_NEVER_END }, { "Sen", ABBR_NEVER_END },
  { "Sens", ABBR_NEVER_END }, { "Sep", ABBR_NEVER_END },
  { "Sept", ABBR_NEVER_END }, { "Sgt", ABBR_NEVER_END },
  { "Sr", ABBR_MAY_END }, { "St", ABBR_NEVER_END },
  { "Supt", ABBR_NEVER_END }, { "Univ", ABBR_MAY_END },
  { "Vol", ABBR_MAY_END }, { "al", ABBR_MAY_END },
  { "approx", ABBR_MAY_END }, { "cf", ABBR_MAY_END },
  { "etc", ABBR_MAY_END }, { "vs", ABBR_MAY_END },
};

/* Words that start a sentence after an abbreviation that may end one:
 * "in the U.S. He said" splits, "the U.S. State Department" does not. */
static const char * const sentence_starters[] = {
  "A", "According", "After", "All", "Also", "Although", "An", "And", "As",
  "At", "Because", "Before", "Both", "But", "By", "Each", "For", "From",
  "He", "Her", "His", "How", "However", "I", "If", "In", "It", "Its",
  "Meanwhile", "Most", "My", "No", "Now", "On", "One", "Our", "She",
  "Since", "So", "Some", "Still", "That", "The", "Their", "Then", "There",
  "These", "They", "This", "Those", "Though", "To", "We", "What", "When",
  "Where", "While", "Who", "Why", "With", "Yet", "You",
};

static const char * const top_level_domains[] = {
  "au", "biz", "ca", "cn", "co", "com", "de", "edu", "eu", "fr", "gov",
  "info", "int", "io", "jp", "mil", "net", "news", "org", "ru", "uk", "us",
};

static int
compare_abbreviation (const void *key,
                      const void *member)
{
  return strcmp (key, ((const Abbreviation *) member)->word);
}

static int
compare_string (const void *key,
                const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

static const Abbreviation *
lookup_abbreviation (const char *word)
{
  const Abbreviation *found;
  gboolean all_upper = word[1] != '\0';

  found = bsearch (word, abbreviations, G_N_ELEMENTS (abbreviations),
                   sizeof abbreviations[0], compare_abbreviation);
  if (found != NULL)
    return found;

  /* Headlines in capitals: MR., INC. */
  for (const char *p = word; *p != '\0'; p++)
    all_upper = all_upper && g_ascii_isupper (*p);
  if (!all_upper)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    {
      if (g_ascii_isupper (abbreviations[i].word[0]) &&
          g_ascii_strcasecmp (word, abbreviations[i].word) == 0)
        return &abbreviations[i];
    }
  return NULL;
}

static gboolean
in_list (const char * const *list,
         gsize               n_items,
         const char         *word)
{
  return bsearch (word, list, n_items, sizeof list[0], compare_string) != NULL;
}

static void
ensure_ascii_classes (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (gunichar ch = 0; ch < 128; ch++)
        ascii_classes[ch] = classify_slow (ch);
      /* the word lists are searched by bisection */
      for (guint i = 1; i < G_N_ELEMENTS (abbreviations); i++)
        g_assert (strcmp (abbreviations[i - 1].word, abbreviations[i].word) < 0);
      for (guint i = 1; i < G_N_ELEMENTS (sentence_starters); i++)
        g_assert (strcmp (sentence_starters[i - 1], sentence_starters[i]) < 0);
      for (guint i = 1; i < G_N_ELEMENTS (top_level_domains); i++)
        g_assert (strcmp (top_level_domains[i - 1], top_level_domains[i]) < 0);
      g_once_init_leave (&initialized, 1);
    }
}

/* }}} */
/* {{{ The decoded text */

void
_byline_tokenizer_text_init (Text       *t,
                             const char *text,
                             gssize      len)
{
  glong n = 0;

  ensure_ascii_classes ();
  if (len < 0)
    len = strlen (text);
  t->chars = g_utf8_to_ucs4_fast (text, len, &n);
  t->n = (guint) n;
  t->classes = g_new (guint8, t->n + 1);
  for (guint i = 0; i < t->n; i++)
    t->classes[i] = classify (t->chars[i]);
  t->classes[t->n] = C_SPACE;
}

void
_byline_tokenizer_text_clear (Text *t)
{
  g_clear_pointer (&t->chars, g_free);
  g_clear_pointer (&t->classes, g_free);
}

/* Past the end, every code point is whitespace. */
static inline guint8
class_at (const Text *t,
          guint       i)
{
  return i < t->n ? t->classes[i] : C_SPACE;
}

static inline gunichar
char_at (const Text *t,
         guint       i)
{
  return i < t->n ? t->chars[i] : 0;
}

static inline gunichar
ascii_lower (gunichar ch)
{
  return ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
}

/* Whether @word (ASCII, lowercase) is at @i, in any case. */
static gboolean
has_word_ci (const Text *t,
             guint       i,
             const char *word)
{
  for (; *word != '\0'; word++, i++)
    {
      if (ascii_lower (char_at (t, i)) != (gunichar) *word)
        return FALSE;
    }
  return TRUE;
}

/* Copies [start, end) into @buf when it is short plain ASCII. */
static gboolean
copy_ascii (const Text *t,
            guint       start,
            guint       end,
            char       *buf,
            gsize       size)
{
  if (end <= start || end - start >= size)
    return FALSE;
  for (guint i = start; i < end; i++)
    {
      if (t->chars[i] >= 128)
        return FALSE;
      buf[i - start] = (char) t->chars[i];
    }
  buf[end - start] = '\0';
  return TRUE;
}

static guint
skip_extend (const Text *t,
             guint       i)
{
  while (class_at (t, i) == C_EXTEND)
    i++;
  return i;
}

/* }}} */
/* {{{ Scanning */

/* The length of the clitic ’s ’re ’ve ’ll ’d ’m at the apostrophe @i,
 * or 0. It must end the word. */
static guint
clitic_length (const Text *t,
               guint       i)
{
  static const char * const clitics[] = { "s", "re", "ve", "ll", "d", "m" };

  g_assert (class_at (t, i) == C_APOS);

  for (guint k = 0; k < G_N_ELEMENTS (clitics); k++)
    {
      guint len = strlen (clitics[k]);

      if (has_word_ci (t, i + 1, clitics[k]) &&
          !is_wordish (class_at (t, i + 1 + len)))
        return 1 + len;
    }
  return 0;
}

/* Whether the apostrophe at @apos, inside the word from @start, is the
 * one of n’t (don’t, can’t): the n then goes with the clitic, as in the
 * Penn Treebank. */
static gboolean
is_negation (const Text *t,
             guint       start,
             guint       apos)
{
  return apos >= start + 2 &&
         ascii_lower (t->chars[apos - 1]) == 'n' &&
         ascii_lower (char_at (t, apos + 1)) == 't' &&
         !is_wordish (class_at (t, apos + 2));
}

static gboolean
is_url_char (const Text *t,
             guint       i)
{
  gunichar ch = t->chars[i];

  switch (t->classes[i])
    {
    case C_SPACE:
    case C_IDEO:
    case C_APOS:
      return FALSE;
    default:
      break;
    }
  if (ch < 128)
    return strchr ("\"<>`{}|\\^", (int) ch) == NULL;
  return !(ch == 0x201C || ch == 0x201D || ch == 0x2018 || ch == 0x00AB ||
           ch == 0x00BB || ch == 0x2026 || (ch >= 0x3000 && ch <= 0x303F) ||
           (ch >= 0xFF00 && ch <= 0xFFEF));
}

/* The rest of a URL from @i: up to whitespace or a quote, without the
 * punctuation that ends the sentence around it. A ")" stays when it closes
 * a "(" of the URL (Wikipedia links). */
static guint
scan_url_rest (const Text *t,
               guint       start,
               guint       i)
{
  int depth = 0;

  while (i < t->n && is_url_char (t, i))
    {
      if (t->chars[i] == '(')
        depth++;
      else if (t->chars[i] == ')')
        depth--;
      i++;
    }
  while (i > start)
    {
      gunichar ch = t->chars[i - 1];

      if (ch == ')' && depth < 0)
        depth++;
      else if (ch >= 128 || strchr (".,;:!?*]}", (int) ch) == NULL)
        break;
      i--;
    }
  return i;
}

static gboolean
is_local_char (const Text *t,
               guint       i)
{
  gunichar ch = char_at (t, i);

  return is_alnum_class (class_at (t, i)) ||
         ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
}

static gboolean
is_domain_char (const Text *t,
                guint       i)
{
  return is_alnum_class (class_at (t, i)) || char_at (t, i) == '-';
}

/* A domain name that fills [start, end) but for trailing dots and
 * hyphens: labels of letters, digits and hyphens, at least two. Returns
 * its end, or 0. With @known_tld the last label must be a common top-level
 * domain (bare domains in prose), else any two letters or more. */
static guint
match_domain (const Text *t,
              guint       start,
              guint       end,
              gboolean    known_tld)
{
  guint label = start;  /* start of the current, at the end the last, label */
  guint n_labels = 1;
  char tld[8];

  while (end > start && (t->chars[end - 1] == '.' || t->chars[end - 1] == '-'))
    end--;
  for (guint i = start; i < end; i++)
    {
      if (t->chars[i] == '.')
        {
          if (i == label)
            return 0;
          n_labels++;
          label = i + 1;
        }
      else if (!is_domain_char (t, i))
        return 0;
    }
  if (label == end)
    return 0;
  if (n_labels < 2)
    return 0;
  if (known_tld)
    {
      if (!copy_ascii (t, label, end, tld, sizeof tld) ||
          !in_list (top_level_domains, G_N_ELEMENTS (top_level_domains), tld))
        return 0;
    }
  else
    {
      if (end - label < 2)
        return 0;
      for (guint i = label; i < end; i++)
        {
          if (t->classes[i] != C_ALPHA)
            return 0;
        }
    }
  return end;
}

static const char * const url_prefixes[] = { "https://", "http://", "ftp://", "www." };

/* A URL, an e-mail address or a bare domain (nbcnews.com) starting at @i:
 * returns its end, or @i when there is none. */
static guint
scan_address (const Text      *t,
              guint            i,
              guint           *no_address_before,
              BylineTokenKind *kind)
{
  guint q;
  guint end;

  for (guint k = 0; k < G_N_ELEMENTS (url_prefixes); k++)
    {
      guint len = strlen (url_prefixes[k]);

      if (has_word_ci (t, i, url_prefixes[k]) &&
          is_alnum_class (class_at (t, i + len)))
        {
          *kind = BYLINE_TOKEN_URL;
          return scan_url_rest (t, i, i + len);
        }
    }

  /* A failed check from an earlier start in the same run of local-part
   * characters would fail again: skip it, so that this stays linear. */
  if (i < *no_address_before)
    return i;
  q = i;
  while (is_local_char (t, q))
    q++;
  if (char_at (t, q) == '@')
    {
      guint d = q + 1;

      while (is_domain_char (t, d) || (char_at (t, d) == '.' && is_domain_char (t, d + 1)))
        d++;
      end = match_domain (t, q + 1, d, FALSE);
      if (end > 0 && q > i && t->chars[q - 1] != '.')
        {
          *kind = BYLINE_TOKEN_EMAIL;
          return end;
        }
    }
  else if ((end = match_domain (t, i, q, TRUE)) > 0)
    {
      *kind = BYLINE_TOKEN_URL;
      if (char_at (t, end) == '/')
        return scan_url_rest (t, i, end);
      return end;
    }
  *no_address_before = q;
  return i;
}

/* An abbreviation whose word is [start, dot) and dot is a period: returns
 * its end (after its last period) or 0. */
static guint
scan_abbreviation (const Text *t,
                   guint       start,
                   guint       dot)
{
  const Abbreviation *abbr;
  char word[8];

  /* Single letters with periods: U.S., e.g., a.m.; one capital is an
   * initial (George W. Bush). */
  if (dot == start + 1 && t->classes[start] == C_ALPHA)
    {
      guint end = dot + 1;
      guint n_pairs = 1;

      while (class_at (t, end) == C_ALPHA && char_at (t, end + 1) == '.')
        {
          end += 2;
          n_pairs++;
        }
      if (n_pairs >= 2 || g_unichar_isupper (t->chars[start]))
        return end;
      return 0;
    }

  if (!copy_ascii (t, start, dot, word, sizeof word))
    return 0;
  abbr = lookup_abbreviation (word);
  if (abbr == NULL)
    return 0;
  if (abbr->flags == ABBR_BEFORE_DIGIT)
    {
      guint next = dot + 1;

      while (class_at (t, next) == C_SPACE && next < t->n && next < dot + 3)
        next++;
      if (class_at (t, next) != C_DIGIT)
        return 0;
    }
  return dot + 1;
}

static BylineTokenKind
word_kind (const Text *t,
           guint       start,
           guint       end)
{
  guint i = start;
  char suffix[4];

  if (t->classes[start] != C_DIGIT)
    return BYLINE_TOKEN_WORD;
  while (i < end && (t->classes[i] == C_DIGIT || t->chars[i] == '.' ||
                     t->chars[i] == ',' || t->chars[i] == ':' ||
                     t->classes[i] == C_HYPHEN))
    i++;
  if (i == end)
    return BYLINE_TOKEN_NUMBER;

  /* Ordinals: 1st, 22nd, 3rd, 26th */
  if (end - i == 2 && copy_ascii (t, i, end, suffix, sizeof suffix))
    {
      suffix[0] = g_ascii_tolower (suffix[0]);
      suffix[1] = g_ascii_tolower (suffix[1]);
      if (strcmp (suffix, "st") == 0 || strcmp (suffix, "nd") == 0 ||
          strcmp (suffix, "rd") == 0 || strcmp (suffix, "th") == 0)
        return BYLINE_TOKEN_NUMBER;
    }
  return BYLINE_TOKEN_WORD;
}

/* A word or number from @start, which is a letter or a digit. */
static guint
scan_word (const Text      *t,
           guint            start,
           BylineTokenKind *kind)
{
  guint j = start;
  guint abbr_end;

  g_assert (is_alnum_class (t->classes[start]));

  for (;;)
    {
      gunichar ch;
      guint8 next;

      while (is_wordish (t->classes[j]))
        j++;
      if (j >= t->n)
        break;
      ch = t->chars[j];
      next = class_at (t, j + 1);

      /* high-stakes, three-day, COVID-19, snake_case */
      if ((t->classes[j] == C_HYPHEN || ch == '_') && is_alnum_class (next))
        {
          j++;
          continue;
        }
      /* AT&T, S&P */
      if (ch == '&' && g_unichar_isupper (t->chars[j - 1]) &&
          next == C_ALPHA && g_unichar_isupper (t->chars[j + 1]))
        {
          j++;
          continue;
        }
      /* O’Brien and rock’n’roll stay whole; Blinken’s and don’t split
       * before their clitic. */
      if (t->classes[j] == C_APOS && is_alnum_class (next))
        {
          if (is_negation (t, start, j))
            {
              j--;
              break;
            }
          if (clitic_length (t, j) > 0)
            break;
          j++;
          continue;
        }
      /* 3.5, 1,000.50, 10:30 */
      if ((ch == '.' || ch == ',' || ch == ':') &&
          t->classes[j - 1] == C_DIGIT && next == C_DIGIT)
        {
          j++;
          continue;
        }
      break;
    }

  if (char_at (t, j) == '.' && (abbr_end = scan_abbreviation (t, start, j)) > 0)
    {
      *kind = BYLINE_TOKEN_ABBREVIATION;
      return abbr_end;
    }
  *kind = word_kind (t, start, j);
  return j;
}

/* An apostrophe that starts a token: a clitic after a word, ’90s, or a
 * quote. */
static guint
scan_apostrophe (const Text      *t,
                 guint            i,
                 BylineTokenKind *kind)
{
  /* after a word, or an abbreviation: the U.S.’s */
  gboolean after_word = (i > 0 && is_wordish (t->classes[i - 1])) ||
                        (i > 1 && t->chars[i - 1] == '.' && t->classes[i - 2] == C_ALPHA);
  guint len;

  *kind = BYLINE_TOKEN_WORD;
  if (after_word && (len = clitic_length (t, i)) > 0)
    return i + len;
  if (!after_word && class_at (t, i + 1) == C_DIGIT &&
      class_at (t, i + 2) == C_DIGIT && ascii_lower (char_at (t, i + 3)) == 's' &&
      !is_wordish (class_at (t, i + 4)))
    return i + 4;
  *kind = BYLINE_TOKEN_PUNCT;
  return i + 1;
}

/* An emoji with its modifiers and variation selectors, and the emoji
 * joined to it by ZWJ. */
static guint
scan_emoji (const Text *t,
            guint       i)
{
  i++;
  while (class_at (t, i) == C_EXTEND)
    {
      if (t->chars[i] == ZWJ && class_at (t, i + 1) == C_PICTO)
        i += 2;
      else
        i++;
    }
  return i;
}

GArray *
_byline_tokenizer_tokenize_text (const Text *t)
{
  GArray *tokens;
  guint no_address_before = 0;
  guint i = 0;

  tokens = g_array_sized_new (FALSE, FALSE, sizeof (BylineToken), t->n / 5 + 16);
  while (i < t->n)
    {
      BylineToken token;
      guint8 cls = t->classes[i];
      guint end;

      if (cls == C_SPACE)
        {
          i++;
          continue;
        }

      token.start = i;
      token.kind = BYLINE_TOKEN_PUNCT;
      switch (cls)
        {
        case C_ALPHA:
        case C_DIGIT:
          end = scan_address (t, i, &no_address_before, &token.kind);
          if (end == i)
            end = scan_word (t, i, &token.kind);
          break;
        case C_IDEO:
          token.kind = BYLINE_TOKEN_WORD;
          end = i + 1;
          break;
        case C_PICTO:
          token.kind = BYLINE_TOKEN_EMOJI;
          end = scan_emoji (t, i);
          break;
        case C_RI:
          token.kind = BYLINE_TOKEN_EMOJI;
          end = class_at (t, i + 1) == C_RI ? i + 2 : i + 1;
          break;
        case C_APOS:
          end = scan_apostrophe (t, i, &token.kind);
          break;
        case C_PERIOD:
        case C_HYPHEN:
        case C_DASH:
          /* "...", "--" and "——" are one token each */
          end = i + 1;
          while (char_at (t, end) == t->chars[i])
            end++;
          break;
        case C_PUNCT:
          end = i + 1;
          break;
        case C_EXTEND:
        case C_SYMBOL:
        default:
          token.kind = BYLINE_TOKEN_SYMBOL;
          end = i + 1;
          break;
        }

      /* Marks, variation selectors and joiners stay with what they follow */
      token.end = skip_extend (t, end);
      g_assert (token.end > token.start);
      g_array_append_val (tokens, token);
      i = token.end;
    }
  return tokens;
}

/* }}} */
/* {{{ Words that end or start sentences */

gboolean
_byline_tokenizer_abbreviation_never_ends (const Text        *t,
                                           const BylineToken *token)
{
  const Abbreviation *abbr;
  char word[8];

  /* an initial */
  if (token->end == token->start + 2)
    return TRUE;
  if (!copy_ascii (t, token->start, token->end - 1, word, sizeof word))
    return FALSE;
  abbr = lookup_abbreviation (word);
  return abbr != NULL && (abbr->flags & ABBR_NEVER_END) != 0;
}

gboolean
_byline_tokenizer_is_sentence_starter (const Text        *t,
                                       const BylineToken *token)
{
  char word[12];

  return copy_ascii (t, token->start, token->end, word, sizeof word) &&
         in_list (sentence_starters, G_N_ELEMENTS (sentence_starters), word);
}

/* }}} */
/* {{{ Public API */

/**
 * byline_tokenize:
 * @text: valid UTF-8
 * @len: length of @text in bytes, or -1 if it is nul-terminated
 *
 * Splits @text into tokens. Whitespace (spaces, tabs, CR, LF and the
 * other line breaks, control characters, zero-width space, BOM) is never
 * part of a token; every other code point is in exactly one token.
 *
 * Returns: (transfer full) (element-type BylineToken): the tokens, in
 *   order, with offsets in code points
 */
GArray *
byline_tokenize (const char *text,
                 gssize      len)
{
  Text t;
  GArray *tokens;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, len, NULL), NULL);

  if (text == NULL)
    return g_array_new (FALSE, FALSE, sizeof (BylineToken));
  _byline_tokenizer_text_init (&t, text, len);
  tokens = _byline_tokenizer_tokenize_text (&t);
  _byline_tokenizer_text_clear (&t);
  return tokens;
}

/* }}} */

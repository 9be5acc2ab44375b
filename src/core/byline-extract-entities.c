/* byline-extract-entities.c: the entities extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Named entities of English news (OntoNotes labels) by rules over the core
 * tokenizer's tokens and the gazetteers in data/gazetteers/, bundled as
 * resources. The text is tokenized once; each token gets its normalized
 * text (’ as '), a few flags and its lexicon entry; then four passes fill
 * one "taken" mark per token, so that no two suggestions overlap and a
 * stronger rule is never overridden by a weaker one:
 *
 * 1. Patterns: MONEY ($1.5 billion, 1 million yuan, €20), PERCENT (3%,
 *    3 percent), QUANTITY (5 kilometers), TIME (10:30 a.m., noon,
 *    Wednesday night) and DATE (April 24 to 26, April 2024, 2023, last
 *    June, this week, three-day, Wednesday), so that their numbers are
 *    never CARDINAL too.
 * 2. Names: the longest gazetteer phrase (case-sensitive: "WHO" is the
 *    organisation, "Who" is not); a country or nationality before a
 *    government body is one ORG ("US State Department"); a title
 *    ("Secretary of State") makes a PERSON of the names after it, without
 *    the title; a known given name with a surname ("Antony Blinken"), or an
 *    East Asian family name with a given name ("Xi Jinping", "Wang Yi"), is
 *    a PERSON. Each person's surname (or family name) is remembered.
 * 3. ORDINAL and CARDINAL on what is left.
 * 4. The remembered surnames wherever they stand ("Blinken", "Blinken’s"
 *    even before the full name), then the remaining capitalised sequences,
 *    guessed from their last word (…University: ORG, …River: LOC, …Act:
 *    LAW) or from their shape (two or three name-like words: PERSON), with
 *    a low confidence. A word that starts a sentence is dropped from a
 *    sequence when it is a function word or the text also writes it in
 *    lowercase ("The", "But", "Data").
 *
 * Confidence: 0.9–0.95 for gazetteer and pattern hits, 0.8–0.85 for names
 * found by their shape around a known word, 0.4–0.6 for guesses.
 *
 * This file holds the labels, the text and the driver; the lexicon and the
 * gazetteers are in byline-extract-entities-lexicon.c, pass 1 in
 * byline-extract-entities-patterns.c, passes 2 and 4 in
 * byline-extract-entities-names.c, numbers and pass 3 in
 * byline-extract-entities-numbers.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-extract-entities-private.h"

/* {{{ Kinds */

static const char * const kind_labels[] = {
  NULL, "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
  "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY",
  "QUANTITY", "ORDINAL", "CARDINAL", NULL, "ORG", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == K_SKIP + 1);

/* }}} */
/* {{{ The text */

static guint16
word_flags (const char *w,
            BylineTokenKind kind)
{
  guint16 flags = 0;
  guint letters = 0, lower = 0;
  gunichar first = g_utf8_get_char (w);
  const char *p;

  /* plain ASCII, the common case, without the Unicode tables */
  for (p = w; *p != '\0' && (guchar) *p < 0x80; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          letters++;
          lower += g_ascii_islower (*p) ? 1 : 0;
        }
      if (*p == '-' && p != w && p[1] != '\0')
        flags |= F_HYPHEN;
    }
  if (*p == '\0')
    {
      if (g_ascii_isupper (*w))
        flags |= F_CAP;
      else if (g_ascii_islower (*w))
        flags |= F_LOWER;
      else if (g_ascii_isdigit (*w))
        flags |= F_DIGIT;
      goto done;
    }
  flags = 0;
  letters = lower = 0;
  if (g_unichar_isupper (first) || g_unichar_istitle (first))
    flags |= F_CAP;
  else if (g_unichar_islower (first))
    flags |= F_LOWER;
  else if (g_unichar_isdigit (first))
    flags |= F_DIGIT;
  for (p = w; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalpha (ch))
        {
          letters++;
          lower += g_unichar_islower (ch) ? 1 : 0;
        }
      if (ch == '-' && p != w && p[1] != '\0')
        flags |= F_HYPHEN;
    }
done:
  if ((flags & F_CAP) && letters >= 2 && lower == 0)
    flags |= F_ALLCAPS;
  if ((flags & F_CAP) && lower > 0 && kind == BYLINE_TOKEN_WORD)
    flags |= F_NAME;
  return flags;
}

/* The lexicon entry of a word: as written, or in lowercase for a
 * capitalised word ("Last", "Two"); "US" is not "us". */
static const WordInfo *
lookup_info (const Gazetteer *gaz,
             const char      *w,
             guint16          flags)
{
  const WordInfo *info = g_hash_table_lookup (gaz->lexicon, w);
  char buf[32];
  gsize len;

  if (info != NULL || !(flags & F_CAP) || (flags & F_ALLCAPS))
    return info;
  len = strlen (w);
  if (len >= sizeof buf)
    return NULL;
  for (gsize k = 0; k <= len; k++)
    buf[k] = g_ascii_tolower (w[k]);
  return g_hash_table_lookup (gaz->lexicon, buf);
}

static gboolean
is_final_mark (const char *w)
{
  return g_str_equal (w, ".") || g_str_equal (w, "!") || g_str_equal (w, "?") ||
         g_str_equal (w, "…") || g_str_equal (w, "...") || g_str_equal (w, "?!") ||
         g_str_equal (w, "!?");
}

/* ’ is ' once normalized. */
static gboolean
is_closing_mark (const char *w)
{
  return g_str_equal (w, "”") || g_str_equal (w, "'") || g_str_equal (w, "\"") ||
         g_str_equal (w, ")") || g_str_equal (w, "]") || g_str_equal (w, "»") ||
         g_str_equal (w, "›");
}

static void
ctx_init (Ctx             *c,
          const Gazetteer *gaz,
          const char      *text,
          GArray          *tokens,
          GCancellable    *cancellable)
{
  g_autofree guint8 *breaks = NULL;
  gboolean ended = FALSE;
  guint s = 0;

  memset (c, 0, sizeof *c);
  c->gaz = gaz;
  c->tok = (const BylineToken *) tokens->data;
  c->n = tokens->len;
  c->words = g_string_sized_new (strlen (text) + c->n + 1);
  c->word_at = g_new (guint, c->n + 1);
  c->flags = g_new0 (guint16, c->n + 1);
  c->info = g_new0 (const WordInfo *, c->n + 1);
  c->sentence = g_new0 (guint, c->n + 1);
  c->taken = g_new0 (guint8, c->n + 1);
  c->found = g_array_new (FALSE, FALSE, sizeof (Found));
  c->lowercase = g_hash_table_new (g_str_hash, g_str_equal);
  c->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->key = g_string_new (NULL);
  c->cancellable = cancellable;
  breaks = g_new0 (guint8, c->n + 1);

  _byline_entities_collect_words (text, tokens, c->words, c->word_at, breaks);

  for (guint i = 0; i < c->n; i++)
    {
      const char *w = word (c, i);
      guint16 flags = word_flags (w, c->tok[i].kind);
      gboolean punct = c->tok[i].kind == BYLINE_TOKEN_PUNCT;
      gboolean closing = punct && is_closing_mark (w);
      gboolean first_word;

      if (breaks[i])
        flags |= F_BREAK;
      if (i > 0 && c->tok[i - 1].end == c->tok[i].start)
        flags |= F_GLUED;
      /* Sentences, as news writes them: a line, or what follows a final
       * mark and its closing quotes. The tokenizer keeps the periods of
       * abbreviations (U.S., Jan.) in their words; this is cheaper than
       * byline_split_sentences() and good enough for capitals. */
      first_word = (flags & F_BREAK) || (ended && !closing);
      if (first_word && i > 0)
        s++;
      c->sentence[i] = s;
      ended = (punct && is_final_mark (w)) || (ended && closing);
      if (!first_word && i > 0 && (c->flags[i - 1] & F_INITIAL) &&
          c->tok[i - 1].kind != BYLINE_TOKEN_WORD && c->tok[i - 1].kind != BYLINE_TOKEN_NUMBER &&
          c->tok[i - 1].kind != BYLINE_TOKEN_ABBREVIATION)
        first_word = TRUE;
      if (first_word)
        flags |= F_INITIAL;
      c->flags[i] = flags;
      c->info[i] = lookup_info (gaz, w, flags);
      if ((flags & F_LOWER) && c->tok[i].kind == BYLINE_TOKEN_WORD)
        g_hash_table_add (c->lowercase, (gpointer) w);
    }

  /* Lines of Title Case Words (headlines) are no evidence for guesses. */
  for (guint i = 0; i < c->n;)
    {
      guint j = i + 1, words = 0, caps = 0;

      while (j < c->n && !(c->flags[j] & F_BREAK))
        j++;
      for (guint k = i; k < j; k++)
        {
          if (c->tok[k].kind == BYLINE_TOKEN_WORD && !is_class (c, k, W_STOP))
            {
              words++;
              caps += (c->flags[k] & F_CAP) ? 1 : 0;
            }
        }
      /* Title Case, and no sentence: "China Fuels the Threat to European
       * Security", not "He met the Beijing Risk Council." */
      if (words >= 4 && caps * 5 >= words * 4 && !is_final_mark (word (c, j - 1)))
        {
          for (guint k = i; k < j; k++)
            c->flags[k] |= F_HEADLINE;
        }
      i = j;
    }
}

static void
ctx_clear (Ctx *c)
{
  g_string_free (c->words, TRUE);
  g_free (c->word_at);
  g_free (c->flags);
  g_free (c->info);
  g_free (c->sentence);
  g_free (c->taken);
  g_array_unref (c->found);
  g_hash_table_unref (c->lowercase);
  g_hash_table_unref (c->people);
  g_string_free (c->key, TRUE);
}

/* Suggests [tokens i, j) as @kind and takes them. */
void
_byline_entities_emit (Ctx   *c,
                       guint  i,
                       guint  j,
                       Kind   kind,
                       double confidence)
{
  Found f = { c->tok[i].start, c->tok[j - 1].end, kind, confidence };

  g_assert (i < j && j <= c->n);
  for (guint k = i; k < j; k++)
    c->taken[k] = kind;
  if (kind_labels[kind] != NULL)
    g_array_append_val (c->found, f);
}

/* }}} */

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static gboolean
extract_entities (const char         *text,
                  BylineSuggestions  *suggestions,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(GArray) tokens = NULL;
  Ctx c;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tokens = byline_tokenize (text, -1);
  ctx_init (&c, _byline_entities_gazetteer_get (), text, tokens, cancellable);
  _byline_entities_remember_context (&c, suggestions, tokens);
  ok = _byline_entities_pass_patterns (&c) && _byline_entities_pass_names (&c) &&
       _byline_entities_pass_numbers (&c) && _byline_entities_pass_guesses (&c);
  if (ok)
    {
      g_array_sort (c.found, compare_found);
      for (guint i = 0; i < c.found->len; i++)
        {
          const Found *f = &g_array_index (c.found, Found, i);

          byline_suggestions_add_span (suggestions, "entities", kind_labels[f->kind],
                                       f->start, f->end, f->confidence);
        }
    }
  ctx_clear (&c);
  if (!ok)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  return TRUE;
}

const BylineExtractor byline_extractor_entities = {
  "entities", N_("People, places, organisations, dates, numbers"), "rules:entities", extract_entities
};

/* byline-extract-quotes.c: the quotes extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Direct and indirect quotes of English news, their speakers and cue
 * verbs, by rules over the core tokenizer's tokens. Precision comes
 * first: what does not parse is skipped rather than guessed.
 *
 * - Direct quotes are pairs of double quotation marks (“ ”, " ", « »)
 *   within a paragraph (a line). Single quotes never open one, so
 *   apostrophes (don’t, Blinken’s, officials’) and ‘nested’ quotes are
 *   left alone. A quote still open at the end of its paragraph, when it
 *   began a sentence, goes on into the next paragraph if that one opens
 *   with a quotation mark (the news convention): ONE continuous QUOTE
 *   from the first opening mark to the last closing one.
 * - A direct quote is attributed by what touches it: “…,” he said /
 *   “…,” said the official / “…” — he added / X said: “…” / X told
 *   reporters, “…”. A quote without a cue of its own that follows an
 *   attributed one in the same paragraph, or opens the next paragraph, is
 *   the same speaker's. Any other quote of five words or more is suggested
 *   alone with a low confidence; shorter ones are scare quotes (“deep
 *   concerns”) and titles in quotation marks are skipped.
 * - Indirect quotes: X said (in a statement) that CLAUSE / X said CLAUSE
 *   (at the start of a sentence) / CLAUSE, X said (last week). / CLAUSE,
 *   said X. / CLAUSE, according to X. / According to X, CLAUSE. A reported
 *   clause that holds an unattributed direct quote is one QUOTE of
 *   quote_type "mixed".
 * - Speakers are noun phrases checked against a small lexicon: a pronoun;
 *   a capitalised name with its titles (US Secretary of State Antony
 *   Blinken, the State Department); or a determiner, modifiers and a
 *   speaker noun (a senior US State Department official, Chinese
 *   officials, a spokesperson for the ministry, a CNBC analysis).
 * - A pronoun speaker refers_to what the nearest earlier compatible
 *   speaker stands for (he/she: a person; they: people or an institution;
 *   it: an institution), or a PERSON that starts a sentence in between;
 *   without either, the nearest PERSON of the same or the previous
 *   paragraph. A speaker stands for the entity that ends it (PERSON, ORG,
 *   GPE, NORP, FAC, from the entities extractor or the document), or, when
 *   there is none (“the official”), for itself: the pronoun then
 *   refers_to that SPEAKER, which the news schema does not list (it
 *   allows entities only); such a relation is kept, with a warning, when
 *   the file is read. A titled speaker refers_to the entity that ends it
 *   (US Secretary of State Antony Blinken → Antony Blinken).
 *
 * This file holds the lexicon, the text, the results and the driver;
 * speaker phrases are parsed in byline-extract-quotes-speakers.c, direct
 * quotes found in byline-extract-quotes-direct.c, indirect ones in
 * byline-extract-quotes-indirect.c, and what speakers refer to in
 * byline-extract-quotes-resolve.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-extract-quotes-private.h"

/* {{{ Lexicon */

typedef struct
{
  const char *words;  /* separated by spaces */
  guint32     flags;
} WordList;

/* Keys are lower-case, with ’ as '. A word in several lists has all their
 * flags. */
static const WordList lexicon[] = {
  { "said says say", W_CUE | W_SAY },
  { "told tells tell asked asks warned warns urged urges reminded", W_CUE | W_TELL },
  { "added adds noted notes stressed stresses explained explains argued argues "
    "insisted insists claimed claims announced announces acknowledged "
    "acknowledges admitted admits confirmed confirms declared declares stated "
    "wrote writes tweeted replied replies responded responds recalled recalls "
    "cautioned cautions conceded concedes complained complains observed "
    "remarked vowed vows pledged pledges promised promises predicted predicts "
    "suggested suggests agreed countered counters concluded reiterated "
    "reiterates maintained maintains contended contends alleged alleges "
    "asserted asserts testified reported revealed reveals disclosed "
    "emphasized emphasised emphasizes emphasises estimated denied denies "
    "indicated signaled signalled hinted boasted joked quipped lamented "
    "continued", W_CUE },
  { "pointed points", W_OUT },
  { "adding citing noting saying calling arguing warning insisting stressing "
    "explaining according", W_CUT },
  { "according", W_ACCORDING },
  { "to", W_TO | W_STOP },
  { "he she they it", W_PRONOUN },
  { "we i there you", W_CLAUSE },
  { "the a an this these those his her its their our another one two three "
    "several many some both other most few", W_DET },
  { "that", W_THAT },
  { "not never n't", W_NEGATION | W_STOP },
  { "of", W_PREP | W_NAME_LINK | W_OF_FOR },
  { "for", W_PREP | W_OF_FOR },
  { "at in from with on", W_PREP },
  { "de da del der di du la le van von bin ibn al el", W_NAME_LINK },
  { "also later earlier previously repeatedly again then reportedly publicly "
    "privately recently once separately further similarly subsequently often "
    "long already consistently openly widely strongly flatly firmly angrily "
    "has have had would will", W_ADVERB },
  { "and or but nor so yet while when whereas where as because since although "
    "though if unless after before than which who whom whose what why how "
    "is are was were be been being do does did can could should may might "
    "must shall 's 're 've 'll 'd 'm here meanwhile however instead now today "
    "yesterday tomorrow still thus therefore indeed moreover furthermore "
    "finally first about against into over under by without during until "
    "between among through up down like such just only even very not "
    "nothing something anything goodbye hello yes no little much sorry thanks",
    W_STOP },
  { "last this late earlier later recently yesterday today tonight ahead after "
    "before during via while when as on in at to", W_TRAIL },
  { "monday tuesday wednesday thursday friday saturday sunday january "
    "february march april june july august september october november "
    "december", W_NOT_NAME },

  /* Speaker nouns: people */
  { "official spokesperson minister president secretary analyst expert source "
    "diplomat lawyer attorney prosecutor judge leader chief director executive "
    "ceo chair senator lawmaker legislator representative governor mayor "
    "ambassador envoy negotiator aide adviser advisor economist researcher "
    "scientist professor resident witness officer commander general member "
    "manager founder owner coach player author editor reporter journalist "
    "candidate voter person doctor activist critic strategist investigator "
    "inspector consultant specialist observer head deputy premier chancellor "
    "counsel forecaster meteorologist volunteer organizer organiser protester "
    "firefighter historian scholar supporter opponent employee worker parent "
    "student teacher farmer nurse patient victim survivor citizen politician "
    "fisherman", W_HEAD },
  { "spokesman chairman man", W_HEAD | W_MALE },
  { "spokeswoman chairwoman woman", W_HEAD | W_FEMALE },
  { "officials spokespersons ministers analysts experts sources diplomats "
    "lawyers attorneys prosecutors judges leaders executives senators "
    "lawmakers legislators representatives governors mayors negotiators aides "
    "advisers advisors economists researchers scientists residents witnesses "
    "officers commanders members managers voters people doctors activists "
    "critics observers investigators authorities spokesmen spokeswomen "
    "forecasters meteorologists volunteers organizers organisers protesters "
    "demonstrators firefighters rescuers scholars historians economists "
    "supporters opponents employees workers parents students teachers "
    "farmers doctors nurses patients victims survivors locals villagers "
    "citizens politicians negotiators prosecutors regulators",
    W_HEAD | W_PLURAL },
  /* Institutions and documents */
  { "ministry department government administration company firm agency "
    "statement report analysis study survey court bank group organization "
    "organisation union party campaign office house council committee "
    "commission board military army embassy regulator watchdog newspaper "
    "network police memo letter filing poll release", W_HEAD | W_INST },
  { "companies firms agencies governments groups banks", W_HEAD | W_INST | W_PLURAL },
  { "mr. mr", W_MALE },
  { "ms. ms mrs. mrs", W_FEMALE },
};

static GHashTable *
get_lexicon (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
        {
          g_auto(GStrv) words = g_strsplit (lexicon[i].words, " ", -1);

          for (guint j = 0; words[j] != NULL; j++)
            {
              const char *key = g_intern_string (words[j]);
              guint old = GPOINTER_TO_UINT (g_hash_table_lookup (t, key));

              if (*key != '\0')
                g_hash_table_insert (t, (gpointer) key, GUINT_TO_POINTER (old | lexicon[i].flags));
            }
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

/* }}} */
/* {{{ The text */

static gboolean
is_quote_char (gunichar ch)
{
  return ch == '"' || ch == 0x201C || ch == 0x201D || ch == 0x201E ||
         ch == 0x00AB || ch == 0x00BB;
}

static guint32
classify_token (const Ctx         *x,
                GHashTable        *lex,
                const BylineToken *t)
{
  gunichar first = x->chars[t->start];
  guint32 f;
  char key[24];
  guint len = 0;

  if (t->kind == BYLINE_TOKEN_PUNCT || t->kind == BYLINE_TOKEN_SYMBOL)
    {
      if (t->end - t->start == 1 && is_quote_char (first))
        return T_QMARK;
      if (first == '.' || first == '!' || first == '?' || first == 0x2026)
        return T_TERMINAL;
      if (first == ',')
        return T_COMMA;
      if (first == ':')
        return T_COLON;
      if (first == 0x2014 || first == 0x2013 || (first == '-' && t->end - t->start > 1))
        return T_DASH;
      return 0;
    }
  if (t->kind != BYLINE_TOKEN_WORD && t->kind != BYLINE_TOKEN_NUMBER &&
      t->kind != BYLINE_TOKEN_ABBREVIATION)
    return 0;

  f = T_WORD;
  if (first == '\'' || first == 0x2019)
    f = T_CLITIC;
  else if (g_unichar_isupper (first) || g_unichar_istitle (first))
    f |= T_CAP;
  for (guint i = t->start; i < t->end; i++)
    {
      gunichar ch = x->chars[i];

      if (ch == 0x2019)
        ch = '\'';
      if (ch >= 128 || len + 1 >= sizeof key)
        return f;
      key[len++] = g_ascii_tolower ((char) ch);
    }
  key[len] = '\0';
  return f | GPOINTER_TO_UINT (g_hash_table_lookup (lex, key));
}

/* }}} */
/* {{{ Results */

guint
_byline_quotes_add_mention (Ctx     *x,
                            guint    first,
                            guint    last,
                            guint32  features,
                            double   confidence)
{
  gpointer found = g_hash_table_lookup (x->mention_at, GUINT_TO_POINTER (first + 1));
  Mention m = { 0 };

  if (found != NULL)
    {
      Mention *old = &g_array_index (x->mentions, Mention, GPOINTER_TO_UINT (found) - 1);

      if (old->last == last)
        {
          old->confidence = MAX (old->confidence, confidence);
          return GPOINTER_TO_UINT (found) - 1;
        }
    }
  m.first = first;
  m.last = last;
  m.features = features;
  m.confidence = confidence;
  g_array_append_val (x->mentions, m);
  g_hash_table_insert (x->mention_at, GUINT_TO_POINTER (first + 1),
                       GUINT_TO_POINTER (x->mentions->len));
  return x->mentions->len - 1;
}

guint
_byline_quotes_add_attribution (Ctx        *x,
                                guint       first,
                                guint       last,
                                const char *type,
                                double      confidence,
                                guint       mention,
                                guint       cue_first,
                                guint       cue_last,
                                double      cue_confidence)
{
  Attribution a;

  a.first = first;
  a.last = last;
  a.type = type;
  a.confidence = confidence;
  a.mention = mention;
  a.cue_first = cue_first;
  a.cue_last = cue_last;
  a.cue_confidence = cue_confidence;
  for (guint i = cue_first; cue_first != NONE && i <= cue_last; i++)
    x->used[i] = TRUE;
  g_array_append_val (x->attributions, a);
  return x->attributions->len - 1;
}

/* A quote in quotation marks that is a title: most of its words are
 * capitalised. */
gboolean
_byline_quotes_is_title (const Ctx *x,
                         guint      first,
                         guint      last)
{
  guint words = 0, caps = 0;

  for (guint i = first; i <= last; i++)
    {
      guint32 f = F (x, i);

      if (!(f & T_WORD) || (!(f & T_CAP) && (f & (W_PREP | W_DET | W_NAME_LINK | W_TO | W_STOP))))
        continue;
      words++;
      if (f & T_CAP)
        caps++;
    }
  return words > 0 && caps * 5 >= words * 4;
}

/* }}} */
/* {{{ The extractor */

static int
compare_attributions (gconstpointer a,
                      gconstpointer b)
{
  const Attribution *aa = a, *ab = b;

  if (aa->first != ab->first)
    return aa->first < ab->first ? -1 : 1;
  return aa->last < ab->last ? -1 : aa->last > ab->last;
}

static void
emit (Ctx *x)
{
  g_array_sort (x->attributions, compare_attributions);
  for (guint i = 0; i < x->attributions->len; i++)
    {
      const Attribution *a = &g_array_index (x->attributions, Attribution, i);
      const char *quote;

      quote = byline_suggestions_add_span (x->s, "speakers", "QUOTE", x->tok[a->first].start,
                                           x->tok[a->last].end, a->confidence);
      if (quote == NULL)
        continue;
      byline_annotation_set_attribute_string (byline_suggestions_lookup (x->s, quote),
                                              "quote_type", a->type);
      if (a->cue_first != NONE)
        {
          const char *cue = byline_suggestions_add_span (x->s, "speakers", "CUE",
                                                         x->tok[a->cue_first].start,
                                                         x->tok[a->cue_last].end,
                                                         a->cue_confidence);

          byline_suggestions_add_relation (x->s, "cue", quote, cue);
        }
      if (a->mention != NONE)
        {
          Mention *m = &g_array_index (x->mentions, Mention, a->mention);

          m->id = byline_suggestions_add_span (x->s, "speakers", "SPEAKER", x->tok[m->first].start,
                                               x->tok[m->last].end, m->confidence);
          byline_suggestions_add_relation (x->s, "said_by", quote, m->id);
        }
    }
}

static void
load_entities (Ctx *x)
{
  g_autoptr(GPtrArray) all = byline_suggestions_find (x->s, NULL, TRUE);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];
      const char *label = byline_annotation_get_label (a);
      Entity e;

      if (g_strcmp0 (byline_annotation_get_layer (a), "entities") != 0 ||
          byline_annotation_get_id (a) == NULL ||
          !(g_str_equal (label, "PERSON") || g_str_equal (label, "ORG") ||
            g_str_equal (label, "GPE") || g_str_equal (label, "NORP") ||
            g_str_equal (label, "FAC")))
        continue;
      e.start = byline_annotation_get_start (a);
      e.end = byline_annotation_get_end (a);
      e.person = g_str_equal (label, "PERSON");
      e.id = byline_annotation_get_id (a);
      g_array_append_val (x->entities, e);
    }
}

/* Line breaks between two tokens, CRLF as one, at most 2. */
static guint8
count_breaks (const gunichar *chars,
              guint           from,
              guint           to)
{
  guint n = 0;

  for (guint i = from; i < to && n < 2; i++)
    {
      gunichar ch = chars[i];

      if (ch == '\r' && i + 1 < to && chars[i + 1] == '\n')
        continue;
      if (ch == '\n' || ch == '\r' || ch == 0x85 || ch == 0x2028)
        n++;
      else if (ch == 0x2029 || ch == '\f' || ch == '\v')
        n += 2;
    }
  return MIN (n, 2);
}

static void
ctx_init (Ctx               *x,
          const char        *text,
          BylineSuggestions *s)
{
  GHashTable *lex = get_lexicon ();
  g_autoptr(GArray) sentences = NULL;
  glong n_chars = 0;
  guint para = 0, si = 0;

  memset (x, 0, sizeof *x);
  x->s = s;
  x->chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  x->tokens = byline_tokenize (text, -1);
  x->tok = (const BylineToken *) (gpointer) x->tokens->data;
  x->n = x->tokens->len;
  x->flags = g_new (guint32, x->n + 1);
  x->breaks = g_new0 (guint8, x->n + 1);
  x->para = g_new (guint, x->n + 1);
  x->sentence = g_new (guint, x->n + 1);
  x->in_quote = g_new (guint, x->n + 1);
  x->used = g_new0 (guint8, x->n + 1);
  x->quotes = g_array_new (FALSE, FALSE, sizeof (Quote));
  x->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  x->mention_at = g_hash_table_new (NULL, NULL);
  x->attributions = g_array_new (FALSE, FALSE, sizeof (Attribution));
  x->entities = g_array_new (FALSE, FALSE, sizeof (Entity));

  sentences = byline_split_sentences (text, -1, x->tokens);
  for (guint i = 0; i < x->n; i++)
    {
      x->flags[i] = classify_token (x, lex, &x->tok[i]);
      if (i > 0)
        x->breaks[i] = count_breaks (x->chars, x->tok[i - 1].end, x->tok[i].start);
      if (x->breaks[i] > 0)
        para++;
      x->para[i] = para;
      x->in_quote[i] = NONE;
      while (si + 1 < sentences->len &&
             g_array_index (sentences, BylineSentence, si).end <= x->tok[i].start)
        si++;
      if (si < sentences->len && (i == 0 || x->tok[i].start == g_array_index (sentences, BylineSentence, si).start))
        x->sentence[i] = i;
      else
        x->sentence[i] = x->sentence[i - 1];
    }
  load_entities (x);
}

static void
ctx_clear (Ctx *x)
{
  g_free (x->chars);
  g_array_unref (x->tokens);
  g_free (x->flags);
  g_free (x->breaks);
  g_free (x->para);
  g_free (x->sentence);
  g_free (x->in_quote);
  g_free (x->used);
  g_array_unref (x->quotes);
  g_array_unref (x->mentions);
  g_hash_table_unref (x->mention_at);
  g_array_unref (x->attributions);
  g_array_unref (x->entities);
}

static gboolean
extract_quotes (const char         *text,
                BylineSuggestions  *s,
                GCancellable       *cancellable,
                GError            **error)
{
  Ctx x;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (s != NULL, FALSE);

  ctx_init (&x, text, s);
  _byline_quotes_find_quotes (&x);
  _byline_quotes_attribute_direct (&x);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      ctx_clear (&x);
      return FALSE;
    }
  _byline_quotes_find_indirect (&x);
  _byline_quotes_attribute_rest (&x);
  emit (&x);
  _byline_quotes_resolve (&x);
  ctx_clear (&x);
  return TRUE;
}

const BylineExtractor byline_extractor_quotes = {
  "quotes", N_("Quotes, speakers and cue verbs"), "rules:quotes", extract_quotes
};

/* }}} */

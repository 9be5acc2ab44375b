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
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-suggest.h"
#include "byline-tokenizer.h"

/* {{{ Lexicon */

enum
{
  W_CUE       = 1u << 0,   /* a reporting verb: said, told, warned */
  W_SAY       = 1u << 1,   /* say, says, said: a clause may follow without "that" */
  W_OUT       = 1u << 2,   /* pointed, points: a cue with "out" */
  W_ACCORDING = 1u << 3,   /* a cue with "to" */
  W_PRONOUN   = 1u << 4,
  W_DET       = 1u << 5,
  W_STOP      = 1u << 6,   /* ends a speaker phrase: verbs, conjunctions */
  W_PREP      = 1u << 7,   /* may join a speaker noun to its complement */
  W_ADVERB    = 1u << 8,   /* may stand between a speaker and its cue */
  W_HEAD      = 1u << 9,   /* a noun that heads a speaker phrase */
  W_PLURAL    = 1u << 10,
  W_INST      = 1u << 11,  /* an institution or a document */
  W_MALE      = 1u << 12,
  W_FEMALE    = 1u << 13,
  W_NOT_NAME  = 1u << 14,  /* capitalised but no name: weekdays, months */
  W_THAT      = 1u << 15,
  W_NEGATION  = 1u << 16,
  W_CLAUSE    = 1u << 17,  /* starts a reported clause: we, I, there */
  W_NAME_LINK = 1u << 18,  /* of, de, al: inside a name */
  W_TO        = 1u << 19,
  W_CUT       = 1u << 20,  /* adding, citing: after a comma, ends a reported clause */
  W_TELL      = 1u << 21,  /* a cue with an object: told reporters */
  W_TRAIL     = 1u << 22,  /* starts what may follow a final cue: last week */
  W_OF_FOR    = 1u << 23,  /* a complement after a speaker phrase's start */

  /* Per token, from the text */
  T_WORD      = 1u << 24,  /* a word, a number or an abbreviation */
  T_CAP       = 1u << 25,
  T_CLITIC    = 1u << 26,  /* ’s ’re */
  T_TERMINAL  = 1u << 27,  /* . ! ? … */
  T_COMMA     = 1u << 28,
  T_COLON     = 1u << 29,
  T_DASH      = 1u << 30,
  T_QMARK     = 1u << 31,  /* a double quotation mark */
};

#define W_NOT_IN_NAME (W_STOP | W_DET | W_PREP | W_PRONOUN | W_CUE | W_NOT_NAME | \
                       W_ADVERB | W_THAT | W_NEGATION | W_TO | W_CLAUSE | W_SAY)
#define W_NOT_MODIFIER (W_STOP | W_DET | W_PREP | W_PRONOUN | W_CUE | W_THAT | \
                        W_NEGATION | W_ADVERB | W_TO | W_CLAUSE | W_SAY)

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

#define NONE G_MAXUINT

typedef struct
{
  guint    open;         /* token of the opening mark */
  guint    close;        /* token of the closing mark */
  gboolean straight;
  gboolean continued;    /* over several paragraphs */
  guint    attribution;  /* or NONE */
  gboolean absorbed;     /* inside a mixed quote */
} Quote;

enum
{
  M_PRONOUN = 1u << 0,
  M_HE      = 1u << 1,
  M_SHE     = 1u << 2,
  M_THEY    = 1u << 3,
  M_IT      = 1u << 4,
  M_PERSON  = 1u << 5,
  M_PLURAL  = 1u << 6,
  M_INST    = 1u << 7,
  M_MALE    = 1u << 8,
  M_FEMALE  = 1u << 9,
  M_NOUN    = 1u << 10,  /* headed by a speaker noun of the lexicon */
};

typedef struct
{
  guint       first, last;  /* tokens, inclusive */
  guint32     features;
  double      confidence;
  const char *id;           /* the SPEAKER suggestion */
  const char *entity;       /* the entity it names, or NULL */
  const char *target;       /* what a pronoun refers to */
  guint32     root;         /* the features of what it refers to */
} Mention;

typedef struct
{
  guint       first, last;   /* the QUOTE's tokens, inclusive */
  const char *type;
  double      confidence;
  guint       mention;       /* or NONE */
  guint       cue_first;     /* or NONE */
  guint       cue_last;
  double      cue_confidence;
} Attribution;

typedef struct
{
  guint       start, end;    /* code points */
  gboolean    person;
  const char *id;
} Entity;

typedef struct
{
  gunichar          *chars;
  GArray            *tokens;
  const BylineToken *tok;
  guint              n;
  guint32           *flags;
  guint8            *breaks;       /* line breaks before each token, at most 2 */
  guint             *para;         /* the line of each token */
  guint             *sentence;     /* the first token of each token's sentence */
  guint             *in_quote;     /* the Quote holding each token, or NONE */
  guint8            *used;         /* cue tokens already attributed */
  GArray            *quotes;       /* Quote */
  GArray            *mentions;     /* Mention */
  GHashTable        *mention_at;   /* first token + 1 -> mention index + 1 */
  GArray            *attributions; /* Attribution */
  GArray            *entities;     /* Entity, by start */
  BylineSuggestions *s;
} Ctx;

static inline guint32
F (const Ctx *x,
   guint      i)
{
  return i < x->n ? x->flags[i] : 0;
}

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

static gboolean
is_name_word (const Ctx *x,
              guint      i)
{
  guint32 f = F (x, i);

  return (f & T_WORD) && (f & T_CAP) && !(f & W_NOT_IN_NAME);
}

static gboolean
is_modifier (const Ctx *x,
             guint      i)
{
  guint32 f = F (x, i);

  return (f & T_WORD) && !(f & W_NOT_MODIFIER);
}

/* Whether tokens i - 1 and i stand on different lines. */
static inline gboolean
line_break_before (const Ctx *x,
                   guint      i)
{
  return i < x->n && x->breaks[i] > 0;
}

/* Whether token @i is the lower-case ASCII @word. */
static gboolean
token_is (const Ctx  *x,
          guint       i,
          const char *word)
{
  guint len = strlen (word);

  if (i >= x->n || x->tok[i].end - x->tok[i].start != len)
    return FALSE;
  for (guint k = 0; k < len; k++)
    {
      gunichar ch = x->chars[x->tok[i].start + k];

      if (ch >= 128 || g_ascii_tolower ((char) ch) != word[k])
        return FALSE;
    }
  return TRUE;
}

/* The cue at @i, outside quotes; its last token in @last (the second
 * for "pointed out" and "according to"). */
static gboolean
is_cue (const Ctx *x,
        guint      i,
        guint     *last)
{
  guint32 f = F (x, i);

  if (i >= x->n || x->in_quote[i] != NONE)
    return FALSE;
  if (f & W_CUE)
    {
      *last = i;
      return TRUE;
    }
  if ((((f & W_OUT) && token_is (x, i + 1, "out")) ||
       ((f & W_ACCORDING) && (F (x, i + 1) & W_TO))) &&
      !line_break_before (x, i + 1))
    {
      *last = i + 1;
      return TRUE;
    }
  return FALSE;
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

/* The words in tokens [first, last], counted up to @enough. */
static guint
count_words (const Ctx *x,
             guint      first,
             guint      last,
             guint      enough)
{
  guint n = 0;

  for (guint i = first; i <= last && i < x->n && n < enough; i++)
    {
      if (F (x, i) & T_WORD)
        n++;
    }
  return n;
}

/* }}} */
/* {{{ Speaker phrases */

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
static gboolean
parse_np_backward (const Ctx *x,
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
static gboolean
parse_np_forward (const Ctx *x,
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

      if (parse_np_backward (x, j - 1, from, &start, features) && start == from)
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
static guint
skip_before_cue (const Ctx *x,
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
static guint
speaker_before_appositive (const Ctx *x,
                           guint      cue,
                           guint      lo,
                           guint     *start,
                           guint32   *features)
{
  guint j = skip_before_cue (x, cue, lo);
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

      if (parse_np_backward (x, j - 1, p + 1, start, features) && *start == p + 1 &&
          !(*features & (M_NOUN | M_PRONOUN)) &&
          parse_np_backward (x, p - 1, lo, &bstart, &before) && (before & M_NOUN) &&
          (bstart == lo || !(F (x, bstart - 1) & T_WORD)))
        return j - 1;
      return NONE;
    }
  /* a relative clause or a noun phrase: who arrived, a spokeswoman for */
  if (!(F (x, p + 1) & W_DET) && !token_is (x, p + 1, "who"))
    return NONE;
  if (!parse_np_backward (x, p - 1, lo, start, features) || (*features & M_PRONOUN))
    return NONE;
  return p - 1;
}

/* Whether tokens [from, e) may follow a cue that ends its sentence:
 * nothing, a time or a place ("last week", "in a statement"), after the
 * object of a verb such as told ("reporters", "NBC News"). */
static gboolean
is_trailer (const Ctx *x,
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
/* {{{ Results */

static guint
add_mention (Ctx     *x,
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

static guint
add_attribution (Ctx        *x,
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
static gboolean
is_title (const Ctx *x,
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
static void
find_quotes (Ctx *x)
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
          !parse_np_forward (x, last + 1, hi, &np_end, features))
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
      j = speaker_before_appositive (x, c, i, &start, features);
      if (j == NONE || start != i)
        return FALSE;
      *cue_first = c;
      *cue_last = last;
      *mention_first = i;
      *mention_last = j;
      return TRUE;
    }
  j = skip_before_cue (x, c, i);
  if (j == NONE || !parse_np_backward (x, j, i, &start, features) || start != i)
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
  j = skip_before_cue (x, c, lo);
  if (j != NONE && (F (x, j) & T_COMMA))
    j = speaker_before_appositive (x, c, lo, &start, features);
  else if (j != NONE && !parse_np_backward (x, j, lo, &start, features))
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

static void
attribute_direct (Ctx *x)
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
      m = add_mention (x, mf, ml, features, 0.9);
      quote->attribution = add_attribution (x, quote->open, quote->close, "direct", confidence,
                                            m, cf, cl, 0.9);
    }
}

/* Quotes without a cue of their own: the same speaker's as the attributed
 * quote before them in the paragraph, or at the end of the paragraph
 * before; else alone, when long enough to be more than a scare quote. */
static void
attribute_rest (Ctx *x)
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

              quote->attribution = add_attribution (x, quote->open, quote->close, "direct",
                                                    same_para ? 0.8 : 0.75, a->mention,
                                                    NONE, NONE, 0);
              last = q;
              continue;
            }
        }
      if (count_words (x, quote->open, quote->close, 5) >= 5 &&
          !is_title (x, quote->open, quote->close))
        add_attribution (x, quote->open, quote->close, "direct", 0.4, NONE, NONE, NONE, 0);
    }
}

/* }}} */
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
          !is_title (x, quote->open, quote->close))
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
  m = add_mention (x, mention_first, mention_last, features, MIN (confidence + 0.1, 0.9));
  if (whole != NONE)
    {
      /* X said that “…”: that quote, direct */
      Quote *quote = &g_array_index (x->quotes, Quote, whole);

      quote->attribution = add_attribution (x, first, last, "direct", 0.8, m,
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
  add_attribution (x, first, last, mixed ? "mixed" : "indirect", confidence, m,
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
  if (!parse_np_forward (x, a + 2, comma, &np_end, &features))
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
      j = skip_before_cue (x, c, a);
      if (j == NONE || x->in_quote[j] != NONE)
        continue;
      if (F (x, j) & T_COMMA)
        j = speaker_before_appositive (x, c, a, &start, &features);
      else if (!parse_np_backward (x, j, a, &start, &features))
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
      parse_np_forward (x, last + 1, e, &np_end, &features) &&
      is_trailer (x, np_end + 1, e, FALSE))
    return add_indirect (x, a, c - 2, (F (x, c) & W_ACCORDING) ? 0.65 : 0.75,
                         last + 1, np_end, features, c, last);
  if ((F (x, c) & W_ACCORDING) || !is_trailer (x, last + 1, e, (F (x, c) & W_TELL) != 0))
    return FALSE;
  j = skip_before_cue (x, c, a);
  if (j != NONE && (F (x, j) & T_COMMA))
    j = speaker_before_appositive (x, c, a + 1, &start, &features);
  else if (j != NONE && !parse_np_backward (x, j, a + 1, &start, &features))
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

static void
find_indirect (Ctx *x)
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
/* {{{ Speakers and what they refer to */

/* The entity that ends the span [start, end): the longest. */
static const Entity *
head_entity (const Ctx *x,
             guint      start,
             guint      end)
{
  const Entity *best = NULL;
  guint lo = 0, hi = x->entities->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (x->entities, Entity, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < x->entities->len; i++)
    {
      const Entity *e = &g_array_index (x->entities, Entity, i);

      if (e->start >= end)
        break;
      if (e->end == end && (best == NULL || e->start < best->start))
        best = e;
    }
  return best;
}

static gboolean
compatible (guint32 pronoun,
            guint32 antecedent)
{
  if (pronoun & M_HE)
    return (antecedent & M_PERSON) && !(antecedent & (M_FEMALE | M_PLURAL));
  if (pronoun & M_SHE)
    return (antecedent & M_PERSON) && !(antecedent & (M_MALE | M_PLURAL));
  if (pronoun & M_THEY)
    return (antecedent & (M_PLURAL | M_INST)) != 0;
  return (antecedent & M_INST) && !(antecedent & M_PLURAL);
}

typedef struct
{
  guint        start;    /* code points */
  guint        para;
  guint        mention;  /* or NONE */
  const char  *entity;   /* a subject PERSON when mention is NONE */
  guint32      blocker;  /* or the features of a subject no annotation stands for */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  return ca->start < cb->start ? -1 : ca->start > cb->start;
}

static guint
token_at (const Ctx *x,
          guint      offset)
{
  return byline_tokens_find (x->tokens, offset);
}

/* A PERSON outside quotes that starts its sentence, maybe after titles:
 * the subject a later pronoun most likely means. */
static gboolean
is_subject (const Ctx    *x,
            const Entity *e)
{
  guint t = token_at (x, e->start);

  if (t >= x->n || x->in_quote[t] != NONE || t - x->sentence[t] > 12)
    return FALSE;
  for (guint i = x->sentence[t]; i < t; i++)
    {
      if (!is_name_word (x, i) && !(F (x, i) & W_NAME_LINK))
        {
          /* after a bullet */
          if (i == x->sentence[t] && !(F (x, i) & (T_WORD | T_QMARK)))
            continue;
          return FALSE;
        }
    }
  return TRUE;
}

static guint32
target_features (GHashTable *genders,
                 const char *target,
                 guint32     features)
{
  return features | GPOINTER_TO_UINT (g_hash_table_lookup (genders, target));
}

static void
resolve (Ctx *x)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) genders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pronouns = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < x->mentions->len; i++)
    {
      Mention *m = &g_array_index (x->mentions, Mention, i);
      Candidate c = { x->tok[m->first].start, x->para[m->first], i, NULL, 0 };
      const Entity *e;

      if (m->features & M_PRONOUN)
        {
          g_array_append_val (pronouns, c);
          g_array_append_val (candidates, c);
          continue;
        }
      e = head_entity (x, x->tok[m->first].start, x->tok[m->last].end);
      if (e != NULL)
        {
          m->entity = e->id;
          if (e->person)
            m->features = (m->features & ~(M_INST | M_PLURAL)) | M_PERSON;
          else if (!(m->features & M_NOUN))
            m->features = (m->features & ~M_PERSON) | M_INST;
          /* a titled speaker: US Secretary of State Antony Blinken */
          if (e->start != x->tok[m->first].start)
            byline_suggestions_add_relation (x->s, "refers_to", m->id, e->id);
        }
      g_array_append_val (candidates, c);
    }
  /* A subject such as "The mayor" that no speaker annotation stands for:
   * a pronoun after it is left unresolved rather than given to an
   * earlier speaker. */
  for (guint i = 0; i < x->n; i++)
    {
      guint a = i, end;
      guint32 features;

      if (x->sentence[i] != i)
        continue;
      while (a < x->n && x->sentence[a] == i && !(F (x, a) & (T_WORD | T_QMARK)))
        a++;
      if (a >= x->n || x->sentence[a] != i || x->in_quote[a] != NONE ||
          g_hash_table_contains (x->mention_at, GUINT_TO_POINTER (a + 1)) ||
          !(F (x, a) & (W_DET | W_HEAD)) ||
          !parse_np_forward (x, a, x->n, &end, &features) ||
          !(features & M_NOUN) || !(F (x, end + 1) & T_WORD))
        continue;
      {
        Candidate c = { x->tok[a].start, x->para[a], NONE, NULL, features };

        g_array_append_val (candidates, c);
      }
    }
  for (guint i = 0; i < x->entities->len; i++)
    {
      const Entity *e = &g_array_index (x->entities, Entity, i);
      guint t = token_at (x, e->start);

      if (e->person && t < x->n && is_subject (x, e))
        {
          Candidate c = { e->start, x->para[t], NONE, e->id, 0 };

          g_array_append_val (candidates, c);
        }
    }
  g_array_sort (candidates, compare_candidates);
  g_array_sort (pronouns, compare_candidates);

  for (guint p = 0; p < pronouns->len; p++)
    {
      const Candidate *pc = &g_array_index (pronouns, Candidate, p);
      Mention *pm = &g_array_index (x->mentions, Mention, pc->mention);
      const char *target = NULL;
      gboolean blocked = FALSE;
      guint32 root = 0;
      guint lo = 0, hi = candidates->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (candidates, Candidate, mid).start < pc->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      /* the nearest compatible speaker or subject, within six paragraphs */
      for (guint k = lo, seen = 0; k > 0 && seen < 30 && target == NULL; k--, seen++)
        {
          const Candidate *c = &g_array_index (candidates, Candidate, k - 1);
          const Mention *cm;
          const char *t;
          guint32 features;

          if (c->para + 6 < pc->para)
            break;
          if (c->blocker != 0)
            {
              if (compatible (pm->features, c->blocker))
                {
                  blocked = TRUE;
                  break;
                }
              continue;
            }
          if (c->mention == NONE)
            {
              t = c->entity;
              features = M_PERSON;
            }
          else
            {
              cm = &g_array_index (x->mentions, Mention, c->mention);
              if (cm->features & M_PRONOUN)
                {
                  t = cm->target;
                  features = cm->root;
                }
              else
                {
                  t = cm->entity != NULL ? cm->entity : cm->id;
                  features = cm->features;
                }
            }
          if (t != NULL && compatible (pm->features, target_features (genders, t, features)))
            {
              target = t;
              root = features;
            }
        }
      /* else the nearest PERSON of this paragraph or the one before */
      lo = 0;
      hi = x->entities->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (x->entities, Entity, mid).start < pc->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint k = lo, seen = 0; target == NULL && !blocked && k > 0 && seen < 200 &&
           (pm->features & (M_HE | M_SHE)); k--, seen++)
        {
          const Entity *e = &g_array_index (x->entities, Entity, k - 1);
          guint t;

          if (e->end > pc->start || !e->person)
            continue;
          t = token_at (x, e->start);
          if (t >= x->n || x->para[t] + 1 < pc->para)
            break;
          if (x->in_quote[t] == NONE &&
              compatible (pm->features, target_features (genders, e->id, M_PERSON)))
            {
              target = e->id;
              root = M_PERSON;
            }
        }
      if (target == NULL)
        continue;
      pm->target = target;
      pm->root = root;
      if (pm->features & (M_HE | M_SHE))
        g_hash_table_insert (genders, (gpointer) target,
                             GUINT_TO_POINTER ((pm->features & M_HE) ? M_MALE : M_FEMALE));
      byline_suggestions_add_relation (x->s, "refers_to", pm->id, target);
    }
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
  find_quotes (&x);
  attribute_direct (&x);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      ctx_clear (&x);
      return FALSE;
    }
  find_indirect (&x);
  attribute_rest (&x);
  emit (&x);
  resolve (&x);
  ctx_clear (&x);
  return TRUE;
}

const BylineExtractor byline_extractor_quotes = {
  "quotes", N_("Quotes, speakers and cue verbs"), "rules:quotes", extract_quotes
};

/* }}} */

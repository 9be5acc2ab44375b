/* test-extract-quotes.c: the quotes, speakers and cue verbs extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected spans are given as the text they cover and found in the text
 * by searching for it, so every offset is checked in code points.
 */
#include <string.h>

#include "byline-error.h"
#include "byline-native.h"
#include "byline-problems.h"
#include "byline-relation.h"
#include "byline-suggest.h"

/* {{{ Helpers */

/* Whether @needle at @p in @text stands as whole words: "he" is not in
 * "the". */
static gboolean
is_whole (const char *text,
          const char *p,
          const char *needle)
{
  const char *after = p + strlen (needle);
  gunichar first = g_utf8_get_char (needle);
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (needle, needle + strlen (needle)));

  if (g_unichar_isalnum (first) && p > text &&
      g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, p))))
    return FALSE;
  return !(g_unichar_isalnum (last) && *after != '\0' && g_unichar_isalnum (g_utf8_get_char (after)));
}

/* The code point offset of the @nth (from 0) whole-word occurrence of
 * @needle in @text. */
static guint
offset_of (const char *text,
           const char *needle,
           guint       nth)
{
  const char *p = text;

  for (;;)
    {
      p = strstr (p, needle);
      g_assert_nonnull (p);
      if (is_whole (text, p, needle) && nth-- == 0)
        return (guint) g_utf8_pointer_to_offset (text, p);
      p += strlen (needle);
    }
}

/* Runs the quotes extractor on @text, after PERSON suggestions over the
 * first occurrence of each of the NULL-terminated names (as the entities
 * extractor would have found them). */
static BylineSuggestions *
run_with_people (const char *text,
                 ...)
{
  static const char * const names[] = { "quotes", NULL };
  BylineSuggestions *s = byline_suggestions_new ();
  g_autoptr(GError) error = NULL;
  const char *person;
  va_list args;

  byline_suggestions_set_origin (s, "test:entities");
  va_start (args, text);
  while ((person = va_arg (args, const char *)) != NULL)
    {
      guint start = offset_of (text, person, 0);

      g_assert_nonnull (byline_suggestions_add_span (s, "entities", "PERSON", start,
                                                     start + g_utf8_strlen (person, -1), 0.9));
    }
  va_end (args);
  g_assert_true (byline_suggestions_run (s, text, names, NULL, &error));
  g_assert_no_error (error);
  return s;
}

#define run_text(text) run_with_people (text, NULL)

/* The suggestion with @label over exactly the @nth occurrence of @what,
 * or NULL. */
static BylineAnnotation *
find_nth (BylineSuggestions *s,
          const char        *text,
          const char        *label,
          const char        *what,
          guint              nth)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint start = offset_of (text, what, nth);
  guint end = start + g_utf8_strlen (what, -1);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      if (g_str_equal (byline_annotation_get_label (a), label) &&
          byline_annotation_get_start (a) == start && byline_annotation_get_end (a) == end)
        return a;
    }
  return NULL;
}

static BylineAnnotation *
expect_nth (BylineSuggestions *s,
            const char        *text,
            const char        *label,
            const char        *what,
            guint              nth)
{
  BylineAnnotation *a = find_nth (s, text, label, what, nth);

  if (a == NULL)
    g_error ("no %s over “%s” (occurrence %u) in “%.60s…”", label, what, nth, text);
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "speakers");
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "rules:quotes");
  return a;
}

#define expect(s, text, label, what) expect_nth (s, text, label, what, 0)

static guint
count_label (BylineSuggestions *s,
             const char        *label)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      if (g_str_equal (byline_annotation_get_label (all->pdata[i]), label))
        n++;
    }
  return n;
}

/* The annotation @from points to with a relation of @type, or NULL; there
 * must be at most one. */
static BylineAnnotation *
relation_target (BylineSuggestions *s,
                 const char        *type,
                 BylineAnnotation  *from)
{
  GPtrArray *relations = byline_suggestions_get_relations (s);
  BylineAnnotation *found = NULL;

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_str_equal (byline_relation_get_relation_type (r), type) &&
          g_str_equal (byline_relation_get_from (r), byline_annotation_get_id (from)))
        {
          g_assert_null (found);
          found = byline_suggestions_lookup (s, byline_relation_get_to (r));
          g_assert_nonnull (found);
        }
    }
  return found;
}

static double
confidence_of (BylineAnnotation *a)
{
  double c = -1;

  g_assert_true (byline_annotation_get_confidence (a, &c));
  g_assert_cmpfloat (c, >, 0);
  g_assert_cmpfloat (c, <=, 1);
  return c;
}

static char *
span_text (const char       *text,
           BylineAnnotation *a)
{
  const char *from = g_utf8_offset_to_pointer (text, byline_annotation_get_start (a));
  const char *to = g_utf8_offset_to_pointer (text, byline_annotation_get_end (a));

  return g_strndup (from, to - from);
}

/* A QUOTE over @quote said by a SPEAKER over the text @speaker, with a
 * CUE over the text @cue (NULL: no cue). */
static BylineAnnotation *
expect_attribution (BylineSuggestions *s,
                    const char        *text,
                    const char        *quote,
                    const char        *speaker,
                    const char        *cue,
                    const char        *type)
{
  BylineAnnotation *q = expect (s, text, "QUOTE", quote);
  BylineAnnotation *sp = relation_target (s, "said_by", q);
  BylineAnnotation *c = relation_target (s, "cue", q);
  g_autofree char *sp_text = NULL;
  g_autofree char *c_text = NULL;

  g_test_message ("quote %s, speaker %s", quote, speaker);
  g_assert_cmpstr (byline_annotation_get_attribute_string (q, "quote_type"), ==, type);
  g_assert_nonnull (sp);
  g_assert_cmpstr (byline_annotation_get_label (sp), ==, "SPEAKER");
  sp_text = span_text (text, sp);
  g_assert_cmpstr (sp_text, ==, speaker);
  if (cue != NULL)
    {
      g_assert_nonnull (c);
      g_assert_cmpstr (byline_annotation_get_label (c), ==, "CUE");
      c_text = span_text (text, c);
      g_assert_cmpstr (c_text, ==, cue);
    }
  else
    g_assert_null (c);
  return q;
}

/* Every suggestion lies within the text and is not empty. */
static void
check_bounds (BylineSuggestions *s,
              const char        *text)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint n = g_utf8_strlen (text, -1);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      g_assert_cmpuint (byline_annotation_get_start (a), <, byline_annotation_get_end (a));
      g_assert_cmpuint (byline_annotation_get_end (a), <=, n);
      confidence_of (a);
    }
}

/* }}} */
/* {{{ Direct quotes */

typedef struct
{
  const char *text;
  const char *quote;
  const char *speaker;
  const char *cue;
} Shape;

static void
test_direct_shapes (void)
{
  static const Shape shapes[] = {
    { "“We are prepared to act,” he said.", "“We are prepared to act,”", "he", "said" },
    { "“We are prepared to act,” said the official.", "“We are prepared to act,”", "the official", "said" },
    { "“We are prepared to act,” the official told NBC News.", "“We are prepared to act,”", "the official", "told" },
    { "“We are prepared to act,” Blinken said in a statement.", "“We are prepared to act,”", "Blinken", "said" },
    { "Blinken said: “We are prepared to act.”", "“We are prepared to act.”", "Blinken", "said" },
    { "Blinken told reporters on Monday: “We are prepared to act.”", "“We are prepared to act.”", "Blinken", "told" },
    { "“We are prepared to act” — he added.", "“We are prepared to act”", "he", "added" },
    { "“Why now?” she asked.", "“Why now?”", "she", "asked" },
    { "“No,” he said.", "“No,”", "he", "said" },
    { "\"We are prepared to act,\" said Antony Blinken, the secretary of state.",
      "\"We are prepared to act,\"", "Antony Blinken", "said" },
    { "'Quoted' words aside, \"we will act,\" the ministry warned.", "\"we will act,\"", "the ministry", "warned" },
    { "“We will act,” a spokesperson for the ministry said on Friday.", "“We will act,”",
      "a spokesperson for the ministry", "said" },
    { "“We will act,” Lee, a spokeswoman for the ministry, said.", "“We will act,”", "Lee", "said" },
    { "“We will act,” Blinken, who arrived on Monday, said.", "“We will act,”", "Blinken", "said" },
    { "China is “the most important contributor,” Blinken said last week.",
      "“the most important contributor,”", "Blinken", "said" },
    { "It is “absolutely unacceptable”, the ministry said in a statement.",
      "“absolutely unacceptable”", "the ministry", "said" },
    { "“We will act,” US Secretary of State Antony Blinken stressed.", "“We will act,”",
      "US Secretary of State Antony Blinken", "stressed" },
    { "“We will act,” China’s foreign ministry insisted.", "“We will act,”",
      "China’s foreign ministry", "insisted" },
    { "« Nous agirons », said the French minister.", "« Nous agirons »", "the French minister", "said" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      const Shape *sh = &shapes[i];
      g_autoptr(BylineSuggestions) s = run_text (sh->text);
      BylineAnnotation *q;

      g_test_message ("%s", sh->text);
      q = expect_attribution (s, sh->text, sh->quote, sh->speaker, sh->cue, "direct");
      g_assert_cmpfloat (confidence_of (q), >=, 0.85);
      g_assert_cmpfloat (confidence_of (expect (s, sh->text, "SPEAKER", sh->speaker)), >=, 0.85);
      /* one quote, one speaker, one cue: nothing else */
      g_assert_cmpuint (count_label (s, "QUOTE"), ==, 1);
      g_assert_cmpuint (count_label (s, "SPEAKER"), ==, 1);
      g_assert_cmpuint (count_label (s, "CUE"), ==, 1);
      check_bounds (s, sh->text);
    }
}

/* A quote split by its attribution is two quotes of one speaker. */
static void
test_split (void)
{
  const char *text = "“Now,” she added, “before it rains.” Then she left.";
  g_autoptr(BylineSuggestions) s = run_text (text);

  expect_attribution (s, text, "“Now,”", "she", "added", "direct");
  expect_attribution (s, text, "“before it rains.”", "she", "added", "direct");
  g_assert_cmpuint (count_label (s, "SPEAKER"), ==, 1);
  g_assert_cmpuint (count_label (s, "QUOTE"), ==, 2);
}

/* A quote with no cue after an attributed one is the same speaker's,
 * in the same paragraph or opening the next. */
static void
test_continuation (void)
{
  const char *text =
    "“We have not seen anything like this,” said Maria Lopez, the mayor. “People need to stay indoors.”\n"
    "\n"
    "“We will rebuild, but it will take years.”\n"
    "\n"
    "The storm weakened on Tuesday.\n"
    "\n"
    "“This sentence is quoted but nobody said it here.”\n";
  g_autoptr(BylineSuggestions) s = run_text (text);
  BylineAnnotation *first, *second, *third, *alone;

  first = expect_attribution (s, text, "“We have not seen anything like this,”", "Maria Lopez", "said", "direct");
  second = expect_attribution (s, text, "“People need to stay indoors.”", "Maria Lopez", NULL, "direct");
  third = expect_attribution (s, text, "“We will rebuild, but it will take years.”", "Maria Lopez", NULL, "direct");
  /* no speaker for a quote after a paragraph of narration */
  alone = expect (s, text, "QUOTE", "“This sentence is quoted but nobody said it here.”");
  g_assert_null (relation_target (s, "said_by", alone));
  g_assert_cmpfloat (confidence_of (alone), <, 0.5);
  g_assert_cmpfloat (confidence_of (second), <, confidence_of (first));
  g_assert_cmpfloat (confidence_of (third), <, confidence_of (first));
}

static void
test_multi_paragraph (void)
{
  static const char * const texts[] = {
    "Intro line.\n\n“We have a plan. It is a good plan.\n\n“We will carry it out,” the minister said.\n",
    "Intro line.\r\n\r\n\"We have a plan. It is a good plan.\r\n\r\n\"We will carry it out,\" the minister said.",
    "Intro line.\n\n“We have a plan. It is a good plan.\n\n“We will carry it out.\n\n“Tomorrow,” the minister said.\n",
  };
  static const char * const quotes[] = {
    "“We have a plan. It is a good plan.\n\n“We will carry it out,”",
    "\"We have a plan. It is a good plan.\r\n\r\n\"We will carry it out,\"",
    "“We have a plan. It is a good plan.\n\n“We will carry it out.\n\n“Tomorrow,”",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineSuggestions) s = run_text (texts[i]);

      /* one QUOTE from the first opening mark to the last closing one */
      expect_attribution (s, texts[i], quotes[i], "the minister", "said", "direct");
      g_assert_cmpuint (count_label (s, "QUOTE"), ==, 1);
    }
}

/* A quote still open at the end of a paragraph that is not followed by a
 * paragraph opening with a mark is no quote; nor does a mid-sentence
 * mark go on into the next paragraph. */
static void
test_unbalanced (void)
{
  static const char * const texts[] = {
    "",
    "“",
    "”",
    "\"",
    "“”",
    "\"\"",
    "““”” ” “ \"",
    "He said “we will not do that.\n\n“The next paragraph” is ordinary.",
    "“Unbalanced quote with no end, he said.",
    "Closing only” mark, he said.",
    "The 5'10\" player said nothing about \"the match.",
    "said",
    "according to",
    "“,” said",
    "He said: “",
    "“We will act,” said\n",
    ", he said.",
    "“A” “B” “C” “D” “E” “F”",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineSuggestions) s = run_text (texts[i]);

      g_test_message ("%s", texts[i]);
      check_bounds (s, texts[i]);
      /* a quote needs both marks on one paragraph, a speaker a phrase */
      g_assert_cmpuint (count_label (s, "QUOTE"), ==, 0);
    }
}

/* Apostrophes are no quotation marks; single quotes within a quote are
 * nested in it. */
static void
test_apostrophes (void)
{
  const char *text = "He said: “I don’t know what Blinken’s plan is, or the officials’ ‘red line,’ frankly.”";
  const char *plain = "Blinken’s aides don’t know; the officials’ plan isn’t ready, O’Brien’s ‘team’ says.";
  g_autoptr(BylineSuggestions) s = run_text (text);
  g_autoptr(BylineSuggestions) none = run_text (plain);

  expect_attribution (s, text, "“I don’t know what Blinken’s plan is, or the officials’ ‘red line,’ frankly.”",
                      "He", "said", "direct");
  g_assert_cmpuint (count_label (s, "QUOTE"), ==, 1);
  g_assert_cmpuint (count_label (none, "QUOTE"), ==, 0);
}

/* Short quoted phrases without a cue are scare quotes; titles in
 * quotation marks are no quotes. */
static void
test_scare_quotes (void)
{
  const char *text =
    "He is expected to express Washington’s “deep concerns” on the issue.\n\n"
    "The film “Gone With the Wind” was shown at the “so-called” shelter.\n\n"
    "China denounced the move as a “mistake on top of a mistake.”\n";
  g_autoptr(BylineSuggestions) s = run_text (text);
  BylineAnnotation *q;

  g_assert_null (find_nth (s, text, "QUOTE", "“deep concerns”", 0));
  g_assert_null (find_nth (s, text, "QUOTE", "“Gone With the Wind”", 0));
  g_assert_null (find_nth (s, text, "QUOTE", "“so-called”", 0));
  /* five words and more: a quote of someone, but whose is unknown */
  q = expect (s, text, "QUOTE", "“mistake on top of a mistake.”");
  g_assert_cmpfloat (confidence_of (q), <, 0.5);
  g_assert_null (relation_target (s, "said_by", q));
  g_assert_cmpuint (count_label (s, "QUOTE"), ==, 1);
  g_assert_cmpuint (count_label (s, "SPEAKER"), ==, 0);
}

/* Offsets are code points: emoji, a ZWJ sequence, a combining accent and
 * CJK before the quote do not shift it. */
static void
test_code_points (void)
{
  const char *text = "😀 👨‍👩‍👧 café\xcc\x81 北京 🇨🇳\n\n“We will act,” said the 北京 official. “好,” he added.";
  g_autoptr(BylineSuggestions) s = run_text (text);
  BylineAnnotation *q = expect_attribution (s, text, "“We will act,”", "the 北京 official", "said", "direct");

  /* 😀 space, 5 for the family, space, 5 for café + accent, space, 2,
   * space, 2 for the flag, 2 line breaks */
  g_assert_cmpuint (byline_annotation_get_start (q), ==, 1 + 1 + 5 + 1 + 5 + 1 + 2 + 1 + 2 + 2);
  expect_attribution (s, text, "“好,”", "he", "added", "direct");
  check_bounds (s, text);
}

/* }}} */
/* {{{ Indirect quotes */

typedef struct
{
  const char *text;
  const char *quote;
  const char *speaker;
  const char *cue;
  const char *type;
} Indirect;

static void
test_indirect_shapes (void)
{
  static const Indirect shapes[] = {
    { "According to the ministry, the talks failed.", "the talks failed", "the ministry", "According to", "indirect" },
    { "According to a CNBC analysis, Chinese companies are propping up the economy.",
      "Chinese companies are propping up the economy", "a CNBC analysis", "According to", "indirect" },
    { "The talks failed, according to the State Department.", "The talks failed", "the State Department",
      "according to", "indirect" },
    { "Blinken said that the talks failed.", "the talks failed", "Blinken", "said", "indirect" },
    { "Blinken told reporters that the talks had failed badly.", "the talks had failed badly", "Blinken",
      "told", "indirect" },
    { "The minister warned on Tuesday that sanctions would follow.", "sanctions would follow", "The minister",
      "warned", "indirect" },
    { "The senior US official pointed out that Washington is realistic about its expectations.",
      "Washington is realistic about its expectations", "The senior US official", "pointed out", "indirect" },
    { "US Secretary of State Antony Blinken will warn China this week, a senior US State Department official said.",
      "US Secretary of State Antony Blinken will warn China this week", "a senior US State Department official",
      "said", "indirect" },
    { "The talks failed, officials said on Tuesday.", "The talks failed", "officials", "said", "indirect" },
    { "The talks failed, said a spokesperson for the ministry.", "The talks failed",
      "a spokesperson for the ministry", "said", "indirect" },
    { "The talks went well, Lee, a spokeswoman for the ministry, told reporters.", "The talks went well", "Lee",
      "told", "indirect" },
    { "She added that the plan was on track, according to a transcript.", "the plan was on track", "She",
      "added", "indirect" },
    { "Analysts say the economy will slow next year.", "the economy will slow next year", "Analysts", "say",
      "indirect" },
    { "Heavy rain fell, and forecasters said the worst was yet to come.", "the worst was yet to come",
      "forecasters", "said", "indirect" },
    { "The agency said in March that prices would rise, but later said they would fall.", "prices would rise",
      "The agency", "said", "indirect" },
    { "Reuters reported on Monday that the deal was close, citing three sources.", "the deal was close",
      "Reuters", "reported", "indirect" },
    { "WASHINGTON (AP) — President Joe Biden said Tuesday that the US would send aid.",
      "the US would send aid", "President Joe Biden", "said", "indirect" },
    { "Prices will rise, he said in his notes.", "Prices will rise", "he", "said", "indirect" },
    { "According to a filing with regulators, the layoffs will cost $90 million.",
      "the layoffs will cost $90 million", "a filing with regulators", "According to", "indirect" },
    { "Blinken said China was “the most important contributor” to the war.",
      "China was “the most important contributor” to the war", "Blinken", "said", "mixed" },
    { "The so-called “peace plan” was rejected, the minister said.", "The so-called “peace plan” was rejected",
      "the minister", "said", "indirect" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      const Indirect *sh = &shapes[i];
      g_autoptr(BylineSuggestions) s = run_text (sh->text);
      BylineAnnotation *q;

      g_test_message ("%s", sh->text);
      q = expect_attribution (s, sh->text, sh->quote, sh->speaker, sh->cue, sh->type);
      /* lower than a direct quote with its cue */
      g_assert_cmpfloat (confidence_of (q), <, 0.85);
      g_assert_cmpuint (count_label (s, "QUOTE"), ==, 1);
      g_assert_cmpuint (count_label (s, "SPEAKER"), ==, 1);
    }
}

/* Reporting verbs that attribute nothing. */
static void
test_not_quotes (void)
{
  static const char * const texts[] = {
    "He did not say that the talks failed.",
    "The company, which said last year that it would expand, is now cutting jobs.",
    "That is what he said.",
    "He said so.",
    "The official said.",
    "As Blinken said, the stakes are high.",
    "Officials said Monday the talks failed.",
    "It has previously warned Washington not to interfere with China’s rights.",
    "Beijing claims almost the entire South China Sea as its own.",
    "The added costs were high.",
    "Tensions rose after Beijing said it would hold drills.",
    "He said goodbye to his friends and left.",
    "The officials said nothing about the talks at all.",
    "The group rejected the report, calling it full of false claims.",
    "Many “experts” said the plan would never work.",
    "People who said they were affected can apply.",
    "The president signed the bill, which lawmakers said would cut costs.",
    "He told the story of his childhood.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineSuggestions) s = run_text (texts[i]);

      g_test_message ("%s", texts[i]);
      g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
    }
}

/* }}} */
/* {{{ Speakers and what they refer to */

static void
test_pronoun_person (void)
{
  const char *text =
    "Antony Blinken arrived in Beijing on Wednesday.\n\n"
    "“We are ready,” he said.\n";
  g_autoptr(BylineSuggestions) s = run_with_people (text, "Antony Blinken", NULL);
  BylineAnnotation *he = expect (s, text, "SPEAKER", "he");
  GPtrArray *people = byline_suggestions_find (s, "PERSON", TRUE);

  /* no speaker before: the nearest PERSON */
  g_assert_true (relation_target (s, "refers_to", he) == people->pdata[0]);
  g_ptr_array_unref (people);
}

static void
test_pronoun_speaker_first (void)
{
  /* The nearest PERSON before "he" is Blinken, but the speaker before it
   * is the official: a pronoun speaker goes on with the last speaker. */
  const char *text =
    "“We will act,” the official told reporters ahead of Blinken’s trip.\n\n"
    "“And we mean it,” he added.\n";
  g_autoptr(BylineSuggestions) s = run_with_people (text, "Blinken", NULL);
  BylineAnnotation *official = expect (s, text, "SPEAKER", "the official");
  BylineAnnotation *he = expect (s, text, "SPEAKER", "he");

  /* "the official" names no entity: the pronoun refers to that SPEAKER */
  g_assert_true (relation_target (s, "refers_to", he) == official);
  g_assert_null (relation_target (s, "refers_to", official));
}

static void
test_pronoun_chain_and_gender (void)
{
  const char *text =
    "“We will act,” said Ms. Lee, the mayor.\n\n"
    "“Soon,” she added.\n\n"
    "“Very soon,” she said. “We are ready,” Mr. Park told reporters.\n\n"
    "“It is late,” he said. “It is too late,” she said.\n";
  g_autoptr(BylineSuggestions) s = run_with_people (text, "Lee", "Park", NULL);
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);
  BylineAnnotation *lee = people->pdata[0], *park = people->pdata[1];
  BylineAnnotation *ms_lee = expect (s, text, "SPEAKER", "Ms. Lee");

  /* a titled speaker refers to its PERSON */
  g_assert_true (relation_target (s, "refers_to", ms_lee) == lee);
  /* she, she: Lee; he: Park; the last she skips Park, who is a he */
  g_assert_true (relation_target (s, "refers_to", expect_nth (s, text, "SPEAKER", "she", 0)) == lee);
  g_assert_true (relation_target (s, "refers_to", expect_nth (s, text, "SPEAKER", "she", 1)) == lee);
  g_assert_true (relation_target (s, "refers_to", expect_nth (s, text, "SPEAKER", "he", 0)) == park);
  g_assert_true (relation_target (s, "refers_to", expect_nth (s, text, "SPEAKER", "she", 2)) == lee);
}

static void
test_pronoun_unresolved (void)
{
  /* "The mayor" in between is no speaker and no entity: "she" is left
   * alone rather than given to Cho; and "it" is never a person. */
  const char *text =
    "“We warned them,” said Jane Cho of the Coastal Alliance.\n\n"
    "The mayor rejected the criticism. “That is not true,” she said.\n\n"
    "“We disagree,” it said.\n";
  g_autoptr(BylineSuggestions) s = run_with_people (text, "Jane Cho", NULL);

  g_assert_null (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "she")));
  g_assert_null (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "it")));
}

static void
test_pronoun_institution (void)
{
  const char *text = "“We will respond,” the ministry said. “It is unacceptable,” it added. "
                     "“We agree,” officials said. “Fully,” they added.\n\n"
                     "“We agree too,” Analysts said. “Entirely,” they added.";
  g_autoptr(BylineSuggestions) s = run_text (text);

  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "it")) ==
                 expect (s, text, "SPEAKER", "the ministry"));
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "they")) ==
                 expect (s, text, "SPEAKER", "officials"));
  /* a capitalised speaker noun is still plural */
  g_assert_true (relation_target (s, "refers_to", expect_nth (s, text, "SPEAKER", "they", 1)) ==
                 expect (s, text, "SPEAKER", "Analysts"));
}

/* A speaker that ends with an ORG refers to it. */
static void
test_organisation (void)
{
  const char *text = "The talks failed, according to the State Department.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  static const char * const names[] = { "quotes", NULL };
  const char *org;

  org = byline_suggestions_add_span (s, "entities", "ORG", offset_of (text, "State Department", 0),
                                     offset_of (text, "State Department", 0) + 16, 0.9);
  g_assert_true (byline_suggestions_run (s, text, names, NULL, NULL));
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "the State Department")) ==
                 byline_suggestions_lookup (s, org));
}

/* }}} */
/* {{{ The sample article */

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
add_person (BylineSuggestions *s,
            const char        *text,
            const char        *name,
            guint              nth)
{
  guint start = offset_of (text, name, nth);

  g_assert_nonnull (byline_suggestions_add_span (s, "entities", "PERSON", start,
                                                 start + g_utf8_strlen (name, -1), 0.9));
}

static void
test_sample (void)
{
  static const char * const names[] = { "quotes", NULL };
  g_autofree char *path = sample_path ("blinken-china-nbc.txt");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  BylineAnnotation *q, *official, *he, *blinken;
  guint n_blinken = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  /* what the entities extractor finds: every Blinken among them, such as
   * the one just before the first "he" ("ahead of Blinken’s trip") */
  byline_suggestions_set_origin (s, "test:entities");
  for (const char *p = text; (p = strstr (p, "Blinken")) != NULL; p++)
    {
      guint start = g_utf8_pointer_to_offset (text, p);

      if (g_str_has_prefix (p - 7, "Antony "))
        start -= 7;
      byline_suggestions_add_span (s, "entities", "PERSON", start,
                                   g_utf8_pointer_to_offset (text, p) + 7, 0.9);
      n_blinken++;
    }
  g_assert_cmpuint (n_blinken, ==, 11);
  add_person (s, text, "Wang Yi", 0);
  add_person (s, text, "Wang Yi", 1);
  add_person (s, text, "Xi Jinping", 0);
  add_person (s, text, "Vladimir Putin", 0);
  g_assert_true (byline_suggestions_run (s, text, names, NULL, &error));
  g_assert_no_error (error);
  check_bounds (s, text);

  /* the indirect quote of the body, as the demo annotations have it
   * (673–810, 812–849, 850–854); the bullet at the top is the same */
  expect_attribution (s, text, "US Secretary of State Antony Blinken will warn China about its support "
                      "for the Russian military during his visit to the country this week",
                      "a senior US State Department official", "said", "indirect");
  q = expect_nth (s, text, "QUOTE", "US Secretary of State Antony Blinken will warn China about its support "
                  "for the Russian military during his visit to the country this week", 1);
  g_assert_cmpuint (byline_annotation_get_start (q), ==, 673);
  g_assert_cmpuint (byline_annotation_get_end (q), ==, 810);
  official = expect_nth (s, text, "SPEAKER", "a senior US State Department official", 1);
  g_assert_cmpuint (byline_annotation_get_start (official), ==, 812);
  g_assert_true (relation_target (s, "said_by", q) == official);
  g_assert_cmpuint (byline_annotation_get_start (relation_target (s, "cue", q)), ==, 850);

  /* “We are prepared…,” the official told reporters (1018–1151) */
  q = expect_attribution (s, text, "“We are prepared to take action as we deem necessary against companies "
                          "that seriously undermine security in both Ukraine and Europe,”",
                          "the official", "told", "direct");
  g_assert_cmpuint (byline_annotation_get_start (q), ==, 1018);
  g_assert_cmpuint (byline_annotation_get_end (q), ==, 1151);
  official = expect (s, text, "SPEAKER", "the official");
  g_assert_cmpuint (byline_annotation_get_start (official), ==, 1152);

  /* “…,” he added: "he" is the official */
  q = expect (s, text, "QUOTE", "“And I think we’ve shown our willingness to do that with companies from a "
              "number of countries, not just China,”");
  he = relation_target (s, "said_by", q);
  g_assert_true (he == expect_nth (s, text, "SPEAKER", "he", 0));
  g_assert_true (relation_target (s, "refers_to", he) == official);
  g_assert_cmpstr (byline_annotation_get_label (relation_target (s, "cue", q)), ==, "CUE");
  g_assert_cmpuint (byline_annotation_get_start (relation_target (s, "cue", q)), ==,
                    offset_of (text, "added", 0));
  /* the next sentence in quotes is the official's too */
  expect_attribution (s, text, "“Either way, I think this will be a major topic of discussion while we’re "
                      "in Beijing.”", "he", NULL, "direct");
  q = expect (s, text, "QUOTE", "“what this means for European security in particular, and then of course "
              "it will be up to China to determine the next steps,”");
  g_assert_true (relation_target (s, "said_by", q) == expect_nth (s, text, "SPEAKER", "the official", 1));
  g_assert_cmpuint (byline_annotation_get_start (relation_target (s, "cue", q)), ==,
                    offset_of (text, "said. .", 0));

  expect_attribution (s, text, "Blinken is expected to meet senior Chinese officials, including Foreign "
                      "Minister Wang Yi, during his visit to Beijing and Shanghai",
                      "the State Department", "according to", "indirect");

  /* Blinken, and the "he" after him */
  q = expect (s, text, "QUOTE", "“the most important contributor,”");
  blinken = relation_target (s, "said_by", q);
  g_assert_cmpuint (byline_annotation_get_start (blinken), ==, offset_of (text, "Blinken said last week", 0));
  g_assert_cmpuint (byline_annotation_get_end (blinken), ==, offset_of (text, "Blinken said last week", 0) + 7);
  g_assert_cmpuint (byline_annotation_get_start (relation_target (s, "cue", q)), ==,
                    offset_of (text, "said last week", 0));
  g_assert_null (relation_target (s, "refers_to", blinken));  /* the same span as the PERSON */
  q = expect (s, text, "QUOTE", "“We see China sharing machine tools, semiconductors and other dual-use items "
              "that have helped Russia rebuild the defense industrial base that sanctions and export "
              "controls have eroded so much,”");
  he = relation_target (s, "said_by", q);
  g_assert_true (he == expect_nth (s, text, "SPEAKER", "he", 1));
  /* the PERSON the speaker Blinken is */
  g_assert_cmpstr (byline_annotation_get_label (relation_target (s, "refers_to", he)), ==, "PERSON");
  g_assert_cmpuint (byline_annotation_get_start (relation_target (s, "refers_to", he)), ==,
                    byline_annotation_get_start (blinken));
  g_assert_cmpuint (byline_annotation_get_end (relation_target (s, "refers_to", he)), ==,
                    byline_annotation_get_end (blinken));
  expect_attribution (s, text, "“If on the one hand China claims to want good relations with Europe and "
                      "other countries, on the other hand it cannot pose the greatest threat to European "
                      "security since the end of the Cold War.”", "he", NULL, "direct");

  expect_attribution (s, text, "Chinese companies are playing an increasingly important role in propping up "
                      "Russia’s struggling economy and strengthening its military capabilities, including "
                      "through the trade of battlefield goods in Ukraine", "a CNBC analysis", "According to",
                      "indirect");

  /* The senior US official pointed out that…; “…,” he said */
  expect_attribution (s, text, "Washington is realistic about its expectations of Blinken’s visit in "
                      "resolving key issues", "The senior US official", "pointed out", "indirect");
  he = expect_nth (s, text, "SPEAKER", "he", 2);
  g_assert_true (relation_target (s, "refers_to", he) == expect (s, text, "SPEAKER", "The senior US official"));
  expect_attribution (s, text, "“I want to make it clear that we are realistic and clear about the prospects "
                      "for breakthroughs on each of these issues,”", "he", "said", "direct");
  expect_attribution (s, text, "“But we will continue to use diplomacy to communicate our positions and "
                      "policies, clarify misconceptions and underscore that we will continue to take action "
                      "to protect our national security and economy.”", "he", NULL, "direct");

  /* scare quotes are not quotes */
  g_assert_null (find_nth (s, text, "QUOTE", "“deep concerns”", 0));
  g_assert_null (find_nth (s, text, "QUOTE", "“deep concerns”", 1));

  /* the rest: the bullet's copy of the first quote and two partial quotes
   * with no speaker, low */
  g_assert_cmpuint (count_label (s, "QUOTE"), ==, 16);
  g_assert_cmpuint (count_label (s, "SPEAKER"), ==, 11);
  q = expect (s, text, "QUOTE", "“discuss a range of bilateral, regional and global issues,”");
  g_assert_cmpfloat (confidence_of (q), <, 0.5);
}

/* Suggest on the sample document: the demo's quotes are there already,
 * the relations go to them; a pronoun refers_to a SPEAKER, which the news
 * schema does not list, and is kept with a warning when read back. */
static void
test_sample_document (void)
{
  g_autofree char *path = sample_path ("blinken-china-nbc.byline.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, NULL, &error);
  g_autoptr(BylineSuggestions) s = NULL;
  g_autoptr(BylineDocument) again = NULL;
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autofree char *saved = NULL;
  static const char * const names[] = { "quotes", NULL };
  guint n_before, added, n_relations = 0;

  g_assert_no_error (error);
  n_before = byline_document_get_n_annotations (doc);
  s = byline_suggestions_new_for_document (doc);
  g_assert_true (byline_suggestions_run (s, byline_document_get_text (doc), names, NULL, &error));
  g_assert_no_error (error);
  added = byline_suggestions_apply (s, doc, &n_relations);
  /* the demo's QUOTE, SPEAKER and CUE spans are found and not added twice */
  g_assert_cmpuint (added, ==, byline_suggestions_get_annotations (s)->len - 6);
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, n_before + added);
  g_assert_cmpuint (n_relations, >, 20);

  saved = byline_native_to_string (doc, NULL);
  again = byline_native_load_data (saved, strlen (saved), "sample.byline.json", NULL, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_relations (again), ==, byline_document_get_n_relations (doc));
  /* "he" → "the official", "he" → "The senior US official", "he" →
   * "Blinken" (the demo has no PERSON there): a pronoun refers to the
   * earlier speaker, which the schema allows. The file reads back without
   * a single problem. */
  g_assert_cmpuint (byline_problems_get_n (problems), ==, 0);
}

/* {{{ Articles of our own */

typedef struct
{
  const char *quote;
  const char *speaker;
  const char *cue;
  const char *type;
} Expected;

static char *
article_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Every quote expected, and no other. */
static void
check_article (BylineSuggestions *s,
               const char        *text,
               const Expected    *expected,
               guint              n_expected)
{
  for (guint i = 0; i < n_expected; i++)
    expect_attribution (s, text, expected[i].quote, expected[i].speaker, expected[i].cue,
                        expected[i].type);
  g_assert_cmpuint (count_label (s, "QUOTE"), ==, n_expected);
  check_bounds (s, text);
}

static void
test_article_storm (void)
{
  static const Expected expected[] = {
    { "the worst was yet to come", "forecasters", "said", "indirect" },
    { "“We have not seen anything like this in 40 years,”", "Maria Lopez", "said", "direct" },
    { "“People need to stay indoors.”", "Maria Lopez", NULL, "direct" },
    { "emergency crews had rescued more than 200 people overnight", "Lopez", "said", "indirect" },
    { "shelters were close to capacity", "She", "told", "indirect" },
    { "winds could reach 90 mph by Monday", "The National Weather Service", "warned", "indirect" },
    { "“This is a dangerous, life-threatening situation.”", "A spokesperson for the agency", "said", "direct" },
    { "“The water came in so fast,”", "Tom Reed", "said", "direct" },
    { "“I grabbed my dog and ran.”", "Tom Reed", NULL, "direct" },
    { "at least 3,000 homes lost power", "the county’s emergency office", "According to", "indirect" },
    { "“It’s a disaster,”", "he", "added", "direct" },
    { "“We’ll rebuild, but it will take years.”", "he", NULL, "direct" },
    { "$50 million would be released this week", "her office", "said", "indirect" },
    { "the city’s drainage system is outdated", "Critics", "argued", "indirect" },
    { "The system, built in the 1950s, was designed for a smaller population", "experts", "say", "indirect" },
    { "“We warned them again and again,”", "Jane Cho", "said", "direct" },
    { "“Nobody listened.”", "Jane Cho", NULL, "direct" },
    { "“That’s simply not true,”", "she", "said", "direct" },
    { "he was “cautiously optimistic” about the forecast", "The Weather Service’s Dan Brooks", "said",
      "indirect" },
    { "The film “Singin’ in the Rain” was playing at the shelter", "volunteers", "said", "indirect" },
  };
  g_autofree char *text = article_text ("storm.txt");
  g_autoptr(BylineSuggestions) s = run_with_people (text, "Maria Lopez", "Tom Reed", "Ann Patel", "Jane Cho",
                                                    "Dan Brooks", NULL);
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);

  check_article (s, text, expected, G_N_ELEMENTS (expected));
  /* She: the speaker Lopez, who has no PERSON here; he: Tom Reed (the
   * emergency office between them is an "it"); the mayor's "she" comes
   * after "The mayor rejected the criticism": left alone */
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "She")) ==
                 expect_nth (s, text, "SPEAKER", "Lopez", 1));
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "he")) == people->pdata[1]);
  g_assert_null (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "she")));
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "The Weather Service’s Dan Brooks")) ==
                 people->pdata[4]);
  /* no scare quote, no title */
  g_assert_null (find_nth (s, text, "QUOTE", "“heartbreaking”", 0));
  g_assert_null (find_nth (s, text, "QUOTE", "“Singin’ in the Rain”", 0));
}

static void
test_article_chipmaker (void)
{
  static const Expected expected[] = {
    { "it would cut 1,200 jobs, about 8% of its workforce, as demand for its memory chips slowed",
      "Vantor Semiconductor", "said", "indirect" },
    { "\"This was a difficult decision,\"", "Chief Executive Rita Okafor", "said", "direct" },
    { "\"But we have to protect the long-term health of the company.\"", "Chief Executive Rita Okafor", NULL,
      "direct" },
    { "\"Everyone saw this coming,\"", "Paul Meyer", "said", "direct" },
    { "\"The question is whether it is enough.\"", "Paul Meyer", NULL, "direct" },
    { "the company would also pause construction of a plant in Arizona", "Okafor", "told", "indirect" },
    { "the pause was \"temporary\" and that work would resume \"when the market recovers.\"", "She", "said",
      "mixed" },
    { "the layoffs will cost about $90 million in severance", "a filing with regulators", "According to",
      "indirect" },
    { "\"We're not abandoning Arizona,\"", "she", "added", "direct" },
    { "\"We're being careful.\"", "she", NULL, "direct" },
    { "\"Our members learned about this from the news,\"", "union president Gary Lindqvist", "said", "direct" },
    { "\"That's unacceptable.\"", "union president Gary Lindqvist", NULL, "direct" },
    { "\"We see the first signs of a turnaround.\"", "Sung-min Park", "told", "direct" },
  };
  g_autofree char *text = article_text ("chipmaker.txt");
  g_autoptr(BylineSuggestions) s = run_with_people (text, "Rita Okafor", "Paul Meyer", "Gary Lindqvist",
                                                    "Sung-min Park", NULL);
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);
  BylineAnnotation *okafor = expect_nth (s, text, "SPEAKER", "Okafor", 1);

  check_article (s, text, expected, G_N_ELEMENTS (expected));
  /* titled speakers refer to their PERSON; She and she to Okafor */
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "Chief Executive Rita Okafor")) ==
                 people->pdata[0]);
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "union president Gary Lindqvist")) ==
                 people->pdata[2]);
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "She")) == okafor);
  g_assert_true (relation_target (s, "refers_to", expect (s, text, "SPEAKER", "she")) == okafor);
}

/* }}} */
/* {{{ Behaviour */

static void
test_deterministic (void)
{
  g_autofree char *path = sample_path ("blinken-china-nbc.txt");
  g_autofree char *text = NULL;
  g_autoptr(BylineSuggestions) a = NULL;
  g_autoptr(BylineSuggestions) b = NULL;
  GPtrArray *aa, *ba;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  a = run_text (text);
  b = run_text (text);
  aa = byline_suggestions_get_annotations (a);
  ba = byline_suggestions_get_annotations (b);
  g_assert_cmpuint (aa->len, ==, ba->len);
  for (guint i = 0; i < aa->len; i++)
    g_assert_true (byline_annotation_equal (aa->pdata[i], ba->pdata[i]));
  g_assert_cmpuint (byline_suggestions_get_relations (a)->len, ==, byline_suggestions_get_relations (b)->len);
}

static void
test_cancelled (void)
{
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (byline_extractor_quotes.run ("“We will act,” he said.", s, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_speed (void)
{
  g_autofree char *path = sample_path ("blinken-china-nbc.txt");
  g_autofree char *sample = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(BylineSuggestions) s = NULL;
  gint64 t0;
  guint i = 0;

  g_assert_true (g_file_get_contents (path, &sample, NULL, NULL));
  /* the sample and varied paragraphs, with astral characters and
   * unbalanced marks, up to 1 MB */
  while (big->len < 1000000)
    {
      g_string_append (big, sample);
      g_string_append_printf (big, "\n\n“Paragraph %u is quoted 😀 and it goes on,” Official %u said. "
                              "“It does not end\n\nHere %u, “he” said that “it’s ", i, i, i);
      g_string_append_printf (big, "fine,” the 北京 spokesperson for agency %u told reporters.\n\n", i);
      i++;
    }
  t0 = g_get_monotonic_time ();
  s = run_text (big->str);
  g_test_message ("1 MB (%" G_GSIZE_FORMAT " bytes): %.3f s, %u suggestions, %u relations", big->len,
                  (g_get_monotonic_time () - t0) / 1e6, byline_suggestions_get_annotations (s)->len,
                  byline_suggestions_get_relations (s)->len);
  g_assert_cmpuint (count_label (s, "QUOTE"), >, 16 * (i - 1));
  check_bounds (s, big->str);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotes/direct/shapes", test_direct_shapes);
  g_test_add_func ("/quotes/direct/split", test_split);
  g_test_add_func ("/quotes/direct/continuation", test_continuation);
  g_test_add_func ("/quotes/direct/multi-paragraph", test_multi_paragraph);
  g_test_add_func ("/quotes/direct/unbalanced", test_unbalanced);
  g_test_add_func ("/quotes/direct/apostrophes", test_apostrophes);
  g_test_add_func ("/quotes/direct/scare-quotes", test_scare_quotes);
  g_test_add_func ("/quotes/direct/code-points", test_code_points);
  g_test_add_func ("/quotes/indirect/shapes", test_indirect_shapes);
  g_test_add_func ("/quotes/indirect/not-quotes", test_not_quotes);
  g_test_add_func ("/quotes/speakers/pronoun-person", test_pronoun_person);
  g_test_add_func ("/quotes/speakers/pronoun-speaker-first", test_pronoun_speaker_first);
  g_test_add_func ("/quotes/speakers/pronoun-chain-gender", test_pronoun_chain_and_gender);
  g_test_add_func ("/quotes/speakers/pronoun-unresolved", test_pronoun_unresolved);
  g_test_add_func ("/quotes/speakers/pronoun-institution", test_pronoun_institution);
  g_test_add_func ("/quotes/speakers/organisation", test_organisation);
  g_test_add_func ("/quotes/articles/storm", test_article_storm);
  g_test_add_func ("/quotes/articles/chipmaker", test_article_chipmaker);
  g_test_add_func ("/quotes/sample/article", test_sample);
  g_test_add_func ("/quotes/sample/document", test_sample_document);
  g_test_add_func ("/quotes/deterministic", test_deterministic);
  g_test_add_func ("/quotes/cancelled", test_cancelled);
  g_test_add_func ("/quotes/speed", test_speed);

  return g_test_run ();
}

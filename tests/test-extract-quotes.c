/* test-extract-quotes.c: the quotes extractor: direct and indirect quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected spans are given as the text they cover and found in the text
 * by searching for it, so every offset is checked in code points. The
 * speakers, the sample article and our own articles are in
 * test-extract-speakers.c; the helpers both use, in quotes-test-util.c.
 */
#include <string.h>

#include "byline-error.h"
#include "byline-native.h"
#include "byline-problems.h"
#include "byline-relation.h"
#include "byline-suggest.h"

#include "extract-test-util.h"
#include "quotes-test-util.h"

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
      g_autoptr(BylineSuggestions) s = quotes_test_run_text (sh->text);
      BylineAnnotation *q;

      g_test_message ("%s", sh->text);
      q = quotes_test_expect_attribution (s, sh->text, sh->quote, sh->speaker, sh->cue, "direct");
      g_assert_cmpfloat (quotes_test_confidence_of (q), >=, 0.85);
      g_assert_cmpfloat (quotes_test_confidence_of (quotes_test_expect (s, sh->text, "SPEAKER", sh->speaker)), >=, 0.85);
      /* one quote, one speaker, one cue: nothing else */
      g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 1);
      g_assert_cmpuint (quotes_test_count_label (s, "SPEAKER"), ==, 1);
      g_assert_cmpuint (quotes_test_count_label (s, "CUE"), ==, 1);
      quotes_test_check_bounds (s, sh->text);
    }
}

/* A quote split by its attribution is two quotes of one speaker. */
static void
test_split (void)
{
  const char *text = "“Now,” she added, “before it rains.” Then she left.";
  g_autoptr(BylineSuggestions) s = quotes_test_run_text (text);

  quotes_test_expect_attribution (s, text, "“Now,”", "she", "added", "direct");
  quotes_test_expect_attribution (s, text, "“before it rains.”", "she", "added", "direct");
  g_assert_cmpuint (quotes_test_count_label (s, "SPEAKER"), ==, 1);
  g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 2);
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
  g_autoptr(BylineSuggestions) s = quotes_test_run_text (text);
  BylineAnnotation *first, *second, *third, *alone;

  first = quotes_test_expect_attribution (s, text, "“We have not seen anything like this,”", "Maria Lopez",
                                          "said", "direct");
  second = quotes_test_expect_attribution (s, text, "“People need to stay indoors.”", "Maria Lopez", NULL, "direct");
  third = quotes_test_expect_attribution (s, text, "“We will rebuild, but it will take years.”", "Maria Lopez",
                                          NULL, "direct");
  /* no speaker for a quote after a paragraph of narration */
  alone = quotes_test_expect (s, text, "QUOTE", "“This sentence is quoted but nobody said it here.”");
  g_assert_null (quotes_test_relation_target (s, "said_by", alone));
  g_assert_cmpfloat (quotes_test_confidence_of (alone), <, 0.5);
  g_assert_cmpfloat (quotes_test_confidence_of (second), <, quotes_test_confidence_of (first));
  g_assert_cmpfloat (quotes_test_confidence_of (third), <, quotes_test_confidence_of (first));
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
      g_autoptr(BylineSuggestions) s = quotes_test_run_text (texts[i]);

      /* one QUOTE from the first opening mark to the last closing one */
      quotes_test_expect_attribution (s, texts[i], quotes[i], "the minister", "said", "direct");
      g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 1);
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
      g_autoptr(BylineSuggestions) s = quotes_test_run_text (texts[i]);

      g_test_message ("%s", texts[i]);
      quotes_test_check_bounds (s, texts[i]);
      /* a quote needs both marks on one paragraph, a speaker a phrase */
      g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 0);
    }
}

/* Apostrophes are no quotation marks; single quotes within a quote are
 * nested in it. */
static void
test_apostrophes (void)
{
  const char *text = "He said: “I don’t know what Blinken’s plan is, or the officials’ ‘red line,’ frankly.”";
  const char *plain = "Blinken’s aides don’t know; the officials’ plan isn’t ready, O’Brien’s ‘team’ says.";
  g_autoptr(BylineSuggestions) s = quotes_test_run_text (text);
  g_autoptr(BylineSuggestions) none = quotes_test_run_text (plain);

  quotes_test_expect_attribution (s, text, "“I don’t know what Blinken’s plan is, or the officials’ ‘red line,’ frankly.”",
                                  "He", "said", "direct");
  g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 1);
  g_assert_cmpuint (quotes_test_count_label (none, "QUOTE"), ==, 0);
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
  g_autoptr(BylineSuggestions) s = quotes_test_run_text (text);
  BylineAnnotation *q;

  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“deep concerns”", 0));
  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“Gone With the Wind”", 0));
  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“so-called”", 0));
  /* five words and more: a quote of someone, but whose is unknown */
  q = quotes_test_expect (s, text, "QUOTE", "“mistake on top of a mistake.”");
  g_assert_cmpfloat (quotes_test_confidence_of (q), <, 0.5);
  g_assert_null (quotes_test_relation_target (s, "said_by", q));
  g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 1);
  g_assert_cmpuint (quotes_test_count_label (s, "SPEAKER"), ==, 0);
}

/* Offsets are code points: emoji, a ZWJ sequence, a combining accent and
 * CJK before the quote do not shift it. */
static void
test_code_points (void)
{
  const char *text = "😀 👨‍👩‍👧 café\xcc\x81 北京 🇨🇳\n\n“We will act,” said the 北京 official. “好,” he added.";
  g_autoptr(BylineSuggestions) s = quotes_test_run_text (text);
  BylineAnnotation *q = quotes_test_expect_attribution (s, text, "“We will act,”", "the 北京 official", "said", "direct");

  /* 😀 space, 5 for the family, space, 5 for café + accent, space, 2,
   * space, 2 for the flag, 2 line breaks */
  g_assert_cmpuint (byline_annotation_get_start (q), ==, 1 + 1 + 5 + 1 + 5 + 1 + 2 + 1 + 2 + 2);
  quotes_test_expect_attribution (s, text, "“好,”", "he", "added", "direct");
  quotes_test_check_bounds (s, text);
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
      g_autoptr(BylineSuggestions) s = quotes_test_run_text (sh->text);
      BylineAnnotation *q;

      g_test_message ("%s", sh->text);
      q = quotes_test_expect_attribution (s, sh->text, sh->quote, sh->speaker, sh->cue, sh->type);
      /* lower than a direct quote with its cue */
      g_assert_cmpfloat (quotes_test_confidence_of (q), <, 0.85);
      g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 1);
      g_assert_cmpuint (quotes_test_count_label (s, "SPEAKER"), ==, 1);
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
      g_autoptr(BylineSuggestions) s = quotes_test_run_text (texts[i]);

      g_test_message ("%s", texts[i]);
      g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
    }
}

/* }}} */
/* {{{ Behaviour */

static void
test_deterministic (void)
{
  g_autofree char *text = extract_test_read_sample ();
  g_autoptr(BylineSuggestions) a = NULL;
  g_autoptr(BylineSuggestions) b = NULL;
  GPtrArray *aa, *ba;

  a = quotes_test_run_text (text);
  b = quotes_test_run_text (text);
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
  extract_test_assert_cancelled (&byline_extractor_quotes, "“We will act,” he said.");
}

static void
test_speed (void)
{
  g_autofree char *sample = extract_test_read_sample ();
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(BylineSuggestions) s = NULL;
  gint64 t0;
  guint i = 0;

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
  s = quotes_test_run_text (big->str);
  g_test_message ("1 MB (%" G_GSIZE_FORMAT " bytes): %.3f s, %u suggestions, %u relations", big->len,
                  (g_get_monotonic_time () - t0) / 1e6, byline_suggestions_get_annotations (s)->len,
                  byline_suggestions_get_relations (s)->len);
  g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), >, 16 * (i - 1));
  quotes_test_check_bounds (s, big->str);
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
  g_test_add_func ("/quotes/deterministic", test_deterministic);
  g_test_add_func ("/quotes/cancelled", test_cancelled);
  g_test_add_func ("/quotes/speed", test_speed);

  return g_test_run ();
}

/* test-extract-speakers.c: the quotes extractor's speakers, on short
 * texts, the sample article and articles of our own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected spans are given as the text they cover, as in
 * test-extract-quotes.c.
 */
#include <string.h>

#include "byline-error.h"
#include "byline-native.h"
#include "byline-problems.h"
#include "byline-relation.h"
#include "byline-suggest.h"

#include "extract-test-util.h"
#include "quotes-test-util.h"

/* {{{ Speakers and what they refer to */

static void
test_pronoun_person (void)
{
  const char *text =
    "Antony Blinken arrived in Beijing on Wednesday.\n\n"
    "“We are ready,” he said.\n";
  g_autoptr(BylineSuggestions) s = quotes_test_run_with_people (text, "Antony Blinken", NULL);
  BylineAnnotation *he = quotes_test_expect (s, text, "SPEAKER", "he");
  GPtrArray *people = byline_suggestions_find (s, "PERSON", TRUE);

  /* no speaker before: the nearest PERSON */
  g_assert_true (quotes_test_relation_target (s, "refers_to", he) == people->pdata[0]);
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
  g_autoptr(BylineSuggestions) s = quotes_test_run_with_people (text, "Blinken", NULL);
  BylineAnnotation *official = quotes_test_expect (s, text, "SPEAKER", "the official");
  BylineAnnotation *he = quotes_test_expect (s, text, "SPEAKER", "he");

  /* "the official" names no entity: the pronoun refers to that SPEAKER */
  g_assert_true (quotes_test_relation_target (s, "refers_to", he) == official);
  g_assert_null (quotes_test_relation_target (s, "refers_to", official));
}

static void
test_pronoun_chain_and_gender (void)
{
  const char *text =
    "“We will act,” said Ms. Lee, the mayor.\n\n"
    "“Soon,” she added.\n\n"
    "“Very soon,” she said. “We are ready,” Mr. Park told reporters.\n\n"
    "“It is late,” he said. “It is too late,” she said.\n";
  g_autoptr(BylineSuggestions) s = quotes_test_run_with_people (text, "Lee", "Park", NULL);
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);
  BylineAnnotation *lee = people->pdata[0], *park = people->pdata[1];
  BylineAnnotation *ms_lee = quotes_test_expect (s, text, "SPEAKER", "Ms. Lee");

  /* a titled speaker refers to its PERSON */
  g_assert_true (quotes_test_relation_target (s, "refers_to", ms_lee) == lee);
  /* she, she: Lee; he: Park; the last she skips Park, who is a he */
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect_nth (s, text, "SPEAKER", "she", 0)) ==
                 lee);
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect_nth (s, text, "SPEAKER", "she", 1)) ==
                 lee);
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect_nth (s, text, "SPEAKER", "he", 0)) ==
                 park);
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect_nth (s, text, "SPEAKER", "she", 2)) ==
                 lee);
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
  g_autoptr(BylineSuggestions) s = quotes_test_run_with_people (text, "Jane Cho", NULL);

  g_assert_null (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "she")));
  g_assert_null (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "it")));
}

static void
test_pronoun_institution (void)
{
  const char *text = "“We will respond,” the ministry said. “It is unacceptable,” it added. "
                     "“We agree,” officials said. “Fully,” they added.\n\n"
                     "“We agree too,” Analysts said. “Entirely,” they added.";
  g_autoptr(BylineSuggestions) s = quotes_test_run_text (text);

  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "it")) ==
                 quotes_test_expect (s, text, "SPEAKER", "the ministry"));
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "they")) ==
                 quotes_test_expect (s, text, "SPEAKER", "officials"));
  /* a capitalised speaker noun is still plural */
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect_nth (s, text, "SPEAKER", "they", 1)) ==
                 quotes_test_expect (s, text, "SPEAKER", "Analysts"));
}

/* A speaker that ends with an ORG refers to it. */
static void
test_organisation (void)
{
  const char *text = "The talks failed, according to the State Department.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  static const char * const names[] = { "quotes", NULL };
  const char *org;

  org = byline_suggestions_add_span (s, "entities", "ORG", quotes_test_offset_of (text, "State Department", 0),
                                     quotes_test_offset_of (text, "State Department", 0) + 16, 0.9);
  g_assert_true (byline_suggestions_run (s, text, names, NULL, NULL));
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "the State Department")) ==
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
  guint start = quotes_test_offset_of (text, name, nth);

  g_assert_nonnull (byline_suggestions_add_span (s, "entities", "PERSON", start,
                                                 start + g_utf8_strlen (name, -1), 0.9));
}

static void
test_sample (void)
{
  static const char * const names[] = { "quotes", NULL };
  g_autofree char *text = extract_test_read_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  BylineAnnotation *q, *official, *he, *blinken;
  guint n_blinken = 0;

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
  quotes_test_check_bounds (s, text);

  /* the indirect quote of the body, as the demo annotations have it
   * (673–810, 812–849, 850–854); the bullet at the top is the same */
  quotes_test_expect_attribution (s, text, "US Secretary of State Antony Blinken will warn China about its support "
                                  "for the Russian military during his visit to the country this week",
                                  "a senior US State Department official", "said", "indirect");
  q = quotes_test_expect_nth (s, text, "QUOTE", "US Secretary of State Antony Blinken will warn China about its support "
                              "for the Russian military during his visit to the country this week", 1);
  g_assert_cmpuint (byline_annotation_get_start (q), ==, 673);
  g_assert_cmpuint (byline_annotation_get_end (q), ==, 810);
  official = quotes_test_expect_nth (s, text, "SPEAKER", "a senior US State Department official", 1);
  g_assert_cmpuint (byline_annotation_get_start (official), ==, 812);
  g_assert_true (quotes_test_relation_target (s, "said_by", q) == official);
  g_assert_cmpuint (byline_annotation_get_start (quotes_test_relation_target (s, "cue", q)), ==, 850);

  /* “We are prepared…,” the official told reporters (1018–1151) */
  q = quotes_test_expect_attribution (s, text, "“We are prepared to take action as we deem necessary against companies "
                                      "that seriously undermine security in both Ukraine and Europe,”",
                                      "the official", "told", "direct");
  g_assert_cmpuint (byline_annotation_get_start (q), ==, 1018);
  g_assert_cmpuint (byline_annotation_get_end (q), ==, 1151);
  official = quotes_test_expect (s, text, "SPEAKER", "the official");
  g_assert_cmpuint (byline_annotation_get_start (official), ==, 1152);

  /* “…,” he added: "he" is the official */
  q = quotes_test_expect (s, text, "QUOTE", "“And I think we’ve shown our willingness to do that with companies from a "
                          "number of countries, not just China,”");
  he = quotes_test_relation_target (s, "said_by", q);
  g_assert_true (he == quotes_test_expect_nth (s, text, "SPEAKER", "he", 0));
  g_assert_true (quotes_test_relation_target (s, "refers_to", he) == official);
  g_assert_cmpstr (byline_annotation_get_label (quotes_test_relation_target (s, "cue", q)), ==, "CUE");
  g_assert_cmpuint (byline_annotation_get_start (quotes_test_relation_target (s, "cue", q)), ==,
                    quotes_test_offset_of (text, "added", 0));
  /* the next sentence in quotes is the official's too */
  quotes_test_expect_attribution (s, text, "“Either way, I think this will be a major topic of discussion while we’re "
                                  "in Beijing.”", "he", NULL, "direct");
  q = quotes_test_expect (s, text, "QUOTE", "“what this means for European security in particular, and then of course "
                          "it will be up to China to determine the next steps,”");
  g_assert_true (quotes_test_relation_target (s, "said_by", q) ==
                 quotes_test_expect_nth (s, text, "SPEAKER", "the official", 1));
  g_assert_cmpuint (byline_annotation_get_start (quotes_test_relation_target (s, "cue", q)), ==,
                    quotes_test_offset_of (text, "said. .", 0));

  quotes_test_expect_attribution (s, text, "Blinken is expected to meet senior Chinese officials, including Foreign "
                                  "Minister Wang Yi, during his visit to Beijing and Shanghai",
                                  "the State Department", "according to", "indirect");

  /* Blinken, and the "he" after him */
  q = quotes_test_expect (s, text, "QUOTE", "“the most important contributor,”");
  blinken = quotes_test_relation_target (s, "said_by", q);
  g_assert_cmpuint (byline_annotation_get_start (blinken), ==, quotes_test_offset_of (text, "Blinken said last week", 0));
  g_assert_cmpuint (byline_annotation_get_end (blinken), ==, quotes_test_offset_of (text, "Blinken said last week", 0) + 7);
  g_assert_cmpuint (byline_annotation_get_start (quotes_test_relation_target (s, "cue", q)), ==,
                    quotes_test_offset_of (text, "said last week", 0));
  g_assert_null (quotes_test_relation_target (s, "refers_to", blinken));  /* the same span as the PERSON */
  q = quotes_test_expect (s, text, "QUOTE", "“We see China sharing machine tools, semiconductors and other dual-use items "
                          "that have helped Russia rebuild the defense industrial base that sanctions and export "
                          "controls have eroded so much,”");
  he = quotes_test_relation_target (s, "said_by", q);
  g_assert_true (he == quotes_test_expect_nth (s, text, "SPEAKER", "he", 1));
  /* the PERSON the speaker Blinken is */
  g_assert_cmpstr (byline_annotation_get_label (quotes_test_relation_target (s, "refers_to", he)), ==, "PERSON");
  g_assert_cmpuint (byline_annotation_get_start (quotes_test_relation_target (s, "refers_to", he)), ==,
                    byline_annotation_get_start (blinken));
  g_assert_cmpuint (byline_annotation_get_end (quotes_test_relation_target (s, "refers_to", he)), ==,
                    byline_annotation_get_end (blinken));
  quotes_test_expect_attribution (s, text, "“If on the one hand China claims to want good relations with Europe and "
                                  "other countries, on the other hand it cannot pose the greatest threat to European "
                                  "security since the end of the Cold War.”", "he", NULL, "direct");

  quotes_test_expect_attribution (s, text, "Chinese companies are playing an increasingly important role in propping up "
                                  "Russia’s struggling economy and strengthening its military capabilities, including "
                                  "through the trade of battlefield goods in Ukraine", "a CNBC analysis", "According to",
                                  "indirect");

  /* The senior US official pointed out that…; “…,” he said */
  quotes_test_expect_attribution (s, text, "Washington is realistic about its expectations of Blinken’s visit in "
                                  "resolving key issues", "The senior US official", "pointed out", "indirect");
  he = quotes_test_expect_nth (s, text, "SPEAKER", "he", 2);
  g_assert_true (quotes_test_relation_target (s, "refers_to", he) ==
                 quotes_test_expect (s, text, "SPEAKER", "The senior US official"));
  quotes_test_expect_attribution (s, text, "“I want to make it clear that we are realistic and clear about the prospects "
                                  "for breakthroughs on each of these issues,”", "he", "said", "direct");
  quotes_test_expect_attribution (s, text, "“But we will continue to use diplomacy to communicate our positions and "
                                  "policies, clarify misconceptions and underscore that we will continue to take action "
                                  "to protect our national security and economy.”", "he", NULL, "direct");

  /* scare quotes are not quotes */
  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“deep concerns”", 0));
  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“deep concerns”", 1));

  /* the rest: the bullet's copy of the first quote and two partial quotes
   * with no speaker, low */
  g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, 16);
  g_assert_cmpuint (quotes_test_count_label (s, "SPEAKER"), ==, 11);
  q = quotes_test_expect (s, text, "QUOTE", "“discuss a range of bilateral, regional and global issues,”");
  g_assert_cmpfloat (quotes_test_confidence_of (q), <, 0.5);
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

/* }}} */
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
    quotes_test_expect_attribution (s, text, expected[i].quote, expected[i].speaker, expected[i].cue,
                                    expected[i].type);
  g_assert_cmpuint (quotes_test_count_label (s, "QUOTE"), ==, n_expected);
  quotes_test_check_bounds (s, text);
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
  g_autoptr(BylineSuggestions) s = quotes_test_run_with_people (text, "Maria Lopez", "Tom Reed", "Ann Patel", "Jane Cho",
                                                                "Dan Brooks", NULL);
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);

  check_article (s, text, expected, G_N_ELEMENTS (expected));
  /* She: the speaker Lopez, who has no PERSON here; he: Tom Reed (the
   * emergency office between them is an "it"); the mayor's "she" comes
   * after "The mayor rejected the criticism": left alone */
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "She")) ==
                 quotes_test_expect_nth (s, text, "SPEAKER", "Lopez", 1));
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "he")) ==
                 people->pdata[1]);
  g_assert_null (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "she")));
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "The Weather Service’s Dan Brooks")) ==
                 people->pdata[4]);
  /* no scare quote, no title */
  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“heartbreaking”", 0));
  g_assert_null (quotes_test_find_nth (s, text, "QUOTE", "“Singin’ in the Rain”", 0));
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
  g_autoptr(BylineSuggestions) s = quotes_test_run_with_people (text, "Rita Okafor", "Paul Meyer", "Gary Lindqvist",
                                                                "Sung-min Park", NULL);
  g_autoptr(GPtrArray) people = byline_suggestions_find (s, "PERSON", TRUE);
  BylineAnnotation *okafor = quotes_test_expect_nth (s, text, "SPEAKER", "Okafor", 1);

  check_article (s, text, expected, G_N_ELEMENTS (expected));
  /* titled speakers refer to their PERSON; She and she to Okafor */
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "Chief Executive Rita Okafor")) ==
                 people->pdata[0]);
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "union president Gary Lindqvist")) ==
                 people->pdata[2]);
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "She")) ==
                 okafor);
  g_assert_true (quotes_test_relation_target (s, "refers_to", quotes_test_expect (s, text, "SPEAKER", "she")) ==
                 okafor);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

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

  return g_test_run ();
}

/* test-extract-claims.c: the claims extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "byline-error.h"
#include "byline-native.h"
#include "byline-relation.h"
#include "byline-schema.h"
#include "byline-suggest.h"

#include "extract-test-util.h"

/* The code point offset of the first @needle in @text. */
static guint
cp (const char *text,
    const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static guint
cp_len (const char *needle)
{
  return g_utf8_strlen (needle, -1);
}

static void
run_claims (BylineSuggestions *s,
            const char        *text)
{
  extract_test_run (s, text, "claims");
}

static GPtrArray *
claims_of (BylineSuggestions *s)
{
  return byline_suggestions_find (s, "CLAIM", FALSE);
}

/* The suggested CLAIM over exactly @expected (its first occurrence), or
 * NULL. */
static BylineAnnotation *
find_claim (BylineSuggestions *s,
            const char        *text,
            const char        *expected)
{
  g_autoptr(GPtrArray) claims = claims_of (s);
  const char *at = strstr (text, expected);
  guint start, end;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  end = start + cp_len (expected);
  for (guint i = 0; i < claims->len; i++)
    {
      BylineAnnotation *a = claims->pdata[i];

      if (byline_annotation_get_start (a) == start && byline_annotation_get_end (a) == end)
        return a;
    }
  return NULL;
}

static BylineAnnotation *
assert_claim (BylineSuggestions *s,
              const char        *text,
              const char        *expected,
              const char        *check_worthy)
{
  BylineAnnotation *a = find_claim (s, text, expected);

  if (a == NULL)
    {
      g_autoptr(GPtrArray) claims = claims_of (s);
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint i = 0; i < claims->len; i++)
        {
          g_autofree char *t = extract_test_span_text (text, claims->pdata[i]);

          g_string_append_printf (found, "\n  [%s]", t);
        }
      g_error ("no CLAIM over [%s]; the claims are:%s", expected, found->str);
    }
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "claims");
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "rules:claims");
  if (check_worthy != NULL)
    g_assert_cmpstr (byline_annotation_get_attribute_string (a, "check_worthy"), ==, check_worthy);
  return a;
}

static double
confidence_of (BylineAnnotation *a)
{
  double c = -1;

  g_assert_true (byline_annotation_get_confidence (a, &c));
  return c;
}

/* The claimer of @claim, or NULL; at most one. */
static const char *
claimer_of (BylineSuggestions *s,
            BylineAnnotation  *claim)
{
  GPtrArray *relations = byline_suggestions_get_relations (s);
  const char *to = NULL;

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_str_equal (byline_relation_get_relation_type (r), "claimer") &&
          g_str_equal (byline_relation_get_from (r), byline_annotation_get_id (claim)))
        {
          g_assert_null (to);
          to = byline_relation_get_to (r);
        }
    }
  return to;
}

/* Every claimer relation is one the news schema allows, and every
 * check_worthy one of its values. */
static void
assert_schema_valid (BylineSuggestions *s)
{
  BylineSchema *schema = byline_schema_get_default ();
  const BylineAttributeDef *def = byline_schema_lookup_attribute (schema, "CLAIM", "check_worthy");
  GPtrArray *relations = byline_suggestions_get_relations (s);
  g_autoptr(GPtrArray) claims = claims_of (s);

  g_assert_nonnull (def);
  for (guint i = 0; i < claims->len; i++)
    {
      const char *value = byline_annotation_get_attribute_string (claims->pdata[i], "check_worthy");

      g_assert_nonnull (value);
      g_assert_true (g_strv_contains ((const char * const *) def->values, value));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      BylineAnnotation *from = byline_suggestions_lookup (s, byline_relation_get_from (r));
      BylineAnnotation *to = byline_suggestions_lookup (s, byline_relation_get_to (r));

      if (!g_str_equal (byline_relation_get_relation_type (r), "claimer"))
        continue;
      g_assert_nonnull (from);
      g_assert_nonnull (to);
      g_assert_true (byline_schema_relation_allowed (schema, "claimer",
                                                     byline_annotation_get_label (from),
                                                     byline_annotation_get_label (to)));
    }
}

/* One sentence, one claim over @expected. */
static BylineAnnotation *
assert_one_claim (BylineSuggestions *s,
                  const char        *text,
                  const char        *expected,
                  const char        *check_worthy)
{
  g_autoptr(GPtrArray) claims = NULL;

  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 1);
  assert_schema_valid (s);
  return assert_claim (s, text, expected, check_worthy);
}

static void
test_statistics (void)
{
  /* A claim is the whole sentence, final stop included. */
  static const char * const cases[] = {
    "Unemployment rose by 3 percent last year.",
    "The city has 8.8 million residents.",
    "Exports to China doubled in 2023.",
    "Rents are three times what they were in 2010.",
    "The budget deficit reached $1.7 trillion in September.",
    "Turnout fell to 48% in the second round.",
    "The company employs 12,400 people in Ohio.",
    "Crime has fallen every year since 2015!",
    "\"Our exports doubled in three years,\" she said.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
      BylineAnnotation *a = assert_one_claim (s, cases[i], cases[i], "yes");

      /* A statistic is a strong signal: bulk-accepting from 0.6 takes it. */
      g_assert_cmpfloat (confidence_of (a), >=, 0.6);
      g_assert_null (claimer_of (s, a));
    }
}

static void
test_superlatives (void)
{
  static const struct { const char *text, *worthy; } cases[] = {
    { "Tokyo is the largest city in the world.", "yes" },
    { "China is the most important contributor to Russia’s war effort.", "yes" },
    { "For the first time since 1990, the river froze in March.", "yes" },
    { "It cannot pose the greatest threat to European security since the end of the Cold War.", "yes" },
    /* A judgement alone: a candidate, but not surely check-worthy. */
    { "Climate change is the greatest threat to humanity.", "unsure" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
      BylineAnnotation *a = assert_one_claim (s, cases[i].text, cases[i].text, cases[i].worthy);

      if (g_str_equal (cases[i].worthy, "unsure"))
        g_assert_cmpfloat (confidence_of (a), <, 0.6);
      else
        g_assert_cmpfloat (confidence_of (a), >=, 0.6);
    }
}

static void
test_comparisons_and_causes (void)
{
  static const char * const sentences[] = {
    "Rents in Berlin are now higher than in Munich.",
    "Chinese companies are playing an increasingly important role in the war economy.",
    "Wages grew faster in 2023 compared with the year before.",
    "The drought led to a sharp rise in food prices.",
    "Hundreds of flights were cancelled because the airport flooded.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autoptr(BylineSuggestions) s = byline_suggestions_new ();

      assert_one_claim (s, sentences[i], sentences[i], "yes");
    }
}

/* A claim attributed to a speaker that the quotes extractor would have
 * found: "…, the central bank governor said." */
static void
test_attributed_speaker (void)
{
  const char *text = "Inflation fell to 2 percent in March, the central bank governor said.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  const char *speaker;
  BylineAnnotation *claim;

  byline_suggestions_set_origin (s, "rules:quotes");
  speaker = byline_suggestions_add_span (s, "speakers", "SPEAKER", cp (text, "the central"),
                                         cp (text, " said"), 0.9);
  claim = assert_one_claim (s, text, text, "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, speaker);
  /* An attributed statistic weighs more than a bare one. */
  g_assert_cmpfloat (confidence_of (claim), >=, 0.8);
}

static void
test_attributed_that (void)
{
  const char *text = "Smith said that exports doubled last year. He added that the economy grew by 5 percent.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;
  const char *smith, *he;

  byline_suggestions_set_origin (s, "rules:entities");
  smith = byline_suggestions_add_span (s, "entities", "PERSON", 0, 5, 0.9);
  byline_suggestions_set_origin (s, "rules:quotes");
  he = byline_suggestions_add_span (s, "speakers", "SPEAKER", cp (text, "He"), cp (text, "He") + 2, 0.9);
  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 2);
  g_assert_cmpstr (claimer_of (s, assert_claim (s, text, "Smith said that exports doubled last year.", "yes")), ==, smith);
  g_assert_cmpstr (claimer_of (s, assert_claim (s, text, "He added that the economy grew by 5 percent.", "yes")), ==, he);
  assert_schema_valid (s);
}

static void
test_attributed_according (void)
{
  const char *text = "According to the World Bank, extreme poverty fell by half between 1990 and 2015. "
                     "Sales rose 4 percent in the quarter, according to company figures.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;
  const char *bank;
  BylineAnnotation *claim;

  byline_suggestions_set_origin (s, "rules:entities");
  bank = byline_suggestions_add_span (s, "entities", "ORG", cp (text, "World Bank"),
                                      cp (text, "World Bank") + cp_len ("World Bank"), 0.8);
  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 2);
  claim = assert_claim (s, text, "According to the World Bank, extreme poverty fell by half between 1990 and 2015.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, bank);
  /* No entity in "company figures": a claim without a claimer. */
  claim = assert_claim (s, text, "Sales rose 4 percent in the quarter, according to company figures.", "yes");
  g_assert_null (claimer_of (s, claim));
}

/* A claim in a direct quote: the claimer is the quote's speaker. */
static void
test_attributed_quote (void)
{
  const char *text = "“Our exports doubled in three years,” she said. "
                     "“Imports fell by 20 percent. That is the lowest level since 1998,” the minister added.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;
  const char *quote1, *she, *quote2, *minister;
  BylineAnnotation *claim;
  guint q2;

  byline_suggestions_set_origin (s, "rules:quotes");
  quote1 = byline_suggestions_add_span (s, "speakers", "QUOTE", 0, cp (text, " she"), 0.9);
  she = byline_suggestions_add_span (s, "speakers", "SPEAKER", cp (text, "she"), cp (text, "she") + 3, 0.9);
  g_assert_true (byline_suggestions_add_relation (s, "said_by", quote1, she));
  q2 = cp (text, "“Imports");
  quote2 = byline_suggestions_add_span (s, "speakers", "QUOTE", q2, cp (text, " the minister"), 0.9);
  minister = byline_suggestions_add_span (s, "speakers", "SPEAKER", cp (text, "the minister"),
                                          cp (text, " added"), 0.9);
  g_assert_true (byline_suggestions_add_relation (s, "said_by", quote2, minister));
  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 3);

  claim = assert_claim (s, text, "“Our exports doubled in three years,” she said.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, she);
  /* A quote of two sentences is two claims, the first without an
   * attribution of its own. */
  claim = assert_claim (s, text, "“Imports fell by 20 percent.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, minister);
  claim = assert_claim (s, text, "That is the lowest level since 1998,” the minister added.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, minister);
  assert_schema_valid (s);
}

/* Partly quoted, with the speaker after the verb or only named in an
 * organisation. */
static void
test_attributed_heads (void)
{
  const char *text = "When it comes to the defense industry, China is “the most important contributor,” Blinken said last week. "
                     "Unemployment rose by 2 percent, said Smith. "
                     "Unemployment fell by 2 percent, a State Department official said.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;
  const char *blinken, *smith;
  BylineAnnotation *claim;

  byline_suggestions_set_origin (s, "rules:entities");
  blinken = byline_suggestions_add_span (s, "entities", "PERSON", cp (text, "Blinken"),
                                         cp (text, "Blinken") + 7, 0.9);
  smith = byline_suggestions_add_span (s, "entities", "PERSON", cp (text, "Smith"), cp (text, "Smith") + 5, 0.9);
  byline_suggestions_add_span (s, "entities", "ORG", cp (text, "State Department"),
                               cp (text, "State Department") + cp_len ("State Department"), 0.9);
  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 3);
  claim = assert_claim (s, text, "When it comes to the defense industry, China is “the most important contributor,” "
                                 "Blinken said last week.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, blinken);
  claim = assert_claim (s, text, "Unemployment rose by 2 percent, said Smith.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, smith);
  /* The official said it, not the State Department: no claimer rather
   * than a wrong one. */
  claim = assert_claim (s, text, "Unemployment fell by 2 percent, a State Department official said.", "yes");
  g_assert_null (claimer_of (s, claim));
}

/* The figure is the journalist's, not the speaker's: no claimer. When
 * the quote holds it, the speaker is. */
static void
test_attributed_journalist (void)
{
  const char *text = "“It was a wonderful night for all of us,” said Whitley, who has played 412 games for the club. "
                     "“We have now won 412 games in a row,” said Whitley, who joined the club last year.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;
  const char *first, *second;
  BylineAnnotation *claim;
  guint at;

  byline_suggestions_set_origin (s, "rules:quotes");
  at = cp (text, "Whitley, who has");
  first = byline_suggestions_add_span (s, "speakers", "SPEAKER", at, at + 7, 0.9);
  at = cp (text, "Whitley, who joined");
  second = byline_suggestions_add_span (s, "speakers", "SPEAKER", at, at + 7, 0.9);
  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 2);
  claim = assert_claim (s, text, "“It was a wonderful night for all of us,” said Whitley, who has played 412 games for the club.", "yes");
  g_assert_null (claimer_of (s, claim));
  claim = assert_claim (s, text, "“We have now won 412 games in a row,” said Whitley, who joined the club last year.", "yes");
  g_assert_cmpstr (claimer_of (s, claim), ==, second);
  g_assert_cmpstr (claimer_of (s, claim), !=, first);
}

/* A line without a final stop (a headline) is a claim only with a
 * checkable figure or comparison; a bullet is not part of the claim. */
static void
test_headlines_and_bullets (void)
{
  const char *text = "Exports doubled in 2023\n\n"
                     "China fuels the threat to European security\n\n"
                     "  • Imports fell by 20 percent last year.\n"
                     "  • The minister will visit Beijing next week.\n";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;

  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 2);
  assert_claim (s, text, "Exports doubled in 2023", "yes");
  assert_claim (s, text, "Imports fell by 20 percent last year.", "yes");
}

static void
test_not_claims (void)
{
  static const char * const texts[] = {
    "Is Tokyo the largest city in the world?",
    "“Did exports double by 20 percent last year?” she asked.",
    "\"Did exports double by 20 percent last year?\" she asked.",
    "Hello and welcome to our show!",
    "Thank you very much.",
    "I love this city.",
    "I think this is a wonderful place to live.",
    "We hope you enjoy your stay in our beautiful town.",
    "China fuels the threat to European security",
    "He will travel to Paris with his family.",
    /* plans and schedules, even reported */
    "Blinken will travel to Beijing next week, the official said.",
    "The minister is expected to meet senior officials on Wednesday.",
    /* feelings, reported */
    "The mayor said he was proud of the city and its people.",
    "She walked to the station and waited for the train.",
    "“We are prepared to take action as we deem necessary,” the official told reporters.",
    "Rates rose.",
    "",
    "   \n\n  ",
    ". . . !",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
      g_autoptr(GPtrArray) claims = NULL;

      run_claims (s, texts[i]);
      claims = claims_of (s);
      if (claims->len != 0)
        g_error ("“%s” was suggested as a claim", texts[i]);
      g_assert_cmpuint (byline_suggestions_get_relations (s)->len, ==, 0);
    }
}

/* Offsets are code points: astral emoji, a ZWJ family, a combining
 * accent and CJK before and inside the claim. */
static void
test_unicode (void)
{
  const char *text = "😀 👨‍👩‍👧 Cafe\xcc\x81 北京 — “hello”\n\n"
                     "Sales at the cafe\xcc\x81 in 北京 rose by 12 percent 😀 last year, the owner said.";
  const char *expected = "Sales at the cafe\xcc\x81 in 北京 rose by 12 percent 😀 last year, the owner said.";
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  BylineAnnotation *claim;
  g_autofree char *got = NULL;
  const char *speaker;

  byline_suggestions_set_origin (s, "rules:quotes");
  speaker = byline_suggestions_add_span (s, "speakers", "SPEAKER", cp (text, "the owner"),
                                         cp (text, " said"), 0.9);
  claim = assert_one_claim (s, text, expected, "yes");
  g_assert_cmpuint (byline_annotation_get_start (claim), ==, cp (text, "Sales"));
  g_assert_cmpuint (byline_annotation_get_end (claim), ==, g_utf8_strlen (text, -1));
  got = extract_test_span_text (text, claim);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (claimer_of (s, claim), ==, speaker);
}

/* Claims the document has, under any status and with other bounds, are
 * not suggested again; running twice adds nothing. */
static void
test_existing (void)
{
  const char *text = "Exports doubled in 2023. Imports fell by 20 percent.";
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineAnnotation) rejected = byline_annotation_new ("claims", "CLAIM", 0, cp (text, ". Imports"));
  g_autoptr(BylineSuggestions) s = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  guint n_relations;

  g_assert_true (byline_document_set_text (doc, text, -1, NULL));
  byline_annotation_set_status (rejected, BYLINE_STATUS_REJECTED);
  g_assert_nonnull (byline_document_add_annotation (doc, rejected, NULL));
  byline_document_mark_loaded (doc);

  s = byline_suggestions_new_for_document (doc);
  run_claims (s, text);
  run_claims (s, text);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, 1);
  assert_claim (s, text, "Imports fell by 20 percent.", "yes");
  g_assert_cmpuint (byline_suggestions_apply (s, doc, &n_relations), ==, 1);
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 2);
}

/* Text without stops, or made of marks, is no claim and takes no time
 * to say so. */
static void
test_hostile (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 t0;

  while (text->len < 200000)
    g_string_append (text, "exports rose by 5 percent, the largest rise since 1990, ");
  g_string_append (text, "analysts said.");
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, " ”");
  g_string_append (text, "\n\nUnemployment rose by 3 percent.");
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, " “");

  t0 = g_get_monotonic_time ();
  {
    g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
    g_autoptr(GPtrArray) claims = NULL;

    run_claims (s, text->str);
    claims = claims_of (s);
    g_assert_cmpuint (claims->len, ==, 1);
    assert_claim (s, text->str, "Unemployment rose by 3 percent.", "yes");
  }
  g_test_message ("hostile text of %zu bytes in %.0f ms", text->len, (g_get_monotonic_time () - t0) / 1000.0);
}

static void
test_invalid (void)
{
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (byline_extractor_claims.run ("Exports rose by 5 percent \xff.", s, NULL, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
}

static void
test_cancelled (void)
{
  extract_test_assert_cancelled (&byline_extractor_claims, "Exports rose by 5 percent.");
}

static void
print_claims (BylineSuggestions *s,
              const char        *text)
{
  g_autoptr(GPtrArray) claims = claims_of (s);

  for (guint i = 0; i < claims->len; i++)
    {
      BylineAnnotation *a = claims->pdata[i];
      const char *to = claimer_of (s, a);
      BylineAnnotation *claimer = to != NULL ? byline_suggestions_lookup (s, to) : NULL;
      g_autofree char *t = extract_test_span_text (text, a);
      g_autofree char *who = claimer != NULL ? extract_test_span_text (text, claimer) : g_strdup ("-");

      g_test_message ("CLAIM %u–%u %.2f %s [%s] claimer: %s%s%s", byline_annotation_get_start (a),
                      byline_annotation_get_end (a), confidence_of (a),
                      byline_annotation_get_attribute_string (a, "check_worthy"), t,
                      claimer != NULL ? byline_annotation_get_label (claimer) : "", claimer != NULL ? " " : "",
                      who);
    }
}

/* Sentences of the sample article. */
#define MOST_IMPORTANT "When it comes to Russia’s defense industrial base, China is “the most important contributor,” " \
                       "Blinken said last week, after the G7 foreign ministers meeting in Italy."
#define WE_SEE "“We see China sharing machine tools, semiconductors and other dual-use items that have helped Russia " \
               "rebuild the defense industrial base that sanctions and export controls have eroded so much,” he said."
#define GREATEST_THREAT "“If on the one hand China claims to want good relations with Europe and other countries, on the " \
                        "other hand it cannot pose the greatest threat to European security since the end of the Cold War.”"
#define CNBC "According to a CNBC analysis, Chinese companies are playing an increasingly important role in propping " \
             "up Russia’s struggling economy and strengthening its military capabilities, including through the trade " \
             "of battlefield goods in Ukraine."
#define DATA "Data last year appeared to indicate Beijing was supplying militarily useful equipment such as drones, " \
             "helmets, vests and radios, extending a lifeline to President Vladimir Putin’s war against Ukraine."

static void
assert_sample_claims (BylineSuggestions *s,
                      const char        *text)
{
  g_autoptr(GPtrArray) claims = claims_of (s);
  static const char * const not_claims[] = {
    "close\nclose",
    "China fuels the threat to European security",
    /* plans, schedules and predictions */
    "US Secretary of State Antony Blinken will warn China",
    "He is expected to express",
    "Blinken is expected to convey",
    "Blinken is expected to meet",
    "Blinken will also “discuss",
    /* opinions and intentions */
    "Either way, I think this will be a major topic",
    "I want to make it clear",
    "And I think we’ve shown",
    "We are prepared to take action",
    "It remains unclear whether",
  };

  assert_schema_valid (s);
  /* Real signals only: not one claim a sentence (the sample has 27). */
  g_assert_cmpuint (claims->len, >=, 5);
  g_assert_cmpuint (claims->len, <=, 10);
  assert_claim (s, text, MOST_IMPORTANT, "yes");
  assert_claim (s, text, WE_SEE, "yes");
  assert_claim (s, text, GREATEST_THREAT, "yes");
  assert_claim (s, text, CNBC, "yes");
  assert_claim (s, text, DATA, "yes");
  for (guint i = 0; i < claims->len; i++)
    {
      BylineAnnotation *a = claims->pdata[i];
      g_autofree char *t = extract_test_span_text (text, a);

      for (guint k = 0; k < G_N_ELEMENTS (not_claims); k++)
        {
          if (strstr (t, not_claims[k]) != NULL)
            g_error ("[%s] was suggested as a claim", t);
        }
      g_assert_false (g_str_has_prefix (t, "•"));
    }
}

static void
test_sample (void)
{
  g_autofree char *text = extract_test_read_sample ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims = NULL;

  run_claims (s, text);
  print_claims (s, text);
  assert_sample_claims (s, text);
  /* Alone, the extractor finds no speakers: only "according to a CNBC
   * analysis" could name one, and nothing there is an entity. */
  g_assert_cmpuint (byline_suggestions_get_relations (s)->len, ==, 0);
}

static BylineAnnotation *
find_label (BylineDocument *doc,
            const char     *label,
            const char     *covered)
{
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);
      g_autofree char *t = extract_test_span_text (byline_document_get_text (doc), a);

      if (g_str_equal (byline_annotation_get_label (a), label) && g_str_equal (t, covered))
        return a;
    }
  g_error ("no %s over [%s] in the sample", label, covered);
  return NULL;
}

/* The sample with its demo annotations as the document's own, and what
 * the quotes extractor would add for two sentences: the claimers. */
static void
test_sample_annotated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.byline.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, NULL, &error);
  g_autoptr(BylineSuggestions) s = NULL;
  const char *text, *blinken, *quote, *he;
  guint at;

  g_assert_no_error (error);
  text = byline_document_get_text (doc);
  s = byline_suggestions_new_for_document (doc);
  /* The demo's CLAIM is a plan ("is expected to convey"): not one this
   * extractor suggests, but there all the same. */
  find_label (doc, "CLAIM", "Blinken is expected to convey Washington’s “deep concerns” about Chinese aid to "
                            "Russia’s defense industrial base during his three-day visit starting Wednesday.");

  byline_suggestions_set_origin (s, "rules:quotes");
  at = cp (text, "Blinken said last week");
  blinken = byline_suggestions_add_span (s, "speakers", "SPEAKER", at, at + 7, 0.9);
  at = cp (text, WE_SEE);
  quote = byline_suggestions_add_span (s, "speakers", "QUOTE", at, at + cp_len (WE_SEE) - cp_len (" he said."), 0.9);
  he = byline_suggestions_add_span (s, "speakers", "SPEAKER", at + cp_len (WE_SEE) - cp_len ("he said."),
                                    at + cp_len (WE_SEE) - cp_len (" said."), 0.9);
  g_assert_true (byline_suggestions_add_relation (s, "said_by", quote, he));
  /* The paragraph after it: the same speaker goes on. */
  at = cp (text, GREATEST_THREAT);
  quote = byline_suggestions_add_span (s, "speakers", "QUOTE", at, at + cp_len (GREATEST_THREAT), 0.8);
  g_assert_true (byline_suggestions_add_relation (s, "said_by", quote, he));

  run_claims (s, text);
  print_claims (s, text);
  assert_sample_claims (s, text);
  g_assert_cmpstr (claimer_of (s, find_claim (s, text, MOST_IMPORTANT)), ==, blinken);
  g_assert_cmpstr (claimer_of (s, find_claim (s, text, WE_SEE)), ==, he);
  g_assert_cmpstr (claimer_of (s, find_claim (s, text, GREATEST_THREAT)), ==, he);
  g_assert_null (claimer_of (s, find_claim (s, text, DATA)));
}

/* All the extractors, as Suggest runs them: the claims stay the same,
 * and the speakers the quotes extractor finds become claimers. */
static void
test_sample_all (void)
{
  g_autofree char *text = extract_test_read_sample ();
  g_autoptr(BylineSuggestions) alone = byline_suggestions_new ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) claims_alone = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  const char *to;
  g_autofree char *who = NULL;

  if (byline_extractor_quotes.run == NULL || byline_extractor_entities.run == NULL)
    {
      g_test_skip ("the quotes or entities extractor is not in this build");
      return;
    }
  run_claims (alone, text);
  g_assert_true (byline_suggestions_run (s, text, NULL, NULL, &error));
  g_assert_no_error (error);
  print_claims (s, text);
  assert_sample_claims (s, text);
  claims_alone = claims_of (alone);
  claims = claims_of (s);
  g_assert_cmpuint (claims->len, ==, claims_alone->len);

  to = claimer_of (s, find_claim (s, text, MOST_IMPORTANT));
  g_assert_nonnull (to);
  who = extract_test_span_text (text, byline_suggestions_lookup (s, to));
  g_assert_cmpstr (who, ==, "Blinken");
  g_assert_nonnull (claimer_of (s, find_claim (s, text, WE_SEE)));
  g_assert_null (claimer_of (s, find_claim (s, text, DATA)));
}

static void
test_speed (void)
{
  g_autofree char *article = extract_test_read_sample ();
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(BylineSuggestions) one = byline_suggestions_new ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GPtrArray) per_article = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  guint copies = 0;
  gint64 t0, t1;

  while (big->len < 1024 * 1024)
    {
      g_string_append (big, article);
      g_string_append (big, "\n\n");
      copies++;
    }
  run_claims (one, article);
  per_article = claims_of (one);

  t0 = g_get_monotonic_time ();
  run_claims (s, big->str);
  t1 = g_get_monotonic_time ();
  claims = claims_of (s);
  g_test_message ("claims: %u claims in %.2f MB (%u copies of the sample) in %.0f ms",
                  claims->len, big->len / 1048576.0, copies, (t1 - t0) / 1000.0);
  /* Each copy alike: nothing depends on what came before. */
  g_assert_cmpuint (claims->len, ==, per_article->len * copies);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/claims/statistics", test_statistics);
  g_test_add_func ("/claims/superlatives", test_superlatives);
  g_test_add_func ("/claims/comparisons-and-causes", test_comparisons_and_causes);
  g_test_add_func ("/claims/attributed/speaker", test_attributed_speaker);
  g_test_add_func ("/claims/attributed/that", test_attributed_that);
  g_test_add_func ("/claims/attributed/according", test_attributed_according);
  g_test_add_func ("/claims/attributed/quote", test_attributed_quote);
  g_test_add_func ("/claims/attributed/heads", test_attributed_heads);
  g_test_add_func ("/claims/attributed/journalist", test_attributed_journalist);
  g_test_add_func ("/claims/headlines-and-bullets", test_headlines_and_bullets);
  g_test_add_func ("/claims/not-claims", test_not_claims);
  g_test_add_func ("/claims/unicode", test_unicode);
  g_test_add_func ("/claims/existing", test_existing);
  g_test_add_func ("/claims/hostile", test_hostile);
  g_test_add_func ("/claims/invalid", test_invalid);
  g_test_add_func ("/claims/cancelled", test_cancelled);
  g_test_add_func ("/claims/sample", test_sample);
  g_test_add_func ("/claims/sample-annotated", test_sample_annotated);
  g_test_add_func ("/claims/sample-all", test_sample_all);
  g_test_add_func ("/claims/speed", test_speed);

  return g_test_run ();
}

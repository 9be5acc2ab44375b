/* test-extract-entities.c: the entities extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spans are written as the substring they cover (the nth occurrence in
 * the text) and compared in code points, so every test also checks the
 * offsets past emoji, CJK and combining accents.
 */
#include <string.h>

#include "byline-error.h"
#include "byline-suggest.h"

#include "extract-test-util.h"

static BylineSuggestions *
extract (const char *text)
{
  BylineSuggestions *s = byline_suggestions_new ();

  extract_test_run (s, text, "entities");
  return s;
}

/* The code point span of the @nth (from 1) occurrence of @needle. */
static void
find_span (const char *text,
           const char *needle,
           guint       nth,
           guint      *start,
           guint      *end)
{
  const char *p = text;

  for (guint k = 0; k < nth; k++)
    {
      p = strstr (k == 0 ? p : p + 1, needle);
      if (p == NULL)
        g_error ("“%s” occurs fewer than %u times in “%s”", needle, nth, text);
    }
  *start = (guint) g_utf8_pointer_to_offset (text, p);
  *end = *start + (guint) g_utf8_strlen (needle, -1);
}

static BylineAnnotation *
find_exact (BylineSuggestions *s,
            guint              start,
            guint              end)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      if (byline_annotation_get_start (a) == start && byline_annotation_get_end (a) == end)
        return a;
    }
  return NULL;
}

static char *
describe (BylineSuggestions *s,
          const char        *text)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  GString *out = g_string_new (NULL);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];
      guint start = byline_annotation_get_start (a);
      guint end = byline_annotation_get_end (a);
      g_autofree char *covered = g_ucs4_to_utf8 (chars + start, end - start, NULL, NULL, NULL);
      double confidence = -1;

      byline_annotation_get_confidence (a, &confidence);
      g_string_append_printf (out, "  %-9s %.2f [%u, %u) %s\n", byline_annotation_get_label (a),
                              confidence, start, end, covered);
    }
  return g_string_free (out, FALSE);
}

#define assert_entity(s, text, needle, label) assert_entity_nth (s, text, needle, 1, label)

static void
assert_entity_nth (BylineSuggestions *s,
                   const char        *text,
                   const char        *needle,
                   guint              nth,
                   const char        *label)
{
  guint start, end;
  BylineAnnotation *a;

  find_span (text, needle, nth, &start, &end);
  a = find_exact (s, start, end);
  if (a == NULL || !g_str_equal (byline_annotation_get_label (a), label))
    {
      g_autofree char *found = describe (s, text);

      g_error ("expected %s over “%s” (#%u, [%u, %u)) in “%s”; found:\n%s", label, needle, nth,
               start, end, text, found);
    }
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "rules:entities");
  g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
}

/* No suggestion overlaps the @nth occurrence of @needle (with @label, or
 * any label when NULL). */
static void
assert_none_over (BylineSuggestions *s,
                  const char        *text,
                  const char        *needle,
                  guint              nth,
                  const char        *label)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint start, end;

  find_span (text, needle, nth, &start, &end);
  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];

      if (byline_annotation_get_start (a) < end && start < byline_annotation_get_end (a) &&
          (label == NULL || g_str_equal (byline_annotation_get_label (a), label)))
        {
          g_autofree char *found = describe (s, text);

          g_error ("nothing%s%s expected over “%s” in “%s”; found:\n%s", label ? " labelled " : "",
                   label ? label : "", needle, text, found);
        }
    }
}

static double
confidence_of (BylineSuggestions *s,
               const char        *text,
               const char        *needle)
{
  guint start, end;
  BylineAnnotation *a;
  double confidence = -1;

  find_span (text, needle, 1, &start, &end);
  a = find_exact (s, start, end);
  g_assert_nonnull (a);
  g_assert_true (byline_annotation_get_confidence (a, &confidence));
  return confidence;
}

/* The extractor's promise: no two suggestions overlap, every span is
 * inside the text, every confidence is in [0, 1]. */
static void
assert_well_formed (BylineSuggestions *s,
                    const char        *text)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint n_chars = (guint) g_utf8_strlen (text, -1);
  guint last_end = 0;

  for (guint i = 0; i < all->len; i++)
    {
      BylineAnnotation *a = all->pdata[i];
      double confidence = -1;

      g_assert_cmpuint (byline_annotation_get_start (a), <, byline_annotation_get_end (a));
      g_assert_cmpuint (byline_annotation_get_end (a), <=, n_chars);
      /* suggestions come sorted */
      g_assert_cmpuint (byline_annotation_get_start (a), >=, last_end);
      last_end = byline_annotation_get_end (a);
      g_assert_true (byline_annotation_get_confidence (a, &confidence));
      g_assert_cmpfloat (confidence, >, 0);
      g_assert_cmpfloat (confidence, <=, 1);
    }
}

static void
test_people_after_titles (void)
{
  const char *text = "US Secretary of State Antony Blinken met Foreign Minister Wang Yi, and "
                     "Chinese President Xi Jinping received Sen. Mitch McConnell, "
                     "State Department spokesperson Matthew Miller and Dr. Smith.";
  g_autoptr(BylineSuggestions) s = extract (text);

  assert_entity (s, text, "Antony Blinken", "PERSON");
  assert_entity (s, text, "Wang Yi", "PERSON");
  assert_entity (s, text, "Xi Jinping", "PERSON");
  assert_entity (s, text, "Mitch McConnell", "PERSON");
  assert_entity (s, text, "Matthew Miller", "PERSON");
  assert_entity (s, text, "Smith", "PERSON");
  assert_entity (s, text, "US", "GPE");
  assert_entity (s, text, "Chinese", "NORP");
  assert_entity (s, text, "State Department", "ORG");
  /* the titles are no part of the people */
  assert_none_over (s, text, "Secretary of State", 1, NULL);
  assert_none_over (s, text, "Foreign Minister", 1, NULL);
  assert_none_over (s, text, "President", 1, NULL);
  assert_none_over (s, text, "Sen.", 1, NULL);
  assert_none_over (s, text, "spokesperson", 1, NULL);
  assert_none_over (s, text, "Dr.", 1, NULL);
  g_assert_cmpfloat (confidence_of (s, text, "Antony Blinken"), >=, 0.8);
  assert_well_formed (s, text);
}

static void
test_people_by_name (void)
{
  const char *text = "Blinken will warn China. Antony Blinken landed, and Blinken’s aides met "
                     "Joe Biden, Ursula von der Leyen, Martin Luther King Jr. and John F. Kennedy. "
                     "Premier Li Qiang met He Lifeng. He said Kim Jong Un and Moon Jae-in spoke. "
                     "Lloyd Austin and Theresa May agreed. Hong Kong and Charles Schwab stayed out.";
  g_autoptr(BylineSuggestions) s = extract (text);

  /* a surname alone, before and after the full name, without ’s */
  assert_entity_nth (s, text, "Blinken", 1, "PERSON");
  assert_entity (s, text, "Antony Blinken", "PERSON");
  assert_entity_nth (s, text, "Blinken", 3, "PERSON");
  assert_entity (s, text, "Joe Biden", "PERSON");
  assert_entity (s, text, "Ursula von der Leyen", "PERSON");
  assert_entity (s, text, "Martin Luther King Jr.", "PERSON");
  assert_entity (s, text, "John F. Kennedy", "PERSON");
  assert_entity (s, text, "Li Qiang", "PERSON");
  assert_entity (s, text, "He Lifeng", "PERSON");
  assert_entity (s, text, "Kim Jong Un", "PERSON");
  assert_entity (s, text, "Moon Jae-in", "PERSON");
  assert_entity (s, text, "Lloyd Austin", "PERSON");
  assert_entity (s, text, "Theresa May", "PERSON");
  /* a place or a company as long as the name wins */
  assert_entity (s, text, "Hong Kong", "GPE");
  assert_entity (s, text, "Charles Schwab", "ORG");
  /* "He said" is no Chinese name */
  assert_none_over (s, text, "He said", 1, NULL);
  assert_well_formed (s, text);
}

static void
test_sentence_initial (void)
{
  const char *text = "The Pentagon said. But officials in Beijing disagreed. Data showed that the "
                     "data was wrong. However, Critics Say Things. Asked about it, she left.\n"
                     "“We are ready,” the official said. According to Reuters, it rained.";
  g_autoptr(BylineSuggestions) s = extract (text);

  assert_entity (s, text, "Pentagon", "ORG");
  assert_entity (s, text, "Beijing", "GPE");
  assert_entity (s, text, "Reuters", "ORG");
  assert_none_over (s, text, "The", 1, NULL);
  assert_none_over (s, text, "But", 1, NULL);
  assert_none_over (s, text, "Data", 1, NULL);
  assert_none_over (s, text, "However", 1, NULL);
  assert_none_over (s, text, "Asked", 1, NULL);
  assert_none_over (s, text, "We", 1, NULL);
  assert_none_over (s, text, "According", 1, NULL);
  /* a guess after a dropped opener still starts the sentence */
  assert_none_over (s, text, "Critics Say", 1, "PERSON");
  assert_well_formed (s, text);
}

static void
test_gazetteers (void)
{
  const char *text = "A senior US State Department official said the State Department and the "
                     "Chinese Foreign Ministry disagree over China’s support for Russia’s war. "
                     "WHO warned; who knows? The South China Sea, the Middle East and the "
                     "Indo-Pacific matter to NATO, the G7 and the European Union. "
                     "Republicans and Muslims in Washington read The Washington Post. "
                     "US-China trade and pro-Russian forces were discussed during the Cold War.";
  g_autoptr(BylineSuggestions) s = extract (text);

  assert_entity (s, text, "US State Department", "ORG");
  /* without "the" */
  assert_entity_nth (s, text, "State Department", 2, "ORG");
  assert_none_over (s, text, "said the", 1, NULL);
  assert_entity (s, text, "Chinese Foreign Ministry", "ORG");
  /* possessives */
  assert_entity (s, text, "China", "GPE");
  assert_entity (s, text, "Russia", "GPE");
  assert_none_over (s, text, "’s support", 1, NULL);
  /* acronyms are case-sensitive */
  assert_entity (s, text, "WHO", "ORG");
  assert_none_over (s, text, "who", 1, NULL);
  /* the longest phrase wins */
  assert_entity (s, text, "South China Sea", "LOC");
  assert_entity (s, text, "Middle East", "LOC");
  assert_entity (s, text, "Indo-Pacific", "LOC");
  assert_entity (s, text, "NATO", "ORG");
  assert_entity (s, text, "G7", "ORG");
  assert_entity (s, text, "European Union", "ORG");
  assert_entity (s, text, "Republicans", "NORP");
  assert_entity (s, text, "Muslims", "NORP");
  assert_entity (s, text, "Washington", "GPE");
  assert_entity (s, text, "The Washington Post", "ORG");
  /* the parts of hyphenated words */
  assert_entity_nth (s, text, "US", 2, "GPE");
  assert_entity_nth (s, text, "China", 3, "GPE");
  assert_entity (s, text, "Russian", "NORP");
  assert_entity (s, text, "Cold War", "EVENT");
  g_assert_cmpfloat (confidence_of (s, text, "NATO"), >=, 0.8);
  assert_well_formed (s, text);
}

static void
test_languages (void)
{
  const char *text = "He speaks Chinese, and wrote in English about Chinese companies in Mandarin.";
  g_autoptr(BylineSuggestions) s = extract (text);

  assert_entity_nth (s, text, "Chinese", 1, "LANGUAGE");
  assert_entity (s, text, "English", "LANGUAGE");
  assert_entity_nth (s, text, "Chinese", 2, "NORP");
  assert_entity (s, text, "Mandarin", "LANGUAGE");
}

static void
test_dates_and_times (void)
{
  const char *text = "He will visit Shanghai and Beijing from April 24 to 26, as he did last June. "
                     "Talks resume next week, this year or on Wednesday; prices fell last month, "
                     "in April 2024 and in 2023. At 10:30 a.m. on Monday, April 22, 2024, he "
                     "left; by noon it was over. It lasted three days, during the 1990s and the "
                     "past two weeks, and a three-day visit began two years ago, mid-April. "
                     "In May, Theresa May may go. April Ryan asked.";
  g_autoptr(BylineSuggestions) s = extract (text);

  /* a range is one span, and its numbers are no CARDINAL */
  assert_entity (s, text, "April 24 to 26", "DATE");
  assert_none_over (s, text, "24", 1, "CARDINAL");
  assert_none_over (s, text, "26", 1, "CARDINAL");
  assert_entity (s, text, "last June", "DATE");
  assert_entity (s, text, "next week", "DATE");
  assert_entity (s, text, "this year", "DATE");
  assert_entity (s, text, "Wednesday", "DATE");
  assert_entity (s, text, "last month", "DATE");
  assert_entity (s, text, "April 2024", "DATE");
  assert_entity (s, text, "2023", "DATE");
  assert_entity (s, text, "10:30 a.m.", "TIME");
  assert_entity (s, text, "Monday, April 22, 2024", "DATE");
  assert_entity (s, text, "noon", "TIME");
  assert_entity (s, text, "three days", "DATE");
  assert_entity (s, text, "1990s", "DATE");
  assert_entity (s, text, "the past two weeks", "DATE");
  assert_entity (s, text, "three-day", "DATE");
  assert_entity (s, text, "two years ago", "DATE");
  assert_entity (s, text, "mid-April", "DATE");
  assert_none_over (s, text, "two weeks", 1, "CARDINAL");
  /* the month May, the person May and the verb may */
  assert_entity (s, text, "May", "DATE");
  assert_entity (s, text, "Theresa May", "PERSON");
  assert_none_over (s, text, "may go", 1, NULL);
  /* a month before a name is no date */
  assert_none_over (s, text, "April Ryan", 1, "DATE");
  g_assert_cmpfloat (confidence_of (s, text, "April 24 to 26"), >=, 0.9);
  assert_well_formed (s, text);
}

static void
test_money_and_numbers (void)
{
  const char *text = "The fund raised $1.5 billion and 1 million yuan, then €20 and US$3 more. "
                     "Prices rose 3% after a 3 percent fall and 0.25 percentage points. "
                     "The convoy drove 5 kilometers with 10 tons of aid. It was the first visit "
                     "and they came 26th; two of 1,000 people and dozens of others, "
                     "twenty-five in all, on the one hand.";
  g_autoptr(BylineSuggestions) s = extract (text);

  assert_entity (s, text, "$1.5 billion", "MONEY");
  assert_entity (s, text, "1 million yuan", "MONEY");
  assert_entity (s, text, "€20", "MONEY");
  assert_entity (s, text, "US$3", "MONEY");
  assert_entity (s, text, "3%", "PERCENT");
  assert_entity (s, text, "3 percent", "PERCENT");
  assert_entity (s, text, "0.25 percentage points", "PERCENT");
  assert_entity (s, text, "5 kilometers", "QUANTITY");
  assert_entity (s, text, "10 tons", "QUANTITY");
  assert_entity (s, text, "first", "ORDINAL");
  assert_entity (s, text, "26th", "ORDINAL");
  assert_entity (s, text, "two", "CARDINAL");
  assert_entity (s, text, "1,000", "CARDINAL");
  assert_entity (s, text, "dozens", "CARDINAL");
  assert_entity (s, text, "twenty-five", "CARDINAL");
  /* no number inside money, percentages or quantities is counted again,
   * and US$ is no country */
  assert_none_over (s, text, "1.5", 1, "CARDINAL");
  assert_none_over (s, text, "1 million", 1, "CARDINAL");
  assert_none_over (s, text, "US$", 1, "GPE");
  assert_none_over (s, text, "5 kilometers", 1, "CARDINAL");
  /* "the one hand" is an idiom */
  assert_none_over (s, text, "one hand", 1, NULL);
  g_assert_cmpfloat (confidence_of (s, text, "$1.5 billion"), >=, 0.9);
  assert_well_formed (s, text);
}

static void
test_guesses (void)
{
  const char *text = "She studied at Beijing Normal University and swam in the Qinghe River "
                     "before the Clean Energy Act passed. Analysts at Zorblatt Capital agreed.";
  g_autoptr(BylineSuggestions) s = extract (text);

  /* unknown names guessed from their last word, with a low confidence */
  assert_entity (s, text, "Beijing Normal University", "ORG");
  assert_entity (s, text, "Qinghe River", "LOC");
  assert_entity (s, text, "Clean Energy Act", "LAW");
  assert_entity (s, text, "Zorblatt Capital", "ORG");
  g_assert_cmpfloat (confidence_of (s, text, "Beijing Normal University"), <=, 0.6);
  g_assert_cmpfloat (confidence_of (s, text, "Qinghe River"), <=, 0.6);
  g_assert_cmpfloat (confidence_of (s, text, "Beijing Normal University"), >=, 0.4);
  assert_well_formed (s, text);
}

static void
test_news_conventions (void)
{
  const char *text = "WASHINGTON (AP) — Apple Inc. told the United Nations Security Council on "
                     "Black Friday that sales rose 16% from a year earlier.\n"
                     "Judge Rules Against Plan In Landmark Case\n"
                     "NEW YORK, May 2 (Reuters) - Vice President JD Vance spoke.";
  g_autoptr(BylineSuggestions) s = extract (text);

  /* a dateline in capitals */
  assert_entity (s, text, "WASHINGTON", "GPE");
  assert_entity (s, text, "NEW YORK", "GPE");
  assert_entity (s, text, "AP", "ORG");
  assert_entity (s, text, "Reuters", "ORG");
  assert_entity (s, text, "May 2", "DATE");
  /* a company with its suffix; a known name inside a longer one */
  assert_entity (s, text, "Apple Inc.", "ORG");
  assert_entity (s, text, "United Nations Security Council", "ORG");
  /* an event named after a weekday is no date */
  assert_entity (s, text, "Black Friday", "EVENT");
  assert_entity (s, text, "a year earlier", "DATE");
  assert_entity (s, text, "16%", "PERCENT");
  /* one word after a title in a Title Case headline is no person */
  assert_none_over (s, text, "Rules", 1, NULL);
  assert_entity (s, text, "JD Vance", "PERSON");
  assert_well_formed (s, text);
}

static void
test_unicode (void)
{
  const char *text = "😀 👨‍👩‍👧 Cafe\u0301 — 北京: “Antony Blinken” visited Beijing on Wednesday; "
                     "José Álvarez paid €20 in Zürich.\r\n\tXi Jinping’s visit";
  g_autoptr(BylineSuggestions) s = extract (text);

  assert_entity (s, text, "Antony Blinken", "PERSON");
  assert_entity (s, text, "Beijing", "GPE");
  assert_entity (s, text, "Wednesday", "DATE");
  assert_entity (s, text, "José Álvarez", "PERSON");
  assert_entity (s, text, "€20", "MONEY");
  assert_entity (s, text, "Zürich", "GPE");
  assert_entity (s, text, "Xi Jinping", "PERSON");
  assert_none_over (s, text, "Cafe\u0301", 1, NULL);
  assert_well_formed (s, text);
}

static void
test_empty (void)
{
  static const char * const texts[] = {
    "", " ", "\n\n\r\n", "…", "“”", "😀", "$", "%", "$ %", "April", "a.m.", "’s", "al-",
    "mid-", "twenty-", "-twenty", "Q", "10:", "1.2.3.4", "2023-24-25", "$$$$1", "the", "The",
    "99999999999999999999999999999999999999999999999999999999999999999999999999999 percent",
    "Secretary of State", "Mr.", "Jr.", "von der", "He", "Wang", "the past", "last",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(BylineSuggestions) s = extract (texts[i]);

      assert_well_formed (s, texts[i]);
      if (i < 8 || g_str_equal (texts[i], "Secretary of State") || g_str_equal (texts[i], "Mr."))
        g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
    }
}

static void
test_hostile (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BylineSuggestions) s = NULL;

  /* long runs of capitals, titles, numbers and hyphens in one line */
  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "President Secretary of State Wang Xi A B C $ 1 2 3 April - 24 to ");
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "twenty-five-year-old-mid-April-US-China-");
  g_string_append (text, "\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_c (text, 'A');
  s = extract (text->str);
  assert_well_formed (s, text->str);
}

/* People the document already has are known by their surname. */
static void
test_document_people (void)
{
  const char *text = "Jane Qwertyson arrived. Later, Qwertyson said no.";
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineAnnotation) person = byline_annotation_new ("entities", "PERSON", 0, 14);
  g_autoptr(BylineSuggestions) s = NULL;

  g_assert_true (byline_document_set_text (doc, text, -1, NULL));
  g_assert_nonnull (byline_document_add_annotation (doc, person, NULL));
  s = byline_suggestions_new_for_document (doc);
  extract_test_run (s, text, "entities");
  assert_entity_nth (s, text, "Qwertyson", 2, "PERSON");
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new ();
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "entities", NULL };

  g_cancellable_cancel (cancellable);
  g_assert_false (byline_suggestions_run (s, "Antony Blinken", names, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_sample (void)
{
  g_autofree char *text = extract_test_read_sample ();
  g_autoptr(BylineSuggestions) s = extract (text);
  g_autofree char *found = describe (s, text);

  g_test_message ("%u entities on the sample article:\n%s",
                  byline_suggestions_get_annotations (s)->len, found);
  assert_entity (s, text, "Antony Blinken", "PERSON");
  assert_entity (s, text, "Wang Yi", "PERSON");
  assert_entity (s, text, "Xi Jinping", "PERSON");
  assert_entity (s, text, "Vladimir Putin", "PERSON");
  assert_entity (s, text, "Beijing", "GPE");
  assert_entity (s, text, "Shanghai", "GPE");
  assert_entity (s, text, "April 24 to 26", "DATE");
  assert_entity (s, text, "Wednesday", "DATE");
  assert_entity (s, text, "last June", "DATE");
  assert_entity (s, text, "G7", "ORG");
  assert_entity (s, text, "CNBC", "ORG");
  assert_entity (s, text, "US State Department", "ORG");
  assert_entity (s, text, "Middle East", "LOC");
  assert_entity (s, text, "South China Sea", "LOC");
  assert_entity (s, text, "Cold War", "EVENT");
  assert_entity (s, text, "second", "ORDINAL");
  /* the headline's "Blinken", before the full name */
  assert_entity (s, text, "Blinken", "PERSON");
  assert_none_over (s, text, "Secretary of State", 1, NULL);
  assert_none_over (s, text, "Foreign Minister", 1, NULL);
  assert_well_formed (s, text);
}

/* A megabyte of news: timed, not asserted (machines differ). */
static void
test_speed (void)
{
  g_autofree char *sample = extract_test_read_sample ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BylineSuggestions) warm = extract ("Antony Blinken");
  g_autoptr(BylineSuggestions) s = NULL;
  gint64 before;

  while (text->len < 1024 * 1024)
    {
      g_string_append (text, sample);
      g_string_append (text, "\n\nOn Friday, €3.5 billion (12%) went to 1,200 firms in 2023.\n\n");
    }
  before = g_get_monotonic_time ();
  s = extract (text->str);
  g_test_message ("%" G_GSIZE_FORMAT " bytes: %u entities in %.0f ms", text->len,
                  byline_suggestions_get_annotations (s)->len,
                  (g_get_monotonic_time () - before) / 1000.0);
  g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, >, 10000);
  assert_well_formed (s, text->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract-entities/people-after-titles", test_people_after_titles);
  g_test_add_func ("/extract-entities/people-by-name", test_people_by_name);
  g_test_add_func ("/extract-entities/sentence-initial", test_sentence_initial);
  g_test_add_func ("/extract-entities/gazetteers", test_gazetteers);
  g_test_add_func ("/extract-entities/languages", test_languages);
  g_test_add_func ("/extract-entities/dates-and-times", test_dates_and_times);
  g_test_add_func ("/extract-entities/money-and-numbers", test_money_and_numbers);
  g_test_add_func ("/extract-entities/guesses", test_guesses);
  g_test_add_func ("/extract-entities/news-conventions", test_news_conventions);
  g_test_add_func ("/extract-entities/unicode", test_unicode);
  g_test_add_func ("/extract-entities/empty", test_empty);
  g_test_add_func ("/extract-entities/hostile", test_hostile);
  g_test_add_func ("/extract-entities/document-people", test_document_people);
  g_test_add_func ("/extract-entities/cancelled", test_cancelled);
  g_test_add_func ("/extract-entities/sample", test_sample);
  g_test_add_func ("/extract-entities/speed", test_speed);

  return g_test_run ();
}

/* test-tokenizer.c: tokens, sentences and word snapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Token lists are compared as strings: the tokens' text joined by single
 * spaces (a token never holds whitespace, so this is unambiguous).
 */
#include "byline-tokenizer.h"

#include <string.h>

static char *
dup_slice (const char *text,
           guint       start,
           guint       end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (a, end - start);

  return g_strndup (a, b - a);
}

static gboolean
is_blank (gunichar ch)
{
  return g_unichar_isspace (ch) || g_unichar_type (ch) == G_UNICODE_CONTROL ||
         ch == 0x200B || ch == 0xFEFF;
}

/* The invariants of every token array: sorted, non-empty, not
 * overlapping, no whitespace inside and nothing but whitespace between. */
static void
check_tokens (const char *text,
              GArray     *tokens)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);
  guint pos = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      BylineToken *token = &g_array_index (tokens, BylineToken, i);

      g_assert_cmpuint (token->start, <, token->end);
      g_assert_cmpuint (token->start, >=, pos);
      g_assert_cmpuint (token->end, <=, n_chars);
      for (; pos < token->start; pos++)
        g_assert_true (is_blank (chars[pos]));
      for (; pos < token->end; pos++)
        g_assert_false (is_blank (chars[pos]));
    }
  for (; pos < n_chars; pos++)
    g_assert_true (is_blank (chars[pos]));
}

static char *
join_tokens (const char *text,
             GArray     *tokens,
             guint       from,
             guint       to)
{
  GString *joined = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      BylineToken *token = &g_array_index (tokens, BylineToken, i);
      g_autofree char *slice = dup_slice (text, token->start, token->end);

      if (i > from)
        g_string_append_c (joined, ' ');
      g_string_append (joined, slice);
    }
  return g_string_free (joined, FALSE);
}

static char *
tokenize_to_string (const char *text)
{
  g_autoptr(GArray) tokens = byline_tokenize (text, -1);

  check_tokens (text, tokens);
  return join_tokens (text, tokens, 0, tokens->len);
}

#define assert_tokens(text, expected) \
  G_STMT_START { \
    g_autofree char *actual_ = tokenize_to_string (text); \
    g_assert_cmpstr (actual_, ==, expected); \
  } G_STMT_END

static const char *
kind_letter (BylineTokenKind kind)
{
  switch (kind)
    {
    case BYLINE_TOKEN_WORD:
      return "W";
    case BYLINE_TOKEN_NUMBER:
      return "N";
    case BYLINE_TOKEN_ABBREVIATION:
      return "A";
    case BYLINE_TOKEN_PUNCT:
      return "P";
    case BYLINE_TOKEN_SYMBOL:
      return "S";
    case BYLINE_TOKEN_URL:
      return "U";
    case BYLINE_TOKEN_EMAIL:
      return "E";
    case BYLINE_TOKEN_EMOJI:
      return "J";
    default:
      g_assert_not_reached ();
    }
}

static char *
kinds_to_string (const char *text)
{
  g_autoptr(GArray) tokens = byline_tokenize (text, -1);
  GString *kinds = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    g_string_append (kinds, kind_letter (g_array_index (tokens, BylineToken, i).kind));
  return g_string_free (kinds, FALSE);
}

#define assert_kinds(text, expected) \
  G_STMT_START { \
    g_autofree char *actual_ = kinds_to_string (text); \
    g_assert_cmpstr (actual_, ==, expected); \
  } G_STMT_END

static char *
sentences_to_string (const char *text)
{
  g_autoptr(GArray) tokens = byline_tokenize (text, -1);
  g_autoptr(GArray) sentences = byline_split_sentences (text, -1, tokens);
  g_autoptr(GArray) again = byline_split_sentences (text, -1, NULL);
  GString *joined = g_string_new (NULL);

  g_assert_cmpuint (sentences->len, ==, again->len);
  for (guint i = 0; i < sentences->len; i++)
    {
      BylineSentence *s = &g_array_index (sentences, BylineSentence, i);
      g_autofree char *slice = dup_slice (text, s->start, s->end);

      g_assert_cmpuint (s->start, ==, g_array_index (again, BylineSentence, i).start);
      g_assert_cmpuint (s->end, ==, g_array_index (again, BylineSentence, i).end);
      if (i > 0)
        g_string_append (joined, " | ");
      g_string_append (joined, slice);
    }
  return g_string_free (joined, FALSE);
}

#define assert_sentences(text, expected) \
  G_STMT_START { \
    g_autofree char *actual_ = sentences_to_string (text); \
    g_assert_cmpstr (actual_, ==, expected); \
  } G_STMT_END

static char *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The tokens (tokenized as part of the whole @text) that lie within the
 * first occurrence of @needle. */
static char *
tokens_of (const char *text,
           GArray     *tokens,
           const char *needle)
{
  const char *found = strstr (text, needle);
  guint start;
  guint end;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  end = start + g_utf8_strlen (needle, -1);
  return join_tokens (text, tokens, byline_tokens_find (tokens, start),
                      byline_tokens_find (tokens, end));
}

/* {{{ Tokens */

static void
test_empty (void)
{
  g_autoptr(GArray) tokens = byline_tokenize ("", -1);
  g_autoptr(GArray) none = byline_tokenize (NULL, 0);
  g_autoptr(GArray) sentences = byline_split_sentences ("", 0, NULL);
  g_autoptr(GArray) blank = byline_tokenize (" \t \r\n \u00a0\u2003\n", -1);
  g_autoptr(GArray) blank_sentences = byline_split_sentences ("     ", -1, NULL);
  guint start = 0;
  guint end = 0;

  g_assert_cmpuint (tokens->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (sentences->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (blank_sentences->len, ==, 0);
  g_assert_cmpuint (byline_tokens_find (tokens, 0), ==, 0);

  byline_snap_to_words ("", 0, NULL, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 0);
  start = 1;
  end = 4;
  byline_snap_to_words ("     ", -1, NULL, &start, &end);
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpuint (end, ==, 1);
}

static void
test_whitespace (void)
{
  g_autoptr(GArray) tokens = NULL;
  const char *crlf = "Hello,\r\nworld.\r\n\r\nNext\tline\r\n";

  assert_tokens ("a\tb\t\tc", "a b c");
  assert_tokens ("  padded  ", "padded");
  assert_tokens (crlf, "Hello , world . Next line");
  assert_tokens ("one\u00a0two\u2003three\u200bfour", "one two three four");
  assert_tokens ("line\u2028break\u2029para", "line break para");

  tokens = byline_tokenize (crlf, -1);
  g_assert_cmpuint (tokens->len, ==, 6);
  /* offsets are code points, and the CR counts as one */
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 2).start, ==, 8);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 4).start, ==, 18);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 5).end, ==, 27);

  /* a length that stops early */
  g_clear_pointer (&tokens, g_array_unref);
  tokens = byline_tokenize ("Hello world", 5);
  g_assert_cmpuint (tokens->len, ==, 1);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 0).end, ==, 5);
}

static void
test_clitics (void)
{
  assert_tokens ("Blinken’s second trip", "Blinken ’s second trip");
  assert_tokens ("Blinken's second trip", "Blinken 's second trip");
  assert_tokens ("don’t can't won’t isn’t", "do n’t ca n't wo n’t is n’t");
  assert_tokens ("we’re they’ve I’ll he’d I’m it's", "we ’re they ’ve I ’ll he ’d I ’m it 's");
  assert_tokens ("BLINKEN’S DON’T", "BLINKEN ’S DO N’T");
  assert_tokens ("O’Brien rock’n’roll O’Neill’s", "O’Brien rock’n’roll O’Neill ’s");
  assert_tokens ("the countries’ leaders", "the countries ’ leaders");
  assert_tokens ("Russia’s.", "Russia ’s .");
  assert_tokens ("the ’90s", "the ’90s");
  assert_tokens ("the U.S.’s role", "the U.S. ’s role");
  /* a quote is not a clitic */
  assert_tokens ("‘so’ he said", "‘ so ’ he said");
  assert_tokens ("'so' he said", "' so ' he said");
  assert_kinds ("Blinken’s don’t", "WWWW");
}

static void
test_hyphens_and_dashes (void)
{
  assert_tokens ("a high-stakes, three-day visit", "a high-stakes , three-day visit");
  assert_tokens ("state-of-the-art COVID-19 F-16", "state-of-the-art COVID-19 F-16");
  assert_tokens ("Zoë—the visit – NBC", "Zoë — the visit – NBC");
  assert_tokens ("1990–2000", "1990 – 2000");
  assert_tokens ("well--known", "well -- known");
  assert_tokens ("wait——what", "wait —— what");
  assert_tokens ("pre- and post-war", "pre - and post-war");
  assert_tokens ("-5 degrees", "- 5 degrees");
  assert_kinds ("Zoë—the", "WPW");
}

static void
test_code_point_offsets (void)
{
  g_autoptr(GArray) tokens = byline_tokenize ("Zoë—the", -1);

  g_assert_cmpuint (tokens->len, ==, 3);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 0).end, ==, 3);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 1).start, ==, 3);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 1).end, ==, 4);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 2).start, ==, 4);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 2).end, ==, 7);
}

static void
test_numbers (void)
{
  assert_tokens ("$1.2 billion, 40%, 1,000.50 and 3.5",
                 "$ 1.2 billion , 40 % , 1,000.50 and 3.5");
  assert_kinds ("$1.2 billion, 40%, 1,000.50 and 3.5", "SNWPNSPNWN");
  assert_tokens ("from April 24 to 26.", "from April 24 to 26 .");
  assert_tokens ("the 1st and 26th, 22nd, 3rd", "the 1st and 26th , 22nd , 3rd");
  assert_kinds ("the 1st and 26th, 22nd, 3rd", "WNWNPNPN");
  assert_tokens ("in 2024. 1,000, then 10:30", "in 2024 . 1,000 , then 10:30");
  assert_tokens ("the 2023-24 season, 2.5-inch", "the 2023-24 season , 2.5-inch");
  assert_kinds ("the 2023-24 season, 2.5-inch", "WNWPW");
  assert_tokens ("the G7 and 3D", "the G7 and 3D");
  assert_kinds ("the G7 and 3D", "WWWW");
  assert_tokens ("€5 and £3.50", "€ 5 and £ 3.50");
}

static void
test_abbreviations (void)
{
  assert_tokens ("Mr. Smith met U.S. officials, e.g. Sen. Jones and George W. Bush.",
                 "Mr. Smith met U.S. officials , e.g. Sen. Jones and George W. Bush .");
  assert_kinds ("Mr. Smith met U.S. officials", "AWWAW");
  assert_tokens ("at No. 10 in the U.K. on Jan. 6 at 3 p.m. etc.",
                 "at No. 10 in the U.K. on Jan. 6 at 3 p.m. etc.");
  /* the period after a normal word is its own token */
  assert_tokens ("It ended. No one came.", "It ended . No one came .");
  assert_tokens ("plan b. Then", "plan b . Then");
  assert_tokens ("MR. SMITH", "MR. SMITH");
  assert_tokens ("Wait...", "Wait ...");
  assert_tokens ("China.He", "China . He");
}

static void
test_urls (void)
{
  assert_tokens ("See https://www.nbcchicago.com/news/national-international/blinken/3425461/, "
                 "www.state.gov. Or mail press@state.gov.",
                 "See https://www.nbcchicago.com/news/national-international/blinken/3425461/ , "
                 "www.state.gov . Or mail press@state.gov .");
  assert_kinds ("See https://a.org/x, www.state.gov. Or mail press@state.gov.", "WUPUPWWEP");
  assert_tokens ("(https://en.wikipedia.org/wiki/Foo_(bar)) and “http://x.org/a?b=1&c=2”",
                 "( https://en.wikipedia.org/wiki/Foo_(bar) ) and “ http://x.org/a?b=1&c=2 ”");
  assert_tokens ("per nbcnews.com’s report on nbcnews.com/politics.",
                 "per nbcnews.com ’s report on nbcnews.com/politics .");
  assert_tokens ("mail first.last+tag@mail.example.co.uk!", "mail first.last+tag@mail.example.co.uk !");
  assert_tokens ("Node.js and x@y", "Node . js and x @ y");
}

static void
test_quotes_and_brackets (void)
{
  assert_tokens ("“We are,” he said.", "“ We are , ” he said .");
  assert_tokens ("\"Yes\" and ‘no’ (really) [sic] {x} «oui»",
                 "\" Yes \" and ‘ no ’ ( really ) [ sic ] { x } « oui »");
  assert_tokens ("“deep concerns”", "“ deep concerns ”");
  assert_kinds ("“We", "PW");
}

static void
test_emoji (void)
{
  /* 👩‍👩‍👧: three emoji joined by ZWJ; 👍🏽: with a skin tone; flags */
  assert_tokens ("👩\u200d👩\u200d👧 family 👍🏽 ok 🇺🇸🇨🇳 ❤️ great👍",
                 "👩\u200d👩\u200d👧 family 👍🏽 ok 🇺🇸 🇨🇳 ❤️ great 👍");
  assert_kinds ("👩\u200d👩\u200d👧 family 👍🏽 ok 🇺🇸🇨🇳 ❤️ great👍", "JWJWJJJWJ");
  /* England: a black flag with tag characters */
  assert_tokens ("🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F won",
                 "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F won");
  /* a technologist with skin tone, ZWJ and a pictograph */
  assert_tokens ("🧑🏾\u200d💻!", "🧑🏾\u200d💻 !");
  /* an odd regional indicator stands alone */
  assert_tokens ("🇺🇸🇨", "🇺🇸 🇨");
}

static void
test_combining_marks (void)
{
  g_autoptr(GArray) tokens = byline_tokenize ("Zoe\u0308—cafe\u0301 nai\u0308ve", -1);

  assert_tokens ("Zoe\u0308—cafe\u0301 nai\u0308ve", "Zoe\u0308 — cafe\u0301 nai\u0308ve");
  g_assert_cmpuint (tokens->len, ==, 4);
  g_assert_cmpuint (g_array_index (tokens, BylineToken, 0).end, ==, 4);
  /* a mark with no base is a token of its own */
  assert_tokens ("a \u0301b", "a \u0301 b");
  assert_tokens ("a \u0301 b", "a \u0301 b");
  assert_kinds ("a \u0301 b", "WSW");
}

static void
test_cjk (void)
{
  assert_tokens ("中国外交部长王毅", "中 国 外 交 部 长 王 毅");
  assert_tokens ("東京タワーに行く", "東 京 タワー に 行 く");
  assert_tokens ("中国。美国，Blinken说", "中 国 。 美 国 ， Blinken 说");
  assert_tokens ("한국어 문장", "한국어 문장");
}

static void
test_sample (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GArray) tokens = byline_tokenize (text, -1);
  g_autofree char *trip = tokens_of (text, tokens, "Blinken’s second trip");
  g_autofree char *april = tokens_of (text, tokens, "April 24 to 26.");
  g_autofree char *concerns = tokens_of (text, tokens, "express Washington’s “deep concerns” on");
  g_autofree char *year = tokens_of (text, tokens, "This will be Blinken’s second trip to China after "
                                     "a high-stakes diplomatic mission to cool tensions between "
                                     "the US and China last year.");
  g_autofree char *we = tokens_of (text, tokens, "“We are prepared to take action");
  g_autofree char *shown = tokens_of (text, tokens, "“And I think we’ve shown");
  g_autofree char *beijing = tokens_of (text, tokens, "while we’re in Beijing.”");
  g_autofree char *said = tokens_of (text, tokens, "the official said. .");
  g_autofree char *title = tokens_of (text, tokens, "this week’s visit – NBC Chicago");
  g_autofree char *dual = tokens_of (text, tokens, "dual-use items");
  g_autofree char *g7 = tokens_of (text, tokens, "after the G7 foreign ministers meeting in Italy.");
  g_autofree char *bullet = tokens_of (text, tokens, "  • He is");

  check_tokens (text, tokens);
  g_assert_cmpstr (trip, ==, "Blinken ’s second trip");
  g_assert_cmpstr (april, ==, "April 24 to 26 .");
  g_assert_cmpstr (concerns, ==, "express Washington ’s “ deep concerns ” on");
  g_assert_cmpstr (year, ==, "This will be Blinken ’s second trip to China after a high-stakes "
                   "diplomatic mission to cool tensions between the US and China last year .");
  g_assert_cmpstr (we, ==, "“ We are prepared to take action");
  g_assert_cmpstr (shown, ==, "“ And I think we ’ve shown");
  g_assert_cmpstr (beijing, ==, "while we ’re in Beijing . ”");
  g_assert_cmpstr (said, ==, "the official said . .");
  g_assert_cmpstr (title, ==, "this week ’s visit – NBC Chicago");
  g_assert_cmpstr (dual, ==, "dual-use items");
  g_assert_cmpstr (g7, ==, "after the G7 foreign ministers meeting in Italy .");
  g_assert_cmpstr (bullet, ==, "• He is");
}

static void
test_find (void)
{
  /*                     0123456789012345 */
  const char *text = "one  two, three";
  g_autoptr(GArray) tokens = byline_tokenize (text, -1);

  g_assert_cmpuint (tokens->len, ==, 4);
  g_assert_cmpuint (byline_tokens_find (tokens, 0), ==, 0);
  g_assert_cmpuint (byline_tokens_find (tokens, 2), ==, 0);
  g_assert_cmpuint (byline_tokens_find (tokens, 3), ==, 1);  /* whitespace: the next */
  g_assert_cmpuint (byline_tokens_find (tokens, 4), ==, 1);
  g_assert_cmpuint (byline_tokens_find (tokens, 5), ==, 1);
  g_assert_cmpuint (byline_tokens_find (tokens, 8), ==, 2);  /* the comma */
  g_assert_cmpuint (byline_tokens_find (tokens, 9), ==, 3);
  g_assert_cmpuint (byline_tokens_find (tokens, 14), ==, 3);
  g_assert_cmpuint (byline_tokens_find (tokens, 15), ==, 4);
  g_assert_cmpuint (byline_tokens_find (tokens, 1000), ==, 4);
}

/* }}} */
/* {{{ Snapping */

static char *
snap (const char *text,
      guint       start,
      guint       end)
{
  g_autoptr(GArray) tokens = byline_tokenize (text, -1);
  g_autofree char *slice = NULL;
  guint s2 = start;
  guint e2 = end;

  byline_snap_to_words (text, -1, tokens, &start, &end);
  /* the same without tokens at hand */
  byline_snap_to_words (text, -1, NULL, &s2, &e2);
  g_assert_cmpuint (start, ==, s2);
  g_assert_cmpuint (end, ==, e2);
  g_assert_cmpuint (start, <=, end);
  slice = dup_slice (text, start, end);
  return g_strdup_printf ("%u-%u %s", start, end, slice);
}

#define assert_snap(text, start, end, expected) \
  G_STMT_START { \
    g_autofree char *actual_ = snap (text, start, end); \
    g_assert_cmpstr (actual_, ==, expected); \
  } G_STMT_END

static void
test_snap (void)
{
  /*                  0         1         2         3
   *                  0123456789012345678901234567890123456 */
  const char *text = "This will be Blinken’s second trip.  “We";

  /* a range inside a word */
  assert_snap (text, 15, 17, "13-20 Blinken");
  /* an empty range inside a word selects the word */
  assert_snap (text, 15, 15, "13-20 Blinken");
  assert_snap (text, 13, 13, "13-20 Blinken");
  /* at a boundary: the word before, not the punctuation after */
  assert_snap (text, 20, 20, "13-20 Blinken");
  assert_snap (text, 34, 34, "30-34 trip");
  /* after an opening quote: the word after it */
  assert_snap (text, 38, 38, "38-40 We");
  /* in whitespace: nothing */
  assert_snap (text, 36, 36, "36-36 ");
  /* part of two words */
  assert_snap (text, 7, 15, "5-20 will be Blinken");
  /* leading and trailing spaces are trimmed */
  assert_snap (text, 9, 13, "10-12 be");
  assert_snap (text, 12, 23, "13-22 Blinken’s");
  /* the clitic alone, and ranges that reach into it */
  assert_snap (text, 20, 22, "20-22 ’s");
  assert_snap (text, 21, 21, "20-22 ’s");
  assert_snap (text, 18, 21, "13-22 Blinken’s");
  assert_snap (text, 21, 25, "20-29 ’s second");
  /* reversed */
  assert_snap (text, 17, 15, "13-20 Blinken");
  /* only whitespace */
  assert_snap (text, 35, 37, "35-35 ");
  /* the whole text, and past its end */
  assert_snap (text, 0, 40, "0-40 This will be Blinken’s second trip.  “We");
  assert_snap (text, 33, 1000, "30-40 trip.  “We");
}

/* }}} */
/* {{{ Sentences */

static void
test_sentences (void)
{
  assert_sentences ("He said so. She left! Did he? Yes… Maybe.",
                    "He said so. | She left! | Did he? | Yes… | Maybe.");
  assert_sentences ("“We will win.” He said it.", "“We will win.” | He said it.");
  assert_sentences ("“Will we win?” he asked. “Yes.”", "“Will we win?” he asked. | “Yes.”");
  assert_sentences ("Mr. Smith went to Washington. Dr. Jones stayed.",
                    "Mr. Smith went to Washington. | Dr. Jones stayed.");
  assert_sentences ("The U.S. State Department said so. It was in the U.S. He left.",
                    "The U.S. State Department said so. | It was in the U.S. | He left.");
  assert_sentences ("George W. Bush spoke on Jan. 6 to Gen. Milley.",
                    "George W. Bush spoke on Jan. 6 to Gen. Milley.");
  assert_sentences ("Prices rose 5.5 percent. 2024 was worse.",
                    "Prices rose 5.5 percent. | 2024 was worse.");
  assert_sentences ("It was 3 p.m. when he left. Then, silence.",
                    "It was 3 p.m. when he left. | Then, silence.");
  assert_sentences ("China.He wrote e.g. this.", "China.He wrote e.g. this.");
  assert_sentences ("Wait... What?! No.", "Wait... | What?! | No.");
  assert_sentences ("中国很大。美国也很大。", "中国很大。 | 美国也很大。");
}

static void
test_paragraphs (void)
{
  assert_sentences ("Title line\n\nFirst para\r\n\r\nSecond para\n \t\nThird",
                    "Title line | First para | Second para | Third");
  assert_sentences ("one\ntwo\r\nthree", "one\ntwo\r\nthree");
  assert_sentences ("Hello,\r\nworld.\r\n\r\nNext line", "Hello,\r\nworld. | Next line");
  assert_sentences ("   lead and trail  \n\n", "lead and trail");
  /* a bullet at the start of a line starts a sentence */
  assert_sentences ("Key points:\n• one\n  • two.\n- three", "Key points: | • one | • two. | - three");
  assert_sentences ("said • he", "said • he");
}

static void
test_sample_sentences (void)
{
  g_autofree char *text = load_sample ();
  g_autoptr(GArray) sentences = byline_split_sentences (text, -1, NULL);
  const char *expected[] = {
    "“And I think we’ve shown our willingness to do that with companies from a number of "
    "countries, not just China,” he added.",
    "“Either way, I think this will be a major topic of discussion while we’re in Beijing.”",
    "US allies in Europe are concerned about the consequences of Beijing’s support for "
    "Russia’s war in Ukraine and “what this means for European security in particular, and "
    "then of course it will be up to China to determine the next steps,” the official said. .",
    "This will be Blinken’s second trip to China after a high-stakes diplomatic mission to "
    "cool tensions between the US and China last year.",
    "Blinken is expected to meet senior Chinese officials, including Foreign Minister Wang Yi, "
    "during his visit to Beijing and Shanghai, according to the State Department.",
    "It remains unclear whether the foreign minister will meet with Chinese President Xi "
    "Jinping.",
    "China fuels the threat to European security",
    "When it comes to Russia’s defense industrial base, China is “the most important "
    "contributor,” Blinken said last week, after the G7 foreign ministers meeting in Italy.",
  };
  guint first = G_MAXUINT;

  for (guint i = 0; i < sentences->len; i++)
    {
      BylineSentence *s = &g_array_index (sentences, BylineSentence, i);
      g_autofree char *slice = dup_slice (text, s->start, s->end);

      if (first == G_MAXUINT && g_str_equal (slice, expected[0]))
        first = i;
      /* no sentence crosses a blank line */
      g_assert_null (strstr (slice, "\n\n"));
    }
  g_assert_cmpuint (first, !=, G_MAXUINT);
  g_assert_cmpuint (first + G_N_ELEMENTS (expected), <=, sentences->len);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      BylineSentence *s = &g_array_index (sentences, BylineSentence, first + i);
      g_autofree char *slice = dup_slice (text, s->start, s->end);

      g_assert_cmpstr (slice, ==, expected[i]);
    }

  /* The list of bullets at the top: one sentence per bullet (the last
   * one has two) */
  {
    BylineSentence *s = &g_array_index (sentences, BylineSentence, 3);
    g_autofree char *slice = dup_slice (text, s->start, s->end);

    g_assert_cmpstr (slice, ==, "• He is expected to express Washington’s “deep concerns” on the "
                     "issue during his stay in Shanghai and Beijing from April 24 to 26.");
  }

  /* The file: the scraped "close" lines, the title, 3 bullets with 4
   * sentences, then 22 sentences in 17 paragraphs. */
  g_assert_cmpuint (sentences->len, ==, 28);
}

/* Random text from tricky pieces: the invariants of tokens, sentences
 * and snapping against brute force. */
static void
test_random (void)
{
  const char *pieces[] = {
    "a", "Z", "é", "e\u0301", "1", "9", " ", "  ", "\t", "\n", "\r\n", "\n\n", ".", ",",
    "’", "'", "s", "n’t", "-", "—", "–", "“", "”", "\"", "(", ")", "$", "%", "@", "/", ":",
    "http://", "www.", ".com", "U.S.", "Mr.", "中", "タ", "👍", "🏽", "\u200d", "🇺", "\ufe0f",
    "\u00a0", "\u200b", "…", "!", "?", "•",
  };

  for (guint round = 0; round < 300; round++)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *data = NULL;
      g_autoptr(GArray) tokens = NULL;
      g_autoptr(GArray) sentences = NULL;
      guint n_pieces = g_test_rand_int_range (0, 60);
      guint n_chars;
      guint next_token = 0;

      for (guint i = 0; i < n_pieces; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      data = g_string_free (text, FALSE);
      n_chars = g_utf8_strlen (data, -1);
      tokens = byline_tokenize (data, -1);
      check_tokens (data, tokens);

      /* sentences: in order, from a token start to a token end, each
       * token in exactly one */
      sentences = byline_split_sentences (data, -1, tokens);
      for (guint i = 0; i < sentences->len; i++)
        {
          BylineSentence *sentence = &g_array_index (sentences, BylineSentence, i);

          g_assert_cmpuint (next_token, <, tokens->len);
          g_assert_cmpuint (g_array_index (tokens, BylineToken, next_token).start, ==, sentence->start);
          while (next_token < tokens->len &&
                 g_array_index (tokens, BylineToken, next_token).end < sentence->end)
            next_token++;
          g_assert_cmpuint (next_token, <, tokens->len);
          g_assert_cmpuint (g_array_index (tokens, BylineToken, next_token).end, ==, sentence->end);
          next_token++;
        }
      g_assert_cmpuint (next_token, ==, tokens->len);

      /* snapping a non-empty range: from the first token it touches to
       * the last */
      for (guint k = 0; k < 20 && n_chars > 0; k++)
        {
          guint s = g_test_rand_int_range (0, n_chars);
          guint e = g_test_rand_int_range (s + 1, n_chars + 1);
          guint start = s;
          guint end = e;
          guint expected_start = s;
          guint expected_end = s;
          gboolean found = FALSE;

          for (guint i = 0; i < tokens->len; i++)
            {
              BylineToken *token = &g_array_index (tokens, BylineToken, i);

              if (token->start < e && token->end > s)
                {
                  if (!found)
                    expected_start = token->start;
                  expected_end = token->end;
                  found = TRUE;
                }
            }
          if (!found)
            expected_end = expected_start;
          byline_snap_to_words (data, -1, tokens, &start, &end);
          g_assert_cmpuint (start, ==, expected_start);
          g_assert_cmpuint (end, ==, expected_end);
        }
    }
}

/* }}} */
/* {{{ Speed */

static gint64
time_tokenize (const char *text,
               gssize      len,
               guint      *n_tokens)
{
  gint64 best = G_MAXINT64;

  for (guint run = 0; run < 3; run++)
    {
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(GArray) tokens = byline_tokenize (text, len);

      best = MIN (best, g_get_monotonic_time () - begin);
      *n_tokens = tokens->len;
    }
  return best;
}

static void
test_speed (void)
{
  g_autofree char *sample = load_sample ();
  GString *text = g_string_new (NULL);
  g_autofree char *data = NULL;
  guint n_tokens = 0;
  gint64 usec;
  gint64 sentence_usec;
  gsize len;

  while (text->len < 1024 * 1024)
    g_string_append (text, sample);
  len = text->len;
  data = g_string_free (text, FALSE);

  usec = time_tokenize (data, len, &n_tokens);
  {
    gint64 begin = g_get_monotonic_time ();
    g_autoptr(GArray) sentences = byline_split_sentences (data, len, NULL);

    sentence_usec = g_get_monotonic_time () - begin;
    g_assert_cmpuint (sentences->len, >, 0);
  }
  g_test_message ("tokenize %" G_GSIZE_FORMAT " bytes: %u tokens in %.1f ms; "
                  "tokenize + sentences: %.1f ms",
                  len, n_tokens, usec / 1000.0, sentence_usec / 1000.0);
  /* generous, for debug and sanitizer builds: the point is linear time */
  g_assert_cmpint (usec, <, 1000 * 1000);
}

/* Inputs that would make a careless scanner quadratic: long runs that
 * look like the start of an address, an abbreviation or a number. */
static void
test_linear (void)
{
  const char *units[] = {
    "a.", "ab.", "a@", "a.b@", "a-", "a’", "x’s", "((", "))", "..", "1,", "1.",
    "w", "\u0301", "👍\u200d", "🇺", "—", " ",
  };
  const char *prefixes[] = { "", "http://", "www.", "x", "a@b." };

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        {
          GString *text = g_string_new (prefixes[p]);
          g_autofree char *data = NULL;
          g_autoptr(GArray) tokens = NULL;
          g_autoptr(GArray) sentences = NULL;
          gint64 begin;
          gint64 usec;

          while (text->len < 200 * 1000)
            g_string_append (text, units[u]);
          data = g_string_free (text, FALSE);
          begin = g_get_monotonic_time ();
          tokens = byline_tokenize (data, -1);
          sentences = byline_split_sentences (data, -1, tokens);
          usec = g_get_monotonic_time () - begin;
          check_tokens (data, tokens);
          /* about 5 ms each; a quadratic scan takes seconds */
          if (usec > 500 * 1000)
            g_error ("“%s” + “%s” × 200 kB: %u tokens in %.1f ms", prefixes[p], units[u],
                     tokens->len, usec / 1000.0);
        }
    }
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tokenizer/empty", test_empty);
  g_test_add_func ("/tokenizer/whitespace", test_whitespace);
  g_test_add_func ("/tokenizer/clitics", test_clitics);
  g_test_add_func ("/tokenizer/hyphens-and-dashes", test_hyphens_and_dashes);
  g_test_add_func ("/tokenizer/code-point-offsets", test_code_point_offsets);
  g_test_add_func ("/tokenizer/numbers", test_numbers);
  g_test_add_func ("/tokenizer/abbreviations", test_abbreviations);
  g_test_add_func ("/tokenizer/urls", test_urls);
  g_test_add_func ("/tokenizer/quotes-and-brackets", test_quotes_and_brackets);
  g_test_add_func ("/tokenizer/emoji", test_emoji);
  g_test_add_func ("/tokenizer/combining-marks", test_combining_marks);
  g_test_add_func ("/tokenizer/cjk", test_cjk);
  g_test_add_func ("/tokenizer/sample", test_sample);
  g_test_add_func ("/tokenizer/find", test_find);
  g_test_add_func ("/tokenizer/snap", test_snap);
  g_test_add_func ("/tokenizer/sentences", test_sentences);
  g_test_add_func ("/tokenizer/paragraphs", test_paragraphs);
  g_test_add_func ("/tokenizer/sample-sentences", test_sample_sentences);
  g_test_add_func ("/tokenizer/random", test_random);
  g_test_add_func ("/tokenizer/speed", test_speed);
  g_test_add_func ("/tokenizer/linear", test_linear);
  return g_test_run ();
}

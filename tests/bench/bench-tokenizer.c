/* bench-tokenizer.c: tokens and sentences of a 1 MiB article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds 1 MiB of text from the sample article and lines with accents
 * (precomposed and combining), CJK, emoji with ZWJ and skin tones, flags,
 * URLs, numbers and abbreviations, CRLF line ends, then times, as the
 * median of --runs runs: byline_tokenize, byline_split_sentences on the
 * tokens, and 10,000 byline_snap_to_words calls. The target: tokenizing
 * 1 MiB takes under 100 ms. The exit status is 1 when it is missed
 * (unless --no-fail).
 *
 *   bench-tokenizer [--runs N] [--no-fail] [PATH-TO-SAMPLE.txt]
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "byline-tokenizer.h"

#define TEXT_BYTES      (1024 * 1024)
#define N_SNAPS         10000
#define SEED            20240424
#define TARGET_TOKENIZE 100000

static const char *extra_lines[] = {
  "Zoë—the café’s naïve owner—said Mr. O’Neill didn’t pay $1,200.50 (about 40%) on Jan. 6.\r\n",
  "Zoe\xcc\x88 and cafe\xcc\x81: U.S. officials, e.g. Sen. Warren, met at 10:30 a.m. on the 26th.\r\n",
  "中国外交部长王毅说：“我们欢迎布林肯访华。”\r\n",
  "Reactions: 👍🏽 👩\xe2\x80\x8d👩\xe2\x80\x8d👧 🇺🇸🇨🇳 ❤️ — see https://www.nbcchicago.com/news/blinken/3425461/ or mail press@state.gov.\r\n",
  "\r\n",
};

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
median (gint64 *values,
        guint   n)
{
  qsort (values, n, sizeof values[0], compare_gint64);
  return values[n / 2];
}

static char *
build_text (const char *sample,
            gsize      *len)
{
  GString *text = g_string_sized_new (TEXT_BYTES + 8192);
  guint i = 0;

  while (text->len < TEXT_BYTES)
    {
      g_string_append (text, sample);
      g_string_append (text, extra_lines[i++ % G_N_ELEMENTS (extra_lines)]);
    }
  *len = text->len;
  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sample_path = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean no_fail = FALSE;
  int runs = 5;
  gsize len = 0;
  glong n_chars;
  gint64 *t_tokenize;
  gint64 *t_sentences;
  gint64 *t_snap;
  guint n_tokens = 0;
  guint n_sentences = 0;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Median of N runs", "N" },
    { "no-fail", 0, 0, G_OPTION_ARG_NONE, &no_fail, "Exit 0 even if the target is missed", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the tokenizer");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);

  /* bench-tokenizer [SAMPLE]: meson passes the path of the sample */
  sample_path = g_strdup (argc > 1 ? argv[1] : "data/samples/blinken-china-nbc.txt");
  if (!g_file_get_contents (sample_path, &sample, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  text = build_text (sample, &len);
  n_chars = g_utf8_strlen (text, len);

  t_tokenize = g_new (gint64, runs);
  t_sentences = g_new (gint64, runs);
  t_snap = g_new (gint64, runs);
  for (int run = 0; run < runs; run++)
    {
      g_autoptr(GArray) tokens = NULL;
      g_autoptr(GArray) sentences = NULL;
      GRand *rand = g_rand_new_with_seed (SEED);
      gint64 begin;

      begin = g_get_monotonic_time ();
      tokens = byline_tokenize (text, len);
      t_tokenize[run] = g_get_monotonic_time () - begin;

      begin = g_get_monotonic_time ();
      sentences = byline_split_sentences (text, len, tokens);
      t_sentences[run] = g_get_monotonic_time () - begin;

      begin = g_get_monotonic_time ();
      for (guint i = 0; i < N_SNAPS; i++)
        {
          guint start = g_rand_int_range (rand, 0, n_chars);
          guint end = start + g_rand_int_range (rand, 0, 40);

          byline_snap_to_words (text, len, tokens, &start, &end);
        }
      t_snap[run] = g_get_monotonic_time () - begin;

      n_tokens = tokens->len;
      n_sentences = sentences->len;
      g_rand_free (rand);
    }

  {
    gint64 tokenize = median (t_tokenize, runs);
    gint64 sentences = median (t_sentences, runs);
    gint64 snap = median (t_snap, runs);
    gboolean pass = tokenize <= TARGET_TOKENIZE;

    g_print ("%" G_GSIZE_FORMAT " bytes, %ld code points: %u tokens, %u sentences (median of %d runs)\n",
             len, n_chars, n_tokens, n_sentences, runs);
    g_print ("%-44s %9.1f ms  <= %.0f ms  %s\n", "byline_tokenize", tokenize / 1000.0,
             TARGET_TOKENIZE / 1000.0, pass ? "PASS" : "FAIL");
    g_print ("%-44s %9.1f ms\n", "byline_split_sentences (with tokens)", sentences / 1000.0);
    g_print ("%-44s %9.1f ms\n", "byline_snap_to_words x10,000 (with tokens)", snap / 1000.0);

    g_free (t_tokenize);
    g_free (t_sentences);
    g_free (t_snap);
    return pass || no_fail ? 0 : 1;
  }
}

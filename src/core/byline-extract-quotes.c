/* byline-extract-quotes.c: the quotes extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-suggest.h"

const BylineExtractor byline_extractor_quotes = {
  "quotes", N_("Quotes, speakers and cue verbs"), "rules:quotes", NULL
};

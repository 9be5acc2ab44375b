/* byline-extract-entities.c: the entities extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-suggest.h"

const BylineExtractor byline_extractor_entities = {
  "entities", N_("People, places, organisations, dates, numbers"), "rules:entities", NULL
};

/* byline-extract-claims.c: the claims extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-suggest.h"

const BylineExtractor byline_extractor_claims = {
  "claims", N_("Claims and their claimers"), "rules:claims", NULL
};

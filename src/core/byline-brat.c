/* byline-brat.c: brat standoff: ID.txt and ID.ann
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format-private.h"

static const char * const brat_ext[] = { ".ann", NULL };

const BylineFormat byline_format_brat = {
  "brat", N_("brat standoff: ID.txt and ID.ann, or a directory of them"), brat_ext, TRUE, TRUE, NULL, NULL
};

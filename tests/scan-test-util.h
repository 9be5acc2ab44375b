/* scan-test-util.h: what the native scanner's tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-schema.h"

G_BEGIN_DECLS

gboolean
scan_test_check_same_with (const char   *data,
                           gsize         len,
                           BylineSchema *schema,
                           const char   *what);

gboolean
scan_test_check_same (const char *data,
                      gsize       len,
                      const char *what);

gboolean
scan_test_check_same_str (const char *data,
                          const char *what);

char *
scan_test_nested (guint       depth,
                  const char *open,
                  const char *close,
                  const char *inner);

void
scan_test_report (void);

G_END_DECLS

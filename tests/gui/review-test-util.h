/* review-test-util.h: what the tests of review mode and Suggest share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "byline-window.h"

G_BEGIN_DECLS

/* The name decisions are recorded under. */
#define REVIEW_TEST_REVIEWER "Test Reviewer"

gboolean      review_test_init          (int           *argc,
                                         char        ***argv,
                                         const char    *application_id);
int           review_test_run           (void);

BylineWindow *review_test_open_file     (const char    *path,
                                         int            width,
                                         int            height);
BylineWindow *review_test_open_sample   (void);
void          review_test_close_window  (BylineWindow  *window);
const char   *review_test_position_text (BylineWindow  *window);

G_END_DECLS

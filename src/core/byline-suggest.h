/* byline-suggest.h: extractors that suggest annotations, and their results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "byline-document.h"

G_BEGIN_DECLS

typedef struct _BylineSuggestions BylineSuggestions;
typedef struct _BylineExtractor   BylineExtractor;

/**
 * BylineExtractFunc:
 * @text: the document's text (code point offsets, as everywhere)
 * @suggestions: where the extractor adds what it finds; it may also look at
 *   what earlier extractors of the same run found, and at the document's
 *   own annotations (byline_suggestions_get_context())
 * @cancellable: (nullable): checked now and then
 *
 * An extractor reads only @text and @suggestions, never a BylineDocument:
 * it runs in a worker thread while the window goes on.
 *
 * Returns: %TRUE on success
 */
typedef gboolean (*BylineExtractFunc) (const char         *text,
                                       BylineSuggestions  *suggestions,
                                       GCancellable       *cancellable,
                                       GError            **error);

/**
 * BylineExtractor:
 * @name: the name on the command line ("quotes")
 * @title: a translatable name for the window ("Quotes and speakers")
 * @origin: the origin its suggestions carry ("rules:quotes")
 * @run: (nullable): the extractor; %NULL while it is being written
 */
struct _BylineExtractor
{
  const char        *name;
  const char        *title;
  const char        *origin;
  BylineExtractFunc  run;
};

/* The built-in extractors, in the order they run (entities first: the
 * quote extractor resolves pronoun speakers to the people found). */
const BylineExtractor * const *byline_extractors_list   (void);
const BylineExtractor         *byline_extractor_lookup  (const char *name);

/* ---- A run's results ---------------------------------------------------- */

BylineSuggestions *byline_suggestions_new              (void);
BylineSuggestions *byline_suggestions_new_for_document (BylineDocument    *document);
void               byline_suggestions_free             (BylineSuggestions *self);

const char        *byline_suggestions_add_span         (BylineSuggestions *self,
                                                        const char        *layer,
                                                        const char        *label,
                                                        guint              start,
                                                        guint              end,
                                                        double             confidence);
BylineAnnotation  *byline_suggestions_lookup           (BylineSuggestions *self,
                                                        const char        *id);
gboolean           byline_suggestions_add_relation     (BylineSuggestions *self,
                                                        const char        *type,
                                                        const char        *from,
                                                        const char        *to);
void               byline_suggestions_set_origin       (BylineSuggestions *self,
                                                        const char        *origin);
GPtrArray         *byline_suggestions_get_annotations  (BylineSuggestions *self);
GPtrArray         *byline_suggestions_get_relations    (BylineSuggestions *self);
GPtrArray         *byline_suggestions_get_context      (BylineSuggestions *self);
GPtrArray         *byline_suggestions_find             (BylineSuggestions *self,
                                                        const char        *label,
                                                        gboolean           with_context);

gboolean           byline_suggestions_run              (BylineSuggestions *self,
                                                        const char        *text,
                                                        const char * const *names,
                                                        GCancellable      *cancellable,
                                                        GError           **error);
guint              byline_suggestions_apply            (BylineSuggestions *self,
                                                        BylineDocument    *document,
                                                        guint             *n_relations);

/* byline-suggest-command.c: a user's own model, as a command. */
gboolean           byline_suggestions_run_command      (BylineSuggestions *self,
                                                        const char        *command,
                                                        const char        *document_json,
                                                        gsize              len,
                                                        guint              timeout_ms,
                                                        GCancellable      *cancellable,
                                                        char             **stderr_text,
                                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSuggestions, byline_suggestions_free)

/* The extractors, each defined in its module. */
extern const BylineExtractor byline_extractor_entities;
extern const BylineExtractor byline_extractor_quotes;
extern const BylineExtractor byline_extractor_claims;

G_END_DECLS

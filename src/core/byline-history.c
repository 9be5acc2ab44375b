/* byline-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history lives in the model, not in GtkTextBuffer, whose undo knows
 * text edits only and not tags. Steps [0, position) can be undone, steps
 * [position, len) redone. A new edit drops the redo steps.
 */
#include "config.h"

#include "byline-history-private.h"

struct _BylineHistory
{
  GObject            parent_instance;

  GPtrArray         *steps;
  guint              position;
  int                clean_position;  /* -1: the saved state is gone */
  guint              group_depth;
  BylineHistoryStep *open_step;       /* being filled by a group */
  char              *group_description;
};

G_DEFINE_FINAL_TYPE (BylineHistory, byline_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
free_state (BylineChangeKind kind,
            gpointer         state)
{
  if (state == NULL)
    return;
  if (kind == BYLINE_CHANGE_META || kind == BYLINE_CHANGE_ATTRIBUTE)
    json_node_unref (state);
  else
    g_object_unref (state);
}

static void
change_free (gpointer data)
{
  BylineChange *change = data;

  free_state (change->kind, change->before);
  free_state (change->kind, change->after);
  g_free (change->key);
  g_free (change);
}

static void
step_free (gpointer data)
{
  BylineHistoryStep *step = data;

  g_free (step->description);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static BylineHistoryStep *
step_new (const char *description)
{
  BylineHistoryStep *step = g_new0 (BylineHistoryStep, 1);

  step->description = g_strdup (description);
  step->changes = g_ptr_array_new_with_free_func (change_free);
  return step;
}

static void
byline_history_finalize (GObject *object)
{
  BylineHistory *self = (BylineHistory *) object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->open_step, step_free);
  g_free (self->group_description);

  G_OBJECT_CLASS (byline_history_parent_class)->finalize (object);
}

static void
byline_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineHistory *self = BYLINE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, byline_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, byline_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_history_class_init (BylineHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_history_finalize;
  object_class->get_property = byline_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_history_init (BylineHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

BylineHistory *
_byline_history_new (void)
{
  return g_object_new (BYLINE_TYPE_HISTORY, NULL);
}

/* Emits notifications when can-undo/can-redo changed since @undo/@redo. */
static void
notify_changes (BylineHistory *self,
                gboolean       could_undo,
                gboolean       could_redo)
{
  if (could_undo != byline_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != byline_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
push_step (BylineHistory     *self,
           BylineHistoryStep *step)
{
  gboolean could_undo = byline_history_can_undo (self);
  gboolean could_redo = byline_history_can_redo (self);

  if (self->position < self->steps->len)
    {
      if (self->clean_position > (int) self->position)
        self->clean_position = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }
  g_ptr_array_add (self->steps, step);
  self->position++;
  notify_changes (self, could_undo, could_redo);
}

/* Takes ownership of @before and @after. */
void
_byline_history_record (BylineHistory    *self,
                        BylineChangeKind  kind,
                        const char       *key,
                        gpointer          before,
                        gpointer          after)
{
  BylineChange *change = g_new0 (BylineChange, 1);

  g_assert (BYLINE_IS_HISTORY (self));

  change->kind = kind;
  change->key = g_strdup (key);
  change->before = before;
  change->after = after;

  if (self->group_depth > 0)
    {
      if (self->open_step == NULL)
        self->open_step = step_new (self->group_description);
      g_ptr_array_add (self->open_step->changes, change);
    }
  else
    {
      BylineHistoryStep *step = step_new (NULL);

      g_ptr_array_add (step->changes, change);
      push_step (self, step);
    }
}

void
_byline_history_begin_group (BylineHistory *self,
                             const char    *description)
{
  g_assert (BYLINE_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    {
      g_free (self->group_description);
      self->group_description = g_strdup (description);
    }
}

void
_byline_history_end_group (BylineHistory *self)
{
  g_assert (BYLINE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  /* An empty group leaves no step behind. */
  if (self->open_step != NULL)
    push_step (self, g_steal_pointer (&self->open_step));
}

/* Returns the step to apply backwards, or NULL. */
const BylineHistoryStep *
_byline_history_undo (BylineHistory *self)
{
  gboolean could_redo;

  g_assert (BYLINE_IS_HISTORY (self));
  g_return_val_if_fail (self->group_depth == 0, NULL);

  if (self->position == 0)
    return NULL;
  could_redo = byline_history_can_redo (self);
  self->position--;
  notify_changes (self, TRUE, could_redo);
  return g_ptr_array_index (self->steps, self->position);
}

/* Returns the step to apply forwards, or NULL. */
const BylineHistoryStep *
_byline_history_redo (BylineHistory *self)
{
  gboolean could_undo;

  g_assert (BYLINE_IS_HISTORY (self));
  g_return_val_if_fail (self->group_depth == 0, NULL);

  if (self->position >= self->steps->len)
    return NULL;
  could_undo = byline_history_can_undo (self);
  self->position++;
  notify_changes (self, could_undo, TRUE);
  return g_ptr_array_index (self->steps, self->position - 1);
}

void
_byline_history_clear (BylineHistory *self)
{
  gboolean could_undo = byline_history_can_undo (self);
  gboolean could_redo = byline_history_can_redo (self);

  g_ptr_array_set_size (self->steps, 0);
  g_clear_pointer (&self->open_step, step_free);
  self->group_depth = 0;
  self->position = 0;
  self->clean_position = 0;
  notify_changes (self, could_undo, could_redo);
}

void
_byline_history_mark_clean (BylineHistory *self)
{
  self->clean_position = (int) self->position;
}

void
_byline_history_mark_dirty (BylineHistory *self)
{
  self->clean_position = -1;
}

gboolean
_byline_history_is_clean (BylineHistory *self)
{
  return self->clean_position == (int) self->position;
}

gboolean
byline_history_can_undo (BylineHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
byline_history_can_redo (BylineHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len;
}

/**
 * byline_history_get_undo_description:
 *
 * Returns: (nullable): what undo would undo ("Delete QUOTE"), when the edit
 *   was described
 */
const char *
byline_history_get_undo_description (BylineHistory *self)
{
  BylineHistoryStep *step;

  g_return_val_if_fail (BYLINE_IS_HISTORY (self), NULL);
  if (self->position == 0)
    return NULL;
  step = g_ptr_array_index (self->steps, self->position - 1);
  return step->description;
}

const char *
byline_history_get_redo_description (BylineHistory *self)
{
  BylineHistoryStep *step;

  g_return_val_if_fail (BYLINE_IS_HISTORY (self), NULL);
  if (self->position >= self->steps->len)
    return NULL;
  step = g_ptr_array_index (self->steps, self->position);
  return step->description;
}

/**
 * byline_history_get_n_steps:
 *
 * Returns: the number of steps that can be undone
 */
guint
byline_history_get_n_steps (BylineHistory *self)
{
  g_return_val_if_fail (BYLINE_IS_HISTORY (self), 0);
  return self->position;
}

/*
 * <oversight/c/action_iter.h> - a plan's actions one by one, with their RAG.
 *
 * An action iterator is a snapshot of a plan's actions in plan order, each
 * with its RAG as of a date; it does not see later changes to the store.
 *
 * Threading: an iterator is used by one thread at a time.
 */
#ifndef OVERSIGHT_C_ACTION_ITER_H
#define OVERSIGHT_C_ACTION_ITER_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* A position in a snapshot of a plan's actions. */
typedef struct oversight_action_iter oversight_action_iter;

/* Opens an iterator over plan `plan_id` as of `as_of`, positioned before the
 * first action: call oversight_action_iter_next first. *out is NULL on
 * failure; free the handle with oversight_action_iter_free(). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_action_iter_open(oversight_action_iter **out,
                                                                         const oversight_store *store,
                                                                         int64_t plan_id,
                                                                         oversight_date as_of) OVERSIGHT_NOEXCEPT;

/* Moves to the next action: *out_has_action is 1 when there is one, 0 at the
 * end (and stays 0). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_action_iter_next(oversight_action_iter *iter,
                                                                         int32_t *out_has_action) OVERSIGHT_NOEXCEPT;

/* Borrowed text of the current action, valid until the next call to
 * oversight_action_iter_next or _free; "" for a NULL iterator or when it is
 * not on an action. Status and RAG are canonical text ("in_progress", "red";
 * "none" for a withdrawn action). */
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_ref(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_description(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_lead(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_status(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_rag(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;
OVERSIGHT_API const char *OVERSIGHT_CALL oversight_action_iter_rag_reason(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;

/* The number of the current action's recommendation; 0 for NULL or when the
 * iterator is not on an action. */
OVERSIGHT_API int32_t OVERSIGHT_CALL oversight_action_iter_recommendation(const oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;

/* The current action's due date (its own, else its recommendation's target):
 * *out_has_due is 1 and *out_due set when there is one, 0 and {0, 0, 0}
 * otherwise. OVERSIGHT_E_INVALID_ARG when the iterator is not on an action. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_action_iter_due(const oversight_action_iter *iter,
                                                                        oversight_date *out_due,
                                                                        int32_t *out_has_due) OVERSIGHT_NOEXCEPT;

/* Releases the iterator. Accepts NULL. */
OVERSIGHT_API void OVERSIGHT_CALL oversight_action_iter_free(oversight_action_iter *iter) OVERSIGHT_NOEXCEPT;

OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_ACTION_ITER_H */

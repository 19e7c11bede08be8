/* Area header of <oversight.h>: included by it; do not include alone. */
#ifndef OVERSIGHT_PLAN_H
#define OVERSIGHT_PLAN_H

#include "oversight.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_PLAN_H */

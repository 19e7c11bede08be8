/* Area header of <oversight.h>: included by it; do not include alone. */
#ifndef OVERSIGHT_DEADLINE_H
#define OVERSIGHT_DEADLINE_H

#include "oversight.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_DEADLINE_H */

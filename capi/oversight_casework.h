/* Area header of <oversight.h>: included by it; do not include alone. */
#ifndef OVERSIGHT_CASEWORK_H
#define OVERSIGHT_CASEWORK_H

#include "oversight.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif

#endif /* OVERSIGHT_CASEWORK_H */

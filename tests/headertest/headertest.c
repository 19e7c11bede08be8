/* oversight.h must compile as strict C99 on its own. */
#include <oversight.h>

int main(void) {
    oversight_date d = {2012, 10, 12};
    char *s = NULL;
    if (oversight_date_format_iso(d, &s) == OVERSIGHT_OK) oversight_free(s);
    return oversight_abi_version() == OVERSIGHT_HEADER_ABI_VERSION ? 0 : 1;
}

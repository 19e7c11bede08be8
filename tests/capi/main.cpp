#define BOOST_TEST_MODULE oversight_capi
#include <boost/test/unit_test.hpp>

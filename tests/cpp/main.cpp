#define BOOST_TEST_MODULE oversight_cpp
#include <boost/test/unit_test.hpp>

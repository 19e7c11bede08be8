// Umbrella header of Oversight's C++ API (source-stable within a major
// version; the binary-stable contract is the C ABI in <oversight.h>).
#pragma once

#include <oversight/version.h>
#include <oversight/error.hpp>
#include <oversight/date.hpp>
#include <oversight/cost.hpp>
#include <oversight/plan.hpp>
#include <oversight/people.hpp>
#include <oversight/store.hpp>
#include <oversight/plan_store.hpp>
#include <oversight/import.hpp>
#include <oversight/report.hpp>
#include <oversight/calendar.hpp>
#include <oversight/duration.hpp>
#include <oversight/schedule.hpp>
#include <oversight/casework.hpp>

// Saving and loading plans in a Store. (filled by the plan store commit)
#pragma once
#include <oversight/plan.hpp>
#include <oversight/store.hpp>

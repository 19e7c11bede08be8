// Casework: children, workers, teams and events held in the Store; reminders. (filled by the casework commit)
#pragma once
#include <oversight/schedule.hpp>
#include <oversight/store.hpp>

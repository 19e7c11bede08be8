// Private to lib/: the rule computations behind Calendar, exposed for the
// tests and for duration.cpp.
#pragma once

#include <oversight/calendar/calendar.hpp>

#include <vector>

namespace oversight::detail {

/// Gregorian Easter Sunday (anonymous Gregorian computus).
Date easter_sunday(int year);

/// The bank holidays of `year` in `division` from the rules and the table of
/// one-off proclamations, in date order. Years 1400..9999. The modern rules
/// are applied to every year (early May from 1978, New Year's Day outside
/// Scotland from 1974, St Andrew's Day from 2007); earlier history (Whit
/// Monday, pre-1971 August holiday) is not modelled.
std::vector<Holiday> rule_bank_holidays(Division division, int year);

}  // namespace oversight::detail

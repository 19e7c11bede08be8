// Optional conversions between oversight::Date and boost::gregorian::date.
// Include only if your code already uses Boost.Date_Time; nothing else in
// Oversight's public headers depends on Boost.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <oversight/core/date.hpp>

namespace oversight {

inline boost::gregorian::date to_boost(Date d) {
    return boost::gregorian::date(static_cast<unsigned short>(d.year()),
                                  static_cast<unsigned short>(d.month()),
                                  static_cast<unsigned short>(d.day()));
}

inline Date from_boost(const boost::gregorian::date& d) {
    return Date::from_ymd(d.year(), d.month(), d.day());
}

}  // namespace oversight

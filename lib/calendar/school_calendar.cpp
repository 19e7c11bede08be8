// School calendars: terms and non-school days over a working-day calendar,
// read from TOML, and school-day counting.
#include <oversight/calendar/school_calendar.hpp>
#include <oversight/core/error.hpp>

#include "core/text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

namespace oversight {

namespace {

std::string term_label(const SchoolCalendar::Term& t) {
    return "term \"" + t.name + "\" (" + t.first_day.iso() + ".." + t.last_day.iso() + ")";
}

}  // namespace

SchoolCalendar::SchoolCalendar(std::string name, std::vector<Term> terms, std::vector<Date> non_school_days,
                               Calendar base)
    : name_(std::move(name)), terms_(std::move(terms)), non_school_days_(std::move(non_school_days)),
      base_(std::move(base)) {
    std::stable_sort(terms_.begin(), terms_.end(),
                     [](const Term& a, const Term& b) { return a.first_day < b.first_day; });
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        if (terms_[i].last_day < terms_[i].first_day)
            throw Error(Status::invalid_arg, "school calendar \"" + name_ + "\": " + term_label(terms_[i]) +
                                                 " ends before it starts");
        if (i > 0 && terms_[i].first_day <= terms_[i - 1].last_day)
            throw Error(Status::invalid_arg, "school calendar \"" + name_ + "\": " + term_label(terms_[i]) +
                                                 " overlaps " + term_label(terms_[i - 1]));
    }
    std::sort(non_school_days_.begin(), non_school_days_.end());
    non_school_days_.erase(std::unique(non_school_days_.begin(), non_school_days_.end()), non_school_days_.end());
}

SchoolCalendar SchoolCalendar::from_toml(std::string_view text, Calendar base) {
    text = detail::checked_input_text(text, "school calendar TOML");
    toml::table doc;
    try {
        doc = toml::parse(text, std::string_view("school calendar"));
    } catch (const toml::parse_error& e) {
        throw Error(Status::parse, "school calendar TOML line " + std::to_string(e.source().begin.line) + ", column " +
                                       std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
    }
    auto fail = [](const std::string& field, const std::string& what) {
        return Error(Status::parse, "school calendar TOML: " + field + ": " + what);
    };
    auto date_of = [&](const toml::node* node, const std::string& field) -> Date {
        if (!node) throw fail(field, "missing (a date such as 2024-09-04)");
        if (auto d = node->as_date()) {
            const auto& v = d->get();
            if (auto parsed = Date::try_parse_iso([&] {
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(v.year), int(v.month), int(v.day));
                    return std::string(buf);
                }()))
                return *parsed;
            throw fail(field, "impossible date");
        }
        if (auto s = node->as_string()) {
            if (auto parsed = Date::try_parse_iso(s->get())) return *parsed;
            throw fail(field, "not a valid date \"" + s->get().substr(0, 40) + "\"");
        }
        throw fail(field, "expected a date such as 2024-09-04");
    };
    for (const auto& [k, v] : doc) {
        const std::string key(k.str());
        if (key != "name" && key != "term" && key != "non_school_days") throw fail(key, "unknown key");
    }
    const auto* name = doc.get("name");
    if (!name || !name->is_string() || name->as_string()->get().empty())
        throw fail("name", "expected a non-empty string");

    std::vector<Term> terms;
    if (const auto* t = doc.get("term")) {
        const auto* arr = t->as_array();
        if (!arr) throw fail("term", "expected [[term]] tables");
        for (std::size_t i = 0; i < arr->size(); ++i) {
            const std::string at = "term[" + std::to_string(i) + "]";
            const auto* tbl = arr->get(i)->as_table();
            if (!tbl) throw fail(at, "expected a table");
            for (const auto& [k, v] : *tbl) {
                const std::string key(k.str());
                if (key != "name" && key != "first_day" && key != "last_day") throw fail(at + "." + key, "unknown key");
            }
            const auto* tn = tbl->get("name");
            if (!tn || !tn->is_string() || tn->as_string()->get().empty())
                throw fail(at + ".name", "expected a non-empty string");
            Term term{tn->as_string()->get(), date_of(tbl->get("first_day"), at + ".first_day"),
                      date_of(tbl->get("last_day"), at + ".last_day")};
            if (term.last_day < term.first_day) throw fail(at + ".last_day", "before first_day");
            terms.push_back(std::move(term));
        }
    }
    if (terms.empty()) throw fail("term", "at least one [[term]] is needed");

    std::vector<Date> non_school;
    if (const auto* n = doc.get("non_school_days")) {
        const auto* arr = n->as_array();
        if (!arr) throw fail("non_school_days", "expected an array of dates");
        for (std::size_t i = 0; i < arr->size(); ++i)
            non_school.push_back(date_of(arr->get(i), "non_school_days[" + std::to_string(i) + "]"));
    }
    try {
        return SchoolCalendar(name->as_string()->get(), std::move(terms), std::move(non_school), std::move(base));
    } catch (const Error& e) {
        throw Error(Status::parse, std::string("school calendar TOML: ") + e.what());
    }
}

const std::string& SchoolCalendar::name() const noexcept { return name_; }
const std::vector<SchoolCalendar::Term>& SchoolCalendar::terms() const noexcept { return terms_; }

std::string SchoolCalendar::identity() const {
    auto text = [](const std::string& s) { return std::to_string(s.size()) + ":" + s; };
    std::string out = "school/1 " + text(name_) + " terms " + std::to_string(terms_.size());
    for (const Term& t : terms_) out += " " + text(t.name) + " " + t.first_day.iso() + " " + t.last_day.iso();
    out += " non_school_days " + std::to_string(non_school_days_.size());
    for (const Date& d : non_school_days_) out += " " + d.iso();
    return out + " base " + base_.identity();
}

const SchoolCalendar::Term* SchoolCalendar::last_term() const noexcept {
    return terms_.empty() ? nullptr : &terms_.back();  // sorted, not overlapping: the last ends last
}

namespace {

// Index of the term containing d, or of the first one after d (size() if none).
std::size_t term_index_on_or_after(const std::vector<SchoolCalendar::Term>& terms, Date d) {
    auto it = std::lower_bound(terms.begin(), terms.end(), d,
                               [](const SchoolCalendar::Term& t, Date x) { return t.last_day < x; });
    return static_cast<std::size_t>(it - terms.begin());
}

}  // namespace

bool SchoolCalendar::is_school_day(Date d) const {
    const std::size_t i = term_index_on_or_after(terms_, d);
    if (i == terms_.size() || d < terms_[i].first_day) return false;
    return base_.is_working_day(d) && !std::binary_search(non_school_days_.begin(), non_school_days_.end(), d);
}

Date SchoolCalendar::add_school_days(Date from, int n) const {
    if (n == 0) return from;
    Date d = from;
    const int step = n > 0 ? 1 : -1;
    for (long left = n > 0 ? long(n) : -long(n); left > 0;) {
        d = base_.add_working_days(d, step);
        if (step > 0) {
            const std::size_t i = term_index_on_or_after(terms_, d);
            if (i == terms_.size())
                throw Error(Status::not_found, "school calendar \"" + name_ + "\": counting " + std::to_string(n) +
                                                   " school days from " + from.iso() + " runs past the last known term");
            if (d < terms_[i].first_day) {
                d = terms_[i].first_day.add_days(-1);
                continue;
            }
        } else {
            // The term containing d, or the last one before it.
            auto it = std::upper_bound(terms_.begin(), terms_.end(), d,
                                       [](Date x, const Term& t) { return x < t.first_day; });
            if (it == terms_.begin())
                throw Error(Status::not_found, "school calendar \"" + name_ + "\": counting " + std::to_string(n) +
                                                   " school days from " + from.iso() + " runs before the first known term");
            const Term& t = *(it - 1);
            if (d > t.last_day) {
                d = t.last_day.add_days(1);
                continue;
            }
        }
        if (std::binary_search(non_school_days_.begin(), non_school_days_.end(), d)) continue;
        --left;
    }
    return d;
}

int SchoolCalendar::school_days_between(Date a, Date b) const {
    if (b < a) return -school_days_between(b, a);
    if (b == a) return 0;  // and from here a < b, so a + 1 day is a date
    int count = 0;
    for (const auto& t : terms_) {
        const Date lo = std::max(a.add_days(1), t.first_day);
        const Date hi = std::min(b, t.last_day);
        if (hi < lo) continue;
        count += base_.working_days_between(lo.add_days(-1), hi);
        auto first = std::lower_bound(non_school_days_.begin(), non_school_days_.end(), lo);
        for (; first != non_school_days_.end() && *first <= hi; ++first)
            if (base_.is_working_day(*first)) --count;
    }
    return count;
}

std::optional<SchoolCalendar::Term> SchoolCalendar::term_on_or_after(Date d) const {
    const std::size_t i = term_index_on_or_after(terms_, d);
    if (i == terms_.size()) return std::nullopt;
    return terms_[i];
}

}  // namespace oversight

// Audits (issue 10 points 1-3): `audit programme` (add a programme, set its
// next due date), `audit add FILE` (record an audit from an
// oversight-audit-record document), `audit list`, `audit report REF`,
// `audit trend PROGRAMME|--type T`, `audit sample PROGRAMME --seed N`, `audit actions`
// (recommendations as tracked actions) and `audit due` (programmes due, for
// their owners).
#include "cli.hpp"

#include <oversight/audit/audit.hpp>
#include <oversight/calendar/calendar.hpp>
#include <oversight/core/error.hpp>
#include <oversight/reminders/audit_reminder.hpp>
#include <oversight/store/store.hpp>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oversight::cli {
namespace {

struct AuditArgs {
    std::string name, type, cycle, owner, scale = "ofsted", stratify = "none", attribute, due;
    int per_stratum = 0, exclusion_months = 12, window = 14;
    std::string file, reference, programme, format = "text", by, seed = "1", completed;
    int number = 0;
    bool open_only = false, clear = false;
};

const char* const kHint = "give --db, or create one with `oversight audit programme add`";

void check_format(const std::string& format, bool text_ok) {
    if (format == "json" || (text_ok && format == "text")) return;
    throw Error(Status::invalid_arg, "--format '" + format + "' is not one of " + (text_ok ? "text, json" : "json"));
}

void set_by(Store& store, const std::string& by) {
    if (by.empty()) record_as_user(store);
    else store.set_actor(by);
}

std::uint64_t seed_arg(const std::string& text) {
    if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
        throw Error(Status::invalid_arg, "--seed '" + text + "' is not a whole number 0..18446744073709551615");
    try {
        return std::stoull(text);
    } catch (const std::exception&) {
        throw Error(Status::invalid_arg, "--seed '" + text + "' is larger than 18446744073709551615");
    }
}

}  // namespace

void add_audit_commands(CLI::App& app, Context& ctx) {
    auto* audit = app.add_subcommand("audit", "Audits: programmes, samples, results, trends, recommendations");
    audit->require_subcommand(1);
    auto o = std::make_shared<AuditArgs>();
    const auto by = [o](CLI::App* c) { c->add_option("--by", o->by, "Who records it (default $USER)"); };

    auto* prog = audit->add_subcommand("programme", "Add an audit programme, or set its next due date");
    prog->require_subcommand(1);
    auto* padd = prog->add_subcommand("add", "Add a programme: type, cycle, owner, scale and sampling rule");
    padd->add_option("NAME", o->name, "The programme's name")->required();
    padd->add_option("--type", o->type, "case_file, care_plan, pep, pathway_plan, supervision, multi_agency, "
                                        "peer_triangle, management, or your own")->required();
    padd->add_option("--owner", o->owner, "Who owns it (a person): reminders go to them")->required();
    padd->add_option("--cycle", o->cycle, "monthly, quarterly, annually or a duration (\"6 weeks\"); none: one-off");
    padd->add_option("--scale", o->scale, "ofsted (default), two_point, or \"a, b | c, d\" (positive before '|')");
    padd->add_option("--per-stratum", o->per_stratum, "Cases drawn per stratum (0: counts-only audits)");
    padd->add_option("--stratify", o->stratify, "none, team, worker, attribute or manager (the worker's line manager)");
    padd->add_option("--attribute", o->attribute, "The case attribute to stratify by (\"audit_group\")");
    padd->add_option("--exclusion-months", o->exclusion_months, "A case audited within this many months is not "
                                                                "drawn again (default 12)");
    padd->add_option("--due", o->due, "Its next due date (YYYY-MM-DD)");
    by(padd);
    padd->callback([&ctx, o] {
        Store store = open_store(ctx, StoreUse::create);
        set_by(store, o->by);
        AuditProgramme p;
        p.name = o->name;
        p.type = o->type;
        p.cycle = o->cycle;
        p.owner = o->owner;
        try {
            p.scale = parse_audit_scale(o->scale);
        } catch (const Error& e) {
            throw Error(Status::invalid_arg, std::string("--scale: ") + e.what());
        }
        p.sampling.per_stratum = o->per_stratum;
        p.sampling.stratify = parse_audit_stratum(o->stratify);
        p.sampling.attribute = o->attribute;
        p.sampling.exclusion_months = o->exclusion_months;
        if (!o->due.empty()) p.next_due = date_arg(o->due, "--due");
        add_audit_programme(store, p);
        std::cout << "audit programme " << o->name << " added\n";
    });
    auto* pdue = prog->add_subcommand("due", "Set (or --clear) a programme's next due date");
    pdue->add_option("NAME", o->name, "The programme's name")->required();
    pdue->add_option("DATE", o->due, "Its next due date (YYYY-MM-DD)");
    pdue->add_flag("--clear", o->clear, "No due date");
    by(pdue);
    pdue->callback([&ctx, o] {
        if (o->clear == !o->due.empty()) throw Error(Status::invalid_arg, "give DATE or --clear, not both or neither");
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        set_audit_programme_due(store, o->name,
                                o->clear ? std::nullopt : std::optional<Date>(date_arg(o->due, "DATE")));
        std::cout << "audit programme " << o->name << (o->clear ? " has no due date\n" : " due " + o->due + "\n");
    });

    auto* add = audit->add_subcommand("add", "Record an audit from an oversight-audit-record JSON file (- for stdin)");
    add->add_option("FILE", o->file, "The record")->required();
    by(add);
    add->callback([&ctx, o] {
        const Audit a = parse_audit_record(read_input(o->file, "audit record"), o->file);
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        record_audit(store, a, Calendar::for_division(Division::england_and_wales));
        const auto p = try_find_audit_programme(store, a.programme);
        std::cout << "audit " << a.reference << " recorded";
        if (p && p->next_due) std::cout << "; " << p->name << " next due " << p->next_due->iso();
        std::cout << "\n";
    });

    auto* list = audit->add_subcommand("list", "Programmes with their next due date, and the audits of each");
    list->add_option("--format", o->format, "text or json");
    list->callback([&ctx, o] {
        check_format(o->format, true);
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const auto programmes = list_audit_programmes(store);
        if (o->format == "json") {
            std::cout << audit_programmes_to_json(programmes) << "\n";
            return;
        }
        for (const AuditProgramme& p : programmes) {
            std::cout << p.name << " (" << p.type << (p.cycle.empty() ? "" : ", " + p.cycle) << ", owner " << p.owner
                      << "): next due " << (p.next_due ? p.next_due->iso() : "-") << "\n";
            for (const Audit& a : list_audits(store, p.name))
                std::cout << "  " << a.reference << " held " << a.held.iso() << ", recorded " << a.recorded.iso()
                          << "\n";
        }
        std::cout << programmes.size() << " programme(s)\n";
    });

    auto* report = audit->add_subcommand("report", "An audit's results: grades, shares, 95% Wilson intervals");
    report->add_option("REFERENCE", o->reference, "The audit's reference")->required();
    report->add_option("--format", o->format, "text or json");
    report->callback([&ctx, o] {
        check_format(o->format, true);
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const AuditResult r = audit_result(store, o->reference);
        std::cout << (o->format == "json" ? audit_result_to_json(r) + "\n" : audit_result_to_text(r));
    });

    auto* trend = audit->add_subcommand("trend", "A programme's trend (or an audit type's, across its programmes), "
                                                 "with an honest verdict");
    auto* trend_programme = trend->add_option("PROGRAMME", o->programme, "The programme's name");
    trend->add_option("--type", o->type, "Every programme of this audit type instead (pep, case_file, ...)")
        ->excludes(trend_programme);
    trend->add_option("--format", o->format, "text or json");
    trend->callback([&ctx, o] {
        check_format(o->format, true);
        if (o->programme.empty() == o->type.empty()) throw Error(Status::invalid_arg, "give PROGRAMME or --type");
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const AuditTrend t = o->type.empty() ? audit_trend(store, o->programme) : audit_trend_by_type(store, o->type);
        std::cout << (o->format == "json" ? audit_trend_to_json(t) + "\n" : audit_trend_to_text(t));
    });

    auto* sample = audit->add_subcommand("sample", "Draw a programme's sample of the cases open on --as-of");
    sample->add_option("PROGRAMME", o->programme, "The programme's name")->required();
    sample->add_option("--seed", o->seed, "The seed: the same seed gives the same sample (default 1)");
    sample->add_option("--format", o->format, "text or json");
    sample->callback([&ctx, o] {
        check_format(o->format, true);
        const std::uint64_t seed = seed_arg(o->seed);
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const AuditSample s = draw_audit_sample(store, o->programme, ctx.as_of_date(), seed);
        if (o->format == "json") {
            std::cout << audit_sample_to_json(s) << "\n";
            return;
        }
        for (const StratumDraw& d : s.strata)
            std::cout << (d.stratum.empty() ? "all cases" : d.stratum) << ": " << d.drawn << " drawn of "
                      << d.eligible - d.excluded << " (" << d.excluded << " audited in the exclusion period)\n";
        for (const SampledCase& c : s.cases)
            std::cout << "  " << c.child_id << (c.stratum.empty() ? "" : " [" + c.stratum + "]") << " "
                      << (c.worker.empty() ? "unallocated" : c.worker + ", " + c.team) << "\n";
        std::cout << s.cases.size() << " case(s), seed " << s.seed << ", " << s.as_of.iso() << "\n";
    });

    auto* actions = audit->add_subcommand("actions", "Recommendations as tracked actions, overdue first");
    actions->add_flag("--open", o->open_only, "Open ones only");
    actions->add_option("--format", o->format, "text or json");
    actions->callback([&ctx, o] {
        check_format(o->format, true);
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const Date as_of = ctx.as_of_date();
        const auto list = audit_actions(store, as_of, o->open_only);
        if (o->format == "json") {
            std::cout << audit_actions_to_json(as_of, list) << "\n";
            return;
        }
        int overdue = 0;
        for (const AuditAction& x : list) {
            overdue += x.overdue ? 1 : 0;
            std::cout << x.audit << " #" << x.number << " " << x.owner << " due " << x.due.iso() << ": "
                      << (x.completed ? "done " + x.completed->iso()
                                      : x.overdue ? "OVERDUE by " + std::to_string(x.days_overdue) + " days" : "open")
                      << " - " << x.text << "\n";
        }
        std::cout << list.size() << " action(s), " << overdue << " overdue on " << as_of.iso() << "\n";
    });
    auto* complete = audit->add_subcommand("complete", "Mark an audit recommendation done");
    complete->add_option("REFERENCE", o->reference, "The audit's reference")->required();
    complete->add_option("NUMBER", o->number, "The recommendation's number (from 1)")->required();
    complete->add_option("DATE", o->completed, "The date it was done (YYYY-MM-DD)")->required();
    by(complete);
    complete->callback([&ctx, o] {
        Store store = open_store(ctx, StoreUse::existing, kHint);
        set_by(store, o->by);
        complete_audit_recommendation(store, o->reference, o->number, date_arg(o->completed, "DATE"));
        std::cout << "audit " << o->reference << " recommendation " << o->number << " done\n";
    });

    auto* due = audit->add_subcommand("due", "Programmes overdue or due within --within days, for their owners");
    due->add_option("--within", o->window, "Days ahead (default 14)");
    due->add_option("--owner", o->owner, "One owner's programmes only");
    due->add_option("--format", o->format, "text or json");
    due->callback([&ctx, o] {
        check_format(o->format, true);
        Store store = open_store(ctx, StoreUse::read_only, kHint);
        const Date as_of = ctx.as_of_date();
        const auto list = audit_reminders(store, as_of, o->window,
                                          o->owner.empty() ? std::nullopt : std::optional<std::string>(o->owner));
        if (o->format == "json") {
            std::cout << audit_reminders_to_json(as_of, o->window, list) << "\n";
            return;
        }
        for (const AuditReminder& r : list)
            std::cout << r.owner << ": " << r.programme << " due " << r.due.iso() << " ("
                      << (r.overdue ? "overdue by " + std::to_string(r.days) + " days"
                                    : std::to_string(r.days) + " days left")
                      << ")\n";
        std::cout << list.size() << " programme(s) due\n";
    });
}

}  // namespace oversight::cli

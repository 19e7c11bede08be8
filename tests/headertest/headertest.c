/* <oversight.h> as a strict C99 consumer sees it: every INIT macro gives a
 * valid initializer and the version macros are usable. (Each header is also
 * compiled on its own, as C99 and as C++17: tests/CMakeLists.txt.) */
#include <oversight.h>

int main(void) {
    oversight_store_options store = OVERSIGHT_STORE_OPTIONS_INIT;
    oversight_store_history_query history = OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    oversight_calendar_options calendar = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    oversight_plan_settings settings = OVERSIGHT_PLAN_SETTINGS_INIT;
    oversight_plan_recommendation recommendation = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
    oversight_plan_recommendation_change recommendation_change = OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    oversight_plan_action action = OVERSIGHT_PLAN_ACTION_INIT;
    oversight_plan_action_change action_change = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    oversight_plan_progress progress = OVERSIGHT_PLAN_PROGRESS_INIT;
    oversight_plan_task task = OVERSIGHT_PLAN_TASK_INIT;
    oversight_plan_rag_override rag = OVERSIGHT_PLAN_RAG_OVERRIDE_INIT;
    oversight_report_options report = OVERSIGHT_REPORT_OPTIONS_INIT;
    oversight_import_options import = OVERSIGHT_IMPORT_OPTIONS_INIT;
    oversight_workforce_team team = OVERSIGHT_WORKFORCE_TEAM_INIT;
    oversight_workforce_worker worker = OVERSIGHT_WORKFORCE_WORKER_INIT;
    oversight_workforce_person person = OVERSIGHT_WORKFORCE_PERSON_INIT;
    oversight_casework_event event = OVERSIGHT_CASEWORK_EVENT_INIT;
    oversight_reminders_query query = OVERSIGHT_REMINDERS_QUERY_INIT;
    oversight_reminders_ics_options ics = OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
    oversight_reminders_acknowledgement ack = OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT;
    oversight_casework_exemption exemption = OVERSIGHT_CASEWORK_EXEMPTION_INIT;
    oversight_date d = {2012, 10, 12};
    char *s = NULL;
    unsigned long versions = store.version + history.version + calendar.version + settings.version +
                             recommendation.version + recommendation_change.version + action.version +
                             action_change.version + progress.version + task.version + rag.version +
                             report.version + import.version + team.version + worker.version + person.version +
                             event.version + query.version + ics.version + ack.version + exemption.version;
    if (oversight_date_format_iso(d, &s) == OVERSIGHT_OK) oversight_free(s);
    if (versions != 21 || OVERSIGHT_VERSION_NUMBER < 10000 || sizeof OVERSIGHT_VERSION_STRING < 6) return 1;
    return oversight_abi_version() == OVERSIGHT_ABI_VERSION ? 0 : 1;
}

/* <oversight.h> as a strict C99 consumer sees it: every INIT macro of every
 * header (tests/CMakeLists.txt checks that none is missing here) gives a
 * valid initializer whose version is the struct's current version, and the
 * version macros agree with the library. (Each header is also compiled on
 * its own, as C99 and as C++17.) Run as ctest c_headers_init. */
#include <oversight.h>

#include <stdio.h>

static int check(const char *macro, unsigned long version, unsigned long expected) {
    if (version == expected) return 0;
    fprintf(stderr, "%s: version %lu, expected %lu\n", macro, version, expected);
    return 1;
}

int main(void) {
    oversight_audit_programme_options audit_programme_options = OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT;
    oversight_batch_options batch_options = OVERSIGHT_BATCH_OPTIONS_INIT;
    oversight_batch_event batch_event = OVERSIGHT_BATCH_EVENT_INIT;
    oversight_calendar_options calendar_options = OVERSIGHT_CALENDAR_OPTIONS_INIT;
    oversight_casework_child casework_child = OVERSIGHT_CASEWORK_CHILD_INIT;
    oversight_casework_allocation casework_allocation = OVERSIGHT_CASEWORK_ALLOCATION_INIT;
    oversight_casework_attribute casework_attribute = OVERSIGHT_CASEWORK_ATTRIBUTE_INIT;
    oversight_casework_event casework_event = OVERSIGHT_CASEWORK_EVENT_INIT;
    oversight_casework_exemption casework_exemption = OVERSIGHT_CASEWORK_EXEMPTION_INIT;
    oversight_casework_invitee casework_invitee = OVERSIGHT_CASEWORK_INVITEE_INIT;
    oversight_casework_attendance_query casework_attendance_query = OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_INIT;
    oversight_complaints_rules complaints_rules = OVERSIGHT_COMPLAINTS_RULES_INIT;
    oversight_compliance_options compliance_options = OVERSIGHT_COMPLIANCE_OPTIONS_INIT;
    oversight_import_options import_options = OVERSIGHT_IMPORT_OPTIONS_INIT;
    oversight_import_return_options import_return_options = OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT;
    oversight_indicator_value indicator_value = OVERSIGHT_INDICATOR_VALUE_INIT;
    oversight_indicator_refresh_options indicator_refresh_options = OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT;
    oversight_plan_settings plan_settings = OVERSIGHT_PLAN_SETTINGS_INIT;
    oversight_plan_recommendation plan_recommendation = OVERSIGHT_PLAN_RECOMMENDATION_INIT;
    oversight_plan_recommendation_change plan_recommendation_change = OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT;
    oversight_plan_action plan_action = OVERSIGHT_PLAN_ACTION_INIT;
    oversight_plan_action_change plan_action_change = OVERSIGHT_PLAN_ACTION_CHANGE_INIT;
    oversight_plan_progress plan_progress = OVERSIGHT_PLAN_PROGRESS_INIT;
    oversight_plan_task plan_task = OVERSIGHT_PLAN_TASK_INIT;
    oversight_plan_rag_override plan_rag_override = OVERSIGHT_PLAN_RAG_OVERRIDE_INIT;
    oversight_plan_inspection plan_inspection = OVERSIGHT_PLAN_INSPECTION_INIT;
    oversight_reminders_query reminders_query = OVERSIGHT_REMINDERS_QUERY_INIT;
    oversight_reminders_ics_options reminders_ics_options = OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT;
    oversight_reminders_acknowledgement reminders_acknowledgement = OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT;
    oversight_reminders_changes_query reminders_changes_query = OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT;
    oversight_report_options report_options = OVERSIGHT_REPORT_OPTIONS_INIT;
    oversight_store_options store_options = OVERSIGHT_STORE_OPTIONS_INIT;
    oversight_store_history_query store_history_query = OVERSIGHT_STORE_HISTORY_QUERY_INIT;
    oversight_store_changes_query store_changes_query = OVERSIGHT_STORE_CHANGES_QUERY_INIT;
    oversight_supervision_options supervision_options = OVERSIGHT_SUPERVISION_OPTIONS_INIT;
    oversight_supervision_audit_options supervision_audit_options = OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_INIT;
    oversight_workforce_team workforce_team = OVERSIGHT_WORKFORCE_TEAM_INIT;
    oversight_workforce_worker workforce_worker = OVERSIGHT_WORKFORCE_WORKER_INIT;
    oversight_workforce_person workforce_person = OVERSIGHT_WORKFORCE_PERSON_INIT;
    oversight_workforce_appointment workforce_appointment = OVERSIGHT_WORKFORCE_APPOINTMENT_INIT;
    oversight_date d = {2012, 10, 12};
    char *s = NULL;
    int failures = 0;
    failures += check("OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_INIT", audit_programme_options.version, OVERSIGHT_AUDIT_PROGRAMME_OPTIONS_VERSION);
    failures += check("OVERSIGHT_BATCH_OPTIONS_INIT", batch_options.version, OVERSIGHT_BATCH_OPTIONS_VERSION);
    failures += check("OVERSIGHT_BATCH_EVENT_INIT", batch_event.version, OVERSIGHT_BATCH_EVENT_VERSION);
    failures += check("OVERSIGHT_CALENDAR_OPTIONS_INIT", calendar_options.version, OVERSIGHT_CALENDAR_OPTIONS_VERSION);
    failures += check("OVERSIGHT_CASEWORK_CHILD_INIT", casework_child.version, OVERSIGHT_CASEWORK_CHILD_VERSION);
    failures += check("OVERSIGHT_CASEWORK_ALLOCATION_INIT", casework_allocation.version, OVERSIGHT_CASEWORK_ALLOCATION_VERSION);
    failures += check("OVERSIGHT_CASEWORK_ATTRIBUTE_INIT", casework_attribute.version, OVERSIGHT_CASEWORK_ATTRIBUTE_VERSION);
    failures += check("OVERSIGHT_CASEWORK_EVENT_INIT", casework_event.version, OVERSIGHT_CASEWORK_EVENT_VERSION);
    failures += check("OVERSIGHT_CASEWORK_EXEMPTION_INIT", casework_exemption.version, OVERSIGHT_CASEWORK_EXEMPTION_VERSION);
    failures += check("OVERSIGHT_CASEWORK_INVITEE_INIT", casework_invitee.version, OVERSIGHT_CASEWORK_INVITEE_VERSION);
    failures += check("OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_INIT", casework_attendance_query.version, OVERSIGHT_CASEWORK_ATTENDANCE_QUERY_VERSION);
    failures += check("OVERSIGHT_COMPLAINTS_RULES_INIT", complaints_rules.version, OVERSIGHT_COMPLAINTS_RULES_VERSION);
    failures += check("OVERSIGHT_COMPLIANCE_OPTIONS_INIT", compliance_options.version, OVERSIGHT_COMPLIANCE_OPTIONS_VERSION);
    failures += check("OVERSIGHT_IMPORT_OPTIONS_INIT", import_options.version, OVERSIGHT_IMPORT_OPTIONS_VERSION);
    failures += check("OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT", import_return_options.version, OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION);
    failures += check("OVERSIGHT_INDICATOR_VALUE_INIT", indicator_value.version, OVERSIGHT_INDICATOR_VALUE_VERSION);
    failures += check("OVERSIGHT_INDICATOR_REFRESH_OPTIONS_INIT", indicator_refresh_options.version, OVERSIGHT_INDICATOR_REFRESH_OPTIONS_VERSION);
    failures += check("OVERSIGHT_PLAN_SETTINGS_INIT", plan_settings.version, OVERSIGHT_PLAN_SETTINGS_VERSION);
    failures += check("OVERSIGHT_PLAN_RECOMMENDATION_INIT", plan_recommendation.version, OVERSIGHT_PLAN_RECOMMENDATION_VERSION);
    failures += check("OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_INIT", plan_recommendation_change.version, OVERSIGHT_PLAN_RECOMMENDATION_CHANGE_VERSION);
    failures += check("OVERSIGHT_PLAN_ACTION_INIT", plan_action.version, OVERSIGHT_PLAN_ACTION_VERSION);
    failures += check("OVERSIGHT_PLAN_ACTION_CHANGE_INIT", plan_action_change.version, OVERSIGHT_PLAN_ACTION_CHANGE_VERSION);
    failures += check("OVERSIGHT_PLAN_PROGRESS_INIT", plan_progress.version, OVERSIGHT_PLAN_PROGRESS_VERSION);
    failures += check("OVERSIGHT_PLAN_TASK_INIT", plan_task.version, OVERSIGHT_PLAN_TASK_VERSION);
    failures += check("OVERSIGHT_PLAN_RAG_OVERRIDE_INIT", plan_rag_override.version, OVERSIGHT_PLAN_RAG_OVERRIDE_VERSION);
    failures += check("OVERSIGHT_PLAN_INSPECTION_INIT", plan_inspection.version, OVERSIGHT_PLAN_INSPECTION_VERSION);
    failures += check("OVERSIGHT_REMINDERS_QUERY_INIT", reminders_query.version, OVERSIGHT_REMINDERS_QUERY_VERSION);
    failures += check("OVERSIGHT_REMINDERS_ICS_OPTIONS_INIT", reminders_ics_options.version, OVERSIGHT_REMINDERS_ICS_OPTIONS_VERSION);
    failures += check("OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_INIT", reminders_acknowledgement.version, OVERSIGHT_REMINDERS_ACKNOWLEDGEMENT_VERSION);
    failures += check("OVERSIGHT_REMINDERS_CHANGES_QUERY_INIT", reminders_changes_query.version, OVERSIGHT_REMINDERS_CHANGES_QUERY_VERSION);
    failures += check("OVERSIGHT_REPORT_OPTIONS_INIT", report_options.version, OVERSIGHT_REPORT_OPTIONS_VERSION);
    failures += check("OVERSIGHT_STORE_OPTIONS_INIT", store_options.version, OVERSIGHT_STORE_OPTIONS_VERSION);
    failures += check("OVERSIGHT_STORE_HISTORY_QUERY_INIT", store_history_query.version, OVERSIGHT_STORE_HISTORY_QUERY_VERSION);
    failures += check("OVERSIGHT_STORE_CHANGES_QUERY_INIT", store_changes_query.version, OVERSIGHT_STORE_CHANGES_QUERY_VERSION);
    failures += check("OVERSIGHT_SUPERVISION_OPTIONS_INIT", supervision_options.version, OVERSIGHT_SUPERVISION_OPTIONS_VERSION);
    failures += check("OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_INIT", supervision_audit_options.version, OVERSIGHT_SUPERVISION_AUDIT_OPTIONS_VERSION);
    failures += check("OVERSIGHT_WORKFORCE_TEAM_INIT", workforce_team.version, OVERSIGHT_WORKFORCE_TEAM_VERSION);
    failures += check("OVERSIGHT_WORKFORCE_WORKER_INIT", workforce_worker.version, OVERSIGHT_WORKFORCE_WORKER_VERSION);
    failures += check("OVERSIGHT_WORKFORCE_PERSON_INIT", workforce_person.version, OVERSIGHT_WORKFORCE_PERSON_VERSION);
    failures += check("OVERSIGHT_WORKFORCE_APPOINTMENT_INIT", workforce_appointment.version, OVERSIGHT_WORKFORCE_APPOINTMENT_VERSION);
    if (oversight_date_format_iso(d, &s) != OVERSIGHT_OK || s == NULL) ++failures;
    oversight_free(s);
    if (OVERSIGHT_VERSION_NUMBER < 10000 || sizeof OVERSIGHT_VERSION_STRING < 6) ++failures;
    if (oversight_abi_version() != OVERSIGHT_ABI_VERSION) ++failures;
    printf("40 INIT macros checked, %d failure(s)\n", failures);
    return failures == 0 ? 0 : 1;
}

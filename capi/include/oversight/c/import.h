/*
 * <oversight/c/import.h> - reading files other systems write into a store.
 *
 * Improvement plans exported from PDF (tab-separated text, the seed format,
 * every repair reported), Oversight's canonical plan JSON and CSV, and the
 * statutory returns councils already make (SSDA903 children looked after,
 * the CIN Census, the social work workforce census, Ofsted's Annex A).
 * Each import is one transaction: a failed import leaves the store unchanged.
 *
 * The summaries are owned JSON documents {"format":"oversight-import-summary",
 * "version":1,"importer","source","counts":{"name":n},"issues":[{"file",
 * "line","path","column","column_name","severity","message"}]}: every repair
 * or unused row is an issue naming its file and line.
 */
#ifndef OVERSIGHT_C_IMPORT_H
#define OVERSIGHT_C_IMPORT_H

#include <oversight/c/base.h>

OVERSIGHT_BEGIN_DECLS

/* What an import may be told that its files do not say. Each function reads
 * the members its documentation names and refuses the others when set
 * (OVERSIGHT_E_INVALID_ARG), so nothing given is silently ignored. */
typedef struct oversight_import_options {
    uint32_t version;                  /* OVERSIGHT_IMPORT_OPTIONS_VERSION */
    const oversight_date *report_date; /* plans: the inspection report date; NULL: the file's (seed: unknown) */
    const char *title;                 /* plans: NULL: the file's (seed: "Ofsted improvement plan") */
    const char *authority;             /* plans: NULL: the file's (seed: none) */
    const char *recorded_by;           /* SSDA903: who recorded the events; NULL: "ssda903 import" */
} oversight_import_options;

#define OVERSIGHT_IMPORT_OPTIONS_VERSION 1
#define OVERSIGHT_IMPORT_OPTIONS_INIT { OVERSIGHT_IMPORT_OPTIONS_VERSION, NULL, NULL, NULL, NULL }

/* Fills *opts with the defaults of OVERSIGHT_IMPORT_OPTIONS_INIT for
 * `version`; OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_options_init(oversight_import_options *opts,
                                                                            uint32_t version) OVERSIGHT_NOEXCEPT;

/* Imports the plan table at `path` exported from a PDF (tab-separated, the
 * seed format; the repairs are listed in <oversight/import/seed_plan.hpp>)
 * and saves it as a new plan. Reads report_date (it anchors the timescales
 * and dates the imported progress), title and authority. *out_plan_id receives the new plan's id;
 * `out_summary` (may be NULL) an import summary {"format":
 * "oversight-import-summary",...} whose counts include "lines", "sections",
 * "recommendations" and "actions", with every repair and doubt as an issue
 * naming its line. OVERSIGHT_E_NOT_FOUND or OVERSIGHT_E_IO if the file
 * cannot be read, OVERSIGHT_E_PARSE if it is not such a table (or is
 * UTF-16 text). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_seed_plan(oversight_store *store, const char *path,
                                                                         const oversight_import_options *opts,
                                                                         int64_t *out_plan_id,
                                                                         char **out_summary) OVERSIGHT_NOEXCEPT;

/* Saves a plan given as Oversight's canonical JSON text. Reads report_date,
 * title and authority, which replace the document's when given.
 * `out_summary` (may be NULL) receives the import summary (importer
 * "plan-json"; counts of recommendations, actions, ...). OVERSIGHT_E_PARSE
 * names the JSON pointer at fault. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_plan_json(oversight_store *store, const char *json,
                                                                         const oversight_import_options *opts,
                                                                         int64_t *out_plan_id,
                                                                         char **out_summary) OVERSIGHT_NOEXCEPT;

/* Saves a plan given as Oversight's canonical CSV text. Reads report_date,
 * title and authority, which replace the file's when given.
 * `out_summary` (may be NULL) receives the import summary (importer
 * "plan-csv"). OVERSIGHT_E_PARSE names the line (and the column at fault). */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_plan_csv(oversight_store *store, const char *csv,
                                                                        const oversight_import_options *opts,
                                                                        int64_t *out_plan_id,
                                                                        char **out_summary) OVERSIGHT_NOEXCEPT;

/* Imports header.csv, episodes.csv and reviews.csv of an SSDA903 return from
 * `folder` as children, events and attributes (the mapping is in the C++
 * header <oversight/import/ssda903.hpp>). Reads recorded_by. *out receives an import summary {"format":
 * "oversight-import-summary",...} whose counts are "children_added",
 * "events_added", "events_already_present" and "attributes_set"; bad rows
 * are issues naming file, line and column. Importing the
 * same files again adds nothing. OVERSIGHT_E_IO for a missing folder or file,
 * OVERSIGHT_E_PARSE for a file that is not CSV or lacks a column. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_ssda903(oversight_store *store, const char *folder,
                                                                       const oversight_import_options *opts,
                                                                       char **out) OVERSIGHT_NOEXCEPT;

/* What oversight_import_return imports. */
typedef struct oversight_import_return_options {
    uint32_t version;         /* OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION */
    const char *format;       /* "ssda903", "cin", "csww" or "annex-a" (ignoring case) */
    const char *const *paths; /* path_count files (SSDA903: folders, or the CSV files of one) */
    size_t path_count;        /* at least 1 */
    const char *recorded_by;  /* who recorded the events; NULL: the importer's own ("cin census import", ...);
                                 not used by "csww" (people and appointments carry no recorder) */
} oversight_import_return_options;
#define OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION 1
#define OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT { OVERSIGHT_IMPORT_RETURN_OPTIONS_VERSION, NULL, NULL, 0, NULL }
/* Fills *opts with the defaults of OVERSIGHT_IMPORT_RETURN_OPTIONS_INIT for
 * `version`; OVERSIGHT_E_INVALID_ARG for NULL or an unknown version. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_return_options_init(
    oversight_import_return_options *opts, uint32_t version) OVERSIGHT_NOEXCEPT;
/* Imports the files of one statutory return into the store, in one
 * transaction (the mappings are in the C++ headers <oversight/import/
 * ssda903.hpp>, cin_census.hpp, csww.hpp, annex_a.hpp, and what the
 * importers add in return_format.hpp). Importing the same files again
 * changes nothing: records carry their identity (external ids
 * "cin:<child>/<type>/<date>", "annex-a:...", a person's SWE number). Every
 * refused row or element is an issue naming its file and line, element path
 * or sheet!cell. *out_summary receives the import summary {"format":
 * "oversight-import-summary",...}: importer "ssda903", "cin-census", "csww"
 * or "annex-a"; counts such as "children_added", "events_added",
 * "events_already_present", "attributes_set", "people_added",
 * "appointments_added", "allocations_added", and "files_read"; with several
 * paths, one summary whose counts are summed. A path that cannot be read is
 * an error issue and "files_not_read", and the others are imported.
 * OVERSIGHT_E_INVALID_ARG for NULL arguments, an unknown format, no paths,
 * a NULL or empty path, or SSDA903 files from different folders;
 * OVERSIGHT_E_IO or OVERSIGHT_E_PARSE (the first path's) when no path could
 * be read. */
OVERSIGHT_API oversight_status OVERSIGHT_CALL oversight_import_return(oversight_store *store,
                                                                      const oversight_import_return_options *opts,
                                                                      char **out_summary) OVERSIGHT_NOEXCEPT;
OVERSIGHT_END_DECLS

#endif /* OVERSIGHT_C_IMPORT_H */

// pthv export --deidentify --key-file FILE -o DIR: the roster and visit log
// for an outside evaluator, with keyed pseudonyms for every id of a person,
// no names, notes or free text, and k-anonymity (--k, default 5)
// (docs/export.md). DIR must lie outside every data repo; it is written
// whole or not at all (lib/pthv/export/folder.hpp).

#include <cstdio>
#include <memory>
#include <optional>

#include "commands.hpp"

#include <pthv/export/deidentify.hpp>
#include <pthv/export/folder.hpp>
#include <pthv/export/key.hpp>
#include <pthv/export/sources.hpp>

namespace pthv::cmd {

namespace {

namespace fs = std::filesystem;

// How long an export waits for another export into the same folder.
constexpr double k_folder_lock_timeout = 30.0;

struct ExportOptions {
    bool deidentify = false;
    std::string key_file;
    std::string flags;
    unsigned k = exporting::k_default_k;
    std::string attendance;
    std::optional<std::string> subgroups; // --subgroups [FILE]: set, with or without the file
};

// Every failure (the key, the folder, a file that cannot be read or
// written) is an exception main() prints as one error line, exit 2.
int run_export(const ExportOptions& o, Session& session)
{
    const fs::path root = session.root();
    std::vector<exporting::StudentAttendance> outcomes;
    exporting::ExportOptions options{{}, nullptr, o.k, o.attendance.empty() ? nullptr : &outcomes};
    static const model::Repo not_loaded_yet; // the options are checked before anything is read
    options.subgroups = o.subgroups ? &not_loaded_yet : nullptr;
    exporting::check_options(options);
    const fs::path dir = exporting::output_folder(session.global().output, root);
    options.key = exporting::read_key_file(o.key_file, root);
    const auto lock = take_repo_lock(root, k_read_lock_timeout, util::LockMode::Shared);
    const std::optional<fs::path> flags = o.flags.empty() ? std::nullopt : std::optional<fs::path>(o.flags);
    auto& loaded = session.load(flags);
    if (const auto why = exporting::unexportable(loaded.problems, o.flags); !why.empty())
        throw UsageError(why);
    options.flags = flags ? &loaded.repo : nullptr;
    if (o.subgroups && !o.subgroups->empty())
        merge_subgroups_option(*o.subgroups, loaded.repo, session.color());
    else if (o.subgroups && loaded.repo.subgroups.empty())
        throw UsageError("--subgroups: pthv.yaml names no subgroups (reports.subgroups, docs/data.md)");
    options.subgroups = o.subgroups ? &loaded.repo : nullptr;
    if (!o.attendance.empty())
        outcomes = exporting::student_attendance(read_attendance_option(o.attendance, loaded.repo, session.color()),
                                                 loaded.repo);
    const auto files = exporting::deidentify(exporting::read_sources(root), options);
    // The folder is checked again just before writing: a link may have changed since.
    exporting::write_folder(exporting::output_folder(session.global().output, root), files, k_folder_lock_timeout);
    if (!session.global().quiet)
        std::printf("wrote %zu files to %s (ids replaced by keyed pseudonyms, k = %u; see README.md there)\n",
                    files.size(), dir.string().c_str(), o.k);
    return k_exit_ok;
}

} // namespace

Runner setup_export(CLI::App& sub)
{
    auto o = std::make_shared<ExportOptions>();
    sub.add_flag("--deidentify", o->deidentify,
                 "Replace every student, family, staff and visit id by a keyed pseudonym; drop names, notes and "
                 "free text")
        ->required();
    sub.add_option("--key-file", o->key_file,
                   "The private key (at least 16 bytes, 8 of them different, mode 600, outside the data repo): one "
                   "key gives the same ids every time")
        ->type_name("FILE")
        ->required();
    sub.add_option("--k", o->k,
                   "Each student shares site, grade, home language and visit months with at least K-1 others "
                   "(coarsening, then blanking); 1 turns this off")
        ->type_name("K")
        ->default_val(exporting::k_default_k);
    sub.add_option("--flags", o->flags, "Include the concern flags (students.csv's and this file's flag_* columns)")
        ->type_name("FILE");
    sub.add_option("--attendance", o->attendance,
                   "Add attendance.csv: each student's days_enrolled and days_absent from FILE, under the keyed "
                   "ids (not with --k 1)")
        ->type_name("FILE");
    sub.add_option("--subgroups", o->subgroups,
                   "Add subgroups.csv: each student's reports.subgroups values under the keyed ids, from "
                   "students.csv and, if given, FILE (kept out of git; not with --k 1)")
        ->type_name("[FILE]")
        ->expected(0, 1);
    sub.footer("Examples:\n"
               "  (umask 077; openssl rand -hex 32 > ~/pthv-export.key)   # once; keep it private\n"
               "  pthv export --deidentify --key-file ~/pthv-export.key -o ~/evaluation/2025-26\n"
               "  pthv export --deidentify --key-file ~/pthv-export.key --attendance ~/private/attendance.csv "
               "-o ~/evaluation/2025-26\n\n"
               "-o DIR is the folder to write (made if missing, replaced whole if it holds an earlier export);\n"
               "it must be outside the data repo. DIR/README.md says what was removed, how the ids were made\n"
               "and what --k coarsened and blanked (docs/export.md).");
    return [o](Session& s) { return run_export(*o, s); };
}

} // namespace pthv::cmd

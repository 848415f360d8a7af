// pthv export --deidentify --key-file FILE -o DIR: the roster and visit log
// for an outside evaluator, with keyed pseudonyms for every id of a person
// and no names, notes or free text (docs/export.md). DIR must lie outside
// every data repo; each file is written atomically, README.md last.

#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/export/deidentify.hpp>
#include <pthv/export/key.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

namespace fs = std::filesystem;

struct ExportOptions {
    bool deidentify = false;
    std::string key_file;
    std::string flags;
};

// -o DIR, checked: a folder (made if missing) outside any data repo,
// through whatever links lead there.
fs::path output_folder(const std::string& output, const fs::path& root)
{
    if (output.empty())
        throw UsageError("-o DIR is required: the folder to write the export into (outside the data repo)");
    const auto refuse_inside = [&](const fs::path& repo) {
        throw UsageError("-o " + output + ": that folder is inside the data repo " + repo.string() +
                         "; an export must be kept out of the repo and out of git. Nothing was written");
    };
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(fs::absolute(output, ec), ec);
    if (exporting::is_inside(real, root))
        refuse_inside(root);
    if (const auto holder = io::find_repo_root(real))
        refuse_inside(*holder);
    if (fs::exists(real, ec) && !fs::is_directory(real, ec))
        throw UsageError("-o " + output + ": not a folder; nothing was written");
    return real;
}

// The loader's findings that make a file unfit to export: a row that is not
// CSV, a missing column, or a typed cell holding something else (a name in
// the grade column would otherwise travel as it is).
void refuse_unreadable(const model::Problems& problems, const std::string& flags_file)
{
    const auto& files = exporting::export_sources();
    for (const auto& p : problems) {
        const bool exported = std::find(files.begin(), files.end(), p.file) != files.end() || p.file == flags_file;
        if (exported && p.severity == model::Severity::Error &&
            (p.rule == "csv-syntax" || p.rule == "column-missing" || p.rule == "value-invalid"))
            throw UsageError(fmt::format("{}:{}: {}[{}]: {}; an export is made only from data that reads cleanly. "
                                         "Fix it first (`pthv validate`); nothing was written",
                                         p.file, p.line, model::severity_name(p.severity), p.rule,
                                         util::printable(p.message)));
    }
}

void write_export(const fs::path& dir, const std::vector<exporting::ExportFile>& files)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw UsageError("-o " + dir.string() + ": " + ec.message());
    for (const auto& f : files)
        util::atomic_write(dir / f.name, f.text);
}

int run_export(const ExportOptions& o, Session& session)
{
    const fs::path root = session.root();
    const fs::path dir = output_folder(session.global().output, root);
    std::string key;
    try {
        key = exporting::read_key_file(o.key_file, root);
    } catch (const exporting::KeyError& e) {
        throw UsageError(e.what());
    }
    const auto lock = take_repo_lock(root, k_read_lock_timeout, util::LockMode::Shared);
    const std::optional<fs::path> flags = o.flags.empty() ? std::nullopt : std::optional<fs::path>(o.flags);
    const auto& loaded = session.load(flags);
    refuse_unreadable(loaded.problems, o.flags);

    std::vector<exporting::SourceFile> sources;
    try {
        for (const auto& name : exporting::export_sources())
            if (util::file_exists(root / name))
                sources.push_back({name, util::read_file(root / name)});
        const auto files = exporting::deidentify(sources, {key, flags ? &loaded.repo : nullptr});
        // Checked again just before writing: a link may have changed since.
        write_export(output_folder(session.global().output, root), files);
        if (!session.global().quiet)
            std::printf("wrote %zu files to %s (ids replaced by keyed pseudonyms; see README.md there)\n",
                        files.size(), dir.string().c_str());
    } catch (const util::FileError& e) {
        throw UsageError(e.what());
    } catch (const std::runtime_error& e) {
        throw UsageError(e.what());
    }
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
    sub.add_option("--flags", o->flags, "Include the concern flags (students.csv's and this file's flag_* columns)")
        ->type_name("FILE");
    sub.footer("Examples:\n"
               "  (umask 077; openssl rand -hex 32 > ~/pthv-export.key)   # once; keep it private\n"
               "  pthv export --deidentify --key-file ~/pthv-export.key -o ~/evaluation/2025-26\n\n"
               "-o DIR is the folder to write (made if missing); it must be outside the data repo.\n"
               "DIR/README.md says what was removed and how the ids were made (docs/export.md).");
    return [o](Session& s) { return run_export(*o, s); };
}

} // namespace pthv::cmd

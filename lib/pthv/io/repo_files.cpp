#include <pthv/io/repo_files.hpp>

#include <sys/stat.h>
#include <vector>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

namespace fs = std::filesystem;

namespace {

bool same_inode(const struct stat& a, const fs::path& b)
{
    struct stat st {};
    return ::stat(b.c_str(), &st) == 0 && st.st_dev == a.st_dev && st.st_ino == a.st_ino;
}

// Where `target` lies under `dir` ("" when outside it).
std::string inside(const fs::path& target, const fs::path& dir)
{
    const fs::path rel = target.lexically_relative(dir);
    return rel.empty() || *rel.begin() == ".." ? std::string() : rel.generic_string();
}

} // namespace

bool is_repo_file(std::string_view name)
{
    if (name == "pthv.yaml")
        return true;
    for (const auto* files : {&data_files(), &optional_files()})
        for (const auto& f : *files)
            if (name == f)
                return true;
    return false;
}

std::string repo_file_at(const fs::path& target, const fs::path& root)
{
    std::error_code ec;
    const fs::path real_root = fs::canonical(root, ec);
    if (ec)
        return {};
    if (const std::string rel = inside(target, real_root); !rel.empty()) {
        const fs::path p(rel);
        const std::string first = p.begin()->string();
        const bool top = std::next(p.begin()) == p.end();
        if ((top && (is_repo_file(first) || first == ".pthv.lock" || first == util::k_journal_name)) ||
            first == "payroll")
            return rel;
    }
    const fs::path payroll = fs::canonical(real_root / "payroll", ec);
    if (!ec)
        if (const std::string rel = inside(target, payroll); !rel.empty())
            return "payroll/" + rel;
    // A hard link elsewhere to one of the files.
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    std::vector<std::string> names = {"pthv.yaml"};
    names.insert(names.end(), data_files().begin(), data_files().end());
    names.insert(names.end(), optional_files().begin(), optional_files().end());
    for (const auto& entry : fs::directory_iterator(real_root / "payroll", ec))
        names.push_back("payroll/" + entry.path().filename().string());
    for (const auto& name : names)
        if (same_inode(st, real_root / name))
            return name;
    return {};
}

bool leaves_unread(const model::Problem& p)
{
    return p.rule == "config-invalid" || p.rule == "csv-syntax" || p.rule == "column-missing";
}

model::Problems unreadable(const LoadResult& loaded)
{
    model::Problems out;
    for (const auto& p : loaded.problems)
        if (leaves_unread(p))
            out.push_back(p);
    return out;
}

bool holds_repo_files(const fs::path& dir)
{
    bool any = util::file_exists(dir / "pthv.yaml");
    for (const auto& f : data_files())
        any = any || util::file_exists(dir / f);
    return any;
}

std::string output_file_refusal(const std::string& output, const std::optional<fs::path>& root)
{
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(fs::absolute(output, ec), ec);
    if (ec)
        return {};
    std::vector<fs::path> roots;
    if (root)
        roots.push_back(*root);
    if (const auto holder = find_repo_root(target.parent_path()))
        roots.push_back(*holder);
    for (const auto& r : roots) {
        const std::string what = repo_file_at(target, r);
        if (!what.empty())
            return "that is the data repo's " + what +
                   "; -o never writes over the repo's own files (pthv.yaml, the CSV files, payroll/)";
    }
    return {};
}

std::string named_repo_refusal(const fs::path& dir)
{
    if (!fs::is_directory(dir))
        return "no such folder";
    if (!util::file_exists(dir / "pthv.yaml"))
        return "not a pthv data repo (no pthv.yaml)";
    return {};
}

std::string config_failure(const LoadResult& loaded)
{
    if (loaded.repo.config_ok)
        return {};
    for (const auto& p : loaded.problems)
        if (p.rule == "config-invalid")
            return "pthv.yaml: " + util::printable(p.message);
    return "pthv.yaml could not be read";
}

FlagsLoad sort_flags_load(const model::Problems& problems, const std::string& flags_file)
{
    FlagsLoad out;
    for (const auto& p : problems) {
        const bool in_flags = !flags_file.empty() && p.file == flags_file;
        if (leaves_unread(p) || (in_flags && p.rule == "duplicate-key"))
            out.unreadable.push_back(p);
        else if (in_flags)
            out.flags.push_back(p);
        else if (p.severity == model::Severity::Error)
            ++out.other_errors;
    }
    return out;
}

RepoRoot repo_root(const std::string& data_dir, const fs::path& start)
{
    if (!data_dir.empty()) {
        const fs::path dir(data_dir);
        std::error_code ec;
        if (!fs::is_directory(dir, ec))
            return {{}, "-C " + data_dir + ": no such folder"};
        // One that has its CSV files but lost pthv.yaml is a data repo, and
        // validate reports config-invalid for it.
        if (!holds_repo_files(dir))
            return {{}, "-C " + data_dir + ": not a pthv data repo (no pthv.yaml); run `pthv init " + data_dir +
                            "` to make one"};
        return {dir, {}};
    }
    if (const auto found = find_repo_root(start))
        return {*found, {}};
    return {{}, "no pthv.yaml in this folder or any folder above it; run `pthv init`, or pass -C DIR"};
}

std::vector<std::string> remove_interrupted_writes(const fs::path& root)
{
    std::vector<std::string> removed = util::remove_temp_files(root, is_repo_file);
    for (const auto& name :
         util::remove_temp_files(root / "payroll", [](std::string_view t) { return util::ends_with(t, ".csv"); }))
        removed.push_back("payroll/" + name);
    return removed;
}

std::string private_folder_refusal(const fs::path& folder, const fs::path& root)
{
    std::error_code ec;
    const fs::path dir = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    if (!inside(dir, fs::canonical(root, ec)).empty())
        return "is inside the data repo; digests name students and stay out of git: choose a folder outside it, "
               "e.g. ~/pthv-reminders";
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return "is not a folder: remind writes one file per person into it";
    return {};
}

std::string flags_source(const model::Repo& repo, const std::string& flags_file)
{
    bool in_students = false;
    if (const auto it = repo.files.find("students.csv"); it != repo.files.end())
        for (const auto& c : it->second.header)
            in_students = in_students || util::starts_with(c, "flag_");
    if (in_students && !flags_file.empty())
        return "students.csv and " + flags_file;
    return in_students ? "students.csv" : flags_file;
}

} // namespace pthv::io

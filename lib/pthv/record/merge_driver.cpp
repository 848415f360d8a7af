#include <pthv/record/merge_driver.hpp>

#include <pthv/record/merge.hpp>
#include <pthv/util/git.hpp>

namespace pthv::record {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_driver_name = "pthv: the logs by key, other files by line (union)";

} // namespace

std::string merge_driver_command(const std::string& fallback_binary)
{
    return "pthv=${PTHV:-pthv}; command -v \"$pthv\" >/dev/null 2>&1 || pthv=" + util::shell_quoted(fallback_binary) +
           "; \"$pthv\" hooks merge %O %A %B %P";
}

bool merge_driver_installed(const fs::path& root)
{
    return util::git_output(root, {"config", "--local", "--get", "merge.union.name"}).value_or("") == k_driver_name;
}

std::string install_merge_driver(const fs::path& root, const std::string& binary)
{
    const auto existing = util::git_output(root, {"config", "--local", "--get", "merge.union.driver"});
    if (existing && !merge_driver_installed(root))
        return "this repository already defines its own `union` merge driver (git config merge.union); "
               "pthv leaves it alone";
    if (!util::git_output(root, {"config", "--local", "merge.union.name", k_driver_name}) ||
        !util::git_output(root, {"config", "--local", "merge.union.driver", merge_driver_command(binary)}))
        return "git config failed in " + root.string() + ": cannot set the merge driver";
    return {};
}

bool uninstall_merge_driver(const fs::path& root)
{
    if (!merge_driver_installed(root))
        return false;
    return util::git_output(root, {"config", "--local", "--remove-section", "merge.union"}).has_value();
}

std::string logs_merged_by_key_text()
{
    const auto logs = logs_merged_by_key();
    std::string out;
    for (std::size_t i = 0; i < logs.size(); ++i)
        out += (i == 0 ? "" : i + 1 == logs.size() ? " and " : ", ") + logs[i];
    return out;
}

} // namespace pthv::record

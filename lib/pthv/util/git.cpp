#include <pthv/util/git.hpp>

#include <cstdio>

namespace pthv::util {

namespace fs = std::filesystem;

std::string shell_quoted(const std::string& s)
{
    std::string out = "'";
    for (const char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

std::string this_binary()
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("pthv") : self.string();
}

std::optional<std::string> git_output(const fs::path& dir, const std::vector<std::string>& args)
{
    std::string command = "git -C " + shell_quoted(dir.string());
    for (const auto& a : args)
        command += " " + shell_quoted(a);
    command += " 2>/dev/null";
    std::fflush(stdout);
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    if (::pclose(pipe) != 0)
        return std::nullopt;
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

bool git_available()
{
    return git_output(".", {"--version"}).has_value();
}

bool inside_git_work_tree(const fs::path& dir)
{
    return git_output(dir, {"rev-parse", "--is-inside-work-tree"}).value_or("") == "true";
}

} // namespace pthv::util

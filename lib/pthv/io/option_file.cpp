// Files named by options (option_file.hpp).

#include <pthv/io/option_file.hpp>

#include <stdexcept>

#include <fmt/format.h>

#include <pthv/util/files.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::io {

OptionFile read_option_file(const std::string& option, const std::string& file,
                            const std::function<void(const std::string& text, model::Problems&)>& read)
{
    std::string text;
    try {
        text = util::read_file(file);
    } catch (const util::FileError& e) {
        throw std::runtime_error(fmt::format("{} {}: {}", option, file, e.what()));
    }
    OptionFile out;
    read(text, out.problems);
    model::sort_problems(out.problems);
    long long errors = 0;
    for (const auto& p : out.problems)
        errors += p.severity == model::Severity::Error ? 1 : 0;
    if (errors > 0)
        out.refusal = fmt::format("{} {}: {} cannot be read (listed above); fix them and try again. Nothing was "
                                  "written",
                                  option, file, util::plural(errors, "row", "rows"));
    return out;
}

} // namespace pthv::io

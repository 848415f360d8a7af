#include "doc_paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <regex>

namespace pthv::cmd {

namespace fs = std::filesystem;

std::string installed_doc_dir()
{
    if (const char* dir = std::getenv("PTHV_DOC_DIR"); dir && *dir)
        return dir;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "";
    // PREFIX/bin/pthv -> PREFIX/share/doc/pthv
    const fs::path dir = self.parent_path().parent_path() / "share" / "doc" / "pthv";
    return fs::is_regular_file(dir / "rules.md", ec) ? dir.lexically_normal().string() : "";
}

std::string cite_docs(const std::string& text, const std::string& doc_dir)
{
    if (doc_dir.empty())
        return text;
    static const std::regex k_doc(R"(\bdocs/([A-Za-z0-9_-]+\.md)\b)");
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), k_doc), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        out += doc_dir + "/" + (*it)[1].str();
        last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
}

namespace {

class DocCitingFormatter : public CLI::Formatter {
public:
    explicit DocCitingFormatter(std::string doc_dir) : m_doc_dir(std::move(doc_dir)) {}

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override
    {
        return cite_docs(CLI::Formatter::make_help(app, std::move(name), mode), m_doc_dir);
    }

private:
    std::string m_doc_dir;
};

} // namespace

std::shared_ptr<CLI::Formatter> doc_citing_formatter()
{
    return std::make_shared<DocCitingFormatter>(installed_doc_dir());
}

} // namespace pthv::cmd

#include <pthv/io/yaml_keys.hpp>

#include <cctype>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace pthv::io {

namespace {

// A key as a path segment: bare when it is a plain word, else quoted, so
// "values.focus.Hopes and dreams" cannot be misread.
std::string segment(const std::string& key)
{
    for (const char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '*'))
            return fmt::format("\"{}\"", key);
    return key.empty() ? "\"\"" : key;
}

// Walks the parser's events rather than the node tree: the events hold every
// key with its line, and an alias is one event, so a document that refers
// to itself cannot make the walk go round.
class KeyWalker : public YAML::EventHandler {
public:
    std::vector<DuplicateKey> found;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, nullptr); }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, nullptr); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override
    {
        node(mark, &value);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(false, node(mark, nullptr));
    }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(true, node(mark, nullptr));
    }
    void OnSequenceEnd() override { m_stack.pop_back(); }
    void OnMapEnd() override { m_stack.pop_back(); }

private:
    struct Level {
        bool map = false;
        std::string path;
        bool want_key = true;                     // a map: the next node is a key
        std::string key;                          // a map: the key of the value to come
        std::size_t index = 0;                    // a sequence: the next item's index
        std::map<std::string, std::size_t> lines; // a map: each key's first line
    };
    std::vector<Level> m_stack;

    void open(bool map, std::string path)
    {
        Level level;
        level.map = map;
        level.path = std::move(path);
        m_stack.push_back(std::move(level));
    }

    // Takes the next node of the level it belongs to and gives its path;
    // `scalar` is its text when it is a scalar (only those are compared).
    std::string node(const YAML::Mark& mark, const std::string* scalar)
    {
        if (m_stack.empty())
            return {};
        Level& up = m_stack.back();
        if (!up.map)
            return fmt::format("{}[{}]", up.path, up.index++);
        if (!up.want_key) {
            up.want_key = true;
            return up.key;
        }
        up.want_key = false;
        const std::string prefix = up.path.empty() ? "" : up.path + ".";
        if (!scalar) { // a key that is a mapping, a sequence, an alias or empty
            up.key = prefix + "?";
            return up.key;
        }
        up.key = prefix + segment(*scalar);
        const std::size_t line = mark.line >= 0 ? static_cast<std::size_t>(mark.line) + 1 : 0;
        if (*scalar == "<<") // a merge key: merging several maps is what it is for
            return up.key;
        const auto [at, added] = up.lines.emplace(*scalar, line);
        if (!added)
            found.push_back({up.key, line, at->second});
        return up.key;
    }
};

} // namespace

std::vector<DuplicateKey> duplicate_keys(std::string_view yaml)
{
    KeyWalker walker;
    try {
        std::istringstream in{std::string(yaml)};
        YAML::Parser parser(in);
        parser.HandleNextDocument(walker);
    } catch (const YAML::Exception&) {
        // Not YAML: the caller's own parse says where.
    }
    return walker.found;
}

std::string duplicate_message(const DuplicateKey& d)
{
    return fmt::format("{} is set twice (first on line {}); pthv will not guess which one is meant", d.path,
                       d.first);
}

} // namespace pthv::io

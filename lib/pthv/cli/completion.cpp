// The bash completion script (completion.hpp): the data (which commands,
// options and values there are, generated here) followed by the functions
// that use it (completion/pthv.bash, handed in).

#include <pthv/cli/completion.hpp>

#include <fmt/format.h>

namespace pthv::cli {

namespace {

// A word for bash, single-quoted.
std::string bash_word(std::string_view s)
{
    std::string out = "'";
    for (const char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// "a,b,c" of a check of an option's words, as its type name shows it
// ("WHEN:{auto,always,never}"); empty when there is none.
std::vector<std::string> member_words(const std::string& type)
{
    const auto open = type.find(":{");
    const auto close = type.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return {};
    std::vector<std::string> out;
    std::string word;
    for (const char c : type.substr(open + 2, close - open - 2)) {
        if (c == ',') {
            out.push_back(word);
            word.clear();
        } else if (c != ' ') {
            word += c;
        }
    }
    out.push_back(word);
    return out;
}

// The name the value table knows an option by: its long name, else its
// short one, else (a positional) its own.
std::string table_name(const OptionInfo& opt)
{
    if (!opt.long_names.empty())
        return "--" + opt.long_names.front();
    if (!opt.short_names.empty())
        return "-" + opt.short_names.front();
    return opt.positional;
}

struct Tables {
    std::vector<std::pair<std::string, std::string>> commands; // key -> its commands
    std::vector<std::pair<std::string, std::string>> options;  // key -> its option names
    std::vector<std::pair<std::string, ValueSpec>> values;     // "key|--opt", "key|#N", "key|#*" -> spec
    std::vector<std::string> unclassified;                     // "path --opt"
};

ValueSpec spec_of(const std::string& path, const OptionInfo& opt, Tables& t)
{
    if (opt.items_max == 0)
        return "x";
    std::optional<ValueSpec> spec = value_spec(path, table_name(opt));
    if (!spec) {
        if (const auto members = member_words(opt.type_name); !members.empty()) {
            spec = "w:";
            for (std::size_t i = 0; i < members.size(); ++i)
                *spec += (i ? " " : "") + members[i];
        }
    }
    if (!spec) {
        t.unclassified.push_back((path.empty() ? "pthv" : path) + " " + table_name(opt));
        spec = "f";
    }
    // Several values, one a word (--rule A B, ID...); a list joined by
    // commas is one word.
    if (opt.items_max > 1 && opt.positional.empty() && spec->rfind("l:", 0) != 0)
        *spec = "+" + *spec;
    return *spec;
}

// Bash cannot key an array by "": the tables key pthv itself as "pthv" and
// each command by its path after it ("pthv roster add").
std::string key_of(const std::string& path) { return path.empty() ? "pthv" : "pthv " + path; }

// A positional takes the next words, as many as it expects; one that takes
// any number takes all the rest.
void add_positional(const std::string& path, const OptionInfo& opt, int& position, Tables& t)
{
    const std::string key = key_of(path);
    const ValueSpec spec = spec_of(path, opt, t);
    if (opt.items_max > 16) {
        t.values.emplace_back(key + "|#*", spec);
        return;
    }
    for (int i = 0; i < opt.items_max; ++i)
        t.values.emplace_back(fmt::format("{}|#{}", key, position++), spec);
}

void walk(const CommandInfo& command, const std::string& path, Tables& t)
{
    const std::string key = key_of(path);
    std::string names;
    for (const auto& sub : command.commands)
        names += (names.empty() ? "" : " ") + sub.name;
    if (!names.empty())
        t.commands.emplace_back(key, names);

    std::string options;
    int position = 0;
    for (const auto& opt : command.options) {
        if (!opt.positional.empty()) {
            add_positional(path, opt, position, t);
            continue;
        }
        const ValueSpec spec = spec_of(path, opt, t);
        for (const auto& s : opt.short_names) {
            options += (options.empty() ? "-" : " -") + s;
            t.values.emplace_back(key + "|-" + s, spec);
        }
        for (const auto& l : opt.long_names) {
            options += (options.empty() ? "--" : " --") + l;
            t.values.emplace_back(key + "|--" + l, spec);
        }
    }
    t.options.emplace_back(key, options);
    // The global --format takes the formats of the command it is given to.
    if (!path.empty())
        t.values.emplace_back(key + "|--format", *value_spec(path, "--format"));

    for (const auto& sub : command.commands)
        walk(sub, path.empty() ? sub.name : path + " " + sub.name, t);
}

std::string bash_array(const char* name, const std::vector<std::pair<std::string, std::string>>& rows)
{
    std::string out = fmt::format("declare -gA {}=(\n", name);
    for (const auto& [key, value] : rows)
        out += fmt::format("    [{}]={}\n", bash_word(key), bash_word(value));
    return out + ")\n";
}

} // namespace

std::string bash_completion(const CommandInfo& root, std::string_view functions)
{
    Tables t;
    walk(root, "", t);
    std::string out = "# bash completion for pthv.                                  -*- shell-script -*-\n"
                      "#\n"
                      "# Written by `pthv completion bash` (pthv " PTHV_VERSION
                      ") from its own command line: the commands\n"
                      "# and options of the program, the rule ids of its rule registry and the values\n"
                      "# each option accepts. Do not edit: run `pthv completion bash` again.\n"
                      "#\n"
                      "# Install: `make install` puts it in share/bash-completion/completions/pthv;\n"
                      "# or add `source <(pthv completion bash)` to ~/.bashrc.\n\n";
    for (const auto& u : t.unclassified)
        out += "# unclassified: " + u + " (completion_values.cpp has no row for it)\n";
    out += "# The commands under each command, by its path (\"pthv roster\").\n";
    out += bash_array("_pthv_commands", t.commands);
    out += "# The options of each command; pthv's own (\"pthv\") are accepted after any command.\n";
    out += bash_array("_pthv_options", t.options);
    out += "# What each option (path|--opt) and positional (path|#N, path|#* for the rest)\n"
           "# takes: see _pthv_offer.\n";
    out += bash_array("_pthv_values", t.values);
    out += "\n";
    out += functions;
    return out;
}

} // namespace pthv::cli

// pthv schema: print the compiled-in table schemas.

#include <fmt/format.h>
#include <memory>

#include "commands.hpp"

#include <pthv/io/schema.hpp>
#include <pthv/util/strings.hpp>

namespace pthv::cmd {

namespace {

struct SchemaOptions {
    std::string file;
};

std::string render_text(const io::Schema& s)
{
    std::string out = fmt::format("{} ({})\n", s.path, s.title);
    if (!s.primary_key.empty())
        out += fmt::format("  key: {}\n", util::join(s.primary_key, " + "));
    for (const auto& f : s.fields) {
        std::string need = f.required ? "required" : "optional";
        if (!f.required_when_field.empty())
            need = "required when " + f.required_when_field + " is " + f.required_when_value;
        std::string type = f.type_name;
        if (!f.values.empty())
            type = util::join(f.values, " | ");
        if (!f.references.empty())
            type += " -> " + f.references;
        out += fmt::format("  {:<15} {:<40} {}\n", f.name, type, need);
        if (!f.description.empty())
            out += fmt::format("  {:<15} {}\n", "", f.description);
    }
    if (!s.description.empty())
        out += "  " + s.description + "\n";
    return out;
}

int run_schema(const SchemaOptions& o, Session& session)
{
    const std::string format = session.format({"text", "yaml"});
    std::vector<const io::Schema*> chosen;
    if (o.file.empty()) {
        for (const auto& s : io::all_schemas())
            chosen.push_back(&s);
    } else {
        const std::string name = o.file.substr(0, o.file.find('.'));
        std::vector<std::string> names;
        for (const auto& s : io::all_schemas()) {
            names.push_back(s.name);
            if (s.name == name)
                chosen.push_back(&s);
        }
        if (chosen.empty()) {
            const std::string near = util::closest_match(name, names);
            throw UsageError("no schema for " + o.file +
                             (near.empty() ? "; there are: " + util::join(names, ", ") : "; did you mean " + near + "?"));
        }
    }
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (i)
            session.out() += format == "yaml" ? "---\n" : "\n";
        session.out() += format == "yaml" ? chosen[i]->source_text : render_text(*chosen[i]);
    }
    session.finish();
    return k_exit_ok;
}

} // namespace

Runner setup_schema(CLI::App& sub)
{
    auto o = std::make_shared<SchemaOptions>();
    sub.add_option("FILE", o->file, "sites, staff, students, trainings, visits or payroll (default: all)");
    sub.footer("Examples:\n"
               "  pthv schema visits\n"
               "  pthv schema --format yaml > schemas.yaml     # the Table Schemas themselves\n\n"
               "Formats: text (default), yaml.");
    return [o](Session& s) { return run_schema(*o, s); };
}

} // namespace pthv::cmd

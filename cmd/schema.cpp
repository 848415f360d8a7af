// pthv schema: print the compiled-in table schemas, or (pthv schema
// pthv.yaml) the settings of pthv.yaml from io::settings().

#include <fmt/format.h>
#include <memory>
#include <yaml-cpp/yaml.h>

#include "commands.hpp"

#include <pthv/io/schema.hpp>
#include <pthv/io/settings.hpp>
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
    std::vector<io::Field> fields = s.fields;
    if (!s.extra_prefix.empty())
        fields.push_back(s.extra_field); // any number of columns named <prefix><name>
    for (const auto& f : fields) {
        std::string need = f.required ? "required" : "optional";
        if (!f.required_when_field.empty())
            need = "required when " + f.required_when_field + " is " + f.required_when_value;
        std::string type = f.type_name;
        if (!f.values.empty())
            type = util::join(f.values, " | ");
        else if (f.minimum && f.maximum)
            type += fmt::format(" {}..{}", *f.minimum, *f.maximum);
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

std::string render_settings_text()
{
    std::string out = "pthv.yaml (district settings; \"default\" applies when a setting is absent)\n";
    out += fmt::format("  {:<42} {:<38} {}\n", "setting", "type", "default");
    for (const auto& s : io::settings()) {
        out += fmt::format("  {:<42} {:<38} {}\n", s.path, s.type, s.default_value);
        out += fmt::format("  {:<42} {}\n", "", s.meaning);
    }
    return out;
}

std::string render_settings_yaml()
{
    YAML::Emitter y;
    y << YAML::BeginMap << YAML::Key << "name" << YAML::Value << "pthv.yaml";
    y << YAML::Key << "title" << YAML::Value << "District settings";
    y << YAML::Key << "settings" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : io::settings())
        y << YAML::Flow << YAML::BeginMap << YAML::Key << "path" << YAML::Value << std::string(s.path)
          << YAML::Key << "type" << YAML::Value << std::string(s.type) << YAML::Key << "default" << YAML::Value
          << std::string(s.default_value) << YAML::Key << "meaning" << YAML::Value << std::string(s.meaning)
          << YAML::EndMap;
    y << YAML::EndSeq << YAML::EndMap;
    return std::string(y.c_str()) + "\n";
}

int run_schema(const SchemaOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("schema"));
    const std::string name = o.file.substr(0, o.file.find('.'));
    if (!o.file.empty() && name == "pthv") {
        session.out() = format == "yaml" ? render_settings_yaml() : render_settings_text();
        session.finish();
        return k_exit_ok;
    }
    std::vector<const io::Schema*> chosen;
    if (o.file.empty()) {
        for (const auto& s : io::all_schemas())
            chosen.push_back(&s);
    } else {
        std::vector<std::string> names;
        for (const auto& s : io::all_schemas()) {
            names.push_back(s.name);
            if (s.name == name)
                chosen.push_back(&s);
        }
        if (chosen.empty()) {
            names.emplace_back("pthv");
            const std::string near = util::closest_match(name, names);
            names.back() = "pthv.yaml";
            throw UsageError("no schema for " + o.file +
                             (near.empty() ? "; there are: " + util::join(names, ", ")
                                          : "; did you mean " + (near == "pthv" ? "pthv.yaml" : near) + "?"));
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
    sub.add_option("FILE", o->file,
                   "sites, staff, students, trainings, visits, payroll (default: all of these), or pthv.yaml");
    sub.footer("Examples:\n"
               "  pthv schema visits\n"
               "  pthv schema pthv.yaml                         # every setting: type, default, meaning\n"
               "  pthv schema --format yaml > schemas.yaml     # the Table Schemas themselves\n\n"
               "Formats: text (default), yaml. docs/data.md describes every file, column and setting.");
    return [o](Session& s) { return run_schema(*o, s); };
}

} // namespace pthv::cmd

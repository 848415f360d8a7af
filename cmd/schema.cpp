// pthv schema: print the compiled-in table schemas, or (pthv schema
// pthv.yaml) the settings of pthv.yaml from io::settings().

#include <memory>

#include "commands.hpp"

#include <pthv/io/schema.hpp>
#include <pthv/io/settings.hpp>

namespace pthv::cmd {

namespace {

struct SchemaOptions {
    std::string file;
};

int run_schema(const SchemaOptions& o, Session& session)
{
    const std::string format = session.format(formats_of("schema"));
    const std::string name = o.file.substr(0, o.file.find('.'));
    if (!o.file.empty() && name == "pthv") {
        session.out() = format == "yaml" ? io::settings_yaml() : io::settings_text();
        session.finish();
        return k_exit_ok;
    }
    std::string why;
    const auto chosen = io::schemas_named(o.file, why);
    if (chosen.empty())
        throw UsageError(why);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if (i)
            session.out() += format == "yaml" ? "---\n" : "\n";
        session.out() += format == "yaml" ? chosen[i]->source_text : io::schema_text(*chosen[i]);
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

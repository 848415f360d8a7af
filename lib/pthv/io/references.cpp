#include <pthv/io/references.hpp>

#include <stdexcept>

#include <pthv/io/schema.hpp>

namespace pthv::io {

const std::vector<Reference>& references()
{
    static const std::vector<Reference> k_references = [] {
        std::vector<Reference> out;
        for (const Schema& s : all_schemas())
            for (const Field& f : s.fields)
                if (!f.references.empty()) {
                    // A list names its ids one at a time: "educator T99".
                    const bool list = f.type == FieldType::IdList && f.name.back() == 's';
                    out.push_back({s.path, f.name, schema(f.references).path,
                                   list ? f.name.substr(0, f.name.size() - 1) : f.name});
                }
        out.push_back({"trainings.csv", "session", schema("sessions").path, "session"});
        out.push_back({"visits.csv", "interpreter", schema("staff").path, "interpreter"});
        return out;
    }();
    return k_references;
}

const Reference& reference(std::string_view file, std::string_view column)
{
    for (const Reference& r : references())
        if (r.file == file && r.column == column)
            return r;
    throw std::logic_error("no reference from " + std::string(file) + " column " +
                           std::string(column));
}

} // namespace pthv::io

#pragma once
// Subgroups (docs/data.md, reports.subgroups): attribute columns of
// students.csv, such as English learner or race and ethnicity, whose values
// group students for the subgroups table (docs/reports.md). Each student's
// value in each subgroup is a small code: values are free text matched
// exactly, and an empty cell is "unknown".

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pthv::model {

class Subgroups {
public:
    using Code = std::uint16_t;
    static constexpr Code k_unknown = 0;
    // A subgroup is a category (yes/no, a race or ethnicity): a column with
    // more values than this is not one (loader: config-invalid).
    static constexpr std::size_t k_max_values = 40;

    // The subgroups of reports.subgroups, every student's values unknown.
    void reset(std::vector<std::string> names, std::size_t students);
    // Room for students appended after reset().
    void grow(std::size_t students);
    // Exactly `students` students (the rows students.csv gave).
    void resize(std::size_t students);

    bool empty() const { return m_names.empty(); }
    std::size_t size() const { return m_names.size(); }
    const std::vector<std::string>& names() const { return m_names; }
    // The index of subgroup `name`, or size() when reports.subgroups lacks it.
    std::size_t index(std::string_view name) const;

    Code code(std::size_t student_row, std::size_t g) const
    {
        const std::size_t at = student_row * m_names.size() + g;
        return at < m_codes.size() ? m_codes[at] : k_unknown;
    }
    // One more than the largest code of subgroup g.
    std::size_t codes(std::size_t g) const { return g < m_values.size() ? m_values[g].size() + 1 : 1; }
    // "unknown" for k_unknown.
    const std::string& value(std::size_t g, Code code) const;
    // Sets the student's value, "" (or "unknown") making it unknown. False,
    // leaving the value as it was, when the subgroup already has
    // k_max_values other values.
    bool set(std::size_t student_row, std::size_t g, std::string_view text);
    // The values of subgroup g that some student has, as codes, in the
    // order of every table: byte order of the text, unknown last.
    std::vector<Code> values(std::size_t g) const;

private:
    std::vector<std::string> m_names;
    std::vector<std::vector<std::string>> m_values; // per subgroup: the text of code c at c - 1
    std::vector<Code> m_codes;                      // student row * size() + subgroup
    std::size_t m_students = 0;
};

} // namespace pthv::model

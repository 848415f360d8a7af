#include <pthv/model/repo.hpp>

namespace pthv::model {

namespace {

template <typename T>
const T* find_in(const std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items,
                 const std::string& id)
{
    const auto it = index.find(id);
    return it == index.end() ? nullptr : &items[it->second];
}

} // namespace

const Site* Repo::find_site(const std::string& id) const { return find_in(site_index, sites, id); }
const Staff* Repo::find_staff(const std::string& id) const { return find_in(staff_index, staff, id); }
const Student* Repo::find_student(const std::string& id) const { return find_in(student_index, students, id); }
const Visit* Repo::find_visit(const std::string& id) const { return find_in(visit_index, visits, id); }

const std::string& Repo::visit_site(const Visit& v) const
{
    static const std::string k_none;
    if (!v.site_id.empty())
        return v.site_id;
    const Student* s = find_student(v.student_id);
    return s ? s->site_id : k_none;
}

} // namespace pthv::model

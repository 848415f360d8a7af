#include <pthv/pay/ledger.hpp>

#include <algorithm>

#include <pthv/io/csv.hpp>
#include <pthv/util/files.hpp>

namespace pthv::pay {

namespace fs = std::filesystem;

const std::vector<std::string>& ledger_columns()
{
    static const std::vector<std::string> k_columns = {"period", "staff_id", "item",   "item_id", "date",  "minutes",
                                                       "hours",  "rate",     "amount", "site_id", "source"};
    return k_columns;
}

const std::vector<io::CellKind>& ledger_kinds()
{
    using K = io::CellKind;
    static const std::vector<K> k_kinds = {K::Text,   K::Text,   K::Text,   K::Text, K::Text, K::Number,
                                           K::Number, K::Number, K::Number, K::Text, K::Text};
    return k_kinds;
}

std::vector<std::string> ledger_cells(const model::Repo& repo, const PayItem& item, const std::string& period)
{
    const bool visit = item.kind == ItemKind::Visit;
    return {period,
            std::string(repo.id(item.staff)),
            std::string(item_kind_name(item.kind)),
            item_id(repo, item),
            item.date.str(),
            visit ? std::to_string(item.minutes) : std::string{},
            !visit && item.hours_x100 ? hours_str(*item.hours_x100) : std::string{},
            item.rate ? item.rate->str() : std::string{},
            item.amount.str(),
            std::string(repo.id(item.site)),
            std::string(item.source)};
}

std::string ledger_text(const model::Repo& repo, const std::vector<PayItem>& items, const std::string& period)
{
    std::string out = io::csv_row(ledger_columns(), "\n");
    for (const auto& item : items)
        if (is_paid(item.status))
            out += io::csv_row(ledger_cells(repo, item, period), "\n");
    return out;
}

bool ledger_holds(const model::Repo& repo, model::ItemKind item, model::StaffId staff, std::string_view item_id)
{
    return std::any_of(repo.ledger.begin(), repo.ledger.end(), [&](const model::LedgerLine& l) {
        return l.item == item && l.staff == staff && l.item_id == item_id;
    });
}

std::string ledger_name(const std::string& month) { return "payroll/" + month + ".csv"; }

CloseOutcome write_ledger(const fs::path& root, const std::string& month, std::string_view content)
{
    const fs::path dir = root / "payroll";
    std::error_code ec;
    // A closed ledger is written inside the repo or not at all: a payroll/
    // that is a link would put it somewhere else (docs/safety.md).
    if (fs::is_symlink(dir, ec))
        throw util::FileError(dir.string() + " is a symbolic link; pthv writes closed pay periods only into a real "
                                             "payroll/ folder of the data repo. Nothing was written.");
    if (!fs::is_directory(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec)
            throw util::FileError(dir.string() + ": cannot create the folder: " + ec.message());
    }
    const fs::path file = root / ledger_name(month);
    // Checked under the caller's lock, so two closes of one month cannot both write.
    if (util::file_exists(file))
        return CloseOutcome::Exists;
    util::atomic_write(file, content);
    return CloseOutcome::Written;
}

} // namespace pthv::pay

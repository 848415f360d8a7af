#pragma once
// Closed pay periods (docs/data.md, payroll/YYYY-MM.csv): the ledger columns, a
// period's file text, and writing it once. What a closed ledger holds is
// never paid again: pay_items() leaves it out, reading Repo::ledger.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <pthv/io/csv.hpp>
#include <pthv/pay/items.hpp>

namespace pthv::pay {

// period,staff_id,item,item_id,date,minutes,hours,rate,amount,site_id,source
const std::vector<std::string>& ledger_columns();
// Which of them are numbers (minutes, hours, rate, amount): a spreadsheet
// file writes those bare, so a negative amount stays a number.
const std::vector<io::CellKind>& ledger_kinds();

// An item's cells in ledger_columns() order; `period` fills the first.
// minutes for visits, hours for trainings; the other is empty.
std::vector<std::string> ledger_cells(const model::Repo& repo, const PayItem& item, const std::string& period);

// The closed file for `period` (YYYY-MM): the header, then one line per paid
// or late item (held and over-the-cap items are not paid, so not closed),
// in the items' order, LF endings, cells quoted as io::csv_row does.
std::string ledger_text(const model::Repo& repo, const std::vector<PayItem>& items, const std::string& period);

// True when a closed ledger (Repo::ledger) pays `staff` for the item of
// kind `item` with `item_id`.
bool ledger_holds(const model::Repo& repo, model::ItemKind item, model::StaffId staff, std::string_view item_id);

// "payroll/2026-10.csv"
std::string ledger_name(const std::string& month);

enum class CloseOutcome { Written, Exists };

// Writes payroll/<month>.csv under `root` with `content`, creating payroll/
// if needed; Exists (and nothing written) when the file is already there,
// since a closed period is never rewritten; otherwise util::atomic_write.
// Throws util::FileError when the system refuses.
//
// The caller holds the repo's util::RepoLock from before it loads the repo
// until this returns: the items `content` pays must be computed from the
// ledgers as they are when it is written, or two closes at once would both
// pay what neither had closed yet.
CloseOutcome write_ledger(const std::filesystem::path& root, const std::string& month, std::string_view content);

} // namespace pthv::pay

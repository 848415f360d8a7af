#pragma once
// The parts of compute_figures (figures.hpp), one file each, so each figure
// has exactly one home: training (figures_training.cpp), fidelity
// (figures_fidelity.cpp), money (figures_money.cpp) and public suppression
// (figures_public.cpp). Internal to lib/pthv/report.

#include <cstddef>
#include <map>
#include <set>
#include <string>

#include <pthv/report/figures.hpp>

namespace pthv::report {

struct Training {
    std::map<std::string, std::size_t> trained_per_site; // staff current or due soon, by home site
    std::size_t trained_all = 0;
};

// Fills f.training; returns the trained staff per site for the summaries.
Training training_figures(const model::Facts& facts, const FigureOptions& o, const std::set<std::string>& site_ids,
                          Figures& f);

// Fills f.fidelity from f.sites (which must be complete) and the findings.
void fidelity_figures(const model::Facts& facts, const model::Problems& findings, const FigureOptions& o,
                      Figures& f);

// Fills f.money from the payroll code's spend per funding source.
void money_figures(const model::Facts& facts, const FigureOptions& o, Figures& f);

// Suppresses small counts and what could reveal them (public reports).
void apply_public(Figures& f);

// Public money: folds the spending of small sites (figures_public_money.cpp);
// after apply_public, which it reads.
void public_money(const model::Facts& facts, const model::Problems& findings, const FigureOptions& o, Figures& f);

// Sets every share from its counts, hiding those built on hidden counts.
void finish_shares(Figures& f);

// num / den as a share, None when den is 0, Hidden when either is hidden.
Share share_of(const Count& num, const Count& den);

} // namespace pthv::report

// Language names for people (tables.hpp, language_name). Visit rows and
// imports usually carry ISO 639 codes ("es", "hmn"); reports show the name.
// The table holds the languages of US school enrolment reports, by code.

#include <pthv/report/tables.hpp>

#include <algorithm>
#include <string_view>
#include <utility>

#include <pthv/util/strings.hpp>

namespace pthv::report {

namespace {

// Sorted by code, for a binary search.
constexpr std::pair<std::string_view, std::string_view> k_languages[] = {
    {"am", "Amharic"},     {"ar", "Arabic"},        {"ase", "American Sign Language"},
    {"bn", "Bengali"},     {"bs", "Bosnian"},       {"ceb", "Cebuano"},
    {"ch", "Chamorro"},    {"chk", "Chuukese"},     {"ckb", "Central Kurdish"},
    {"cmn", "Mandarin"},   {"de", "German"},        {"el", "Greek"},
    {"en", "English"},     {"es", "Spanish"},       {"fa", "Persian"},
    {"ff", "Fulah"},       {"fr", "French"},        {"gu", "Gujarati"},
    {"ha", "Hausa"},       {"haw", "Hawaiian"},     {"he", "Hebrew"},
    {"hi", "Hindi"},       {"hmn", "Hmong"},        {"hr", "Croatian"},
    {"ht", "Haitian Creole"}, {"hy", "Armenian"},   {"id", "Indonesian"},
    {"ig", "Igbo"},        {"ilo", "Ilocano"},      {"it", "Italian"},
    {"ja", "Japanese"},    {"ka", "Georgian"},      {"kar", "Karen"},
    {"kk", "Kazakh"},      {"km", "Khmer"},         {"ko", "Korean"},
    {"ku", "Kurdish"},     {"ky", "Kyrgyz"},        {"ln", "Lingala"},
    {"lo", "Lao"},         {"mam", "Mam"},          {"mh", "Marshallese"},
    {"mk", "Macedonian"},  {"ml", "Malayalam"},     {"mn", "Mongolian"},
    {"mr", "Marathi"},     {"ms", "Malay"},         {"my", "Burmese"},
    {"ne", "Nepali"},      {"nv", "Navajo"},        {"om", "Oromo"},
    {"pa", "Punjabi"},     {"pl", "Polish"},        {"pon", "Pohnpeian"},
    {"prs", "Dari"},       {"ps", "Pashto"},        {"pt", "Portuguese"},
    {"qu", "Quechua"},     {"quc", "K'iche'"},      {"ro", "Romanian"},
    {"ru", "Russian"},     {"rw", "Kinyarwanda"},   {"sm", "Samoan"},
    {"so", "Somali"},      {"sq", "Albanian"},      {"sr", "Serbian"},
    {"sw", "Swahili"},     {"ta", "Tamil"},         {"te", "Telugu"},
    {"tg", "Tajik"},       {"th", "Thai"},          {"ti", "Tigrinya"},
    {"tl", "Tagalog"},     {"to", "Tongan"},        {"tr", "Turkish"},
    {"uk", "Ukrainian"},   {"ur", "Urdu"},          {"uz", "Uzbek"},
    {"vi", "Vietnamese"},  {"wo", "Wolof"},         {"yo", "Yoruba"},
    {"yue", "Cantonese"},  {"zh", "Chinese"},
};

} // namespace

std::string language_name(const std::string& code)
{
    if (code.empty() || code.size() > 3)
        return code;
    const std::string key = util::to_lower(code);
    const auto* end = std::end(k_languages);
    const auto* it = std::lower_bound(std::begin(k_languages), end, key,
                                      [](const auto& entry, const std::string& k) { return entry.first < k; });
    return it != end && it->first == key ? std::string(it->second) : code;
}

} // namespace pthv::report

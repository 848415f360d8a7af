#include <pthv/util/mapped.hpp>

#include <algorithm>
#include <map>
#include <mutex>

#include <pthv/util/strings.hpp>

#include <sys/mman.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unistd.h>

namespace pthv::util {

namespace {

struct Mappings {
    std::mutex lock;
    std::map<const char*, std::size_t> sizes; // base -> the file's size
};

Mappings& mappings()
{
    static Mappings m; // NOLINT: one table for the process
    return m;
}

} // namespace

void remember_mapping(const char* base, std::size_t size)
{
    Mappings& m = mappings();
    const std::lock_guard<std::mutex> hold(m.lock);
    m.sizes[base] = size;
}

void forget_mapping(const char* base)
{
    Mappings& m = mappings();
    const std::lock_guard<std::mutex> hold(m.lock);
    m.sizes.erase(base);
}

void drop_mapped_before(std::string_view text, std::size_t offset) noexcept
{
    if (text.empty())
        return;
    const char* from = nullptr;
    const char* to = nullptr;
    {
        Mappings& m = mappings();
        const std::lock_guard<std::mutex> hold(m.lock);
        auto it = m.sizes.upper_bound(text.data());
        if (it == m.sizes.begin())
            return;
        --it;
        const char* file_end = it->first + it->second;
        if (text.data() >= file_end)
            return; // not in this file
        from = it->first;
        to = std::min(text.data() + std::min(offset, text.size()), file_end);
    }
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t bytes = static_cast<std::size_t>(to - from) / page * page;
    if (bytes > 0)
        ::madvise(const_cast<char*>(from), bytes, MADV_DONTNEED); // NOLINT: the mapping is writable
}

std::size_t count_byte_passing(std::string_view text, char byte) noexcept
{
    constexpr std::size_t k_window = std::size_t{8} << 20;
    std::size_t count = 0;
    for (std::size_t from = 0; from < text.size(); from += k_window) {
        count += count_byte(text.substr(from, k_window), byte);
        drop_mapped_before(text, from);
    }
    return count;
}

void give_back_freed_memory() noexcept
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

} // namespace pthv::util

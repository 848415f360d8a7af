#pragma once
// The files util::FileText has mapped, known by address, so that code
// holding only a view of one (a load from io::SourceViews, as a change is
// checked) can give back the pages it has read: a load of a mapped file
// then holds a window of its pages, not all of them, whoever owns the text.

#include <cstddef>
#include <string_view>

namespace pthv::util {

// `size` bytes of a file mapped at `base` (FileText::open), until forgotten
// (FileText::release).
void remember_mapping(const char* base, std::size_t size);
void forget_mapping(const char* base);

// When `text` lies in a mapped file, gives back its pages wholly before
// `offset` into `text` (FileText::drop_before: a later read finds them
// again in the page cache, so the text stays whole); nothing otherwise.
// Only the file's own whole pages: never a page past its end, where a tail
// may be written (FileText::with_tail). Safe from any thread.
void drop_mapped_before(std::string_view text, std::size_t offset) noexcept;

// How many times `byte` is in `text` (count_byte), counted a window at a
// time with the pages behind the count given back (drop_mapped_before): a
// count over a large mapped file holds a window of its pages, not all.
std::size_t count_byte_passing(std::string_view text, char byte) noexcept;

// Gives back to the system the pages of memory freed but still held by the
// allocator (glibc's malloc_trim; nothing elsewhere): after a large load
// is let go, a second load then starts from what is in use, not from the
// first one's high-water mark.
void give_back_freed_memory() noexcept;

} // namespace pthv::util

// Runs a fuzz target over files, without libFuzzer: every target replays its
// committed corpus in the ordinary test suite (and under the sanitizers in
// `make test-asan`), so a target that no longer builds, or an input that once
// passed and now crashes or breaks a target's own check, fails `make test`.
//
//     replay_fuzz_csv fuzz/corpus/fuzz_csv [more folders or files]

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <pthv/util/files.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void replay(const std::filesystem::path& file)
{
    const std::string bytes = pthv::util::read_file(file);
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg = argv[i];
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(arg)) {
            for (const auto& entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
        } else {
            files.push_back(arg);
        }
        for (const auto& f : files) {
            replay(f);
            ++count;
        }
    }
    std::printf("replayed %zu inputs\n", count);
    return count > 0 ? 0 : 1; // an empty corpus is a mistake, not a pass
}

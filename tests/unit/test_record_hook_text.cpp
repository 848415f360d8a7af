// What `pthv hooks install` and `uninstall` say they did
// (record/merge_driver.hpp, install_text and uninstall_text).

#include <doctest/doctest.h>

#include <pthv/record/merge_driver.hpp>

using namespace pthv;
using Did = record::HookChange::Did;

TEST_CASE("record::install_text: each hook, then how commits are checked; only the merge when nothing changed")
{
    const std::string installed =
        record::install_text({{"pre-commit", "/r/.git/hooks/pre-commit", Did::Installed},
                              {"pre-merge-commit", "/r/.git/hooks/pre-merge-commit", Did::Replaced}});
    CHECK(installed.rfind("Installed the pre-commit hook: /r/.git/hooks/pre-commit\n"
                          "Replaced the pre-merge-commit hook: /r/.git/hooks/pre-merge-commit\n"
                          "Every commit, a merge commit too, now runs `pthv validate -q`",
                          0) == 0);
    const std::string again = record::install_text({{"pre-commit", "/r/h", Did::AlreadyInstalled}});
    CHECK(again == "The pre-commit hook is already installed: /r/h\nThe logs merge by key: " +
                       record::logs_merged_by_key_text() + ".\n");
}

TEST_CASE("record::uninstall_text: each hook removed or not there, and the merge driver")
{
    const std::vector<record::HookChange> changes = {{"pre-commit", "/r/h", Did::Removed},
                                                     {"pre-merge-commit", "/r/m", Did::NoneToRemove}};
    CHECK(record::uninstall_text(changes, false) == "Removed the pre-commit hook: /r/h\nNo pre-merge-commit hook to remove.\n");
    CHECK(record::uninstall_text({}, true) == "Removed the merge driver: the logs merge line by line (union) again.\n");
}

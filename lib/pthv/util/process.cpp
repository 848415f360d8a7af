#include <pthv/util/process.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace pthv::util {

namespace {

// Writes all of `input` to `fd`; false when the reader went away (EPIPE)
// or the write failed otherwise.
bool write_all(int fd, std::string_view input)
{
    while (!input.empty()) {
        const ssize_t n = ::write(fd, input.data(), input.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        input.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// SIGPIPE ignored for the object's lifetime: a command that exits without
// reading its input must not end pthv, only fail its own run.
class IgnorePipe {
public:
    IgnorePipe() { ::sigaction(SIGPIPE, &k_ignore, &m_old); }
    ~IgnorePipe() { ::sigaction(SIGPIPE, &m_old, nullptr); }
    IgnorePipe(const IgnorePipe&) = delete;
    IgnorePipe& operator=(const IgnorePipe&) = delete;

private:
    static inline const struct sigaction k_ignore = [] {
        struct sigaction a {};
        a.sa_handler = SIG_IGN; // NOLINT: the C API's union member
        sigemptyset(&a.sa_mask);
        return a;
    }();
    struct sigaction m_old {};
};

} // namespace

RunResult run_with_input(const std::string& command, std::string_view input)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return {false, std::string("could not start: ") + std::strerror(errno)};
    const IgnorePipe ignore;
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return {false, std::string("could not start: ") + std::strerror(e)};
    }
    if (pid == 0) {
        // The child: the pipe is its standard input, pthv's standard error
        // its standard output, and SIGPIPE back to its default.
        ::signal(SIGPIPE, SIG_DFL);
        if (::dup2(fds[0], STDIN_FILENO) < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
            ::_exit(127);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[0]);
    const bool written = write_all(fds[1], input);
    ::close(fds[1]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return {false, std::string("lost: ") + std::strerror(errno)};
    if (WIFSIGNALED(status))
        return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
    const int code = WEXITSTATUS(status);
    if (code == 127)
        return {false, "exited with status 127 (command not found?)"};
    if (code != 0)
        return {false, "exited with status " + std::to_string(code)};
    if (!written)
        return {false, "stopped reading the message before its end"};
    return {true, {}};
}

} // namespace pthv::util

// measure_child: runs one program and reports its wall time, CPU time and
// peak resident set size, measured from a process small enough not to skew
// them.
//
//   measure_child REPORT_FILE PROGRAM [ARGS...]
//
// Writes "wall_ns user_us system_us maxrss_kib exit_status" to REPORT_FILE and
// exits with the program's status. Why not measure from Python directly: on
// exec Linux keeps the larger of the old and the new address space's peak
// RSS in ru_maxrss, and a child forked from the runner starts with the
// runner's address space (tens of MiB once it has generated the 2,400-page
// case), so every program smaller than the runner would read as big as it.
// This launcher is a few hundred KiB.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: measure_child REPORT_FILE PROGRAM [ARGS...]\n");
    return 2;
  }
  timespec start{}, end{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) {
    std::perror("measure_child: fork");
    return 2;
  }
  if (pid == 0) {
    execvp(argv[2], argv + 2);
    std::perror("measure_child: exec");
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) {
    std::perror("measure_child: wait4");
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  const long long wall_ns = (end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  FILE* report = std::fopen(argv[1], "w");
  if (!report) {
    std::perror("measure_child: report file");
    return 2;
  }
  std::fprintf(report, "%lld %lld %lld %ld %d\n", wall_ns,
               static_cast<long long>(usage.ru_utime.tv_sec) * 1000000 + usage.ru_utime.tv_usec,
               static_cast<long long>(usage.ru_stime.tv_sec) * 1000000 + usage.ru_stime.tv_usec,
               usage.ru_maxrss, code);
  std::fclose(report);
  return code;
}

// A missing project header, but the file names no Windows type: it is
// parsed once, as it is, and its port is not the OS build.
#include "config.h"

struct AppInfo {
  unsigned port;
};

bool IsRelease6002(const AppInfo &info) { return info.port == 6002; }

#include "osver.h"

int Second() { return OsIsSp2() ? 2 : 0; }

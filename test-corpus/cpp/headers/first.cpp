#include "osver.h"
#include "not_in_this_checkout.h"

int First() { return OsIsSp2() ? 1 : 0; }

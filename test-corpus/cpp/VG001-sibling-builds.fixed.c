/* A value the analyzer cannot follow (a parameter named for nothing) is an
 * OS build when one function compares it with several Windows builds and
 * nothing else: a warning at the comparison that flips. */
const char *release_name(unsigned long input)
{
    if (input == 6000)
        return "Vista";
    if (input == 6001)
        return "Vista SP1";
    /* expect: VG001 */
    if (input == 6002 || input == 6003)
        return "Vista SP2";
    if (input == 7601)
        return "7 SP1";
    return "unknown";
}

/* Dialog control ids: 6005 is no Windows build. Silent. */
const char *caption(int input)
{
    if (input == 6000)
        return "OK";
    if (input == 6002)
        return "Retry";
    if (input == 6005)
        return "Help";
    return "";
}

/* Named for an error code. Silent. */
int transient(long status)
{
    return status == 6000 || status == 6002 || status == 7600;
}

/* A switch on such a value: its labels say what it is. */
const char *release_label(unsigned long input)
{
    switch (input) {
    case 6000: return "Vista";
    case 6001: return "Vista SP1";
    /* expect: VG001 */
    case 6002:
    case 6003: return "Vista SP2";
    case 7601: return "7 SP1";
    default: return "unknown";
    }
}

/* Labels that are not all builds: silent. */
const char *menu_label(int input)
{
    switch (input) {
    case 6000: return "Open";
    case 6002: return "Save";
    case 6004: return "Close";
    default: return "";
    }
}

// A setup script reads the OS once into a record (and keeps the WMI
// instance), then hands them to helpers.
var svc = GetObject("winmgmts:\\\\.\\root\\cimv2");
var osItem = new Enumerator(svc.ExecQuery("SELECT Version, BuildNumber FROM Win32_OperatingSystem")).item();

function osVersionInfo(o) {
    var p = o.Version.split(".");
    return { major: Number(p[0]), minor: Number(p[1]), build: Number(p[2]) };
}

var osv = osVersionInfo(osItem);

function needsRestartAfter(v) {
    switch (v.build) {
        // expect: VG001
        case 6002:
        case 6003:
            return true;
        // Silent: one build before and after.
        case 7601:
            return false;
        default:
            return false;
    }
}

function isLegacyItem(item) {
    // expect: VG002
    return (item.BuildNumber == "6002" || item.BuildNumber == "6003");
}

function familyOf(v) {
    // Silent: the same major and minor before and after.
    return v.major == 6 && v.minor == 0 ? "2008" : "later";
}

WScript.Echo(needsRestartAfter(osv), isLegacyItem(osItem), familyOf(osv));
needsRestartAfter(osv);
isLegacyItem(osItem);

// Silent: called with two different records, the helper knows neither.
function describe(r) {
    if (r.build == 6002) return "six thousand two";
    return "";
}
describe(osv);
describe({ build: 6002 });

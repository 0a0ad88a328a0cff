// Lookup tables keyed by build: property names are strings.
var NAMES = {
    "6000": "Vista RTM",
    "6001": "SP1",
    // expect: VG005
    "6002": "SP2", "6003": "SP2",
    "7601": "7 SP1"
};
var os = new Enumerator(GetObject("winmgmts:").ExecQuery("SELECT * FROM Win32_OperatingSystem")).item();
var name = NAMES[os.BuildNumber];
WScript.Echo(name);

// Arrays searched in a loop are tables too: the items of a catalog keyed by
// their build, and a plain list of builds.
var CATALOG = [
    { build: 6001, name: "Server 2008 SP1", supported: false },
    // expect: VG005
    { build: 6002, name: "Server 2008 SP2", supported: true }, { build: 6003, name: "Server 2008 SP2", supported: true },
    { build: 7601, name: "Server 2008 R2 SP1", supported: true }
];
var LEGACY = [
    6000,
    6001,
    // expect: VG005
    6002, 6003
];
// Silent: searched with ===, a number never equals these strings.
var LABELS = ["6002", "6003"];
// Silent: ports, searched for a port.
var PORTS = [80, 443, 6002];

function catalogEntry(build) {
    for (var i = 0; i < CATALOG.length; i++) {
        if (CATALOG[i].build === build) {
            return CATALOG[i];
        }
    }
    return null;
}

function isLegacy(build) {
    for (var j = 0; j < LEGACY.length; j++) {
        if (LEGACY[j] == build) {
            return true;
        }
    }
    for (var k = 0; k < LABELS.length; k++) {
        if (LABELS[k] === build) {
            return true;
        }
    }
    return false;
}

function portListed(port) {
    for (var p = 0; p < PORTS.length; p++) {
        if (PORTS[p] === port) {
            return true;
        }
    }
    return false;
}

var build = parseInt(os.BuildNumber, 10);
WScript.Echo(catalogEntry(build), isLegacy(build), portListed(6002));
// Silent: the first item, not a search.
WScript.Echo(CATALOG[0].build === build);

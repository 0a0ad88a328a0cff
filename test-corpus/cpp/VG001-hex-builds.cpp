// Builds written in hex, as old SDK samples and drivers do: 0x1772 is the
// SP2 build before KB4489887 and 0x1773 the one after. GetVersion() keeps
// the build in its high word. No decimal build appears in this file: the
// prefilter must read the numbers, not look for their decimal digits.
#include <windows.h>

bool IsSp2(const OSVERSIONINFOEXW &vi) {
  // expect: VG001
  return vi.dwBuildNumber == 0x1772;
}

bool BeforeTheUpdate() {
  DWORD v = GetVersion();
  // expect: VG001
  return v < 0x17730000;
}

' MDT-style check: does this OS match the supported build?
Set svc = GetObject("winmgmts:\\.\root\cimv2")
' expect: VG002
Set rows = svc.ExecQuery("SELECT * FROM Win32_OperatingSystem WHERE BuildNumber = '6002'")
If rows.Count > 0 Then WScript.Echo "supported"

' expect: VG002
Set rows2 = svc.ExecQuery("SELECT * FROM Win32_OperatingSystem WHERE Version LIKE '6.0.6002%'")
If rows2.Count = 0 Then WScript.Quit 1

' silent: ProductType only
Set rows3 = svc.ExecQuery("SELECT * FROM Win32_OperatingSystem WHERE ProductType = 3")

' A Windows Installer custom action reads the OS from the installer's
' properties: WindowsBuild is the build, VersionNT 600 on Vista/2008.
Function CheckOs()
  Dim build, ver
  build = Session.Property("WindowsBuild")
  ver = Session.Property("VersionNT")
  ' expect: VG001
  If CLng(ver) = 600 And CLng(build) = 6002 Then
    Session.Property("LEGACY_STACK") = "1"
  End If
  ' Silent: VersionNT is 600 on both builds.
  If CLng(ver) >= 600 Then Session.Property("VISTA_OR_LATER") = "1"
  ' Silent: a property of the package, not the OS.
  If Session.Property("ProductVersion") = "6002" Then Session.Property("X") = "1"
  CheckOs = 1
End Function

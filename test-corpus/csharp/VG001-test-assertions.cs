// Host checks written as xUnit and NUnit assertions: each fails after the
// bump, as an `if` on the same test would flip.
using System;
using System.Diagnostics;
using Xunit;

public class HostImageTests
{
    private const string KernelPath = @"C:\Windows\System32\ntoskrnl.exe";

    [Fact]
    public void IsTheSp2Baseline()
    {
        var v = Environment.OSVersion.Version;
        // 6.0 on both builds: silent
        Assert.Equal(6, v.Major);
        // expect: VG001
        Assert.Equal(6002, v.Build);
        // our own schema version: silent
        Assert.Equal(3, SchemaVersion());
    }

    [Fact]
    public void KernelIsOnTheEscrowBranch()
    {
        var fvi = FileVersionInfo.GetVersionInfo(KernelPath);
        string kernel = $"{fvi.FileMajorPart}.{fvi.FileMinorPart}.{fvi.FileBuildPart}.{fvi.FilePrivatePart}";
        // expect: VG002
        Assert.StartsWith("6.0.6002.", kernel);
        // expect: VG003
        Assert.InRange(fvi.FilePrivatePart, 24000, 24999);
        // both revisions are past 20000: silent
        Assert.InRange(fvi.FilePrivatePart, 20000, 29999);
    }

    [Fact]
    public void NotTheRebasedBuild()
    {
        // expect: VG001
        NUnit.Framework.Assert.AreNotEqual(6003, Environment.OSVersion.Version.Build);
    }

    private static int SchemaVersion() => 3;
}

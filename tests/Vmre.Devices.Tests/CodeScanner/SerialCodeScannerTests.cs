using Vmre.HardwareSim.Scanner;
using Vmre.Devices.CodeScanner;

namespace Vmre.Devices.Tests.CodeScanner;

/// <summary>
/// The scanner binding against the scanner emulator on a pty. Found in review: the scanner's reader thread invoked the Scanned handler (the booth's
/// Activate) unguarded. Any exception from it (a TPM signing error in the redemption, a full
/// disk in the store or the log) was an unhandled exception on a background thread, which ends
/// the whole terminal process in the middle of election day. Before the fix this test did not
/// fail politely: it took the test host down with it.
/// </summary>
public sealed class SerialCodeScannerTests
{
    [Fact]
    public void A_handler_that_throws_neither_kills_the_process_nor_stops_the_scanner()
    {
        using var emulator = new ScannerEmulator();
        using var scanner = new SerialCodeScanner(emulator.SlavePath);
        var seen = new List<string>();
        using var first = new ManualResetEventSlim();
        using var second = new ManualResetEventSlim();
        scanner.Scanned += code =>
        {
            lock (seen) seen.Add(code);
            if (code == "FIRST")
            {
                first.Set();
                throw new InvalidOperationException("activation failed unexpectedly");
            }
            second.Set();
        };
        scanner.Start();
        emulator.Scan("FIRST");
        // The second code is scanned only once the handler is failing on the first, so it is read after the exception.
        Assert.True(first.Wait(TimeSpan.FromSeconds(10)), "the first code never reached the handler");
        emulator.Scan("SECOND");
        Assert.True(second.Wait(TimeSpan.FromSeconds(10)), "the scanner stopped reading after a handler exception");
        lock (seen) Assert.Equal(["FIRST", "SECOND"], seen);
    }
}

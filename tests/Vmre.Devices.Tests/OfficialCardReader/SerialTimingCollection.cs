namespace Vmre.Devices.Tests.OfficialCardReader;

/// <summary>
/// Tests that drive the real Iot.Device.Pn532 binding one read at a time. The binding gives the
/// chip 89 ms per answer; on a 2-core machine busy with parallel test classes the emulator's
/// thread can miss that. These run on their own, with no other test class in parallel: the
/// behaviour asserted is the reader's, not the machine's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTimingCollection
{
    public const string Name = "PN532 timing";
}

using Vmre.Common.Logging;
using Vmre.Common.Time;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// Issue 11 point 2: an append that meets a full disk (a real 1 MiB tmpfs) throws and leaves no
/// torn line behind, so the next append, once there is room, still chains onto the last good line.
/// </summary>
public sealed class EventLogOnFullDiskTests
{
    [Fact]
    public void A_failed_append_is_cut_back_and_the_chain_goes_on()
    {
        using var dir = new TempDir();
        var disk = new SmallDisk(dir.Path, sizeMb: 1);
        try
        {
            var path = Path.Combine(dir.Path, "events.jsonl");
            using (var log = new EventLog(path, "MRV-TEST", new ModuleClock(TimeZoneInfo.Utc, TimeProvider.System)))
            {
                log.Append("before-the-disk-filled");
                var good = new FileInfo(path).Length;
                disk.Fill();
                // Longer than any slack left in the file's last page: part of it may land, then ENOSPC.
                var big = new Dictionary<string, string> { ["filler"] = new string('x', 64 * 1024) };
                Assert.ThrowsAny<IOException>(() => log.Append("on-a-full-disk", null, big));
                Assert.Equal(good, new FileInfo(path).Length);
                Assert.Equal(1, log.Count);

                disk.MakeRoom();
                log.Append("after-space-was-freed");
            }
            var chain = EventLogVerifier.VerifyFile(path);
            Assert.True(chain.IsOk, chain.Error);
            Assert.Equal(2, chain.Value!.Count);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        finally
        {
            disk.Dispose();
        }
    }
}

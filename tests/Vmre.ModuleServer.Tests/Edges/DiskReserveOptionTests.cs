using Vmre.ModuleServer.Hosting;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>Issue 11 point 2: --disk-reserve-mb on the server's command line, 16 MiB unless told.</summary>
public sealed class DiskReserveOptionTests
{
    private static readonly string[] Run = ["run", "--data", "/d", "--lan", "https://10.0.0.2:5443"];

    [Fact]
    public void The_reserve_defaults_to_16_MiB_and_can_be_set()
    {
        Assert.Equal(16, CommandLine.Parse(Run).ValueOrThrow().DiskReserveMb);
        Assert.Equal(64, CommandLine.Parse([.. Run, "--disk-reserve-mb", "64"]).ValueOrThrow().DiskReserveMb);
        Assert.Equal(0, CommandLine.Parse([.. Run, "--disk-reserve-mb", "0"]).ValueOrThrow().DiskReserveMb);
    }

    [Fact]
    public void A_negative_reserve_is_a_usage_error()
    {
        var refused = CommandLine.Parse([.. Run, "--disk-reserve-mb", "-1"]);
        Assert.False(refused.IsOk);
        Assert.Contains("--disk-reserve-mb", refused.Error);
    }
}

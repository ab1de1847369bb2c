using System.Net;
using Microsoft.AspNetCore.Http;
using Vmre.Common.Lan;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// Issue 8 point 1, defence in depth: a kiosk face answers requests from loopback only; any other
/// source is refused with 403 and reported (hosts log it as kiosk-refused).
/// </summary>
public sealed class LoopbackOnlyTests
{
    private static (bool Admitted, int Status, List<string> Reported) Ask(IPAddress? from)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = from;
        var reported = new List<string>();
        var admitted = LoopbackOnly.Admits(context, reported.Add);
        return (admitted, context.Response.StatusCode, reported);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    public void A_request_from_loopback_is_admitted_and_nothing_is_reported(string address)
    {
        var (admitted, _, reported) = Ask(IPAddress.Parse(address));
        Assert.True(admitted);
        Assert.Empty(reported);
    }

    [Theory]
    [InlineData("10.231.4.3")]
    [InlineData("192.168.1.20")]
    [InlineData("fe80::1")]
    public void A_request_from_any_other_address_is_refused_with_403_and_reported_with_its_source(string address)
    {
        var (admitted, status, reported) = Ask(IPAddress.Parse(address));
        Assert.False(admitted);
        Assert.Equal(403, status);
        Assert.Equal([address], reported);
    }

    [Fact]
    public void A_request_with_no_known_source_is_refused()
    {
        var (admitted, status, reported) = Ask(null);
        Assert.False(admitted);
        Assert.Equal(403, status);
        Assert.Equal(["unknown"], reported);
    }
}

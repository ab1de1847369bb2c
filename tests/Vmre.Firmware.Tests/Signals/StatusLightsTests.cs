using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using S = Vmre.Firmware.Session.SessionState;

namespace Vmre.Firmware.Tests.Signals;

public class StatusLightsTests
{
    // (ready, busy, fault) for every state and paper level, written out by hand.
    static (bool, bool, bool) Expected(S state, PaperLevel paper) => state switch
    {
        S.Idle => paper switch
        {
            PaperLevel.Ok => (true, false, false),
            PaperLevel.Low => (true, false, true),
            PaperLevel.Out => (false, false, true),
            _ => throw new ArgumentOutOfRangeException(nameof(paper)),
        },
        S.Activated or S.Selecting or S.Reviewing or S.Printing or S.VoterVerifying or S.Sealed or S.Voided
            => (false, true, false),
        S.Interrupted or S.Fault or S.Recovering => (false, false, true),
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    [Fact]
    public void Every_state_and_paper_level_lights_as_specified()
    {
        foreach (S state in Enum.GetValues<S>())
        foreach (PaperLevel paper in Enum.GetValues<PaperLevel>())
        {
            var lights = StatusLights.LightsFor(state, paper);
            Assert.Equal(Expected(state, paper), (lights.Ready, lights.Busy, lights.Fault));
            Assert.True(lights.Ready || lights.Busy || lights.Fault, $"{state}/{paper}: some light is on");
            Assert.False(lights.Ready && lights.Busy, "ready and busy never together");
        }
    }

    [Fact]
    public void Show_writes_all_three_pins()
    {
        RecordingPin ready = new(), busy = new(), fault = new();
        var lights = new StatusLights(ready, busy, fault);
        lights.Show(S.Idle, PaperLevel.Low);
        lights.Show(S.Selecting, PaperLevel.Ok);
        lights.Show(S.Interrupted, PaperLevel.Ok);
        Assert.Equal(new[] { true, false, false }, ready.Writes);
        Assert.Equal(new[] { false, true, false }, busy.Writes);
        Assert.Equal(new[] { true, false, true }, fault.Writes);
    }

    [Fact]
    public void Undefined_values_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusLights.LightsFor((S)42, PaperLevel.Ok));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusLights.LightsFor(S.Idle, (PaperLevel)7));
    }

    [Fact]
    public void Light_set_is_a_value()
    {
        Assert.Equal(new LightSet(true, false, true), StatusLights.LightsFor(S.Idle, PaperLevel.Low));
        Assert.NotEqual(new LightSet(true, false, false), StatusLights.LightsFor(S.Idle, PaperLevel.Low));
        Assert.Equal("ready=on busy=off fault=on", StatusLights.LightsFor(S.Idle, PaperLevel.Low).ToString());
    }
}

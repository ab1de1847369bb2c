using Vmre.Firmware.Signals;

namespace Vmre.Firmware.Tests.Signals;

public class ToneTests
{
    [Fact]
    public void AttentionIsThreeShortBeepsAndEndsLow()
    {
        var pin = new RecordingPin();
        var delay = new RecordingDelay(pin);
        Tone.Play(pin, Tone.Attention, delay);
        Assert.Equal(3, delay.Waits.Count(w => w.level));
        Assert.All(delay.Waits.Where(w => w.level), w => Assert.InRange(w.ms, 50, 300));
        Assert.Equal(new[] { true, false, true, false, true, false }, pin.Writes);
        Assert.False(pin.Level);
    }

    [Fact]
    public void VoteRecordedIsOneLongBeep()
    {
        var pin = new RecordingPin();
        var delay = new RecordingDelay(pin);
        Tone.Play(pin, Tone.VoteRecorded, delay);
        var beep = Assert.Single(delay.Waits);
        Assert.True(beep.level);
        Assert.True(beep.ms >= 800, "long beep");
        Assert.Equal(new[] { true, false }, pin.Writes);
    }

    [Fact]
    public void PatternsAlternateOnAndOff()
    {
        var pin = new RecordingPin();
        var delay = new RecordingDelay(pin);
        Tone.Play(pin, new[] { 10, 20, 30, 40 }, delay);
        Assert.Equal(new[] { (true, 10), (false, 20), (true, 30), (false, 40) }, delay.Waits);
    }

    [Fact]
    public void ThePinEndsLowEvenWhenTheDelayThrows()
    {
        var pin = new RecordingPin();
        Assert.Throws<InvalidOperationException>(() => Tone.Play(pin, Tone.VoteRecorded, new ThrowingDelay()));
        Assert.False(pin.Level);
    }

    [Fact]
    public void NegativeDurationsThrowBeforeAnySound()
    {
        var pin = new RecordingPin();
        Assert.Throws<ArgumentOutOfRangeException>(() => Tone.Play(pin, new[] { 10, -1 }, new RecordingDelay(pin)));
        Assert.Empty(pin.Writes);
    }

    sealed class ThrowingDelay : IDelay
    {
        public void Sleep(int milliseconds) => throw new InvalidOperationException("interrupted");
    }
}

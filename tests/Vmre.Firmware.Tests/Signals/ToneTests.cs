using Vmre.Firmware.Signals;

namespace Vmre.Firmware.Tests.Signals;

public class ToneTests
{
    [Fact]
    public void Attention_is_three_short_beeps_and_ends_low()
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
    public void Vote_recorded_is_one_long_beep()
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
    public void Patterns_alternate_on_and_off()
    {
        var pin = new RecordingPin();
        var delay = new RecordingDelay(pin);
        Tone.Play(pin, new[] { 10, 20, 30, 40 }, delay);
        Assert.Equal(new[] { (true, 10), (false, 20), (true, 30), (false, 40) }, delay.Waits);
    }

    [Fact]
    public void The_pin_ends_low_even_when_the_delay_throws()
    {
        var pin = new RecordingPin();
        Assert.Throws<InvalidOperationException>(() => Tone.Play(pin, Tone.VoteRecorded, new ThrowingDelay()));
        Assert.False(pin.Level);
    }

    [Fact]
    public void Negative_durations_throw_before_any_sound()
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

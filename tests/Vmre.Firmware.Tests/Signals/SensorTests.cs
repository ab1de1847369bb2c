using Vmre.Firmware.Signals;

namespace Vmre.Firmware.Tests.Signals;

public class SensorTests
{
    [Theory]
    [InlineData(false, false, PaperLevel.Ok)]
    [InlineData(true, false, PaperLevel.Low)]
    [InlineData(false, true, PaperLevel.Out)]
    [InlineData(true, true, PaperLevel.Out)]
    public void Paper_sensors_are_active_high_and_out_wins(bool low, bool @out, PaperLevel expected)
    {
        var sensors = new PaperSensors(new SetPin { High = low }, new SetPin { High = @out });
        Assert.Equal(expected, sensors.Read());
    }

    [Fact]
    public void Paper_sensors_read_the_pins_each_time()
    {
        var outPin = new SetPin();
        var sensors = new PaperSensors(new SetPin(), outPin);
        Assert.Equal(PaperLevel.Ok, sensors.Read());
        outPin.High = true;
        Assert.Equal(PaperLevel.Out, sensors.Read());
    }

    [Fact]
    public void Cover_switch_is_active_high()
    {
        var pin = new SetPin();
        var cover = new CoverSwitch(pin);
        Assert.False(cover.IsOpen());
        pin.High = true;
        Assert.True(cover.IsOpen());
    }

    [Fact]
    public void Null_pins_throw()
    {
        Assert.Throws<ArgumentNullException>(() => new CoverSwitch(null!));
        Assert.Throws<ArgumentNullException>(() => new PaperSensors(new SetPin(), null!));
        Assert.Throws<ArgumentNullException>(() => new StatusLights(new RecordingPin(), null!, new RecordingPin()));
    }
}

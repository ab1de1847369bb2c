using System.Device.Gpio;
using Iot.Device.Button;
using Vmre.HardwareSim.Gpio;

namespace Vmre.HardwareSim.Tests.Gpio;

/// <summary>Iot.Device.Bindings' GpioButton, as the terminal will use it for the confirm button, on the simulated driver.</summary>
public sealed class GpioButtonTests : IDisposable
{
    private const int ConfirmButton = 5;
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;
    private readonly GpioButton _button;
    private int _presses;

    public GpioButtonTests()
    {
        _controller = new GpioController(_driver);
        // Active low with the internal pull-up, 30 ms debounce: as on the terminal's board.
        _button = new GpioButton(ConfirmButton, isPullUp: true, hasExternalResistor: false, gpio: _controller,
            shouldDispose: false, debounceTime: TimeSpan.FromMilliseconds(30));
        _button.Press += (_, _) => Interlocked.Increment(ref _presses);
    }

    public void Dispose()
    {
        _button.Dispose();
        _controller.Dispose();
    }

    [Fact]
    public void Button_pin_is_an_input_with_pull_up_reading_released()
    {
        Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(ConfirmButton));
        Assert.Equal(PinValue.High, _controller.Read(ConfirmButton));
        Assert.False(_button.IsPressed);
    }

    [Fact]
    public void A_finger_press_raises_press_once()
    {
        _driver.Press(ConfirmButton);

        AssertOnePress();
        Assert.False(_button.IsPressed);
    }

    [Fact]
    public void Contact_bounce_on_release_is_debounced_into_one_press()
    {
        // GpioButton's debounce (Iot.Device.Bindings 4.2.0) ignores edges for the debounce time
        // after a release: the chatter of the contact opening must not count as another press.
        Thread.Sleep(100); // the button rests released longer than the debounce, as before any real press (a physical duration)
        _driver.Drive(ConfirmButton, PinValue.Low);
        Assert.True(SpinWait.SpinUntil(() => _button.IsPressed, TimeSpan.FromSeconds(5)));
        Thread.Sleep(100); // held by the finger (a physical duration)
        _driver.Drive(ConfirmButton, PinValue.High);
        _driver.Drive(ConfirmButton, PinValue.Low);
        _driver.Drive(ConfirmButton, PinValue.High);
        _driver.Drive(ConfirmButton, PinValue.Low);
        _driver.Drive(ConfirmButton, PinValue.High);

        AssertOnePress();
    }

    private void AssertOnePress()
    {
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _presses) > 0, TimeSpan.FromSeconds(5)), "no press seen");
        // No second, spurious press on its way: a later, clean press is counted after everything
        // before it, so once it is seen the count must be exactly two.
        Thread.Sleep(100); // the button rests released longer than the debounce (a physical duration)
        _driver.Drive(ConfirmButton, PinValue.Low);
        Assert.True(SpinWait.SpinUntil(() => _button.IsPressed, TimeSpan.FromSeconds(5)));
        _driver.Drive(ConfirmButton, PinValue.High);
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _presses) > 1, TimeSpan.FromSeconds(5)), "the later press was not seen");
        Assert.Equal(2, Volatile.Read(ref _presses));
        Assert.False(_button.IsPressed);
    }
}

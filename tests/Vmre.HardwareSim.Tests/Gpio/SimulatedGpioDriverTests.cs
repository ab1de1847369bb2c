using System.Collections.Concurrent;
using System.Device.Gpio;
using Vmre.HardwareSim.Gpio;

namespace Vmre.HardwareSim.Tests.Gpio;

public class SimulatedGpioDriverTests
{
    private const int Led = 17, Button = 27;

    [Fact]
    public void Output_pin_records_what_the_controller_writes()
    {
        var driver = new SimulatedGpioDriver();
        var changes = new ConcurrentQueue<(int, PinValue)>();
        driver.PinChanged += (pin, value) => changes.Enqueue((pin, value));
        using var controller = new GpioController(driver);

        controller.OpenPin(Led, PinMode.Output);
        controller.Write(Led, PinValue.High);
        Assert.Equal(PinValue.High, driver.Level(Led));
        controller.Write(Led, PinValue.Low);
        Assert.Equal(PinValue.Low, driver.Level(Led));
        Assert.Equal([(Led, PinValue.High), (Led, PinValue.Low)], changes);
        Assert.True(driver.IsOpen(Led));
    }

    [Fact]
    public void Driving_an_input_raises_edge_callbacks()
    {
        var driver = new SimulatedGpioDriver();
        using var controller = new GpioController(driver);
        controller.OpenPin(Button, PinMode.InputPullUp);
        Assert.Equal(PinValue.High, controller.Read(Button));

        var falling = new ConcurrentQueue<PinEventTypes>();
        var any = new ConcurrentQueue<PinEventTypes>();
        controller.RegisterCallbackForPinValueChangedEvent(Button, PinEventTypes.Falling, (_, e) => falling.Enqueue(e.ChangeType));
        controller.RegisterCallbackForPinValueChangedEvent(Button, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => any.Enqueue(e.ChangeType));

        driver.Drive(Button, PinValue.Low);  // pressed (active low)
        Assert.Equal(PinValue.Low, controller.Read(Button));
        driver.Drive(Button, PinValue.High); // released

        Assert.Equal([PinEventTypes.Falling], falling);
        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising], any);
    }

    [Fact]
    public void Wait_for_event_sees_a_driven_edge_and_times_out_without_one()
    {
        var driver = new SimulatedGpioDriver();
        using var controller = new GpioController(driver);
        controller.OpenPin(Button, PinMode.Input);

        var timer = new Timer(_ => driver.Drive(Button, PinValue.High), null, 100, Timeout.Infinite);
        var seen = controller.WaitForEvent(Button, PinEventTypes.Rising, TimeSpan.FromSeconds(5));
        Assert.False(seen.TimedOut);
        Assert.Equal(PinEventTypes.Rising, seen.EventTypes);
        timer.Dispose();

        var none = controller.WaitForEvent(Button, PinEventTypes.Falling, TimeSpan.FromMilliseconds(100));
        Assert.True(none.TimedOut);
    }

    [Fact]
    public void Closing_a_pin_forgets_its_callbacks()
    {
        var driver = new SimulatedGpioDriver();
        using var controller = new GpioController(driver);
        int calls = 0;
        controller.OpenPin(Button, PinMode.Input);
        controller.RegisterCallbackForPinValueChangedEvent(Button, PinEventTypes.Rising, (_, _) => calls++);
        controller.ClosePin(Button);
        driver.Drive(Button, PinValue.High);
        Assert.Equal(0, calls);
        Assert.False(driver.IsOpen(Button));
    }
}

using System.Device.Gpio;

namespace Vmre.Devices.GpioSignals;

/// <summary>
/// A GPIO driver whose blocking wait for an edge rides on its own edge callbacks. Both drivers
/// that are not a kernel chip — the remote daemon's client here and the simulator's in-memory
/// driver — learn of edges only as callbacks, so they share this one way to wait (one code
/// path, rules.md E1).
/// </summary>
public abstract class EdgeCallbackGpioDriver : GpioDriver
{
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<PinEventTypes>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnEdge(object sender, PinValueChangedEventArgs e) => seen.TrySetResult(e.ChangeType);
        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, OnEdge);
        try
        {
            seen.Task.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen.Task.Result, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally { RemoveCallbackForPinValueChangedEvent(pinNumber, OnEdge); }
    }
}

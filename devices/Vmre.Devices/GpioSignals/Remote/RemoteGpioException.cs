namespace Vmre.Devices.GpioSignals.Remote;

/// <summary>
/// The GPIO daemon behind <c>--gpio remote:SOCKET</c> is not there or went away. An
/// <see cref="IOException"/>, as a chip that fails is: callers that survive a failing device
/// (the buzzer's tone, the terminal's start-up refusal) already handle that kind.
/// </summary>
public sealed class RemoteGpioException(string socketPath, string reason)
    : IOException($"GPIO daemon at {socketPath}: {reason}")
{
    public string SocketPath { get; } = socketPath;
    public string Reason { get; } = reason;
}

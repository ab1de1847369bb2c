namespace Vmre.ModuleServer.Polls;

/// <summary>
/// A request's hold on the polls state (see <see cref="PollsGate"/>): while it is held no
/// transition runs. <see cref="Refusal"/> is null when the polls are open, else the reason to say.
/// Disposing it twice hands it back once.
/// </summary>
public sealed class PollsPass(PollsGate gate, string? refusal) : IDisposable
{
    private int _returned;

    public string? Refusal { get; } = refusal;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0) gate.Leave();
    }
}

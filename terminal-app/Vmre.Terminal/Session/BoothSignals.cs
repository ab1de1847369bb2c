using Vmre.Common.Logging;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;

namespace Vmre.Terminal.Session;

/// <summary>
/// What the terminal's GPIO says to the booth: the cover/tamper switch, the paper sensors and the
/// physical confirm button, as the firmware reads them. Called on the GPIO driver's thread; each
/// change runs under the booth's one lock.
/// </summary>
public sealed class BoothSignals
{
    private readonly VotingBooth _booth;
    // The button's meaning and whether it is held, both only touched under the booth's lock, in
    // the same step as every state change: a press is judged against the state the voter sees.
    private readonly ConfirmButton _button = new();
    private bool _held;

    internal BoothSignals(VotingBooth booth) => _booth = booth;

    /// <summary>
    /// The confirm button went down or up (debounced, in arrival order). A press counts only after
    /// a release seen in the current state (the firmware's <see cref="ConfirmButton"/>): a press
    /// held over from the previous screen never confirms or accepts.
    /// </summary>
    public void ButtonMoved(bool pressed) => _booth.Step(_ =>
    {
        _held = pressed;
        if (!pressed) { _button.Released(); return; }
        if (_button.Pressed(out var meaning)) ButtonPressed(meaning);
    });

    /// <summary>Called under the lock by every state change the booth makes: the button re-arms on it.</summary>
    internal void StateEntered(SessionState state)
    {
        _button.StateEntered(state);
        if (!_held) _button.Released();
    }

    /// <summary>The confirm button: confirm while reviewing, accept while verifying (the same steps as the screen's).</summary>
    public void ButtonPressed(SessionEvent meaning)
    {
        // Issue 9 point 3: a press is the voter's act, counted per hour, never a timed line.
        _booth.Activity.Record("confirm-button", Actor.Voter, SessionNames.Of(meaning));
        if (meaning == SessionEvent.Confirm) _booth.Voter.Confirm();
        else if (meaning == SessionEvent.VoterAccepted) _booth.Voter.Accept();
    }

    /// <summary>The cover/tamper switch changed. Opening it is a fault in any state.</summary>
    public void CoverChanged(bool open) => _booth.Step(_ =>
    {
        if (!_booth.Devices.CoverMoved(open)) return;
        if (open) _booth.Fault(SessionEvent.CoverOpened, "the printer cover was opened");
        else _booth.Alerts.Add("Tapa cerrada / Cover closed");
    });

    /// <summary>The paper sensors changed. Paper out is a fault; paper low only warns.</summary>
    public void PaperChanged(PaperLevel level) => _booth.Step(s =>
    {
        if (!_booth.Devices.PaperMoved(level)) return;
        if (level == PaperLevel.Low) _booth.Alerts.Add("Papel por terminarse: cambie el rollo al terminar el votante actual / Paper low");
        if (level == PaperLevel.Out) _booth.Fault(SessionEvent.PrinterFault, "the printer is out of paper");
        _booth.Devices.Show(s.State);
    });
}

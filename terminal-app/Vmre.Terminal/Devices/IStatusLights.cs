namespace Vmre.Terminal.Devices;

/// <summary>The terminal's status lights. Always paired with on-screen text: no colour-only meaning (brief rule 9).</summary>
public interface IStatusLights
{
    void Show(TerminalLight light);
}

public enum TerminalLight { Ready, Busy, Fault }

namespace Vmre.Simulator.Election;

/// <summary>What the simulated day showed: each check with its outcome, for summary.txt and the exit code.</summary>
public sealed class Findings
{
    private readonly List<(bool Ok, string Text)> _checks = [];
    private readonly List<string> _notes = [];

    public bool AllOk => _checks.All(c => c.Ok);
    public IEnumerable<string> Failures => _checks.Where(c => !c.Ok).Select(c => c.Text);

    public void Check(bool ok, string text) { lock (_checks) _checks.Add((ok, text)); }
    public void Note(string text) { lock (_notes) _notes.Add(text); }

    public IEnumerable<string> Lines() =>
        _notes.Concat(_checks.Select(c => (c.Ok ? "[ok]   " : "[FAIL] ") + c.Text));
}

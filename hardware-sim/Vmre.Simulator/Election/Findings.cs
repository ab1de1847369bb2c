namespace Vmre.Simulator.Election;

/// <summary>What the simulated day showed: each check with its outcome, for summary.txt and the exit code.</summary>
public sealed class Findings
{
    private readonly List<(bool Ok, string Text)> _checks = [];

    public bool AllOk => _checks.All(c => c.Ok);

    public void Check(bool ok, string text) { lock (_checks) _checks.Add((ok, text)); }

    public IEnumerable<string> Lines() =>
        _checks.Select(c => (c.Ok ? "[ok]   " : "[FAIL] ") + c.Text);
}

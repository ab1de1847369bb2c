namespace Vmre.FuzzTargets;

/// <summary>The first case that crashed or broke a property, with what is needed to run it again.</summary>
public sealed record FuzzFailure(string Target, int Seed, int CaseIndex, FuzzCase Input, Exception Error)
{
    public string Describe() =>
        $"{Target}: case {CaseIndex} ({Input.Origin}) threw {Error.GetType().Name}: {Error.Message}\n" +
        $"  input: {Input.Hex()}\n" +
        $"  reproduce: ./vmre fuzz --target {Target} --seed {Seed} --cases {CaseIndex + 1}\n" +
        $"  {Error.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
}

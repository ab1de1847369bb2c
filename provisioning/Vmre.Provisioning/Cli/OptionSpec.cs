namespace Vmre.Provisioning.Cli;

/// <summary>One option a command accepts. Flags take no value; repeatable options may appear many times.</summary>
public sealed record OptionSpec(string Name, string Help, bool Required = false, bool Repeatable = false, bool IsFlag = false)
{
    public static OptionSpec Need(string name, string help) => new(name, help, Required: true);
    public static OptionSpec May(string name, string help) => new(name, help);
    public static OptionSpec Many(string name, string help) => new(name, help, Repeatable: true);
}

namespace Vmre.Provisioning.Cli;

/// <summary>One `vmre-provision` command. Run returns an <see cref="ExitCode"/>.</summary>
public interface ICommand
{
    CommandSpec Spec { get; }

    /// <summary>Reports what was written on <paramref name="output"/>; refusals go to <paramref name="error"/>.</summary>
    int Run(Arguments args, TextWriter output, TextWriter error);
}

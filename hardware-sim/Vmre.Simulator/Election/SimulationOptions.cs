namespace Vmre.Simulator.Election;

/// <summary>
/// What to simulate: one module, its terminals, how many voters; where the artifacts go.
/// Read from the command line by <see cref="SimulatorCommandLine"/>; the module and terminal
/// count are the demo's (no option sets them). <see cref="Mix"/> and <see cref="WatcherFile"/> are set by
/// the secrecy test only (issue 9 point 6): voters who mark at random, and what a watcher in the room saw.
/// </summary>
public sealed record SimulationOptions(
    string OutDir, int Voters = 24, int Terminals = 2, int Seed = 2023, string ModuleId = "MRV-CHI", int? LnereCount = null,
    Voters.VoterMix? Mix = null, string? WatcherFile = null);

/// <summary>The module's officials in the simulation (demo credentials, never real ones).</summary>
public sealed record SimOfficial(string CredentialId, string Role, string Name, string Pin)
{
    public static readonly SimOfficial Presidente = new("OF-CHI-01", "presidente", "María Fernanda López Ruiz", "482913");
    public static readonly SimOfficial Secretario = new("OF-CHI-02", "secretario", "José Luis Hernández Soto", "615204");
    public static readonly SimOfficial Escrutador = new("OF-CHI-03", "escrutador", "Ana Sofía Ramírez Cruz", "739051");
    public static readonly SimOfficial[] All = [Presidente, Secretario, Escrutador];

    /// <summary>
    /// <c>module configure --official</c> (issue 11 point 1): the card's public key file, never the
    /// PIN; the PIN is set only when the card is personalised (OfficialCards).
    /// </summary>
    public string Argument(string cardPublicKeyFile) => $"{CredentialId}:{Role}:{Name}:{cardPublicKeyFile}";
}

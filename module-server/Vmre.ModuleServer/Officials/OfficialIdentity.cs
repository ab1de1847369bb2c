using Vmre.Common.Logging;
using Vmre.Common.Module;

namespace Vmre.ModuleServer.Officials;

/// <summary>An official whose card proved itself with the PIN; every log line they cause names them (rules.md R7).</summary>
public sealed record OfficialIdentity(string CredentialId, OfficialRole Role, string Name)
{
    public Actor Actor => new(Role.ToString().ToLowerInvariant(), CredentialId);

    /// <summary>rules.md R8: technicians never see voters; observers only read.</summary>
    public bool MayRunDesk => Role switch
    {
        OfficialRole.Presidente or OfficialRole.Secretario or OfficialRole.Escrutador => true,
        OfficialRole.Technician or OfficialRole.Observer => false,
        _ => throw new ArgumentOutOfRangeException(nameof(Role), Role, "unknown official role"),
    };

    /// <summary>Opening and closing the polls: presidente/a or secretario/a only.</summary>
    public bool MayOpenAndClose => Role is OfficialRole.Presidente or OfficialRole.Secretario;

    /// <summary>Issue 11 point 1: the presidente lifts another official's lock; two of these approve the presidente's own.</summary>
    public bool MayApproveUnlock => Role is OfficialRole.Secretario or OfficialRole.Escrutador;
}

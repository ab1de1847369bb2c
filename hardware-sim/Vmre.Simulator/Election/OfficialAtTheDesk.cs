using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Simulator.Hardware;

namespace Vmre.Simulator.Election;

/// <summary>
/// An official at the module server's own screen (issue 11 design §3): their VMRE-K2 card on the
/// desk's PN532 reader, their PIN typed on the screen (POST /api/officials/session {"pin"}); the
/// card stays on the reader while they act, since every state change asks the card to be present.
/// </summary>
public sealed class OfficialAtTheDesk(ModuleRig rig)
{
    /// <summary>Puts the official's card on the desk reader and signs in; the desk's calls carry the session from then on.</summary>
    public async Task<Parsed<OfficialSession>> SignIn(SimOfficial official, string pin)
    {
        rig.DeskReader.PresentCard(OfficialCards.For(official));
        var session = await rig.Server.SignIn(new OfficialSignIn(Pin: pin));
        if (session.IsOk) rig.Server.Bearer = session.Value!.Token;
        return session;
    }

    /// <summary>The official signs out and takes the card away.</summary>
    public async Task SignOut()
    {
        if (rig.Server.Bearer is not null) await rig.Server.SignOut();
        rig.Server.Bearer = null;
        rig.DeskReader.RemoveCard();
    }
}

using Vmre.Lnere;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>Channel, credential and sex urns for one group of a state (meeting or not meeting requirements).</summary>
public sealed class GroupUrns(int rows, int[] channel, int[] credential, int[] sex)
{
    public CountUrn Channel { get; } = new(Apportion.Of(rows, channel));
    public CountUrn Credential { get; } = new(Apportion.Of(rows, credential));
    public CountUrn Sex { get; } = new(Apportion.Of(rows, sex));
}

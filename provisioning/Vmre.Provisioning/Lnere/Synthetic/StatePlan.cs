using Vmre.Lnere;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// A state's share of a generated LNERE as exact-count urns: its statuses, and for the
/// meeting and not-meeting groups the channel, credential and sex splits; for those meeting
/// the requirements also the modality and (for the non-presencial ones) the country.
/// Each urn is drawn exactly empty, so the file reproduces the apportioned totals.
/// </summary>
public sealed class StatePlan
{
    public StatePlan(StateProfile profile, int rows)
    {
        Profile = profile;
        var notMeetingBase = Apportion.Of(profile.NotMeeting, StateProfiles.NotMeetingSplit);
        var status = Apportion.Of(rows, [profile.Cumple, notMeetingBase[0], notMeetingBase[1]]);
        var cumple = status[0];
        var rest = status[1] + status[2];
        Status = new CountUrn(status);
        Cumple = new GroupUrns(cumple, profile.ChannelCumple, profile.CredentialCumple, profile.SexCumple);
        NotMeeting = new GroupUrns(rest,
            StateProfile.Rest(profile.ChannelAll, profile.ChannelCumple),
            StateProfile.Rest(profile.CredentialAll, profile.CredentialCumple),
            StateProfile.Rest(profile.SexAll, profile.SexCumple));
        var modality = Apportion.Of(cumple, profile.ModalityCumple);
        Modality = new CountUrn(modality);
        CountryWeights = ResidenceCountries.All.Select(profile.CountryCount).ToArray();
        Country = new CountUrn(Apportion.Of(modality[0] + modality[1], CountryWeights));
    }

    public StateProfile Profile { get; }
    public CountUrn Status { get; }
    public GroupUrns Cumple { get; }
    public GroupUrns NotMeeting { get; }
    public CountUrn Modality { get; }
    public CountUrn Country { get; }

    /// <summary>For rows outside the urns (not meeting requirements): sample with replacement.</summary>
    public int[] CountryWeights { get; }
}

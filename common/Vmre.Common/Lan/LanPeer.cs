namespace Vmre.Common.Lan;

/// <summary>The device a handshake proved is on the other end (its id as pinned in the signed module config).</summary>
public sealed record LanPeer(string DeviceId);

namespace Vmre.Common.Protocol;

/// <summary>An official presents a credential card and a PIN (rules.md R8).</summary>
public sealed record OfficialCredential(string CredentialId, string Pin);

/// <summary>The PIN an official types on a terminal's screen (POST /api/official/…); the card is read from the reader.</summary>
public sealed record OfficialPin(string? Pin);

public sealed record OfficialSession(string Token, string Role, string Name);

public sealed record ErrorBody(string Error);

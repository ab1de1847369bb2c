namespace Vmre.Common.Serialization;

/// <summary>What kind of refusal a <see cref="Parsed{T}"/> is: each HTTP surface answers a kind with one status.</summary>
public enum RefusalKind
{
    /// <summary>Malformed, unverifiable or not allowed in this state (400 or 409, as the surface says).</summary>
    Invalid,
    /// <summary>The credential or PIN did not match (401).</summary>
    Unauthorized,
    /// <summary>The official's role may not do this (403).</summary>
    Forbidden,
    /// <summary>Too many wrong PINs (423).</summary>
    Locked,
    /// <summary>The module's state forbids it now (409).</summary>
    Conflict,
}

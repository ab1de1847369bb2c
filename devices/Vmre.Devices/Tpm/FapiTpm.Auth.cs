using System.Runtime.InteropServices;
using System.Text.Json;

namespace Vmre.Devices.Tpm;

/// <summary>
/// Authorisation values (issue 10 point 1): the device key's auth is released only by the
/// measured start, so a process that did not unseal it cannot sign. FAPI asks for an object's
/// auth through a callback; the value handed back must stay alive after the callback returns,
/// so each one is kept in unmanaged memory until it is replaced or the TPM is disposed.
/// </summary>
public sealed partial class FapiTpm
{
    private readonly Dictionary<string, IntPtr> _auths = new(StringComparer.Ordinal);
    private static readonly IntPtr NoAuth = Marshal.StringToCoTaskMemUTF8("");

    public string CreateSigningKey(string path, string authValue)
    {
        lock (_gate)
        {
            // noDa: the auth is 32 random bytes (or none), so guessing is hopeless and a lockout
            // would only let anyone who can reach the TPM stop the terminal.
            Check("CreateKey", FapiNative.Fapi_CreateKey(_context, path, "sign,noDa", "", authValue));
        }
        return PublicKeyPem(path);
    }

    /// <summary>The public part, read from the keystore without using the key (so it needs no auth).</summary>
    public string PublicKeyPem(string path)
    {
        string json;
        lock (_gate)
        {
            Check("ExportKey", FapiNative.Fapi_ExportKey(_context, path, null, out var exported));
            try { json = Marshal.PtrToStringUTF8(exported) ?? ""; }
            finally { FapiNative.Fapi_Free(exported); }
        }
        return FindPem(JsonDocument.Parse(json).RootElement)
            ?? throw new TpmError("ExportKey (no public key in the export)", 0);
    }

    private static string? FindPem(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == "pem_ext_public" && p.Value.ValueKind == JsonValueKind.String) return p.Value.GetString();
                if (FindPem(p.Value) is { } found) return found;
            }
        return null;
    }

    public void UseAuth(string path, string authValue)
    {
        lock (_gate) Remember(path, authValue);
    }

    public void ChangeAuth(string path, string newAuthValue)
    {
        lock (_gate)
        {
            Check("ChangeAuth", FapiNative.Fapi_ChangeAuth(_context, path, newAuthValue));
            Remember(path, newAuthValue);
        }
    }

    private void Remember(string path, string authValue)
    {
        var key = Normalise(path);
        if (_auths.Remove(key, out var old)) Marshal.ZeroFreeCoTaskMemUTF8(old);
        _auths[key] = Marshal.StringToCoTaskMemUTF8(authValue);
    }

    private void ForgetAuths()
    {
        foreach (var p in _auths.Values) Marshal.ZeroFreeCoTaskMemUTF8(p);
        _auths.Clear();
    }

    /// <summary>FAPI names objects with or without the profile prefix ("/P_ECCP256SHA256/HS/SRK/x").</summary>
    private static string Normalise(string path)
    {
        var p = path.StartsWith('/') ? path : "/" + path;
        const string profile = "/P_ECCP256SHA256";
        return p.StartsWith(profile + "/", StringComparison.Ordinal) ? p[profile.Length..] : p;
    }

    private unsafe void AttachAuthCallback()
    {
        delegate* unmanaged<IntPtr, IntPtr, IntPtr*, IntPtr, uint> callback = &OnAuth;
        var rc = FapiNative.Fapi_SetAuthCB(_context, (IntPtr)callback, GCHandle.ToIntPtr(_self));
        if (rc != 0) throw new TpmError("SetAuthCB", rc);
        AttachBranchCallback(); // issue 11 point 5: the write-once index's OR policy (FapiTpm.WriteOnce.cs)
    }

    /// <summary>Runs inside a FAPI call, so on a thread that already holds _gate.</summary>
    [UnmanagedCallersOnly]
    private static unsafe uint OnAuth(IntPtr objectPath, IntPtr description, IntPtr* auth, IntPtr userData)
    {
        var tpm = (FapiTpm)GCHandle.FromIntPtr(userData).Target!;
        var path = Normalise(Marshal.PtrToStringUTF8(objectPath) ?? "");
        *auth = tpm._auths.TryGetValue(path, out var value) ? value : NoAuth;
        return 0;
    }
}

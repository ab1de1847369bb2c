using System.Runtime.InteropServices;

namespace Vmre.Devices.Tpm;

/// <summary>
/// IDeviceTpm over the TCG Feature API. A FAPI context is not thread-safe, so every call is
/// serialised; the terminal makes few TPM calls (never one NV write per ballot: STACK.md).
/// </summary>
public sealed partial class FapiTpm : IDeviceTpm
{
    private static readonly object InitLock = new();
    private readonly object _gate = new();
    private readonly string _configPath;
    private IntPtr _context;
    private System.Runtime.InteropServices.GCHandle _self;

    public FapiTpm(FapiConfig config)
    {
        _configPath = config.Write();
        _self = System.Runtime.InteropServices.GCHandle.Alloc(this);
        _context = Open(_configPath);
        AttachAuthCallback();
    }

    private static IntPtr Open(string configPath)
    {
        lock (InitLock)
        {
            // FAPI reads its configuration and log level from the native environment at initialisation.
            FapiNative.SetEnv("TSS2_FAPICONF", configPath, 1);
            // Never inherit a trace level: a FAPI trace dumps command buffers, which could hold
            // the unsealed vote-storage key.
            FapiNative.SetEnv("TSS2_LOG", "all+NONE", 1);
            var rc = FapiNative.Fapi_Initialize(out var context, IntPtr.Zero);
            if (rc != 0) throw new TpmError("Initialize", rc);
            InheritedDescriptors.CloseOnExec();
            return context;
        }
    }

    public void Provision()
    {
        lock (_gate)
        {
            var rc = FapiNative.Fapi_Provision(_context, null, null, null);
            if (rc != FapiNative.AlreadyProvisioned) Check("Provision", rc);
        }
    }

    public string CreateSigningKey(string path) => CreateSigningKey(path, "");

    public byte[] SignDigest(string path, byte[] sha256Digest)
    {
        if (sha256Digest.Length != 32) throw new ArgumentException("SHA-256 digest expected", nameof(sha256Digest));
        return SignInternal(path, sha256Digest).Signature;
    }

    private (byte[] Signature, string PublicKeyPem) SignInternal(string path, byte[] digest)
    {
        lock (_gate)
        {
            Check("Sign", FapiNative.Fapi_Sign(_context, path, null, digest, (nuint)digest.Length,
                out var sig, out var sigSize, out var pub, out var cert));
            try
            {
                var signature = new byte[(int)sigSize];
                Marshal.Copy(sig, signature, 0, signature.Length);
                return (signature, Marshal.PtrToStringUTF8(pub) ?? "");
            }
            finally
            {
                FapiNative.Fapi_Free(sig);
                FapiNative.Fapi_Free(pub);
                FapiNative.Fapi_Free(cert);
            }
        }
    }

    public void Seal(string path, byte[] secret)
    {
        lock (_gate)
        {
            Check("CreateSeal", FapiNative.Fapi_CreateSeal(_context, path, "noDa", (nuint)secret.Length, "", "", secret));
        }
    }

    public byte[] Unseal(string path)
    {
        lock (_gate)
        {
            Check("Unseal", FapiNative.Fapi_Unseal(_context, path, out var data, out var size));
            return Take(data, size);
        }
    }

    /// <summary>Copies a FAPI-allocated buffer and frees it.</summary>
    private static byte[] Take(IntPtr data, nuint size)
    {
        try
        {
            var bytes = new byte[(int)size];
            if (bytes.Length > 0) Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally { FapiNative.Fapi_Free(data); }
    }

    public byte[] Random(int count)
    {
        lock (_gate)
        {
            Check("GetRandom", FapiNative.Fapi_GetRandom(_context, (nuint)count, out var data));
            try
            {
                var bytes = new byte[count];
                Marshal.Copy(data, bytes, 0, count);
                return bytes;
            }
            finally { FapiNative.Fapi_Free(data); }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_context != IntPtr.Zero) FapiNative.Fapi_Finalize(ref _context);
            _context = IntPtr.Zero;
            ForgetAuths();
            if (_self.IsAllocated) _self.Free();
        }
    }

    /// <summary>
    /// A failed FAPI call can leave its context half-torn-down: with tpm2-tss 3.2 (Debian 12) the
    /// next call after a failed Fapi_Sign aborts the whole process ("double free or
    /// corruption"). So after any failure the context is finalised and a fresh one opened on the
    /// same keystore before the error is reported. Callers hold _gate.
    /// </summary>
    private void Check(string operation, uint rc)
    {
        if (rc == 0) return;
        FapiNative.Fapi_Finalize(ref _context);
        _context = IntPtr.Zero;
        _context = Open(_configPath);
        AttachAuthCallback();
        throw new TpmError(operation, rc);
    }
}

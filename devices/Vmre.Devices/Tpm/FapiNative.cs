using System.Runtime.InteropServices;

namespace Vmre.Devices.Tpm;

/// <summary>
/// P/Invoke surface of the TCG Feature API (tpm2-tss, Debian libtss2-fapi1).
/// Only the calls the terminal needs: provisioning, device signing key, sealed storage key,
/// TPM randomness. FAPI manages transient objects itself (STACK.md: no 0x902 leaks).
/// </summary>
internal static partial class FapiNative
{
    private const string Lib = "libtss2-fapi.so.1";

    [LibraryImport(Lib)]
    internal static partial uint Fapi_Initialize(out IntPtr context, IntPtr uri);

    [LibraryImport(Lib)]
    internal static partial void Fapi_Finalize(ref IntPtr context);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_Provision(IntPtr context, string? authEh, string? authSh, string? authLockout);

    [LibraryImport(Lib)]
    internal static partial uint Fapi_GetRandom(IntPtr context, nuint numBytes, out IntPtr data);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_CreateKey(IntPtr context, string path, string type, string policyPath, string authValue);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_Sign(IntPtr context, string keyPath, string? padding,
        byte[] digest, nuint digestSize, out IntPtr signature, out nuint signatureSize,
        out IntPtr publicKey, out IntPtr certificate);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_CreateSeal(IntPtr context, string path, string type, nuint size,
        string policyPath, string authValue, byte[] data);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_Unseal(IntPtr context, string path, out IntPtr data, out nuint size);

    [LibraryImport(Lib)]
    internal static partial void Fapi_Free(IntPtr ptr);

    // Measured start (issue 10 point 1): PCR, policy import, auth values, NV counter, delete.
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_PcrExtend(IntPtr context, uint pcr, byte[] data, nuint dataSize, string? logData);

    [LibraryImport(Lib)]
    internal static partial uint Fapi_PcrRead(IntPtr context, uint pcrIndex, out IntPtr pcrValue, out nuint pcrValueSize, out IntPtr pcrLog);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_Import(IntPtr context, string path, string importData);

    [LibraryImport(Lib)]
    internal static partial uint Fapi_SetAuthCB(IntPtr context, IntPtr callback, IntPtr userData);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_ChangeAuth(IntPtr context, string entityPath, string authValue);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_CreateNv(IntPtr context, string path, string type, nuint size, string policyPath, string authValue);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_NvIncrement(IntPtr context, string nvPath);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_NvRead(IntPtr context, string nvPath, out IntPtr data, out nuint size, out IntPtr logData);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_Delete(IntPtr context, string path);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_ExportKey(IntPtr context, string pathOfKeyToDuplicate, string? pathToPublicKeyOfNewParent, out IntPtr exportedData);

    /// <summary>FAPI reads TSS2_FAPICONF with getenv(): it must be in the native environment.</summary>
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetEnv(string name, string value, int overwrite);

    internal const uint AlreadyProvisioned = 0x60035;
    /// <summary>Seen on tpm2-tss 3.2: Fapi_Import of a policy path that exists.</summary>
    internal const uint PathAlreadyExists = 0x6001f;
    /// <summary>Seen on tpm2-tss 3.2: a call on a keystore Fapi_Provision never ran on.</summary>
    internal const uint NotProvisioned = 0x60034;
}

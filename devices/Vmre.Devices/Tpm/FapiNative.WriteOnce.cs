using System.Runtime.InteropServices;

namespace Vmre.Devices.Tpm;

/// <summary>The FAPI calls of a write-once NV index (issue 11 point 5): writing it and choosing a policy branch.</summary>
internal static partial class FapiNative
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint Fapi_NvWrite(IntPtr context, string nvPath, byte[] data, nuint size);

    [LibraryImport(Lib)]
    internal static partial uint Fapi_SetBranchCB(IntPtr context, IntPtr callback, IntPtr userData);

    /// <summary>TSS2_FAPI_RC_PATH_NOT_FOUND: no such object in the keystore (an index never created).</summary>
    internal const uint PathNotFound = 0x60024;
    /// <summary>TSS2_FAPI_RC_AUTHORIZATION_UNKNOWN: returned by the branch callback when no branch was asked for.</summary>
    internal const uint AuthorizationUnknown = 0x6002a;
}

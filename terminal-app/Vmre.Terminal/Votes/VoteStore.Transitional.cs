using System.Security.Cryptography;

namespace Vmre.Terminal.Votes;

/// <summary>
/// TRANSITIONAL, until TerminalHost opens the store with the TPM-released MAC key and the TPM epoch
/// counter (issue 10 design: the lead wires <see cref="Open"/> with TerminalSecrets.StoreMacKey and
/// TpmStoreEpoch). This opener has neither: a fixed key and an epoch kept in a file beside the store,
/// so it detects changes made without this code but is no defence against someone who has it.
/// </summary>
public sealed partial class VoteStore
{
    [Obsolete("issue 10: open with VoteStore.Open(path, storeMacKey, tpmEpoch); this fixed-key opener is transitional")]
    public VoteStore(string path)
        : this(path, SHA256.HashData("vmre-vote-store/1 transitional key, not a secret"u8), new FileEpoch(path + ".epoch")) { }

    private sealed class FileEpoch(string path) : IStoreEpoch
    {
        public ulong Read() => File.Exists(path) ? ulong.Parse(File.ReadAllText(path)) : 0;

        public void Advance()
        {
            var next = Read() + 1;
            File.WriteAllText(path + ".tmp", next.ToString());
            File.SetUnixFileMode(path + ".tmp", UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }
}

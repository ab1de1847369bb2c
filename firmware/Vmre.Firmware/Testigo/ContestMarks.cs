namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// The selection in one contest, as printed in the testigo QR. Holds no voter data and
    /// no time (rules.md R2, R3). Build with the factories; validation happens in
    /// TestigoRules so encoder and decoder share one definition.
    /// </summary>
    public sealed class ContestMarks
    {
        private readonly string[] _partyCodes;

        private ContestMarks(string contestId, MarkKind kind, string[] partyCodes, string writeInName)
        {
            ContestId = contestId;
            Kind = kind;
            _partyCodes = partyCodes;
            WriteInName = writeInName;
        }

        /// <summary>Contest id, 1-16 chars [A-Z0-9-], e.g. "GOB-05".</summary>
        public string ContestId { get; private set; }

        public MarkKind Kind { get; private set; }

        /// <summary>Party codes (Kind == Parties); empty otherwise. A copy, callers cannot alter it.</summary>
        public string[] PartyCodes
        {
            get
            {
                string[] copy = new string[_partyCodes.Length];
                System.Array.Copy(_partyCodes, copy, _partyCodes.Length);
                return copy;
            }
        }

        /// <summary>Write-in name (Kind == WriteIn); null otherwise.</summary>
        public string WriteInName { get; private set; }

        internal string[] PartyCodesInternal { get { return _partyCodes; } }

        /// <summary>Nothing marked: voto nulo.</summary>
        public static ContestMarks Nothing(string contestId)
        {
            return new ContestMarks(contestId, MarkKind.Nothing, new string[0], null);
        }

        /// <summary>One party or a coalition combination; order does not matter (the encoder sorts).</summary>
        public static ContestMarks Parties(string contestId, params string[] partyCodes)
        {
            if (partyCodes == null) throw new System.ArgumentNullException("partyCodes");
            string[] copy = new string[partyCodes.Length];
            System.Array.Copy(partyCodes, copy, partyCodes.Length);
            return new ContestMarks(contestId, MarkKind.Parties, copy, null);
        }

        /// <summary>Candidatura no registrada with the name the voter wrote.</summary>
        public static ContestMarks WriteIn(string contestId, string name)
        {
            return new ContestMarks(contestId, MarkKind.WriteIn, new string[0], name);
        }
    }
}

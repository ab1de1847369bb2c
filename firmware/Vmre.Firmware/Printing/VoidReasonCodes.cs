namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The stable code and the Spanish wording of each VoidReason (docs/formats/testigo-marks.md,
    /// first in voiding-notice.md). Codes are upper-case words so a person reading the barcode text
    /// understands them; the wording is what the void mark prints for officials and auditors.
    /// </summary>
    public static class VoidReasonCodes
    {
        public const string PrinterFault = "PRINTER";
        public const string CoverOpened = "COVER";
        public const string VoterRejected = "REJECTED";
        public const string VoterTimeout = "TIMEOUT";
        public const string PowerLoss = "POWER";
        public const string OfficialCancelled = "OFFICIAL";

        /// <summary>The code for reason; an undefined value throws (programming error).</summary>
        public static string CodeOf(VoidReason reason)
        {
            switch (reason)
            {
                case VoidReason.PrinterFault: return PrinterFault;
                case VoidReason.CoverOpened: return CoverOpened;
                case VoidReason.VoterRejected: return VoterRejected;
                case VoidReason.VoterTimeout: return VoterTimeout;
                case VoidReason.PowerLoss: return PowerLoss;
                case VoidReason.OfficialCancelled: return OfficialCancelled;
                default: throw new System.ArgumentOutOfRangeException("reason");
            }
        }

        /// <summary>What the notice prints, in Spanish.</summary>
        public static string SpanishOf(VoidReason reason)
        {
            switch (reason)
            {
                case VoidReason.PrinterFault: return "Falla de la impresora";
                case VoidReason.CoverOpened: return "Se abrió la cubierta de la impresora";
                case VoidReason.VoterRejected: return "La persona votante rechazó el testigo";
                case VoidReason.VoterTimeout: return "La persona votante no aceptó el testigo a tiempo";
                case VoidReason.PowerLoss: return "Corte de energía o reinicio de la terminal";
                case VoidReason.OfficialCancelled: return "Sesión terminada por el funcionariado del módulo";
                default: throw new System.ArgumentOutOfRangeException("reason");
            }
        }

        /// <summary>True with the reason when code is exactly one of the codes (case-sensitive).</summary>
        public static bool TryParse(string code, out VoidReason reason)
        {
            // One table (CodeOf) read both ways, so a code can never parse to another reason.
            for (int value = (int)First; value <= (int)Last; value++)
            {
                if (code == CodeOf((VoidReason)value))
                {
                    reason = (VoidReason)value;
                    return true;
                }
            }
            reason = VoidReason.PrinterFault;
            return false;
        }

        /// <summary>True for the six reasons VMRE-M1 (and VMRE-V1 before it) defines (nano has no Enum.IsDefined).</summary>
        public static bool IsDefined(VoidReason reason)
        {
            return reason >= First && reason <= Last;
        }

        // The reasons are numbered without gaps (VoidReason: values are stable).
        private const VoidReason First = VoidReason.PrinterFault;
        private const VoidReason Last = VoidReason.OfficialCancelled;
    }
}

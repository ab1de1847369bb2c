namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// Buzzer patterns: milliseconds alternately on and off, starting on. Sound doubles what
    /// the screen says (rules.md R9: no single-channel meaning), for voters who cannot see it.
    /// </summary>
    public static class Tone
    {
        /// <summary>One long beep when the vote is sealed, as the urna electrónica does.</summary>
        public static readonly int[] VoteRecorded = new int[] { 1200 };

        /// <summary>Three short beeps: a fault needs an official.</summary>
        public static readonly int[] Attention = new int[] { 150, 100, 150, 100, 150 };

        /// <summary>Plays pattern on buzzer, then leaves the pin low whatever happened.</summary>
        public static void Play(IOutputPin buzzer, int[] pattern, IDelay delay)
        {
            if (buzzer == null) throw new System.ArgumentNullException("buzzer");
            if (pattern == null) throw new System.ArgumentNullException("pattern");
            if (delay == null) throw new System.ArgumentNullException("delay");
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] < 0) throw new System.ArgumentOutOfRangeException("pattern");
            }
            try
            {
                for (int i = 0; i < pattern.Length; i++)
                {
                    buzzer.Write(i % 2 == 0);
                    delay.Sleep(pattern[i]);
                }
            }
            finally
            {
                buzzer.Write(false);
            }
        }
    }
}

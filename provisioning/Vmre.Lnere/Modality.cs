namespace Vmre.Lnere;

/// <summary>The voting modality a registered voter chose.</summary>
public enum Modality { Internet, Postal, Presencial }

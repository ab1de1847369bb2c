namespace Vmre.Lnere;

/// <summary>SIILNERE review status: meets the requirements, sent to correction, or still in review.</summary>
public enum ApplicationStatus { Cumple, Subsane, Revision }

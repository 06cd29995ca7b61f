namespace IoTDA.Generator.Model;

/// <summary>What parsing one spec gives: the model (null when nothing can be generated) and the problems found.</summary>
internal sealed record ParseResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

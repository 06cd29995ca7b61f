namespace IoTDA.Generator.Model;

/// <summary>Everything generated from one spec file: the pipeline's cacheable unit, final for the emitter to print.</summary>
internal sealed record SpecModel(
    string HintPrefix,
    string Namespace,
    string ClientName,
    bool InternalTypes,
    string ClientSummary,
    string? Description,
    string GeneratorVersion,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ClassModel> Classes,
    EquatableArray<EnumModel> Enums,
    ServerModel? Server,
    SecurityModel Security)
{
    /// <summary>Some type is a <c>format: date</c>: the JSON class carries the date helpers.</summary>
    public bool UsesDates { get; init; }

    /// <inheritdoc cref="ProjectSettings.DatesAsDateOnly"/>
    public bool DatesAsDateOnly { get; init; }

    /// <summary>Readers refuse an answer that lacks a required member, or holds null for one that may not be null.</summary>
    public bool ChecksRequiredInAnswers { get; init; }
}

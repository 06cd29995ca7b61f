using System;

namespace IoTDA.Generator.Model;

/// <summary>What a type reference in generated code stands for.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Single,
    Double,
    Boolean,
    /// <summary>Anything the generator does not model: kept as a <c>JsonElement</c>.</summary>
    Json,
    /// <summary>A generated extensible enum (a readonly struct).</summary>
    Enum,
    /// <summary>A generated sealed class.</summary>
    Object,
    Array,
    /// <summary>A JSON object used as a string-keyed map (<c>additionalProperties</c> without properties).</summary>
    Map,
}

/// <summary>A type as generated code names it; <see cref="Name"/> is set for enums and objects.</summary>
internal sealed record TypeModel(TypeKind Kind, string Name, TypeModel? Item)
{
    public static readonly TypeModel String = new(TypeKind.String, "", null);
    public static readonly TypeModel Int32 = new(TypeKind.Int32, "", null);
    public static readonly TypeModel Int64 = new(TypeKind.Int64, "", null);
    public static readonly TypeModel Single = new(TypeKind.Single, "", null);
    public static readonly TypeModel Double = new(TypeKind.Double, "", null);
    public static readonly TypeModel Boolean = new(TypeKind.Boolean, "", null);
    public static readonly TypeModel Json = new(TypeKind.Json, "", null);

    public static TypeModel ArrayOf(TypeModel item) => new(TypeKind.Array, "", item);

    public static TypeModel MapOf(TypeModel value) => new(TypeKind.Map, "", value);

    /// <summary>Arrays and maps: never null in generated models, omitted from JSON when empty and optional.</summary>
    public bool IsCollection => Kind is TypeKind.Array or TypeKind.Map;

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double
        or TypeKind.Boolean or TypeKind.Enum or TypeKind.Json;

    public bool IsNumber => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double;
}

/// <summary>The JSON Schema validation keywords the generator enforces and stamps as attributes.</summary>
internal sealed record ConstraintsModel(
    int? MinItems,
    int? MaxItems,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    double? Minimum,
    bool ExclusiveMinimum,
    double? Maximum,
    bool ExclusiveMaximum,
    EquatableArray<string> AllowedValues)
{
    public static readonly ConstraintsModel None =
        new(null, null, null, null, null, null, false, null, false, EquatableArray<string>.Empty);

    public bool HasLength => MinLength is not null || MaxLength is not null;

    public bool HasRange => Minimum is not null || Maximum is not null;

    public bool IsEmpty => this == None;
}

internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeModel Type,
    bool Required,
    string? Description,
    ConstraintsModel Constraints,
    ConstraintsModel ItemConstraints);

internal sealed record ClassModel(string Name, string? Description, EquatableArray<PropertyModel> Properties);

internal sealed record EnumMemberModel(string Value, string Name);

internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

internal sealed record ParameterModel(
    string SpecName,
    string Name,
    ParameterLocation Location,
    TypeModel Type,
    bool Required,
    string? Description,
    ConstraintsModel Constraints,
    ConstraintsModel ItemConstraints);

internal sealed record BodyModel(TypeModel Type, bool Required, string? Description);

/// <summary>
/// How to merge the results of an operation whose body array (<see cref="ItemsJsonName"/>) is sent in batches of
/// at most <see cref="BatchSize"/> items.
/// </summary>
internal sealed record BatchModel(
    string ItemsJsonName,
    int BatchSize,
    string SuccessProperty,
    string FailureProperty,
    string FailureType,
    string FailureIdProperty,
    string FailureCodeProperty,
    string FailureMessageProperty);

/// <summary>How to follow an operation's paging marker until the last page.</summary>
internal sealed record PagingModel(
    string MarkerJsonName,
    bool MarkerInBody,
    string? OffsetJsonName,
    EquatableArray<string> NextMarkerPath,
    string ItemsProperty,
    TypeModel ItemType);

internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    TypeModel? Response,
    string? ResponseDescription,
    BatchModel? Batch,
    PagingModel? Paging);

/// <summary>Everything generated from one spec file: the pipeline's cacheable unit.</summary>
internal sealed record SpecModel(
    string HintPrefix,
    string Namespace,
    string ClientName,
    bool InternalTypes,
    string? Title,
    string? Description,
    EquatableArray<OperationModel> Operations,
    EquatableArray<ClassModel> Classes,
    EquatableArray<EnumModel> Enums);

/// <summary>One spec file as the pipeline sees it before parsing; <see cref="ReadError"/> is set when its text could not be read.</summary>
internal sealed record SpecFile(string Path, string Text, string Namespace, string ClientName, bool InternalTypes, string? ReadError);

/// <summary>The project-wide settings: MSBuild's RootNamespace and IoTDAGenerateInternalTypes.</summary>
internal sealed record ProjectSettings(string? RootNamespace, bool InternalTypes);

internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);

internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

internal sealed record ParseResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

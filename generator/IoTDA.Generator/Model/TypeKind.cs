namespace IoTDA.Generator.Model;

/// <summary>
/// What a type reference in generated code stands for. Every switch over it names each kind (the project turns the
/// compiler's non-exhaustive-switch warning into an error), so a new kind is listed wherever it must be handled.
/// </summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    /// <summary>A string of <c>format: int64</c>: a <c>long</c>, written as a JSON string as the spec says (APIs send 64-bit IDs so).</summary>
    Int64String,
    Single,
    Double,
    Boolean,

    /// <summary>A string of <c>format: date-time</c> (RFC 3339): a <c>DateTimeOffset</c>.</summary>
    DateTime,

    /// <summary>
    /// A string of <c>format: date</c> (RFC 3339 full-date): a <c>DateOnly</c> where the project's framework has one
    /// (.NET 6 and later), else a <c>DateTime</c> at midnight (<see cref="SpecModel.DatesAsDateOnly"/>).
    /// </summary>
    Date,

    /// <summary>A string of <c>format: uuid</c>: a <c>Guid</c>.</summary>
    Guid,

    /// <summary>A string of <c>format: uri</c>: a <c>Uri</c>, absolute or relative.</summary>
    Uri,

    /// <summary>A string of <c>format: byte</c> (base64): a <c>byte[]</c>.</summary>
    Bytes,
    /// <summary>Anything the generator does not model: kept as a <c>JsonElement</c>.</summary>
    Json,
    /// <summary>A generated extensible enum (a readonly struct).</summary>
    Enum,
    /// <summary>A generated C# <c>enum</c> over an integer schema's values (any other number still reads into it).</summary>
    IntEnum,
    /// <summary>A generated sealed class.</summary>
    Object,
    Array,
    /// <summary>A JSON object used as a string-keyed map (<c>additionalProperties</c> without properties).</summary>
    Map,
}

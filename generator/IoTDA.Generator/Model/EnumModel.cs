namespace IoTDA.Generator.Model;

/// <summary>
/// A generated enum: a string schema's values as an extensible enum struct, or, <see cref="IsInteger"/>, an integer
/// schema's as a C# <c>enum</c> over <c>long</c> (whose members are the numbers' text).
/// </summary>
internal sealed record EnumModel(string Name, string Description, EquatableArray<EnumMemberModel> Members)
{
    public bool IsInteger { get; init; }

    /// <summary>Some response holds this enum: it needs a JSON reader (writing one is a one-liner at the use).</summary>
    public bool IsReceived { get; init; }
}

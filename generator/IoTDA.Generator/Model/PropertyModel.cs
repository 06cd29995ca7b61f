namespace IoTDA.Generator.Model;

/// <summary>One member of a generated class: its wire name, final C# name, type, docs and rules.</summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeModel Type,
    bool Required,
    string Description,
    ConstraintsModel Constraints,
    ConstraintsModel ItemConstraints)
{
    /// <summary>Optional members are nullable, except collections, which are never null (empty instead).</summary>
    public bool IsNullable => !Required && !Type.IsCollection;
}

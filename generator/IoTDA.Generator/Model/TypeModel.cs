namespace IoTDA.Generator.Model;

/// <summary>
/// A type as generated code names it: <see cref="Name"/> is the final C# name of a generated enum or class (empty
/// for the other kinds), <see cref="Item"/> the element of an array or the value of a map.
/// </summary>
internal sealed record TypeModel(TypeKind Kind, string Name, TypeModel? Item)
{
    public static readonly TypeModel String = new(TypeKind.String, "", null);
    public static readonly TypeModel Int32 = new(TypeKind.Int32, "", null);
    public static readonly TypeModel Int64 = new(TypeKind.Int64, "", null);
    public static readonly TypeModel Int64String = new(TypeKind.Int64String, "", null);
    public static readonly TypeModel Single = new(TypeKind.Single, "", null);
    public static readonly TypeModel Double = new(TypeKind.Double, "", null);
    public static readonly TypeModel Boolean = new(TypeKind.Boolean, "", null);
    public static readonly TypeModel DateTime = new(TypeKind.DateTime, "", null);
    public static readonly TypeModel Date = new(TypeKind.Date, "", null);
    public static readonly TypeModel Guid = new(TypeKind.Guid, "", null);
    public static readonly TypeModel Uri = new(TypeKind.Uri, "", null);
    public static readonly TypeModel Bytes = new(TypeKind.Bytes, "", null);
    public static readonly TypeModel Json = new(TypeKind.Json, "", null);

    public static TypeModel ArrayOf(TypeModel item) => new(TypeKind.Array, "", item);

    public static TypeModel MapOf(TypeModel value) => new(TypeKind.Map, "", value);

    public static TypeModel Enum(string name) => new(TypeKind.Enum, name, null);

    public static TypeModel IntEnum(string name) => new(TypeKind.IntEnum, name, null);

    public static TypeModel Object(string name) => new(TypeKind.Object, name, null);

    /// <summary>The element or value type of a collection; a generator bug for any other kind.</summary>
    public TypeModel ItemType => Item ?? throw new System.InvalidOperationException("A " + Kind + " type has no item type.");

    /// <summary>Arrays and maps: never null in generated models, omitted from JSON when empty and optional.</summary>
    public bool IsCollection => Kind switch
    {
        TypeKind.Array or TypeKind.Map => true,
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean
            or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Json or TypeKind.Enum
            or TypeKind.IntEnum or TypeKind.Object => false,
    };

    /// <summary>A C# value type: optional members become <c>T?</c> (<see cref="System.Nullable{T}"/>).</summary>
    public bool IsValueType => Kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date
            or TypeKind.Guid or TypeKind.Enum or TypeKind.IntEnum or TypeKind.Json => true,
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.Object or TypeKind.Array or TypeKind.Map => false,
    };

    public bool IsNumber => Kind switch
    {
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double => true,
        TypeKind.String or TypeKind.Boolean or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes
            or TypeKind.Json or TypeKind.Enum or TypeKind.IntEnum or TypeKind.Object or TypeKind.Array or TypeKind.Map => false,
    };

    /// <summary>A single value a path segment, a query value or a header can carry as text.</summary>
    public bool IsScalar => Kind switch
    {
        TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Int64String or TypeKind.Single or TypeKind.Double or TypeKind.Boolean
            or TypeKind.DateTime or TypeKind.Date or TypeKind.Guid or TypeKind.Uri or TypeKind.Bytes or TypeKind.Enum or TypeKind.IntEnum => true,
        TypeKind.Json or TypeKind.Object or TypeKind.Array or TypeKind.Map => false,
    };
}

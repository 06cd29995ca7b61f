using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// An integer schema with <c>enum</c> values becomes a C# <c>enum</c> over <c>long</c>: its members are named by the
/// spec's <c>x-enum-varnames</c> (or NSwag's <c>x-enumNames</c>) when it gives them, else <c>Value1</c>,
/// <c>ValueMinus1</c>; a number the spec does not list still reads into it, unnamed.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly string[] MemberNameExtensions = { "x-enum-varnames", "x-enumNames" };

    /// <summary>What System.Enum and object declare: a member of one of these names would hide it from callers.</summary>
    private static readonly string[] EnumTypeMembers =
        { "ToString", "Equals", "GetHashCode", "GetType", "GetTypeCode", "HasFlag", "CompareTo", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    private static bool IsIntegerEnum(OpenApiSchema schema) =>
        schema.Type == "integer" && schema.Enum.Count > 0 && schema.Enum.Count <= MaxEnumValues &&
        schema.Enum.All(value => value is OpenApiInteger or OpenApiLong or OpenApiNull) && schema.Enum.Any(value => value is not OpenApiNull);

    /// <summary>The members: a name the spec gives that is a plain identifier, else one made from the number.</summary>
    internal static EquatableArray<EnumMemberModel> IntegerEnumMembers(OpenApiSchema schema)
    {
        var given = MemberNameExtensions
            .Select(key => schema.Extensions.TryGetValue(key, out var extension) ? extension as OpenApiArray : null)
            .FirstOrDefault(names => names is not null);
        var scope = new NameScope();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var members = new List<EnumMemberModel>();
        // By the value's own place in the list, so a null or a repeated value does not shift the names after it.
        for (var i = 0; i < schema.Enum.Count; i++)
        {
            var number = schema.Enum[i] switch { OpenApiInteger integer => (long?)integer.Value, OpenApiLong @long => @long.Value, _ => null };
            var value = number?.ToString(CultureInfo.InvariantCulture);
            if (value is null || !seen.Add(value))
            {
                continue;
            }

            var spec = given is not null && i < given.Count && given[i] is OpenApiString { Value: { } text } ? Naming.ToPascalCase(text) : "";
            var wanted = spec.Length > 0 && spec[0] != '_' ? spec : (value[0] == '-' ? "ValueMinus" + value.Substring(1) : "Value" + value);
            members.Add(new EnumMemberModel(value, scope.Claim(EnumTypeMembers.Contains(wanted) ? wanted + "Value" : wanted)));
        }

        return members.ToEquatableArray();
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IoTDA.Generator.Model;
using Microsoft.OpenApi.Models;

namespace IoTDA.Generator.Parsing;

/// <summary>
/// An <c>allOf</c> of parts that are all one primitive type (<c>allOf: [{type: string}, {type: string, minLength: 1}]</c>)
/// is that type, held to every part's constraints at once.
/// </summary>
internal sealed partial class ModelBuilder
{
    private static readonly string[] PrimitiveTypes = { "string", "integer", "number", "boolean" };

    /// <summary>The part that stands for the type (one with an enum, else one with a format, else the first); null when the parts differ.</summary>
    private static int? PrimitiveIntersection(OpenApiSchema schema)
    {
        if (schema.AllOf.Count < 2 || schema.Properties.Count > 0 || schema.Items is not null || schema.AdditionalProperties is not null ||
            schema.OneOf.Count > 0 || schema.AnyOf.Count > 0 || schema.AllOf.Any(part => part is null || part.AllOf.Count > 0 || part.OneOf.Count > 0 || part.AnyOf.Count > 0))
        {
            return null;
        }

        var type = schema.AllOf[0].Type;
        if (type is null || Array.IndexOf(PrimitiveTypes, type) < 0 || (schema.Type is not null && schema.Type != type) || schema.AllOf.Any(part => part.Type != type))
        {
            return null;
        }

        var parts = schema.AllOf.ToList();
        var withEnum = parts.FindIndex(part => part.Enum.Count > 0);
        var withFormat = parts.FindIndex(part => part.Format is not null);
        return withEnum >= 0 ? withEnum : withFormat >= 0 ? withFormat : 0;
    }

    /// <summary>The schema's own constraints and, for a primitive intersection, every part's, all holding at once.</summary>
    private ConstraintsModel WithPartConstraints(OpenApiSchema schema, TypeModel type, string pointer, ConstraintsModel own)
    {
        if (PrimitiveIntersection(schema) is null)
        {
            return own;
        }

        var combined = own;
        for (var index = 0; index < schema.AllOf.Count; index++)
        {
            combined = Intersect(combined, ConstraintsFor(schema.AllOf[index], type, pointer + "/allOf/" + index.ToString(CultureInfo.InvariantCulture)));
        }

        return combined;
    }

    private static ConstraintsModel Intersect(ConstraintsModel a, ConstraintsModel b)
    {
        var (minimum, exclusiveMinimum) = Tighter(a.Minimum, a.ExclusiveMinimum, b.Minimum, b.ExclusiveMinimum, larger: true);
        var (maximum, exclusiveMaximum) = Tighter(a.Maximum, a.ExclusiveMaximum, b.Maximum, b.ExclusiveMaximum, larger: false);
        var allowed = a.AllowedValues.Count == 0 ? b.AllowedValues
            : b.AllowedValues.Count == 0 ? a.AllowedValues
            : Common(a.AllowedValues, b.AllowedValues);
        var result = new ConstraintsModel(
            Larger(a.MinItems, b.MinItems),
            Smaller(a.MaxItems, b.MaxItems),
            Larger(a.MinLength, b.MinLength),
            Smaller(a.MaxLength, b.MaxLength),
            // The model holds one pattern: the first part's stands; the service still checks the others.
            a.Pattern ?? b.Pattern,
            minimum,
            exclusiveMinimum,
            maximum,
            exclusiveMaximum,
            allowed);
        return result == ConstraintsModel.None ? ConstraintsModel.None : result;
    }

    /// <summary>
    /// The values both lists allow; when they share none no value can be right, and an empty list would mean any, so
    /// the first list stands (the service refuses what it must).
    /// </summary>
    private static EquatableArray<string> Common(EquatableArray<string> a, EquatableArray<string> b)
    {
        var inB = new HashSet<string>(b, StringComparer.Ordinal);
        var common = a.Where(inB.Contains).ToEquatableArray();
        return common.Count == 0 ? a : common;
    }

    private static int? Larger(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Smaller(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    /// <summary>The bound that lets fewer values through; at the same value, exclusive if either is.</summary>
    private static (double?, bool) Tighter(double? a, bool aExclusive, double? b, bool bExclusive, bool larger)
    {
        if (a is null || b is null)
        {
            return a is null ? (b, b is not null && bExclusive) : (a, aExclusive);
        }

        if (a.Value == b.Value)
        {
            return (a, aExclusive || bExclusive);
        }

        return (a.Value > b.Value) == larger ? (a, aExclusive) : (b, bExclusive);
    }
}

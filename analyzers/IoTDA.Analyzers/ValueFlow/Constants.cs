using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IoTDA.Analyzers.ValueFlow;

/// <summary>
/// The string, number or boolean a value is known to be at compile time. Anything else is unknown, and an unknown value is
/// never flagged.
/// </summary>
internal static class Constants
{
    /// <summary>
    /// The string a value writes, and the operation that holds it: a constant string, or the one in
    /// <c>new TargetType("devices")</c>, since a generated extensible enum wraps its wire value in a constructor that
    /// takes the string alone.
    /// </summary>
    public static bool TryGetWrittenString(IOperation operation, out IOperation written, out string value)
    {
        written = WrappedWireValue(operation) ?? operation;
        return TryGetString(written, out value);
    }

    /// <summary>A constant string: literals, consts, constant concatenation and interpolation.</summary>
    public static bool TryGetString(IOperation operation, out string value)
    {
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            value = constant;
            return true;
        }

        if (operation is IInterpolatedStringOperation interpolated)
        {
            return TryConcatenate(interpolated, out value);
        }

        value = string.Empty;
        return false;
    }

    /// <summary>A constant <c>true</c> or <c>false</c>.</summary>
    public static bool TryGetBoolean(IOperation operation, out bool value)
    {
        value = operation.ConstantValue is { HasValue: true, Value: true };
        return operation.ConstantValue is { HasValue: true, Value: bool };
    }

    /// <summary>A constant number of any numeric type, as a double.</summary>
    public static bool TryGetNumber(IOperation operation, out double value)
    {
        value = 0;
        if (!operation.ConstantValue.HasValue)
        {
            return false;
        }

        switch (operation.ConstantValue.Value)
        {
            case int number: value = number; return true;
            case long number: value = number; return true;
            case short number: value = number; return true;
            case sbyte number: value = number; return true;
            case byte number: value = number; return true;
            case ushort number: value = number; return true;
            case uint number: value = number; return true;
            case ulong number: value = number; return true;
            case float number: value = number; return true;
            case double number: value = number; return true;
            case decimal number: value = (double)number; return true;
            default: return false;
        }
    }

    private static IOperation? WrappedWireValue(IOperation operation) =>
        operation is IObjectCreationOperation { Type.TypeKind: TypeKind.Struct, Constructor.Parameters.Length: 1, Arguments.Length: 1, Initializer: null } creation
        && creation.Constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
            ? creation.Arguments[0].Value
            : null;

    /// <summary>
    /// An interpolation is a compile-time string when every hole holds a constant string or char with no alignment or
    /// format (C# itself makes it constant only for strings; a char formats the same in every culture).
    /// </summary>
    private static bool TryConcatenate(IInterpolatedStringOperation interpolated, out string value)
    {
        var builder = new StringBuilder();
        value = string.Empty;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string literal:
                    builder.Append(literal);
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole when Unconverted(hole.Expression).ConstantValue.Value is string or char:
                    builder.Append(Convert.ToString(Unconverted(hole.Expression).ConstantValue.Value, CultureInfo.InvariantCulture));
                    break;
                default:
                    return false;
            }
        }

        value = builder.ToString();
        return true;
    }

    private static IOperation Unconverted(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;
}

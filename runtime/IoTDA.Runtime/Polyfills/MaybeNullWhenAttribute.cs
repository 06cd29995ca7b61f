#if !NET
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The framework's attribute, which netstandard2.0 lacks: an out value that may be null when the method returns the given answer.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class MaybeNullWhenAttribute : Attribute
{
    public MaybeNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    public bool ReturnValue { get; }
}
#endif

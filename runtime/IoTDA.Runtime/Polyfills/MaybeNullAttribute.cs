#if !NET
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The framework's attribute, which netstandard2.0 lacks: a value that may be null whatever its type says.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, Inherited = false)]
internal sealed class MaybeNullAttribute : Attribute
{
}
#endif

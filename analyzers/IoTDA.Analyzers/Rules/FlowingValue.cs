using System.Collections.Immutable;
using IoTDA.Analyzers.ValueFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IoTDA.Analyzers.Rules;

/// <summary>
/// One value that can flow into a constrained member (one of its <see cref="Branches"/>), as the member's rules see
/// it. What is known about it is worked out on the first rule's asking and kept, so a member with both a minimum and
/// a maximum item count counts the items once.
/// </summary>
internal sealed class FlowingValue(OperationAnalysisContext context, ISymbol member, string memberName, IOperation operation)
{
    private bool _counted;
    private bool _countKnown;
    private int _count;
    private bool _countExact;
    private bool _stringRead;
    private bool _stringKnown;
    private IOperation? _written;
    private string _text = string.Empty;

    /// <summary>The property, field or parameter the value flows into.</summary>
    public ISymbol Member { get; } = member;

    /// <summary>The member's name as the spec spells it: the messages name it so, as the runtime's errors do.</summary>
    public string MemberName { get; } = memberName;

    public IOperation Operation { get; } = operation;

    /// <inheritdoc cref="CollectionCounts.TryCount"/>
    public bool TryCount(out int count, out bool exact)
    {
        if (!_counted)
        {
            _countKnown = CollectionCounts.TryCount(Operation, out _count, out _countExact);
            _counted = true;
        }

        count = _count;
        exact = _countExact;
        return _countKnown;
    }

    /// <inheritdoc cref="Constants.TryGetWrittenString"/>
    public bool TryGetString(out IOperation written, out string text)
    {
        if (!_stringRead)
        {
            _stringKnown = Constants.TryGetWrittenString(Operation, out var writtenOperation, out _text);
            _written = writtenOperation;
            _stringRead = true;
        }

        written = _written!;
        text = _text;
        return _stringKnown;
    }

    public bool TryGetNumber(out double number) => Constants.TryGetNumber(Operation, out number);

    public bool TryGetBoolean(out bool value) => Constants.TryGetBoolean(Operation, out value);

    /// <summary>Reports at <paramref name="at"/>: the value itself, or the string inside it a fix would replace.</summary>
    public void Report(DiagnosticDescriptor descriptor, IOperation at, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, at.Syntax.GetLocation(), properties, arguments));
}

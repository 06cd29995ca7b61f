namespace IoTDA.Analyzers.Rules;

/// <summary>
/// One limit the generator stamped on a member, read from one of its constraint attributes by the rule file of that
/// constraint kind; checks each value that can flow into the member.
/// </summary>
internal abstract class MemberRule
{
    /// <summary>Reports when what is known about the value breaks the limit; an unknown value is left alone.</summary>
    public abstract void Check(FlowingValue value);
}

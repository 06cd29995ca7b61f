using System.Collections.Generic;
using System.Linq;
using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>The table of a type's JSON member names, and which of them a value read must hold.</summary>
internal static partial class JsonEmitter
{
    /// <summary>
    /// The type's member names as one <c>JsonMemberNames</c> table, built on first use (a benign race builds an
    /// equal one), so a program pays only for the types it reads or writes. Readers and writers refer to a member
    /// by its position in the table.
    /// </summary>
    private static void EmitNames(SourceWriter writer, CSharp cs, ClassModel model)
    {
        var table = CSharp.Runtime + "JsonMemberNames";
        var required = model.IsReceived ? ReadRequired(cs, model).ToList() : new List<int>();
        var notNull = required.Where(index => IsNotNull(model.Properties[index])).ToList();
        var names = (required.Count > 0 ? Positions(required) + ", " + Positions(notNull) + ", " : "") +
                    string.Join(", ", model.Properties.Select(property => CSharp.Literal(property.JsonName)));
        writer.Lines($"""
            private static {table}? s_{model.Name};

            private static {table} {NamesOf(model)} => s_{model.Name} ??= new {table}({names});
            """);
    }

    private static string Positions(IReadOnlyCollection<int> positions) =>
        positions.Count == 0 ? "global::System.Array.Empty<int>()" : "new[] { " + string.Join(", ", positions.Select(CSharp.Literal)) + " }";

    /// <summary>A JSON null breaks the spec for this member: it may not be null, and a collection's null reads as empty.</summary>
    private static bool IsNotNull(PropertyModel property) => property.Null == NullHandling.LeftOut && !property.Type.IsCollection;

    /// <summary>
    /// The positions of the members a value read must hold, none where the spec's answers are not checked; a name with
    /// no UTF-8 form could never be found.
    /// </summary>
    private static IEnumerable<int> ReadRequired(CSharp cs, ClassModel model) =>
        Enumerable.Range(0, cs.ChecksRequiredInAnswers ? model.Properties.Count : 0)
            .Where(index => model.Properties[index].ReadRequired && IsWellFormed(model.Properties[index].JsonName));

    /// <summary>The table's property: a prefix no reader, writer, validator or filler name starts with, so none can clash.</summary>
    public static string NamesOf(ClassModel model) => "NamesOf" + model.Name;
}

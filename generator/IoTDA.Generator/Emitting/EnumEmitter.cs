using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// Emits the extensible enums: readonly structs over the wire string, read and written for System.Text.Json by the
/// runtime's one reflection-free <c>ExtensibleEnumConverter</c>.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(SpecModel spec)
    {
        var cs = new CSharp(spec);
        var writer = Emitter.Header(spec);
        Emitter.Separated(writer, spec.Enums, model => EmitEnum(writer, cs, spec, model));
        return Emitter.Footer(writer);
    }

    private static void EmitEnum(SourceWriter writer, CSharp cs, SpecModel spec, EnumModel model)
    {
        if (model.IsInteger)
        {
            EmitIntegerEnum(writer, spec, model);
            return;
        }

        var self = cs.Named(model.Name);
        writer.Doc("summary", model.Description);
        writer.Lines($$"""
            /// <remarks>
            /// An extensible enum: a value the service adds later reads and writes back unchanged.
            /// Any string converts to it; <see cref="ToString"/> gives the value as sent.
            /// </remarks>
            [{{CSharp.Json}}Serialization.JsonConverter(typeof({{CSharp.Runtime}}ExtensibleEnumConverter<{{self}}>))]
            {{Emitter.GeneratedCodeAttribute(spec)}}
            """);
        writer.Open(CSharp.Accessibility(spec) + " readonly partial struct " + model.Name + " : global::System.IEquatable<" + self + ">, " +
            CSharp.Runtime + "IExtensibleEnum<" + self + ">");
        writer.Lines($$"""
            private readonly string? _value;

            /// <summary>Wraps a value as sent on the wire.</summary>
            /// <param name="value">The wire value.</param>
            public {{model.Name}}(string value)
            {
                _value = value ?? throw new global::System.ArgumentNullException(nameof(value));
            }
            """);
        foreach (var member in model.Members)
        {
            writer.Line();
            writer.Line("/// <summary>The value <c>" + XmlText.Escape(member.Value) + "</c>.</summary>");
            writer.Line("public static " + self + " " + member.Name + " { get; } = new " + self + "(" + CSharp.Literal(member.Value) + ");");
        }

        writer.Line();
        writer.Lines($$"""
            /// <summary>Wraps a value as sent on the wire.</summary>
            /// <param name="value">The wire value.</param>
            public static implicit operator {{self}}(string value) => new {{self}}(value);

            /// <summary>Whether two values are the same wire value (ordinal, case-sensitive).</summary>
            /// <param name="left">The first value.</param>
            /// <param name="right">The second value.</param>
            public static bool operator ==({{self}} left, {{self}} right) => left.Equals(right);

            /// <summary>Whether two values differ.</summary>
            /// <param name="left">The first value.</param>
            /// <param name="right">The second value.</param>
            public static bool operator !=({{self}} left, {{self}} right) => !left.Equals(right);

            /// <inheritdoc/>
            public bool Equals({{self}} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{self}} other && Equals(other);

            /// <inheritdoc/>
            public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);

            /// <summary>The wire value; empty for a default instance.</summary>
            public override string ToString() => _value ?? string.Empty;

            {{self}} {{CSharp.Runtime}}IExtensibleEnum<{{self}}>.FromWire(string value) => new {{self}}(value);
            """);
        writer.Close();
    }

    /// <summary>An integer schema's values: a C# enum over <c>long</c>, so any number the service sends still reads.</summary>
    private static void EmitIntegerEnum(SourceWriter writer, SpecModel spec, EnumModel model)
    {
        writer.Doc("summary", model.Description);
        writer.Lines($$"""
            /// <remarks>Sent and read as the number; a number the spec does not list reads as that value, unnamed.</remarks>
            {{Emitter.GeneratedCodeAttribute(spec)}}
            """);
        writer.Open(CSharp.Accessibility(spec) + " enum " + model.Name + " : long");
        foreach (var member in model.Members)
        {
            writer.Line("/// <summary>The value <c>" + XmlText.Escape(member.Value) + "</c>.</summary>");
            writer.Line(member.Name + " = " + member.Value + ",");
        }

        writer.Close();
    }
}

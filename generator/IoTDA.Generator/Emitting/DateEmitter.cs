using IoTDA.Generator.Model;

namespace IoTDA.Generator.Emitting;

/// <summary>
/// The JSON class's date helpers, which every date goes through: the runtime reads and writes a <c>DateTime</c>
/// (what every framework it targets has), and a project with <c>DateOnly</c> gets the conversions here, in code that
/// compiles against that project's framework.
/// </summary>
internal static class DateEmitter
{
    private const string Reader = "ref " + CSharp.Json + "Utf8JsonReader reader";

    public static void EmitHelpers(SourceWriter writer, CSharp cs, SpecModel spec)
    {
        var date = cs.Type(TypeModel.Date);
        if (spec.DatesAsDateOnly)
        {
            writer.Lines($$"""
                public static {{date}}? ParseDate({{Reader}}) =>
                    {{CSharp.JsonHelpers}}.ReadDate(ref reader) is { } date ? {{date}}.FromDateTime(date) : ({{date}}?)null;

                public static {{date}} ParseDateItem({{Reader}}) => ParseDate(ref reader) ?? default;

                public static string FormatDate({{date}} value) => {{CSharp.Runtime}}IoTDAText.FormatDate(value.ToDateTime(global::System.TimeOnly.MinValue));
                """);
            return;
        }

        writer.Lines($$"""
            public static {{date}}? ParseDate({{Reader}}) => {{CSharp.JsonHelpers}}.ReadDate(ref reader);

            public static {{date}} ParseDateItem({{Reader}}) => {{CSharp.JsonHelpers}}.ReadDateItem(ref reader);

            public static string FormatDate({{date}} value) => {{CSharp.Runtime}}IoTDAText.FormatDate(value);
            """);
    }
}

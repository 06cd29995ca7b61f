namespace IoTDA.Generator.Model;

/// <summary>A place in the spec file, as plain numbers (a Roslyn <c>Location</c> would defeat caching).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);

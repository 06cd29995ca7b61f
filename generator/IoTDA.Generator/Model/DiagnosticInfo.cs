using Microsoft.CodeAnalysis;

namespace IoTDA.Generator.Model;

/// <summary>A spec problem to report: its descriptor (equatable by value), where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments);

using System.Text.Json;

namespace IoTDA.Runtime;

/// <summary>
/// Reads one value from a JSON reader that is positioned on the value's first token. Generated models
/// implement this shape so responses are read without reflection.
/// </summary>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

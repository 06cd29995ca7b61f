namespace IoTDA.Generator.Model;

/// <summary>
/// One value a batching or paging method passes on: to the operation's argument or the member
/// <see cref="Target"/>, from <see cref="Source"/> (<see cref="Argument"/> names the method's argument, if any).
/// </summary>
internal sealed record Binding(string Target, BindingSource Source, string Argument);

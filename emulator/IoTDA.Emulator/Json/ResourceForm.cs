namespace IoTDA.Emulator.Json;

/// <summary>The JSON forms of a product or a device: what each writer's caller asks for.</summary>
internal enum ResourceForm
{
    /// <summary>Create, show and update: everything the answer's schema has and the emulator knows.</summary>
    Answer,

    /// <summary>A list's entry: the summary schema, without the bulky or secret members.</summary>
    Summary,

    /// <summary>The state file and its journal: every member the emulator keeps, the record ID first.</summary>
    StateFile,
}

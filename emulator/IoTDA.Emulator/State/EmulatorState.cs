using System;
using System.Collections.Generic;

namespace IoTDA.Emulator.State;

/// <summary>
/// Every instance's policies and bindings behind one lock. Changes go through <see cref="Change{T}"/>, which
/// writes the state file (when there is one) before the answer leaves, so a restart never loses an acknowledged change.
/// </summary>
internal sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, InstanceRecord> _instances;
    private readonly IdGenerator _ids = new();
    private readonly StateFile? _file;

    public EmulatorState(string? stateFilePath)
    {
        _file = stateFilePath is null ? null : new StateFile(stateFilePath);
        _instances = _file?.Load() ?? new Dictionary<string, InstanceRecord>(StringComparer.Ordinal);
        foreach (var instance in _instances.Values)
        {
            foreach (var policy in instance.Policies)
            {
                _ids.Observe(policy.PolicyId);
                foreach (var target in policy.Targets)
                {
                    _ids.Observe(target.RecordId);
                }
            }
        }
    }

    /// <summary>Reads one instance; an instance never written to reads as empty.</summary>
    public T Read<T>(string instanceId, Func<InstanceRecord, T> read)
    {
        lock (_gate)
        {
            return read(_instances.TryGetValue(instanceId, out var instance) ? instance : new InstanceRecord());
        }
    }

    /// <summary>Reads and changes one instance; the file is rewritten when <paramref name="change"/> says it changed something.</summary>
    public T Change<T>(string instanceId, Func<InstanceRecord, IdGenerator, ChangeResult<T>> change)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var instance))
            {
                instance = new InstanceRecord();
                _instances.Add(instanceId, instance);
            }

            var result = change(instance, _ids);
            if (result.Changed)
            {
                _file?.Save(_instances);
            }

            return result.Value;
        }
    }
}

internal readonly struct ChangeResult<T>
{
    public ChangeResult(T value, bool changed)
    {
        Value = value;
        Changed = changed;
    }

    public T Value { get; }

    public bool Changed { get; }
}

using System;
using System.Collections.Generic;
using System.IO;
using IoTDA.Emulator.Http;

namespace IoTDA.Emulator.State;

/// <summary>
/// Every instance's policies, bindings, products and devices behind one lock. A change is decided first, written to the state file
/// (when there is one), and only then applied, before the answer leaves: a restart never loses an acknowledged
/// change, and a change the file refused is not made at all.
/// </summary>
internal sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, InstanceRecord> _instances;
    private readonly IdGenerator _ids = new();
    private readonly StateStore? _store;

    public EmulatorState(string? stateFilePath)
    {
        _store = stateFilePath is null ? null : new StateStore(stateFilePath);
        _instances = _store?.Open() ?? new Dictionary<string, InstanceRecord>(StringComparer.Ordinal);
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

            instance.Products.ForEach(product => _ids.Observe(product.RecordId));
            instance.Devices.ForEach(device => _ids.Observe(device.RecordId));
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

    /// <summary>
    /// Lets <paramref name="decide"/> look at one instance, without changing it, and say what to change; the change is
    /// written, then applied.
    /// </summary>
    public T Change<T>(string instanceId, Func<InstanceRecord, IdGenerator, ChangeResult<T>> decide)
    {
        lock (_gate)
        {
            var result = decide(_instances.TryGetValue(instanceId, out var instance) ? instance : new InstanceRecord(), _ids);
            if (result.Change is not { } change)
            {
                return result.Value;
            }

            if (_store is not null)
            {
                try
                {
                    _store.Append(change, _instances);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new ApiError(500, EmulatorErrorCodes.StateNotSaved,
                        $"The change was not made: the emulator state file '{_store.JournalPath}' cannot be written ({exception.Message}).");
                }
            }

            change.Apply(_instances);
            if (_store is { CompactionDue: true })
            {
                CompactKeepingJournal();
            }

            return result.Value;
        }
    }

    /// <summary>Folds the journal into the state file when the emulator stops, so the file alone holds the state.</summary>
    public void Close()
    {
        lock (_gate)
        {
            CompactKeepingJournal();
        }
    }

    private void CompactKeepingJournal()
    {
        try
        {
            _store?.Compact(_instances);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing is lost: the journal still holds every change since the last snapshot, and the next start
            // or threshold compacts again.
        }
    }
}

/// <summary>What a decision returns: the answer's value, and the change to make, if any.</summary>
internal readonly struct ChangeResult<T>
{
    public ChangeResult(T value, StateChange? change)
    {
        Value = value;
        Change = change;
    }

    public T Value { get; }

    public StateChange? Change { get; }
}

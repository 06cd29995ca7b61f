using System;
using System.Threading.Tasks;
using Xunit;

namespace IoTDA.Emulator.Tests;

/// <summary>One emulator for the tests that need no special options; each test isolates itself with its own Instance-Id.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private IoTDAEmulator? _emulator;

    public IoTDAEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() => _emulator = await IoTDAEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}

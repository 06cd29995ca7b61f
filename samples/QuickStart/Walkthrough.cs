using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IoTDA.Runtime;

namespace IoTDA.QuickStart;

/// <summary>
/// The quick start's calls, in order. Whatever it creates is recorded as it goes and deleted at the end, on failure
/// too, so a run against a real instance leaves nothing behind.
/// </summary>
internal sealed class Walkthrough
{
    private const int BoundCount = 45;
    private const int NeverBoundCount = 3;

    private readonly IoTDAClient _client;
    private readonly string _suffix = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    private readonly List<string> _deviceIds = new();
    private string? _productId;
    private string? _policyId;

    public Walkthrough(IoTDAClient client) => _client = client;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateProductAndDevicesAsync(cancellationToken);
            await CreatePolicyAsync(cancellationToken);
            await BindAndUnbindAsync(cancellationToken);
        }
        finally
        {
            // Not cancellable: a cancelled run still removes what it created.
            await CleanUpAsync(CancellationToken.None);
        }
    }

    private async Task CreateProductAndDevicesAsync(CancellationToken cancellationToken)
    {
        var product = await _client.CreateProductAsync(
            new CreateProductRequestBody
            {
                Name = "quickstart_" + _suffix,
                DeviceType = "Sensor",
                ProtocolType = ProductProtocolType.Mqtt,
                DataFormat = ProductDataFormat.Json,
                ServiceCapabilities = new[] { new ServiceCapability { ServiceId = "Telemetry", ServiceType = "Telemetry" } },
            },
            cancellationToken: cancellationToken);
        _productId = product.ProductId ?? throw new InvalidOperationException("The service created a product but sent back no product_id.");
        Console.WriteLine($"Created product {product.Name} ({_productId}).");

        for (var index = 1; index <= BoundCount + NeverBoundCount; index++)
        {
            var device = await _client.AddDeviceAsync(
                new AddDeviceRequestBody { ProductId = _productId, NodeId = "quickstart-" + index.ToString("000", CultureInfo.InvariantCulture) },
                cancellationToken: cancellationToken);
            _deviceIds.Add(device.DeviceId ?? throw new InvalidOperationException("The service added a device but sent back no device_id."));
        }

        Console.WriteLine($"Added {_deviceIds.Count} devices to it.");
    }

    private async Task CreatePolicyAsync(CancellationToken cancellationToken)
    {
        var policy = await _client.CreateDevicePolicyAsync(
            new CreateDevicePolicyRequestBody
            {
                PolicyName = "quickstart_" + _suffix,
                Statement = new[]
                {
                    new DevicePolicyStatement
                    {
                        Effect = Effect.Allow,
                        Actions = new[] { "iotda:devices:publish", "iotda:devices:subscribe" },
                        Resources = new[] { "topic:/v1/${devices.deviceId}/test/hello" },
                    },
                },
            },
            cancellationToken: cancellationToken);
        _policyId = policy.PolicyId ?? throw new InvalidOperationException("The service created a policy but sent back no policy_id.");
        Console.WriteLine($"Created policy {policy.PolicyName} ({_policyId}).");
    }

    private async Task BindAndUnbindAsync(CancellationToken cancellationToken)
    {
        var policyId = _policyId!;
        var toBind = _deviceIds.Take(BoundCount).ToArray();
        Console.WriteLine($"Binding {toBind.Length} devices, 20 per call:");
        var bound = await _client.BindDevicePolicyInBatchesAsync(policyId, TargetType.Device, toBind, new ConsoleProgress(), cancellationToken: cancellationToken);

        var listed = 0;
        await foreach (var _ in _client.ShowTargetsInDevicePolicyAllAsync(policyId, TargetType.Device, limit: 50, cancellationToken: cancellationToken))
        {
            listed++;
        }

        Console.WriteLine($"The policy now lists {listed} bound devices.");

        var missing = _productId + "_quickstart-missing";
        var toUnbind = _deviceIds.Append(missing).ToArray();
        Console.WriteLine($"Unbinding {toUnbind.Length} devices ({toBind.Length} bound, {NeverBoundCount} never bound, 1 that does not exist), 20 per call:");
        var unbound = await _client.UnbindDevicePolicyInBatchesAsync(policyId, TargetType.Device, toUnbind, new ConsoleProgress(), cancellationToken: cancellationToken);

        Console.WriteLine();
        ResultTable.Print(("bind", toBind.Length, bound), ("unbind", toUnbind.Length, unbound));
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        if (_policyId is not null)
        {
            await _client.DeleteDevicePolicyAsync(_policyId, cancellationToken: cancellationToken);
            Console.WriteLine($"Deleted policy {_policyId}.");
        }

        foreach (var deviceId in _deviceIds)
        {
            await _client.DeleteDeviceAsync(deviceId, cancellationToken: cancellationToken);
        }

        if (_deviceIds.Count > 0)
        {
            Console.WriteLine($"Deleted {_deviceIds.Count} devices.");
        }

        if (_productId is not null)
        {
            await _client.DeleteProductAsync(_productId, cancellationToken: cancellationToken);
            Console.WriteLine($"Deleted product {_productId}.");
        }
    }

    /// <summary>Writes each report as it comes, on the caller's thread, so lines keep their order.</summary>
    private sealed class ConsoleProgress : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) =>
            Console.WriteLine($"  batch {value.CompletedBatches}/{value.TotalBatches}: {value.CompletedItems}/{value.TotalItems} IDs done, {value.SucceededItems} succeeded, {value.FailedItems} failed");
    }
}

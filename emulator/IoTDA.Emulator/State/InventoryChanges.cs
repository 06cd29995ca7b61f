using System.IO;
using System.Text.Json;
using IoTDA.Emulator.Json;

namespace IoTDA.Emulator.State;

/// <summary>
/// Changes to products and devices. A create or an update carries the whole record as it is after the change, so
/// replaying a journal line needs nothing but the line.
/// </summary>
internal sealed class ProductCreated(string instanceId, ProductRecord product) : StateChange(instanceId)
{
    public const string Name = "product_create";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance)
    {
        if (instance.FindProduct(product.ProductId) is not null)
        {
            throw new InvalidDataException($"A {Kind} change adds the product {product.ProductId}, which instance '{InstanceId}' already holds.");
        }

        instance.Products.Add(product);
    }

    protected override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("product");
        ProductJson.Write(writer, product, ResourceForm.StateFile);
    }
}

internal sealed class ProductUpdated(string instanceId, ProductRecord product) : StateChange(instanceId)
{
    public const string Name = "product_update";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance) =>
        instance.Products[IndexOf(instance.Products.FindIndex(found => found.ProductId == product.ProductId), "product", product.ProductId)] = product;

    protected override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("product");
        ProductJson.Write(writer, product, ResourceForm.StateFile);
    }
}

/// <summary>Removes a product and unbinds it from every policy, so no policy names a product that is gone.</summary>
internal sealed class ProductDeleted(string instanceId, string productId) : StateChange(instanceId)
{
    public const string Name = "product_delete";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance)
    {
        instance.Products.RemoveAt(IndexOf(instance.Products.FindIndex(found => found.ProductId == productId), "product", productId));
        Unbind(instance, "product", productId);
    }

    protected override void WriteMembers(Utf8JsonWriter writer) => writer.WriteString("product_id", productId);
}

internal sealed class DeviceCreated(string instanceId, DeviceRecord device) : StateChange(instanceId)
{
    public const string Name = "device_create";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance)
    {
        if (instance.FindDevice(device.DeviceId) is not null)
        {
            throw new InvalidDataException($"A {Kind} change adds the device {device.DeviceId}, which instance '{InstanceId}' already holds.");
        }

        instance.Devices.Add(device);
    }

    protected override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("device");
        DeviceJson.Write(writer, device, productName: null, ResourceForm.StateFile);
    }
}

internal sealed class DeviceUpdated(string instanceId, DeviceRecord device) : StateChange(instanceId)
{
    public const string Name = "device_update";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance) =>
        instance.Devices[IndexOf(instance.Devices.FindIndex(found => found.DeviceId == device.DeviceId), "device", device.DeviceId)] = device;

    protected override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("device");
        DeviceJson.Write(writer, device, productName: null, ResourceForm.StateFile);
    }
}

/// <summary>Removes a device and unbinds it from every policy it is bound to.</summary>
internal sealed class DeviceDeleted(string instanceId, string deviceId) : StateChange(instanceId)
{
    public const string Name = "device_delete";

    protected override string Kind => Name;

    protected override void Apply(InstanceRecord instance)
    {
        instance.Devices.RemoveAt(IndexOf(instance.Devices.FindIndex(found => found.DeviceId == deviceId), "device", deviceId));
        Unbind(instance, "device", deviceId);
    }

    protected override void WriteMembers(Utf8JsonWriter writer) => writer.WriteString("device_id", deviceId);
}

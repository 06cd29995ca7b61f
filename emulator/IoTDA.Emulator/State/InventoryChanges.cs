namespace IoTDA.Emulator.State;

// The changes to products and devices, each named as the journal names it; what they do is in RecordChanges.cs.

internal sealed class ProductCreated(string instanceId, ProductRecord product)
    : RecordCreated<ProductRecord>(instanceId, RecordKinds.Product, product)
{
    public const string Name = "product_create";

    protected override string Kind => Name;
}

internal sealed class ProductUpdated(string instanceId, ProductRecord product)
    : RecordUpdated<ProductRecord>(instanceId, RecordKinds.Product, product)
{
    public const string Name = "product_update";

    protected override string Kind => Name;
}

internal sealed class ProductDeleted(string instanceId, string productId)
    : TargetDeleted<ProductRecord>(instanceId, RecordKinds.Product, productId)
{
    public const string Name = "product_delete";

    protected override string Kind => Name;
}

internal sealed class DeviceCreated(string instanceId, DeviceRecord device)
    : RecordCreated<DeviceRecord>(instanceId, RecordKinds.Device, device)
{
    public const string Name = "device_create";

    protected override string Kind => Name;
}

internal sealed class DeviceUpdated(string instanceId, DeviceRecord device)
    : RecordUpdated<DeviceRecord>(instanceId, RecordKinds.Device, device)
{
    public const string Name = "device_update";

    protected override string Kind => Name;
}

internal sealed class DeviceDeleted(string instanceId, string deviceId)
    : TargetDeleted<DeviceRecord>(instanceId, RecordKinds.Device, deviceId)
{
    public const string Name = "device_delete";

    protected override string Kind => Name;
}

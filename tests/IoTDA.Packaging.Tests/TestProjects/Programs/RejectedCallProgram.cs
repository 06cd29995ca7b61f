using IoTDA;

// "devices" is not one of target_type's values: the package's analyzers report IOTDA002 here at build time.
var body = new DevicePolicyTargetsRequestBody { TargetType = "devices", TargetIds = new[] { "id-1" } };
System.Console.WriteLine(body.TargetType);

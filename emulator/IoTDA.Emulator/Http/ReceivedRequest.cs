namespace IoTDA.Emulator.Http;

/// <summary>What the gateway middleware read from a request for the handlers: its ID, its exact body, its instance.</summary>
internal sealed class ReceivedRequest
{
    public ReceivedRequest(string requestId, byte[] body, string instanceId)
    {
        RequestId = requestId;
        Body = body;
        InstanceId = instanceId;
    }

    public string RequestId { get; }

    public byte[] Body { get; }

    public string InstanceId { get; }
}

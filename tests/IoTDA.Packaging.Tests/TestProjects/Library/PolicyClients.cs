using System.Net.Http;
using IoTDA.Runtime;

namespace Library
{
    public static class PolicyClients
    {
        public static IoTDA.IoTDAClient Create(HttpClient httpClient, IoTDAClientOptions options) =>
            new IoTDA.IoTDAClient(httpClient, options);
    }
}

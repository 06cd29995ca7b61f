using System;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace IoTDA.Benchmarks;

/// <summary>
/// The hashing every plain signature needs, alone: SHA-256 of the body, SHA-256 of the canonical request, one
/// HMAC-SHA256 of the string-to-sign. Their sum is the floor under <see cref="SigningBenchmarks"/> on this machine,
/// which says how much of the 3 µs goal is left for everything else. The reused-HMAC row shows what keeping one
/// HMAC state per key (instead of the one-shot API, which sets up a new one per call) would save.
/// </summary>
[MemoryDiagnoser]
public class SigningPrimitivesBenchmarks
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(UnbindRequest.SecretKey);

    // Sizes of the unbind request's canonical request (~430 bytes) and string-to-sign (~100 bytes).
    private readonly byte[] _canonicalRequest = new byte[430];
    private readonly byte[] _stringToSign = new byte[100];
    private readonly byte[] _hash = new byte[32];
    private IncrementalHash _reusedHmac = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(_canonicalRequest);
        new Random(43).NextBytes(_stringToSign);
        _reusedHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
    }

    [GlobalCleanup]
    public void Cleanup() => _reusedHmac.Dispose();

    [Benchmark]
    public byte[] Sha256_Body()
    {
        SHA256.HashData(UnbindRequest.Body, _hash);
        return _hash;
    }

    [Benchmark]
    public byte[] Sha256_CanonicalRequest()
    {
        SHA256.HashData(_canonicalRequest, _hash);
        return _hash;
    }

    [Benchmark]
    public byte[] HmacSha256_OneShot()
    {
        HMACSHA256.HashData(_key, _stringToSign, _hash);
        return _hash;
    }

    [Benchmark]
    public byte[] HmacSha256_Reused()
    {
        _reusedHmac.AppendData(_stringToSign);
        _reusedHmac.GetHashAndReset(_hash);
        return _hash;
    }
}

using System.Buffers.Binary;

namespace NewsBrief.Core.Storage;

/// <summary>A float vector as stored in a BLOB / BYTEA column: each float32 little-endian, whatever the machine.</summary>
public static class VectorBlob
{
    public static byte[] ToBytes(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    /// <summary>The vector of a stored value; null when it is not a whole number of floats (a damaged row is encoded again, not trusted).</summary>
    public static float[]? FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0 || bytes.Length % sizeof(float) != 0) return null;
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return vector;
    }
}

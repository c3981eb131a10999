using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Retort.Scripting.Internal;

/// <summary>
/// Everything a compilation depends on, read from disk once, and the content hash that names its
/// cached assembly.
/// </summary>
internal sealed class ScriptInputs
{
    private ScriptInputs(IReadOnlyList<ScriptSource> sources, IReadOnlyList<ScriptSource> references)
    {
        Sources = sources;
        References = references;
    }

    /// <summary>The sources ordered by <see cref="ScriptSource.KeyPath"/>, so the caller's order does not matter.</summary>
    public IReadOnlyList<ScriptSource> Sources { get; }

    /// <summary>The extra assemblies (model assemblies) to compile against, ordered the same way.</summary>
    public IReadOnlyList<ScriptSource> References { get; }

    /// <summary>Reads every source and reference; a missing file is a <see cref="RetortException"/>.</summary>
    public static async Task<ScriptInputs> ReadAsync(
        IReadOnlyList<string> sourcePaths, IReadOnlyList<string> referencePaths, string cacheDirectory,
        CancellationToken cancellationToken)
    {
        var sources = await ReadAllAsync(sourcePaths, cacheDirectory, cancellationToken).ConfigureAwait(false);
        var references = await ReadAllAsync(referencePaths, cacheDirectory, cancellationToken).ConfigureAwait(false);
        return new ScriptInputs(sources, references);
    }

    /// <summary>
    /// SHA-256, as lowercase hex, over the compiler settings, the identity of the Retort library and of
    /// this compiler (so upgrading the tool invalidates the cache), and each input's path and content.
    /// </summary>
    public string ComputeKey()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, ScriptSettings.Fingerprint);
        Append(hash, typeof(Migration).Assembly.ManifestModule.ModuleVersionId.ToString());
        Append(hash, typeof(ScriptInputs).Assembly.ManifestModule.ModuleVersionId.ToString());
        Append(hash, RuntimeInformation.FrameworkDescription);
        foreach (var (kind, files) in new[] { ("source", Sources), ("reference", References) })
        {
            foreach (var file in files)
            {
                Append(hash, kind);
                Append(hash, file.KeyPath);
                Append(hash, file.Content);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task<ScriptSource[]> ReadAllAsync(
        IReadOnlyList<string> paths, string cacheDirectory, CancellationToken cancellationToken)
    {
        var files = new ScriptSource[paths.Count];
        // Small files: the cost is one open/read/close each, so two threads per core keep the disk busy.
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Environment.ProcessorCount * 2,
        };
        await Parallel.ForAsync(0, paths.Count, parallel, async (i, ct) =>
        {
            string fullPath = Path.GetFullPath(paths[i]);
            string keyPath = Path.GetRelativePath(cacheDirectory, fullPath).Replace('\\', '/');
            files[i] = new ScriptSource(paths[i], fullPath, keyPath, await ReadFileAsync(paths[i], ct).ConfigureAwait(false));
        }).ConfigureAwait(false);
        Array.Sort(files, (a, b) => string.CompareOrdinal(a.KeyPath, b.KeyPath));
        return files;
    }

    private static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new RetortException($"cannot read script '{path}': {e.Message}", e);
        }
    }

    private static void Append(IncrementalHash hash, string text) => Append(hash, Encoding.UTF8.GetBytes(text));

    // Length-prefixed, so that no two different input lists hash the same bytes.
    private static void Append(IncrementalHash hash, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(length, (long)bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}

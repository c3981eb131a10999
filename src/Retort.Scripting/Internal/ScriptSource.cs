namespace Retort.Scripting.Internal;

/// <summary>One source file, read once: its bytes feed both the cache key and, on a miss, the parser.</summary>
/// <param name="GivenPath">The path as the caller wrote it, used in error messages.</param>
/// <param name="FullPath">The absolute path, recorded in the PDB so stack traces point at the file.</param>
/// <param name="KeyPath">The path relative to the cache folder with '/' separators, hashed into the key.</param>
/// <param name="Content">The file's bytes as they are on disk.</param>
internal sealed record ScriptSource(string GivenPath, string FullPath, string KeyPath, byte[] Content);

namespace Liftoff.Engine.IO;

/// <summary>
/// The static file-system helpers of NUKE 6 (<c>using static Nuke.Common.IO.FileSystemTasks;</c>), kept for builds
/// written against it; newer builds call the same operations on <see cref="AbsolutePath"/>.
/// </summary>
public static class FileSystemTasks
{
    public static void EnsureCleanDirectory(AbsolutePath directory) => directory.CreateOrCleanDirectory();
    public static void EnsureExistingDirectory(AbsolutePath directory) => directory.CreateDirectory();
    public static void DeleteDirectory(AbsolutePath directory) => directory.DeleteDirectory();
    public static void DeleteFile(AbsolutePath file) => file.DeleteFile();
    public static void CopyFileToDirectory(AbsolutePath file, AbsolutePath directory) => file.CopyToDirectory(directory, overwrite: true);
}

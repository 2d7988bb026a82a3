using Liftoff.Components;
using Liftoff.Engine;

namespace Liftoff.Build;

/// <summary>Liftoff's own pipeline, composed from the reusable stages in src/Liftoff/Components.</summary>
internal sealed partial class Build : LiftoffBuild,
    ICompile, ITest, IPackage, IUpload, IDeploy, ISmokeTest, IInvalidateCdn, IRollback, ILocalAws, IHazAws, IReleases,
    IGenerateCi, IAffected, ICiPolicy, IPipeline, IInvoke
{
    public static Task<int> Main(string[] args) => Execute<Build>(args, x => ((ICompile)x).Compile);
}

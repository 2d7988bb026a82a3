namespace Liftoff.Configuration;

/// <summary>Which builder stages a function: Node (npm), TypeScript (esbuild) or Python (pip).</summary>
public enum FunctionBuilder { Node, TypeScript, Python }

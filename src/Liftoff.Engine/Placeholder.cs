namespace Liftoff.Engine; public static class Placeholder {}

package org.roomnet.core.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cheap check for an NVIDIA driver before asking ONNX Runtime for CUDA: without a driver, the GPU
 * runtime first unpacks ~580 MB of CUDA libraries to a temp folder and only then fails.
 */
public final class NvidiaDriverProbe {

    private static final List<String> LINUX_LIBRARY_DIRS = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/usr/lib",
            "/usr/local/nvidia/lib64",
            "/usr/local/nvidia/lib",
            "/usr/lib/wsl/lib",
            "/run/opengl-driver/lib");

    private NvidiaDriverProbe() {}

    public static boolean driverPresent() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String systemRoot = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            return Files.exists(Path.of(systemRoot, "System32", "nvcuda.dll"));
        }
        if (os.contains("linux")) {
            boolean device = Files.exists(Path.of("/dev/nvidiactl"))
                    || Files.exists(Path.of("/dev/nvidia0"))
                    || Files.exists(Path.of("/dev/dxg"));
            return device && libcudaFound(libraryDirs());
        }
        return false; // macOS has no CUDA
    }

    static boolean libcudaFound(List<Path> dirs) {
        return dirs.stream().anyMatch(dir -> Files.exists(dir.resolve("libcuda.so.1")));
    }

    private static List<Path> libraryDirs() {
        List<Path> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String part : ld.split(":")) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part));
                }
            }
        }
        LINUX_LIBRARY_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return dirs;
    }
}
